package org.despin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.despin.detect.Finding;
import org.despin.source.Restorer;
import org.despin.source.SourceFinder;
import org.despin.source.SourceIndex;
import org.despin.source.SourceIndexWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/source} over a real socket, against a real four-document Lucene index built
 * in a temporary folder: the answer, its errors, and a good request after each bad one.
 */
class SourceEndpointTest {
    static final String SOURCE = "The Security Council met on Tuesday in New York to discuss the crisis.";
    static final String SPUN = "The Protection Council met on Tuesday in New York to talk about the crisis.";

    /**
     * The answer for {@link #SPUN} with top 2: byte for byte the golden file of
     * {@code despin source --index ... --top 2 --format json} in despin-cli (same corpus, a
     * restorer that also turns "Protection" back into "Security"), without its final newline.
     */
    static final String EXPECTED = "{\"schema\":\"despin.sources/1\",\"sources\":["
            + "{\"id\":\"un/council.txt\",\"score\":0.5789,\"overlapBefore\":0.5,\"overlapAfter\":0.6667,\"coverage\":0.8571,"
            + "\"passages\":[{\"queryStart\":0,\"queryEnd\":74,\"sourceStart\":0,\"sourceEnd\":69}]},"
            + "{\"id\":\"news/talks.txt\",\"score\":0.0526,\"overlapBefore\":0.0833,\"overlapAfter\":0.0833,\"coverage\":0,"
            + "\"passages\":[]}]}";

    /** A stand-in for the detector: restores "Protection" to "Security", wherever it is. */
    static final Restorer FIXES_PROTECTION = new Restorer() {
        @Override
        public List<Finding> findings(String text) {
            Matcher m = Pattern.compile("\\bProtection\\b").matcher(text);
            return m.results().map(r -> new Finding(r.start(), r.end(), "Protection", "Security", 0.98, List.of(),
                    "test")).toList();
        }

        @Override
        public String name() {
            return "test-protection";
        }
    };

    @TempDir
    static Path dir;

