package org.despin.cli.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class InputTest {
    static String decode(byte[] bytes) throws IOException {
        try (Reader r = new StrictUtf8Reader("f", new ByteArrayInputStream(bytes))) {
            StringWriter w = new StringWriter();
            r.transferTo(w);
            return w.toString();
        }
    }

    static InputException failure(byte[] bytes) {
        StrictUtf8Reader.InputIOException e = assertThrows(StrictUtf8Reader.InputIOException.class, () -> decode(bytes));
        return e.problem();
    }

    @Test
    void decodesUtf8AndDropsALeadingByteOrderMark() throws IOException {
        assertEquals("caf\u00e9 \ud83d\ude00", decode("\ufeffcaf\u00e9 \ud83d\ude00".getBytes(StandardCharsets.UTF_8)));
        assertEquals("", decode(new byte[0]));
    }

    @Test
    void invalidUtf8IsReportedWithItsByteOffsetEvenFarIntoTheInput() {
        for (int at : new int[] {0, 5, 8191, 65535, 65536, 200_001}) {
            byte[] b = new byte[at + 10];
            java.util.Arrays.fill(b, (byte) 'a');
            b[at] = (byte) 0xff;
            InputException e = failure(b);
            assertEquals(InputStatus.INVALID_UTF8, e.status());
            assertEquals("invalid UTF-8 at byte offset " + at, e.problem(), "at " + at);
        }
        // a multi-byte sequence cut short at the end
        byte[] cut = {'o', 'k', (byte) 0xe2, (byte) 0x82};
        assertEquals("invalid UTF-8 at byte offset 2", failure(cut).problem());
    }

    @Test
    void nulBytesAnywhereMeanBinary() {
        byte[] late = new byte[100_000];
        java.util.Arrays.fill(late, (byte) 'a');
        late[90_000] = 0;
        InputException e = failure(late);
        assertEquals(InputStatus.BINARY, e.status());
        assertEquals("binary data (NUL byte at byte offset 90000), not text", e.problem());
    }

    /** An endless stream of one byte that fails (an IOException) once read past {@code limit} bytes. */
    static java.io.InputStream endless(byte b, long limit) {
        return new java.io.InputStream() {
            private long read;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                if (read >= limit) {
                    throw new IOException("read past " + limit + " bytes");
                }
                int n = (int) Math.min(len, limit - read);
                java.util.Arrays.fill(buf, off, off + n, b);
                read += n;
                return n;
            }
        };
    }

    /** {@code despin check - < /dev/zero}: refused as binary from the first block, not copied to disk without end. */
    @Test
    void anEndlessBinaryStreamIsRefusedFromItsFirstBlock() {
        InputException e = assertThrows(InputException.class,
                () -> TextSource.open("-", endless((byte) 0, TextSource.STDIN_IN_MEMORY + (64L << 20))));
        assertEquals(InputStatus.BINARY, e.status(), e.getMessage());
        assertEquals("<stdin>: binary data (NUL byte at byte offset 0), not text", e.getMessage());
    }

    /** {@code yes | despin check -}: the copy stops one byte past the limit and says too long. */
    @Test
    void anEndlessTextStreamStopsOneBytePastTheLimit() {
        long max = TextSource.STDIN_IN_MEMORY + 1000;
        InputException e = assertThrows(InputException.class,
                () -> TextSource.readOnce("-", endless((byte) 'y', max + 1), max));
        assertEquals(InputStatus.TOO_LONG, e.status(), e.getMessage());
        assertEquals("<stdin>: too long (more than " + max + " bytes); split it into smaller inputs", e.getMessage());
    }

    @Test
    void chunksCutAtParagraphsThenSentencesThenSpaces() throws IOException {
        String para = "First paragraph is here.\n\nSecond one follows, longer than the rest of it. ";
        List<TextChunker.Chunk> chunks = chunks(para + "tail words here", 48);
        assertEquals("First paragraph is here.\n\n", chunks.get(0).text());
        List<TextChunker.Chunk> sentences = chunks("One sentence ends here. Another goes on and on and on past the limit", 40);
        assertEquals("One sentence ends here. ", sentences.get(0).text());
        List<TextChunker.Chunk> words = chunks("no sentence ends in this long line of words at all", 32);
        assertEquals("no sentence ends in this long ", words.get(0).text());
        List<TextChunker.Chunk> solid = chunks("x".repeat(40), 16);
        assertEquals(List.of(16, 16, 8), solid.stream().map(c -> c.text().length()).toList());
    }

    @Test
    void chunksNeverSplitASurrogatePair() throws IOException {
        String s = "a".repeat(15) + "\ud83d\ude00" + "b".repeat(20);
        List<TextChunker.Chunk> chunks = chunks(s, 16);
        assertEquals("a".repeat(15), chunks.get(0).text());
        assertTrue(chunks.get(1).text().startsWith("\ud83d\ude00"));
    }

    @Property(tries = 200)
    void chunksCoverTheTextExactlyWithTheirOffsets(@ForAll @StringLength(max = 600) String text,
            @ForAll @IntRange(min = 16, max = 100) int max) throws IOException {
        List<TextChunker.Chunk> chunks = chunks(text, max);
        StringBuilder joined = new StringBuilder();
        for (TextChunker.Chunk c : chunks) {
            assertEquals(joined.length(), c.offset());
            assertTrue(c.text().length() <= max && !c.text().isEmpty());
            joined.append(c.text());
        }
        assertEquals(text, joined.toString());
    }

    static List<TextChunker.Chunk> chunks(String text, int max) throws IOException {
        TextChunker chunker = new TextChunker(new StringReader(text), max);
        List<TextChunker.Chunk> out = new ArrayList<>();
        for (TextChunker.Chunk c = chunker.next(); c != null; c = chunker.next()) {
            out.add(c);
        }
        return out;
    }
}
