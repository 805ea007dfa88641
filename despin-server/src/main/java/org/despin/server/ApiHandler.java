package org.despin.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.despin.DespinException;
import org.despin.detect.Report;
import org.despin.source.SourceMatch;
import org.despin.source.SourcesJson;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes requests and turns every outcome into a response: the page, health, and the check,
 * restore and source endpoints (read the body, queue the work, answer when it is done). Every
 * failure goes through {@link #sendError}, the one place that renders an error for the client.
 */
final class ApiHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    /** The page may load only what this server serves: no CDN, no inline script. */
    private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private enum Endpoint { CHECK, RESTORE, SOURCE }

    /** Sources answered when the client does not say how many. */
    static final int DEFAULT_TOP = 5;
    /** The most sources one request may ask for: each is aligned with the text, so this bounds the work. */
    static final int MAX_TOP = 100;

    private final TextChecker checker;
    private final SourceLookup sources;
    private final String modelName;
    private final SubmissionReader reader;
    private final UploadExtractor extractor;
    private final WorkQueue queue;
    private final ReportJson reportJson;
    private final JsonResponses json;
    private final StaticAssets assets;

    /** {@code sources} is null when the server has no source index: the source endpoint then answers 501. */
    ApiHandler(TextChecker checker, SourceLookup sources, String modelName, SubmissionReader reader,
            UploadExtractor extractor, WorkQueue queue, ReportJson reportJson, JsonResponses json, StaticAssets assets) {
        super(InvocationType.BLOCKING); // reading a body blocks
        this.checker = checker;
        this.sources = sources;
        this.modelName = modelName;
        this.reader = reader;
        this.extractor = extractor;
        this.queue = queue;
        this.reportJson = reportJson;
        this.json = json;
        this.assets = assets;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        try {
            switch (path == null ? "" : path) {
                case "/api/v1/check" -> submit(Endpoint.CHECK, request, response, callback);
                case "/api/v1/restore" -> submit(Endpoint.RESTORE, request, response, callback);
                case "/api/v1/source" -> {
                    if (sources == null) {
                        requireMethod(request, "POST");
                        throw new HttpError(501, "source finding is off: start the server with --index DIR"
                                + " (a source index built by 'despin index')");
                    }
                    submit(Endpoint.SOURCE, request, response, callback);
                }
                case "/api/v1/health" -> {
                    requireMethod(request, "GET");
                    Map<String, String> health = new LinkedHashMap<>();
                    health.put("status", "ok");
                    health.put("model", modelName);
                    health.put("source", sources == null ? "off" : "on"); // the page offers source finding when on
                    send(response, callback, 200, "application/json; charset=utf-8", json.fields(health));
                }
                default -> servePage(path, request, response, callback);
            }
        } catch (HttpError e) {
            refuse(request, response, callback, e);
        } catch (IOException e) {
            // the client went away or sent a broken body mid-read
            refuse(request, response, callback, new HttpError(400, "the body could not be read"));
        } catch (RuntimeException e) {
            LOG.error("unexpected failure on {} {}", request.getMethod(), path, e);
            refuse(request, response, callback, new HttpError(500, "internal error"));
        }
        return true;
    }

    /**
     * An error answered before the body was read to its end (415, 413, 405, 501...): the rest of
     * the body is still on the connection, so the connection is closed after the answer, and the
     * response says so; a client must not send its next request on it.
     */
    private void refuse(Request request, Response response, Callback callback, HttpError e) {
        if (!bodyFullyRead(request)) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        sendError(response, callback, e);
    }

    /** Whether the request body has been read to its end, checked without blocking. */
    private static boolean bodyFullyRead(Request request) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
            return false; // more may come: not read to the end
        }
        try {
            return chunk.isLast() && !chunk.hasRemaining() && !Content.Chunk.isFailure(chunk);
        } finally {
            chunk.release();
        }
    }

    private void servePage(String path, Request request, Response response, Callback callback) throws HttpError {
        StaticAssets.Asset asset = assets.get(path);
        if (asset == null) {
            throw new HttpError(404, "not found");
        }
        requireMethod(request, "GET");
        response.getHeaders().put("Content-Security-Policy", PAGE_POLICY);
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        send(response, callback, 200, asset.contentType(), asset.bytes());
    }

    private void submit(Endpoint endpoint, Request request, Response response, Callback callback)
            throws HttpError, IOException {
        requireMethod(request, "POST");
        Submission submission = reader.read(request);
        boolean plainRestore = endpoint == Endpoint.RESTORE && wantsPlainText(request);
        int top = endpoint == Endpoint.SOURCE ? top(submission, request) : DEFAULT_TOP;
        boolean passageText = endpoint == Endpoint.SOURCE && passageText(request);
        queue.submit(() -> answer(endpoint, submission, plainRestore, top, passageText)).whenComplete((reply, failure) -> {
            if (failure == null) {
                send(response, callback, 200, reply.contentType(), reply.body());
            } else {
                sendError(response, callback, asHttpError(failure));
            }
        });
    }

    /** A finished answer, built on the worker thread (rendering is work too). */
    private record Reply(String contentType, byte[] body) {
    }

    /** How many sources: the body's {@code top} if it has one, else the {@code ?top=K} query parameter, else 5. */
    private static int top(Submission submission, Request request) throws HttpError {
        int top;
        if (submission.top().isPresent()) {
            top = submission.top().getAsInt();
        } else {
            String query = Request.extractQueryParameters(request).getValue("top");
            if (query == null) {
                return DEFAULT_TOP;
            }
            try {
                top = Integer.parseInt(query.strip());
            } catch (NumberFormatException e) {
                throw new HttpError(400, "\"top\" must be a whole number");
            }
        }
        if (top < 1 || top > MAX_TOP) {
            throw new HttpError(400, "\"top\" must be between 1 and " + MAX_TOP + ", got " + top);
        }
        return top;
    }

    /**
     * {@code ?passages=text}: each aligned passage also carries the source's text (the page shows
     * it beside the query's); without it the answer is byte for byte {@code despin source --format json}.
     */
    private static boolean passageText(Request request) throws HttpError {
        String value = Request.extractQueryParameters(request).getValue("passages");
        if (value == null || value.equals("offsets")) {
            return false;
        }
        if (value.equals("text")) {
            return true;
        }
        throw new HttpError(400, "\"passages\" must be \"text\" or \"offsets\"");
    }

    private Reply answer(Endpoint endpoint, Submission submission, boolean plainRestore, int top, boolean passageText)
            throws HttpError {
        String text;
        String source = null;
        if (submission instanceof Submission.Uploaded file) {
            text = extractor.extract(file);
            source = file.fileName();
        } else {
            text = ((Submission.Pasted) submission).text();
        }
        if (endpoint == Endpoint.SOURCE) {
            return new Reply("application/json; charset=utf-8", findSources(text, top, passageText));
        }
        Report report = checker.check(text);
        if (endpoint == Endpoint.CHECK) {
            // an upload's offsets refer to the extracted text, which the client does not have: send it along
            return new Reply("application/json; charset=utf-8",
                    reportJson.write(report, source, source == null ? null : text));
        }
        if (plainRestore) {
            return new Reply("text/plain; charset=utf-8", report.restored().getBytes(StandardCharsets.UTF_8));
        }
        Map<String, String> restored = new LinkedHashMap<>();
        restored.put("restored", report.restored());
        if (source != null) {
            restored.put("source", source);
        }
        return new Reply("application/json; charset=utf-8", json.fields(restored));
    }

    /** The {@code despin.sources/1} document, rendered by the same code as {@code despin source --format json}. */
    private byte[] findSources(String text, int top, boolean passageText) throws HttpError {
        if (text.isBlank()) {
            throw new HttpError(400, "the text is empty: nothing to look up");
        }
        List<SourceMatch> matches;
        try {
            matches = sources.find(text, top);
        } catch (DespinException e) {
            LOG.error("source lookup failed: {}", e.getMessage()); // names the index path: for the log, not the client
            throw new HttpError(500, "the source index could not be searched");
        }
        return SourcesJson.render(matches, passageText).getBytes(StandardCharsets.UTF_8);
    }

    private HttpError asHttpError(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof HttpError e) {
            return e;
        }
        if (t instanceof TimeoutException) {
            return new HttpError(503, "the request took longer than the limit of "
                    + queue.timeLimit().toMillis() + " ms; send a shorter text or retry later");
        }
        LOG.error("check failed", t);
        return new HttpError(500, "internal error");
    }

    /**
     * {@code Accept: text/plain} asks for the restored text alone; anything else (no header,
     * {@code *}{@code /*}, JSON first) gets JSON.
     */
    private static boolean wantsPlainText(Request request) {
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        if (accept == null) {
            return false;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        int plain = a.indexOf("text/plain");
        int jsonAt = a.indexOf("application/json");
        return plain >= 0 && (jsonAt < 0 || plain < jsonAt);
    }

    private static void requireMethod(Request request, String method) throws HttpError {
        if (!request.getMethod().equals(method)) {
            throw new HttpError(405, "use " + method, Map.of("Allow", method));
        }
    }

    private static void send(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private void sendError(Response response, Callback callback, HttpError e) {
        e.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        send(response, callback, e.status(), "application/json; charset=utf-8", json.error(e.status(), e.getMessage()));
    }
}