    private static SourceIndex index;
    private static DespinServer server;
    private static DespinServer withoutIndex;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        Path indexDir = dir.resolve("index");
        // in the order 'despin index' adds a folder's files (sorted paths): ties between equal scores follow it
        try (SourceIndexWriter w = SourceIndexWriter.open(indexDir, FIXES_PROTECTION)) {
            w.add("news/talks.txt", "Officials in New York said the talks would resume on Tuesday.");
            w.add("news/vote.txt", "The crisis deepened after the vote in the council.");
            w.add("un/council.txt", SOURCE);
            w.add("un/geneva.txt", "The Security Council will meet on Friday in Geneva.");
            w.commit();
        }
        index = SourceIndex.open(indexDir);
        SourceFinder finder = new SourceFinder(index, FIXES_PROTECTION);
        ServerOptions options = ServerOptions.defaults().withPort(0).withMaxBodyBytes(4096);
        server = DespinServer.start(options, new ExampleChecker(), finder::find, "test-model");
        withoutIndex = DespinServer.start(options, new ExampleChecker(), "test-model");
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        withoutIndex.close();
        index.close();
    }

    /** After every test the server still finds the source. */
    @AfterEach
    void stillServing() throws Exception {
        HttpResponse<String> r = post(server, "/api/v1/source?top=2", "text/plain; charset=utf-8", SPUN);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(EXPECTED, r.body());
    }

    @Test
    void plainTextFindsTheSourceFirst() throws Exception {
        HttpResponse<String> r = post(server, "/api/v1/source?top=2", "text/plain; charset=utf-8", SPUN);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(EXPECTED, r.body());
    }

    @Test
    void jsonBodyCarriesTop() throws Exception {
        HttpResponse<String> two = post(server, "/api/v1/source", "application/json",
                "{\"text\": \"" + SPUN + "\", \"top\": 2}");
        assertEquals(200, two.statusCode(), two.body());
        assertEquals(EXPECTED, two.body());
        HttpResponse<String> one = post(server, "/api/v1/source", "application/json", "{\"text\": \"" + SPUN + "\", \"top\": 1}");
        assertEquals("{\"schema\":\"despin.sources/1\",\"sources\":["
                + "{\"id\":\"un/council.txt\",\"score\":0.5789,\"overlapBefore\":0.5,\"overlapAfter\":0.6667,\"coverage\":0.8571,"
                + "\"passages\":[{\"queryStart\":0,\"queryEnd\":74,\"sourceStart\":0,\"sourceEnd\":69}]}]}", one.body());
    }

    @Test
    void passagesCanCarryTheSourceText() throws Exception {
        HttpResponse<String> r = post(server, "/api/v1/source?top=1&passages=text", "text/plain", SPUN);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("{\"schema\":\"despin.sources/1\",\"sources\":["
                + "{\"id\":\"un/council.txt\",\"score\":0.5789,\"overlapBefore\":0.5,\"overlapAfter\":0.6667,\"coverage\":0.8571,"
                + "\"passages\":[{\"queryStart\":0,\"queryEnd\":74,\"sourceStart\":0,\"sourceEnd\":69,"
                + "\"sourceText\":\"" + SOURCE.substring(0, 69) + "\"}]}]}", r.body());
        HttpResponse<String> offsets = post(server, "/api/v1/source?top=2&passages=offsets", "text/plain", SPUN);
        assertEquals(EXPECTED, offsets.body());
        HttpResponse<String> bad = post(server, "/api/v1/source?passages=all", "text/plain", SPUN);
        assertEquals(400, bad.statusCode());
        assertEquals("{\"error\":{\"status\":400,\"message\":\"\\\"passages\\\" must be \\\"text\\\" or \\\"offsets\\\"\"}}",
                bad.body());
    }

    @Test
    void healthSaysWhetherSourceFindingIsOn() throws Exception {
        HttpResponse<String> on = client.send(HttpRequest.newBuilder(server.uri().resolve("/api/v1/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals("{\"status\":\"ok\",\"model\":\"test-model\",\"source\":\"on\"}", on.body());
        HttpResponse<String> off = client.send(
                HttpRequest.newBuilder(withoutIndex.uri().resolve("/api/v1/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals("{\"status\":\"ok\",\"model\":\"test-model\",\"source\":\"off\"}", off.body());
    }

    @Test
    void withoutTopTheDefaultIsFive() throws Exception {
        HttpResponse<String> r = post(server, "/api/v1/source", "text/plain", SPUN);
        assertEquals(200, r.statusCode(), r.body());
        // every document sharing a fingerprint, at most five: the two of top 2, then Geneva (shares "Security Council")
        assertEquals(EXPECTED.substring(0, EXPECTED.length() - 2) + ",{\"id\":\"un/geneva.txt\",\"score\":0.0526,"
                + "\"overlapBefore\":0,\"overlapAfter\":0.0833,\"coverage\":0,\"passages\":[]}]}", r.body());
    }

    @Test
    void uploadAndTextFieldAreAccepted() throws Exception {
        String boundary = "b0undary";
        String upload = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"top\"\r\n\r\n2\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"suspect.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + SPUN + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> file = post(server, "/api/v1/source", "multipart/form-data; boundary=" + boundary, upload);
        assertEquals(200, file.statusCode(), file.body());
        assertEquals(EXPECTED, file.body());
        String field = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + SPUN
                + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> text = post(server, "/api/v1/source?top=2", "multipart/form-data; boundary=" + boundary, field);
        assertEquals(EXPECTED, text.body());
    }

    @Test
    void unrelatedTextHasNoSources() throws Exception {
        HttpResponse<String> r = post(server, "/api/v1/source", "text/plain", "Bananas ripen faster in a paper bag.");
        assertEquals(200, r.statusCode());
        assertEquals("{\"schema\":\"despin.sources/1\",\"sources\":[]}", r.body());
    }

    @Test
    void withoutAnIndexIs501() throws Exception {
        HttpResponse<String> r = post(withoutIndex, "/api/v1/source", "text/plain", SPUN);
        assertEquals(501, r.statusCode());
        assertEquals("close", r.headers().firstValue("Connection").orElse(""));
        assertEquals("{\"error\":{\"status\":501,\"message\":\"source finding is off: start the server with --index DIR"
                + " (a source index built by 'despin index')\"}}", r.body());
        assertEquals(200, post(withoutIndex, "/api/v1/check", "text/plain", SPUN).statusCode());
    }

    @Test
    void badBodiesAre400() throws Exception {
        assertError(400, "{\"error\":{\"status\":400,\"message\":\"expected a JSON object with a string field \\\"text\\\"\"}}",
                post(server, "/api/v1/source", "application/json", "{\"txt\": \"a\"}"));
        HttpResponse<String> malformed = post(server, "/api/v1/source", "application/json", "{\"text\": \"unclosed");
        assertEquals(400, malformed.statusCode());
        assertError(400, "{\"error\":{\"status\":400,\"message\":\"the text is empty: nothing to look up\"}}",
                post(server, "/api/v1/source", "text/plain", "  \n"));
        assertError(400, "{\"error\":{\"status\":400,\"message\":\"\\\"top\\\" must be a whole number\"}}",
                post(server, "/api/v1/source", "application/json", "{\"text\": \"a b\", \"top\": 1.5}"));
        assertError(400, "{\"error\":{\"status\":400,\"message\":\"\\\"top\\\" must be a whole number\"}}",
                post(server, "/api/v1/source?top=many", "text/plain", SPUN));
        assertError(400, "{\"error\":{\"status\":400,\"message\":\"\\\"top\\\" must be between 1 and 100, got 0\"}}",
                post(server, "/api/v1/source", "application/json", "{\"text\": \"a b\", \"top\": 0}"));
        assertError(400, "{\"error\":{\"status\":400,\"message\":\"\\\"top\\\" must be between 1 and 100, got 101\"}}",
                post(server, "/api/v1/source?top=101", "text/plain", SPUN));
        HttpResponse<String> utf8 = send(server, "/api/v1/source", "text/plain; charset=utf-8",
                new byte[] {'a', (byte) 0xC3, '(', 'c'});
        assertError(400, "{\"error\":{\"status\":400,\"message\":\"the body is not valid UTF-8 (at byte 1)\"}}", utf8);
    }

    @Test
    void theLimitsOfCheckApply() throws Exception {
        HttpResponse<String> big = post(server, "/api/v1/source", "text/plain", "a".repeat(4097));
        assertError(413, "{\"error\":{\"status\":413,\"message\":\"the body is larger than the limit of 4096 bytes\"}}", big);
        HttpResponse<String> xml = post(server, "/api/v1/source", "application/xml", "<text/>");
        assertEquals(415, xml.statusCode());
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(uri(server, "/api/v1/source")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void aSlowLookupIs503AndAFailingOneLeaksNoPath() throws Exception {
        SourceLookup slow = (text, top) -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        };
        ServerOptions options = ServerOptions.defaults().withPort(0).withWorkerThreads(1).withTimeLimit(Duration.ofMillis(300));
        try (DespinServer s = DespinServer.start(options, new ExampleChecker(), slow, "m")) {
            assertError(503, "{\"error\":{\"status\":503,\"message\":\"the request took longer than the limit of 300 ms;"
                    + " send a shorter text or retry later\"}}", post(s, "/api/v1/source", "text/plain", SPUN));
            assertEquals(200, post(s, "/api/v1/check", "text/plain", SPUN).statusCode());
        }
        SourceLookup broken = (text, top) -> {
            throw new org.despin.DespinException(org.despin.DespinException.Kind.MODEL,
                    "cannot read source index /srv/secret/index: checksum failed");
        };
        try (DespinServer s = DespinServer.start(ServerOptions.defaults().withPort(0), new ExampleChecker(), broken, "m")) {
            assertError(500, "{\"error\":{\"status\":500,\"message\":\"the source index could not be searched\"}}",
                    post(s, "/api/v1/source", "text/plain", SPUN));
            assertEquals(200, post(s, "/api/v1/check", "text/plain", SPUN).statusCode());
        }
    }

    private static void assertError(int status, String body, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(body, r.body());
    }

    private static HttpResponse<String> post(DespinServer s, String path, String contentType, String body) throws Exception {
        return send(s, path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(DespinServer s, String path, String contentType, byte[] body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(uri(s, path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return client.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static URI uri(DespinServer s, String path) {
        return URI.create("http://127.0.0.1:" + s.port() + path);
    }
}
