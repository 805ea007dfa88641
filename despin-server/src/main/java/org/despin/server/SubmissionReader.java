package org.despin.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Turns a request body into a {@link Submission}: checks the content type (415), reads at most
 * the configured number of bytes (413), and decodes strict UTF-8 and JSON (400). The body is
 * never read past the limit, whatever Content-Length says or does not say (chunked bodies).
 */
final class SubmissionReader {
    /** Bytes past the limit that are still read (and dropped) so that the 413 reliably reaches the client. */
    private static final long SWALLOW_BYTES = 1 << 20;

    private static final int MAX_PARTS = 16;

    private final long maxBodyBytes;
    private final ObjectMapper json;

    SubmissionReader(long maxBodyBytes, ObjectMapper json) {
        this.maxBodyBytes = maxBodyBytes;
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    Submission read(Request request) throws HttpError, IOException {
        MediaType type = MediaType.parse(request.getHeaders().get("Content-Type"));
        boolean known = type.type().equals(MediaType.TEXT) || type.type().equals(MediaType.JSON)
                || type.type().equals(MediaType.MULTIPART);
        if (!known) {
            throw new HttpError(415, "send text/plain; charset=utf-8, application/json {\"text\": ...}"
                    + " or multipart/form-data with a .txt, .docx or .pdf file");
        }
        if (!type.isUtf8()) {
            throw new HttpError(415, "only UTF-8 is accepted, got charset " + type.charset());
        }
        byte[] body = readBounded(request);
        return switch (type.type()) {
            case MediaType.TEXT -> new Submission.Pasted(decodeUtf8(body, "the body"), OptionalInt.empty());
            case MediaType.JSON -> jsonObject(decodeUtf8(body, "the body"));
            default -> multipart(type, body);
        };
    }

    private byte[] readBounded(Request request) throws HttpError, IOException {
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            if (declared - maxBodyBytes <= SWALLOW_BYTES) {
                // a body a little over the limit is read and dropped before the answer: closing the
                // connection on a client still sending can reset it before the 413 reaches it
                Content.Source.consumeAll(request);
            }
            throw tooLarge();
        }
        int initial = (int) Math.min(declared >= 0 ? declared : 8192, maxBodyBytes);
        byte[] buf = new byte[Math.max(initial, 16)];
        int size = 0;
        try (InputStream in = Content.Source.asInputStream(request)) {
            while (true) {
                if (size == buf.length) {
                    if (size > maxBodyBytes) {
                        throw tooLarge();
                    }
                    // grow, but never beyond one byte past the limit (that byte proves the body is too long)
                    buf = Arrays.copyOf(buf, (int) Math.min((long) size * 2, maxBodyBytes + 1));
                }
                int n = in.read(buf, size, buf.length - size);
                if (n < 0) {
                    break;
                }
                size += n;
            }
        }
        if (size > maxBodyBytes) {
            throw tooLarge();
        }
        return size == buf.length ? buf : Arrays.copyOf(buf, size);
    }

    private HttpError tooLarge() {
        return new HttpError(413, "the body is larger than the limit of " + maxBodyBytes + " bytes");
    }

    /** Strict UTF-8: a malformed or truncated sequence is a 400 naming its byte offset. */
    static String decodeUtf8(byte[] bytes, String what) throws HttpError {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isUnderflow()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            throw new HttpError(400, what + " is not valid UTF-8 (at byte " + in.position() + ")");
        }
        return out.flip().toString();
    }

    /** {@code {"text": "...", "top": K}}; {@code top} is optional and only the source endpoint reads it. */
    private Submission jsonObject(String body) throws HttpError {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            // Jackson's limits (nesting depth 1000, numbers of 1000 digits) say no line and column
            throw new HttpError(400, "JSON past the parser's limits (nesting depth, number length)");
        } catch (JsonProcessingException e) {
            if (e.getLocation() == null) {
                throw new HttpError(400, "malformed JSON");
            }
            throw new HttpError(400, "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
        }
        JsonNode text = node == null ? null : node.get("text");
        if (node == null || !node.isObject() || text == null || !text.isTextual()) {
            throw new HttpError(400, "expected a JSON object with a string field \"text\"");
        }
        JsonNode top = node.get("top");
        if (top == null || top.isNull()) {
            return new Submission.Pasted(text.textValue(), OptionalInt.empty());
        }
        if (!top.isIntegralNumber() || !top.canConvertToInt()) {
            throw badTop();
        }
        return new Submission.Pasted(text.textValue(), OptionalInt.of(top.intValue()));
    }

    private static HttpError badTop() {
        return new HttpError(400, "\"top\" must be a whole number");
    }

    private Submission multipart(MediaType type, byte[] body) throws HttpError {
        String boundary = MultiPart.extractBoundary(type.header());
        if (boundary == null || boundary.isEmpty()) {
            throw new HttpError(400, "multipart/form-data without a boundary");
        }
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setMaxParts(MAX_PARTS);
        parser.setMaxLength(maxBodyBytes);
        parser.setMaxFileSize(maxBodyBytes);
        parser.setMaxMemoryFileSize(maxBodyBytes); // the body is already in memory and bounded: no temp files
        try (MultiPartFormData.Parts parts = parser.parse(Content.Source.from(ByteBuffer.wrap(body))).get()) {
            OptionalInt top = topField(parts.getFirst("top"));
            for (MultiPart.Part part : parts) {
                if (part.getFileName() != null && !part.getFileName().isEmpty()) {
                    return new Submission.Uploaded(baseName(part.getFileName()), bytes(part), top);
                }
            }
            MultiPart.Part text = parts.getFirst("text");
            if (text != null) {
                return new Submission.Pasted(decodeUtf8(bytes(text), "the \"text\" field"), top);
            }
            throw new HttpError(400, "the form has neither a file nor a \"text\" field");
        } catch (ExecutionException e) {
            throw new HttpError(400, "malformed multipart/form-data body");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpError(503, "the server is shutting down");
        }
    }

    private static OptionalInt topField(MultiPart.Part part) throws HttpError {
        if (part == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(decodeUtf8(bytes(part), "the \"top\" field").strip()));
        } catch (NumberFormatException e) {
            throw badTop();
        }
    }

    private static byte[] bytes(MultiPart.Part part) throws HttpError {
        try {
            ByteBuffer b = Content.Source.asByteBuffer(part.getContentSource());
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (IOException e) {
            throw new HttpError(400, "malformed multipart/form-data body");
        }
    }

    /** Browsers on some systems send a full path; keep the name only (it is echoed back as "source"). */
    private static String baseName(String fileName) {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        return fileName.substring(slash + 1);
    }
}
