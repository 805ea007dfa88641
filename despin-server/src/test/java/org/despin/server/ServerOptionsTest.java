package org.despin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {
    @Test
    void defaultsAreLoopbackAndDocumented() {
        ServerOptions d = ServerOptions.defaults();
        assertEquals("127.0.0.1", d.host());
        assertEquals(8080, d.port());
        assertEquals(4L * 1024 * 1024, d.maxBodyBytes());
        assertEquals(64, d.queueCapacity());
        assertEquals(Runtime.getRuntime().availableProcessors(), d.workerThreads());
        assertEquals(Duration.ofSeconds(10), d.timeLimit());
        assertEquals(1, d.retryAfterSeconds());
    }

    @Test
    void badValuesAreRejectedWithTheirName() {
        ServerOptions d = ServerOptions.defaults();
        assertEquals("port must be in [0, 65535], got -1",
                assertThrows(IllegalArgumentException.class, () -> d.withPort(-1)).getMessage());
        assertEquals("maxBodyBytes must be in [1, 2^31 - 17], got 0",
                assertThrows(IllegalArgumentException.class, () -> d.withMaxBodyBytes(0)).getMessage());
        assertEquals("workerThreads must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> d.withWorkerThreads(0)).getMessage());
        assertEquals("timeLimit must be positive, got PT0S",
                assertThrows(IllegalArgumentException.class, () -> d.withTimeLimit(Duration.ZERO)).getMessage());
        assertEquals("host must not be empty",
                assertThrows(IllegalArgumentException.class, () -> d.withHost(" ")).getMessage());
    }

    @Test
    void mediaTypeParsing() {
        MediaType t = MediaType.parse("Text/Plain ; Charset=\"UTF-8\"");
        assertEquals("text/plain", t.type());
        assertEquals("utf-8", t.charset());
        assertTrue(t.isUtf8());
        MediaType json = MediaType.parse("application/json");
        assertNull(json.charset());
        assertTrue(json.isUtf8());
        assertFalse(MediaType.parse("text/plain; charset=windows-1252").isUtf8());
        assertEquals("", MediaType.parse(null).type());
        assertEquals("multipart/form-data", MediaType.parse("multipart/form-data; boundary=abc").type());
    }

    @Test
    void strictUtf8NamesTheFirstBadByte() throws Exception {
        assertEquals("Ünïcødé 😀", SubmissionReader.decodeUtf8("Ünïcødé 😀".getBytes(java.nio.charset.StandardCharsets.UTF_8), "x"));
        // an overlong encoding of '/', a lone surrogate, a truncated sequence
        for (byte[] bad : new byte[][] {{'a', (byte) 0xC0, (byte) 0xAF}, {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {'a', (byte) 0xE2, (byte) 0x82}}) {
            HttpError e = assertThrows(HttpError.class, () -> SubmissionReader.decodeUtf8(bad, "the body"));
            assertEquals(400, e.status());
            assertEquals("the body is not valid UTF-8 (at byte 1)", e.getMessage());
        }
    }
}
