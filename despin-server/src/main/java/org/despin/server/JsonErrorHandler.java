package org.despin.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The global error handler: whatever Jetty itself rejects (a malformed request line, headers
 * too large, an exception escaping a handler) is answered in the API's JSON error shape with
 * the standard reason phrase only, never the exception's message, stack or a server path.
 */
final class JsonErrorHandler extends ErrorHandler {
    private final JsonResponses json;

    JsonErrorHandler(JsonResponses json) {
        this.json = json;
        setShowStacks(false);
        setShowCauses(false);
        setShowOrigin(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        byte[] body = json.error(code, reason(code));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8"));
        return ByteBuffer.wrap(json.error(status, reason(status)));
    }

    private static String reason(int code) {
        String r = HttpStatus.getMessage(code);
        return r == null ? "error " + code : r.toLowerCase(java.util.Locale.ROOT);
    }
}
