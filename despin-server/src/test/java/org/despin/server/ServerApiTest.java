package org.despin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API over a real socket: every endpoint, every error status, and a good request after each bad one. */
class ServerApiTest {
    private static final String EXAMPLE = ExampleChecker.exampleText();
    private static final String RESTORED = "The United Nations Security Council met on Tuesday to discuss the crisis. "
            + "Secretary-General António Guterres told reporters that the council had requested a ceasefire, "
            + "and that artificial intelligence would not replace diplomats any time soon.\n";
    private static final String EXAMPLE_REPORT = """
            {"schema":"despin.report/1","verdict":"spun","spinScore":0.97,"tokens":37,"findings":[\
            {"start":19,"end":37,"text":"Protection Council","suggestion":"Security Council","confidence":0.97,\
            "alternatives":[{"text":"Safety Council","confidence":0.02}],\
            "evidence":"\\"security council\\" is 2,400 times likelier than \\"protection council\\" in the language model"},\
            {"start":56,"end":63,"text":"go over","suggestion":"discuss","confidence":0.71,\
            "alternatives":[{"text":"review","confidence":0.12}],\
            "evidence":"\\"to discuss the crisis\\" is 40 times likelier than \\"to go over the crisis\\""},\
            {"start":76,"end":92,"text":"Secretary-Common","suggestion":"Secretary-General","confidence":0.98,\
            "alternatives":[{"text":"Secretary-Public","confidence":0.01}],\
            "evidence":"\\"secretary-general\\" is a fixed title; \\"common\\" is a thesaurus synonym of \\"general\\""},\
            {"start":110,"end":117,"text":"advised","suggestion":"told","confidence":0.88,\
            "alternatives":[{"text":"informed","confidence":0.07}],\
            "evidence":"\\"told reporters\\" is 300 times likelier than \\"advised reporters\\""},\
            {"start":149,"end":158,"text":"asked for","suggestion":"requested","confidence":0.55,\
            "alternatives":[{"text":"called for","confidence":0.3}],\
            "evidence":"\\"requested a ceasefire\\" is 3 times likelier than \\"asked for a ceasefire\\""},\
            {"start":181,"end":206,"text":"counterfeit consciousness","suggestion":"artificial intelligence","confidence":0.99,\
            "alternatives":[{"text":"false consciousness","confidence":0.005}],\
            "evidence":"\\"artificial intelligence\\" is 90,000 times likelier than \\"counterfeit consciousness\\""}],\
            "restored":"%s"}""".formatted(RESTORED.replace("\n", "\\n"));

    private static DespinServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        server = DespinServer.start(ServerOptions.defaults().withPort(0).withMaxBodyBytes(64 * 1024),
                new ExampleChecker(), "test-model");
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** After every test, bad or good, the server still answers a good request. */
    @AfterEach
    void stillServing() throws Exception {
        HttpResponse<String> r = post(server, "/api/v1/check", "text/plain; charset=utf-8", bytes(EXAMPLE));
        assertEquals(200, r.statusCode());
        assertEquals(EXAMPLE_REPORT, r.body());
    }

    // ---- the endpoints

    @Test
    void checkPlainTextReturnsTheReportContract() throws Exception {
        HttpResponse<String> r = post(server, "/api/v1/check", "text/plain; charset=utf-8", bytes(EXAMPLE));
        assertEquals(200, r.statusCode());
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(EXAMPLE_REPORT, r.body());
    }

    @Test
    void checkJsonBodyGivesTheSameReport() throws Exception {
        String body = "{\"text\": " + jsonString(EXAMPLE) + "}";
        HttpResponse<String> r = post(server, "/api/v1/check", "application/json", bytes(body));
        assertEquals(200, r.statusCode());
        assertEquals(EXAMPLE_REPORT, r.body());
    }

    @Test
    void cleanTextHasNoFindings() throws Exception {
        HttpResponse<String> r = post(server, "/api/v1/check", "text/plain", bytes("The cat sat."));
        assertEquals(200, r.statusCode());
        assertEquals("{\"schema\":\"despin.report/1\",\"verdict\":\"clean\",\"spinScore\":0.02,\"tokens\":3,"
                + "\"findings\":[],\"restored\":\"The cat sat.\"}", r.body());
    }

