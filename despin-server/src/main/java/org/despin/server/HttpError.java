package org.despin.server;

import java.util.Map;

/**
 * A request that cannot be served, with the status and a message safe to show the client
 * (never a stack trace or a server path). Rendered as {@code {"error": {"status": 413,
 * "message": "..."}}} in exactly one place ({@link JsonResponses#error}).
 */
final class HttpError extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final Map<String, String> headers;

    HttpError(int status, String message) {
        this(status, message, Map.of());
    }

    HttpError(int status, String message, Map<String, String> headers) {
        super(message, null, false, false); // a client error, not a bug: no stack trace to fill
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    int status() {
        return status;
    }

    /** Extra response headers, e.g. Retry-After or Allow. */
    Map<String, String> headers() {
        return headers;
    }
}