    @Test
    void offsetsAreUtf16IntoTheInput() throws Exception {
        String text = "😀 The Protection Council met.";
        HttpResponse<String> r = post(server, "/api/v1/check", "text/plain", bytes(text));
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("{\"start\":7,\"end\":25,\"text\":\"Protection Council\""), r.body());
        assertEquals("Protection Council", text.substring(7, 25));
    }

    @Test
    void restoreAnswersJsonByDefault() throws Exception {
        HttpResponse<String> r = post(server, "/api/v1/restore", "text/plain", bytes(EXAMPLE));
        assertEquals(200, r.statusCode());
        assertEquals("{\"restored\":" + jsonString(RESTORED) + "}", r.body());
    }

    @Test
    void restoreAnswersPlainTextWhenAsked() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(uri(server, "/api/v1/restore"))
                .header("Content-Type", "application/json").header("Accept", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":" + jsonString(EXAMPLE) + "}")).build();
        HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode());
        assertEquals("text/plain; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(RESTORED, r.body());
    }

    @Test
    void sourceWithoutAnIndexIs501() throws Exception {
        HttpResponse<String> r = post(server, "/api/v1/source", "text/plain", bytes(EXAMPLE));
        assertEquals(501, r.statusCode());
        // the body was not read: the server closes the connection and says so
        assertEquals("close", r.headers().firstValue("Connection").orElse(""));
        assertEquals("{\"error\":{\"status\":501,\"message\":\"source finding is off: start the server with"
                + " --index DIR (a source index built by 'despin index')\"}}", r.body());
    }

    @Test
    void healthNamesTheModel() throws Exception {
        HttpResponse<String> r = get(server, "/api/v1/health");
        assertEquals(200, r.statusCode());
        assertEquals("{\"status\":\"ok\",\"model\":\"test-model\",\"source\":\"off\"}", r.body());
    }

    @Test
    void pageIsServedWithAPolicyThatForbidsOtherOrigins() throws Exception {
        HttpResponse<String> r = get(server, "/");
        assertEquals(200, r.statusCode());
        assertEquals("text/html; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("default-src 'self'"));
        assertTrue(r.body().contains("<script src=\"app.js\""), "the page loads its own script");
        for (String asset : List.of("/", "/app.js", "/app.css", "/report.css")) {
            String body = get(server, asset).body();
            assertFalse(body.matches("(?s).*(src|href)=\"(https?:)?//.*"), asset + " refers to another origin");
            assertFalse(body.contains("url(http"), asset + " refers to another origin");
            assertFalse(body.contains("@import"), asset + " imports something");
        }
        assertEquals(EXAMPLE, get(server, "/example.txt").body());
    }

    // ---- uploads

    @Test
    void uploadTxt() throws Exception {
        HttpResponse<String> r = upload("paper.txt", bytes(EXAMPLE));
        assertEquals(200, r.statusCode());
        assertEquals(EXAMPLE_REPORT.substring(0, EXAMPLE_REPORT.length() - 1)
                + ",\"source\":\"paper.txt\",\"input\":" + jsonString(EXAMPLE) + "}", r.body());
    }

    @Test
    void uploadDocx() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("The Protection Council met on Tuesday.");
            doc.write(out);
        }
        HttpResponse<String> r = upload("C:\\Users\\ed\\paper.docx", out.toByteArray());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"start\":4,\"end\":22,\"text\":\"Protection Council\""), r.body());
        assertTrue(r.body().endsWith(",\"source\":\"paper.docx\",\"input\":\"The Protection Council met on Tuesday.\\n\"}"),
                r.body());
    }

    @Test
    void uploadPdf() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                s.newLineAtOffset(72, 700);
                s.showText("The Protection Council met on Tuesday.");
                s.endText();
            }
            doc.save(out);
        }
        HttpResponse<String> r = upload("paper.pdf", out.toByteArray());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"suggestion\":\"Security Council\""), r.body());
        assertTrue(r.body().contains("\"source\":\"paper.pdf\",\"input\":\"The Protection Council met on Tuesday."),
                r.body());
    }

    @Test
    void uploadOfAnotherTypeIs415() throws Exception {
        HttpResponse<String> r = upload("paper.rtf", bytes("{\\rtf1 hello}"));
        assertEquals(415, r.statusCode());
        assertEquals("{\"error\":{\"status\":415,\"message\":\"upload a .txt, .docx or .pdf file\"}}", r.body());
    }

    @Test
    void corruptPdfIs400() throws Exception {
        HttpResponse<String> r = upload("paper.pdf", bytes("%PDF-1.7 this is not really a pdf"));
        assertEquals(400, r.statusCode());
        assertEquals("{\"error\":{\"status\":400,\"message\":\"could not read the .pdf file\"}}", r.body());
    }

    @Test
    void corruptDocxIs400() throws Exception {
        HttpResponse<String> r = upload("paper.docx", bytes("PK not a zip"));
        assertEquals(400, r.statusCode());
        assertEquals("{\"error\":{\"status\":400,\"message\":\"could not read the .docx file\"}}", r.body());
    }

    @Test
    void docxThatInflatesToMuchMoreIs400() throws Exception {
        // a zip bomb in miniature: 16 MB of one letter deflate to a few kB
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
            z.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            z.write(bytes("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"));
            z.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 16; i++) {
                z.write(chunk);
            }
        }
        assertTrue(zip.size() < 64 * 1024, "the bomb must fit under the body limit: " + zip.size());
        HttpResponse<String> r = upload("bomb.docx", zip.toByteArray());
        assertEquals(400, r.statusCode());
        assertEquals("{\"error\":{\"status\":400,\"message\":\"could not read the .docx file\"}}", r.body());
    }

    @Test
    void multipartTextField() throws Exception {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n"
                + "The Protection Council met.\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = post(server, "/api/v1/restore", "multipart/form-data; boundary=" + boundary, bytes(body));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("{\"restored\":\"The Security Council met.\"}", r.body());
    }

    @Test
    void malformedMultipartIs400() throws Exception {
        HttpResponse<String> r = post(server, "/api/v1/check", "multipart/form-data; boundary=xyz", bytes("garbage"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().startsWith("{\"error\":{\"status\":400,"), r.body());
    }

    // ---- errors

    @Test
    void invalidUtf8Is400() throws Exception {
        HttpResponse<String> r = post(server, "/api/v1/check", "text/plain; charset=utf-8",
                new byte[] {'a', 'b', (byte) 0xC3, '(', 'c'});
        assertEquals(400, r.statusCode());
        assertEquals("{\"error\":{\"status\":400,\"message\":\"the body is not valid UTF-8 (at byte 2)\"}}", r.body());
    }

    @Test
    void invalidUtf8InsideJsonIs400() throws Exception {
        byte[] body = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xFF, '"', '}'};
        HttpResponse<String> r = post(server, "/api/v1/check", "application/json", body);
        assertEquals(400, r.statusCode());
        assertEquals("{\"error\":{\"status\":400,\"message\":\"the body is not valid UTF-8 (at byte 9)\"}}", r.body());
    }

    @Test
    void malformedJsonIs400() throws Exception {
        HttpResponse<String> r = post(server, "/api/v1/check", "application/json", bytes("{\"text\": \"unclosed"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().startsWith("{\"error\":{\"status\":400,\"message\":\"malformed JSON at line 1, column "),
                r.body());
    }

    /** Past Jackson's limits its exception has no location: was a NullPointerException and a 500 (branch fuzz24). */
    @Test
    void jsonPastTheParsersLimitsIs400() throws Exception {
        for (String body : List.of("[".repeat(2000) + "]".repeat(2000),
                "{\"text\": \"a\", \"n\": " + "1".repeat(2000) + "}")) {
            HttpResponse<String> r = post(server, "/api/v1/check", "application/json", bytes(body));
            assertEquals(400, r.statusCode(), r.body());
            assertEquals("{\"error\":{\"status\":400,\"message\":\"JSON past the parser's limits (nesting depth, number length)\"}}",
                    r.body());
        }
    }

    @Test
    void jsonWithoutTextIs400() throws Exception {
        for (String body : List.of("{\"txt\": \"a\"}", "{\"text\": 3}", "[\"a\"]", "\"a\"", "{\"text\": \"a\"} {}")) {
            HttpResponse<String> r = post(server, "/api/v1/check", "application/json", bytes(body));
            assertEquals(400, r.statusCode(), body);
        }
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        for (String type : List.of("application/xml", "text/html", "application/x-www-form-urlencoded")) {
            HttpResponse<String> r = post(server, "/api/v1/check", type, bytes("hello"));
            assertEquals(415, r.statusCode(), type);
            assertTrue(r.body().startsWith("{\"error\":{\"status\":415,\"message\":\"send text/plain"), r.body());
        }
        HttpResponse<String> latin1 = post(server, "/api/v1/check", "text/plain; charset=ISO-8859-1", bytes("hello"));
        assertEquals(415, latin1.statusCode());
        assertEquals("{\"error\":{\"status\":415,\"message\":\"only UTF-8 is accepted, got charset iso-8859-1\"}}",
                latin1.body());
    }

    @Test
    void missingContentTypeIs415() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(uri(server, "/api/v1/check"))
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build();
        assertEquals(415, client.send(req, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void bodyOverTheLimitIs413() throws Exception {
        byte[] big = new byte[64 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        HttpResponse<String> r = post(server, "/api/v1/check", "text/plain", big);
        assertEquals(413, r.statusCode());
        assertEquals("{\"error\":{\"status\":413,\"message\":\"the body is larger than the limit of 65536 bytes\"}}",
                r.body());
        // a declared length just over the limit is read and dropped, so the connection stays usable
        assertEquals("", r.headers().firstValue("Connection").orElse(""));
        assertEquals(200, get(server, "/api/v1/health").statusCode());
    }

    @Test
    void chunkedBodyOverTheLimitIs413() throws Exception {
        // no Content-Length: the server must stop reading at the limit, not trust a header
        byte[] big = new byte[1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        HttpRequest req = HttpRequest.newBuilder(uri(server, "/api/v1/check")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        HttpResponse<String> r;
        try {
            r = client.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return; // the server may close the connection before the client has sent everything: also a refusal
        }
        assertEquals(413, r.statusCode());
    }

    @Test
    void bodyExactlyAtTheLimitIsAccepted() throws Exception {
        byte[] full = new byte[64 * 1024];
        java.util.Arrays.fill(full, (byte) 'a');
        HttpResponse<String> r = post(server, "/api/v1/restore", "text/plain", full);
        assertEquals(200, r.statusCode());
    }

    @Test
    void unknownPathIs404() throws Exception {
        HttpResponse<String> r = get(server, "/api/v1/nothing");
        assertEquals(404, r.statusCode());
        assertEquals("{\"error\":{\"status\":404,\"message\":\"not found\"}}", r.body());
        // Jetty refuses an ambiguous path before routing (400); either way, JSON and no file
        HttpResponse<String> traversal = get(server, "/../../etc/passwd");
        assertEquals(400, traversal.statusCode());
        assertTrue(traversal.body().startsWith("{\"error\":{\"status\":400,"), traversal.body());
        assertEquals(404, get(server, "/pom.xml").statusCode());
        assertEquals(404, get(server, "/org/despin/server/static/app.js").statusCode());
    }

    @Test
    void wrongMethodIs405WithAllow() throws Exception {
        HttpResponse<String> r = get(server, "/api/v1/check");
        assertEquals(405, r.statusCode());
        assertEquals("POST", r.headers().firstValue("Allow").orElseThrow());
        assertEquals("{\"error\":{\"status\":405,\"message\":\"use POST\"}}", r.body());
        HttpResponse<String> h = post(server, "/api/v1/health", "text/plain", bytes("x"));
        assertEquals(405, h.statusCode());
        assertEquals("GET", h.headers().firstValue("Allow").orElseThrow());
        HttpRequest del = HttpRequest.newBuilder(uri(server, "/")).DELETE().build();
        assertEquals(405, client.send(del, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void malformedHttpGetsAJsonErrorFromJetty() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(reply.startsWith("HTTP/1.1 400 "), reply);
            assertTrue(reply.contains("{\"error\":{\"status\":400,"), reply);
        }
    }

    @Test
    void aCrashingCheckerLeaksNoDetails() throws Exception {
        TextChecker crashing = text -> {
            throw new IllegalStateException("cannot open /srv/secret/model.dspm");
        };
        try (DespinServer s = DespinServer.start(ServerOptions.defaults().withPort(0), crashing, "m")) {
            HttpResponse<String> r = post(s, "/api/v1/check", "text/plain", bytes("hello"));
            assertEquals(500, r.statusCode());
            assertEquals("{\"error\":{\"status\":500,\"message\":\"internal error\"}}", r.body());
            assertEquals(200, get(s, "/api/v1/health").statusCode());
        }
    }

    @Test
    void fullQueueIs429WithRetryAfter() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TextChecker slow = text -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ExampleChecker().check(text);
        };
        ServerOptions options = ServerOptions.defaults().withPort(0).withWorkerThreads(1).withQueueCapacity(1);
        try (DespinServer s = DespinServer.start(options, slow, "m")) {
            CompletableFuture<HttpResponse<String>> running = postAsync(s, "one");
            assertTrue(started.await(5, TimeUnit.SECONDS));
            // the worker is busy; of the next two, one takes the only queue slot and the other is refused
            CompletableFuture<HttpResponse<String>> b = postAsync(s, "two");
            CompletableFuture<HttpResponse<String>> c = postAsync(s, "three");
            HttpResponse<String> refused = CompletableFuture.anyOf(b, c).thenApply(x -> (HttpResponse<String>) x)
                    .get(5, TimeUnit.SECONDS);
            assertEquals(429, refused.statusCode(), refused.body());
            assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(refused.body().startsWith("{\"error\":{\"status\":429,\"message\":\"the server is busy"));
            release.countDown();
            assertEquals(200, running.get(5, TimeUnit.SECONDS).statusCode());
            List<Integer> statuses = new ArrayList<>(List.of(b.get(5, TimeUnit.SECONDS).statusCode(),
                    c.get(5, TimeUnit.SECONDS).statusCode()));
            assertEquals(Set.of(200, 429), Set.copyOf(statuses));
            assertEquals(200, postAsync(s, "four").get(5, TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void overTheTimeLimitIs503AndTheWorkerIsFreed() throws Exception {
        TextChecker stuck = text -> {
            if (text.equals("slow")) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
            }
            return new ExampleChecker().check(text);
        };
        ServerOptions options = ServerOptions.defaults().withPort(0).withWorkerThreads(1)
                .withTimeLimit(Duration.ofMillis(300));
        try (DespinServer s = DespinServer.start(options, stuck, "m")) {
            HttpResponse<String> r = post(s, "/api/v1/check", "text/plain", bytes("slow"));
            assertEquals(503, r.statusCode());
            assertEquals("{\"error\":{\"status\":503,\"message\":\"the request took longer than the limit of 300 ms;"
                    + " send a shorter text or retry later\"}}", r.body());
            // the only worker was interrupted, so this one runs
            assertEquals(200, post(s, "/api/v1/check", "text/plain", bytes("fast")).statusCode());
        }
    }

    @Test
    void bindsToLoopbackByDefault() {
        assertEquals("127.0.0.1", ServerOptions.defaults().host());
        assertEquals("http://127.0.0.1:" + server.port() + "/", server.uri().toString());
    }

    // ---- helpers

    private static CompletableFuture<HttpResponse<String>> postAsync(DespinServer s, String text) {
        HttpRequest req = HttpRequest.newBuilder(uri(s, "/api/v1/check")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build();
        return client.sendAsync(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> upload(String fileName, byte[] content) throws Exception {
        String boundary = "----despinTestBoundary7MA4YWxkTrZu0gW";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName.replace("\\", "\\\\") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
        body.writeBytes(content);
        body.writeBytes(bytes("\r\n--" + boundary + "--\r\n"));
        return post(server, "/api/v1/check", "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    static HttpResponse<String> post(DespinServer s, String path, String contentType, byte[] body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(uri(s, path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return client.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(DespinServer s, String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(uri(s, path)).GET().build();
        return client.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static URI uri(DespinServer s, String path) {
        return URI.create("http://127.0.0.1:" + s.port() + path);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String jsonString(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
