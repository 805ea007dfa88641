package org.despin.lexicon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.despin.model.DataFormatException;
import org.despin.model.ModelFile;
import org.despin.model.ModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TermFormatTest {
    private static final List<String> TERMS = List.of("signal to noise", "artificial intelligence", "data mining",
            "artificial life", "café society", "data mining");

    @TempDir
    Path dir;

    private Path write(TermTable table, String name) throws Exception {
        return ModelFiles.withSection(dir.resolve(name), TermFormat.SECTION, TermFormat.section(table));
    }

    private static List<String> texts(TermTable t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.text(i));
        }
        return out;
    }

    @Test
    void tableIsSortedDistinctAndIndexedByFirstWord() {
        TermTable t = TermTable.of(TERMS);
        assertEquals(List.of("artificial intelligence", "artificial life", "café society", "data mining",
                "signal to noise"), texts(t));
        int artificial = t.wordId("artificial");
        assertEquals(0, t.firstStartingWith(artificial));
        assertEquals(2, t.endStartingWith(artificial));
        int intelligence = t.wordId("intelligence");
        assertEquals(t.firstStartingWith(intelligence), t.endStartingWith(intelligence));
        assertEquals(-1, t.wordId("consciousness"));
        assertEquals(4, t.find(new int[] {t.wordId("signal"), t.wordId("to"), t.wordId("noise")}, 0, 3));
        assertEquals(-1, t.find(new int[] {t.wordId("signal"), t.wordId("to")}, 0, 2));
        assertTrue(t.contains("data mining"));
        assertFalse(t.contains("data"));
        assertFalse(t.contains("mining data"));
        assertEquals(3, t.length(4));
    }

    @Test
    void roundTripGivesTheSameTermsAndTheSameBytes() throws Exception {
        Path a = write(TermTable.of(TERMS), "a.dspm");
        TermTable read = TermFormat.read(ModelFile.open(a));
        assertEquals(texts(TermTable.of(TERMS)), texts(read));
        assertEquals(10, read.wordCount());
        assertEquals(read.wordId("society"), read.word(2, 1));
        List<String> reversed = new ArrayList<>(TERMS);
        java.util.Collections.reverse(reversed);
        Path b = write(TermTable.of(reversed), "b.dspm");
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    private static final TermLinks LINKS = new TermLinks(Map.of(
            "counterfeit", Map.of("artificial", TermTable.SYNONYM),
            "woody plant", Map.of("life", TermTable.RELATED, "society", TermTable.SYNONYM),
            "excavation", Map.of("mining", TermTable.SYNONYM, "quarry", TermTable.SYNONYM)), // no term uses "quarry"
            Map.of("artificial", 12, "mining", 3));

    @Test
    void linksRoundTripWithTheirTiersAndFanOut() throws Exception {
        TermTable built = TermTable.of(TERMS, LINKS);
        Path a = write(built, "links.dspm");
        TermTable read = TermFormat.read(ModelFile.open(a));
        for (TermTable t : List.of(built, read)) {
            assertTrue(t.hasLinks());
            assertArrayEquals(new int[] {t.wordId("artificial")}, t.reach("counterfeit"));
            int[] woody = t.reach("woody plant");
            assertEquals(2, woody.length);
            assertEquals(t.wordId("life"), TermTable.linkWord(woody[0]));
            assertEquals(TermTable.RELATED, TermTable.linkTier(woody[0]));
            assertEquals(t.wordId("society"), TermTable.linkWord(woody[1]));
            assertEquals(TermTable.SYNONYM, TermTable.linkTier(woody[1]));
            assertArrayEquals(new int[] {t.wordId("mining")}, t.reach("excavation"));
            assertEquals(0, t.reach("quarry").length);
            assertEquals(0, t.reach("counterfeits").length);
            assertEquals(12, t.linkCount(t.wordId("artificial")));
            assertEquals(0, t.linkCount(t.wordId("data")));
        }
        Path b = write(TermTable.of(List.copyOf(new java.util.TreeSet<>(TERMS)), new TermLinks(
                new java.util.TreeMap<>(LINKS.observed()), LINKS.fanOut())), "links2.dspm");
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertFalse(TermTable.of(TERMS).hasLinks());
    }

    @Test
    void aLinkToAWordOutsideTheTableIsRefused() throws Exception {
        ByteBuffer good = bytes(TermTable.of(TERMS, LINKS));
        int words = good.getInt(8);
        ByteBuffer bad = copy(good);
        int lastLink = bad.capacity() - 4 * words - 4; // the fan-outs close the section
        bad.putInt(lastLink, 99);
        assertEquals("m.dspm (section 'terms'): link 3 names word 99 of 10 with tier 0", message(bad));
    }

    @Test
    void aVersionOneSectionReadsAsATableWithoutLinks() throws Exception {
        ByteBuffer v2 = bytes(TermTable.of(TERMS));
        // version 1 is version 2 without the links part (16-byte links header, two offsets of 0, the fan-outs)
        int words = v2.getInt(8);
        ByteBuffer v1 = ByteBuffer.allocate(v2.remaining() - 16 - 8 - 4 * words).order(ByteOrder.LITTLE_ENDIAN);
        v1.put(v2.duplicate().limit(v1.capacity())).flip();
        v1.putInt(4, 1);
        TermTable read = TermFormat.read(v1, "v1");
        assertEquals(texts(TermTable.of(TERMS)), texts(read));
        assertFalse(read.hasLinks());
        assertEquals(0, read.reach("counterfeit").length);
    }

    @Test
    void aModelWithoutTermsReadsAsEmpty() throws Exception {
        Path p = ModelFiles.withSection(dir.resolve("none.dspm"), "other", out -> out.writeInt(1));
        assertSame(TermTable.EMPTY, TermFormat.read(ModelFile.open(p)));
        assertEquals(0, TermTable.EMPTY.size());
    }

    @Test
    void aTermOfOneOrFourWordsIsRefusedWhenBuilding() {
        assertThrows(IllegalArgumentException.class, () -> TermTable.of(List.of("intelligence")));
        assertThrows(IllegalArgumentException.class, () -> TermTable.of(List.of("signal to noise ratio")));
    }

    private static ByteBuffer bytes(TermTable table) throws Exception {
        Path p = Files.createTempFile("terms", ".dspm");
        try {
            ModelFiles.withSection(p, TermFormat.SECTION, TermFormat.section(table));
            ByteBuffer section = ModelFile.open(p).section(TermFormat.SECTION);
            ByteBuffer copy = ByteBuffer.allocate(section.remaining()).order(ByteOrder.LITTLE_ENDIAN);
            copy.put(section).flip();
            return copy;
        } finally {
            Files.deleteIfExists(p);
        }
    }

    @Test
    void badSectionsAreRefusedWithAClearMessage() throws Exception {
        ByteBuffer good = bytes(TermTable.of(TERMS));
        assertEquals(5, TermFormat.read(good.duplicate().order(ByteOrder.LITTLE_ENDIAN), "m.dspm (section 'terms')").size());

        ByteBuffer magic = copy(good);
        magic.putInt(0, 0x12345678);
        assertEquals("m.dspm (section 'terms'): not a terms section (wrong magic bytes)", message(magic));

        ByteBuffer version = copy(good);
        version.putInt(4, 9);
        assertEquals("m.dspm (section 'terms'): terms format version 9, this despin reads versions 1-3; rebuild the model",
                message(version));

        ByteBuffer counts = copy(good);
        counts.putInt(12, 1_000_000);
        assertTrue(message(counts).contains("do not fit the section's"), message(counts));

        // the term word ids start after the header, the word offsets, the padded word bytes and the term offsets
        int termWords = 32 + 4 * (good.getInt(8) + 1) + ((good.getInt(20) + 3) & ~3) + 4 * (good.getInt(12) + 1);
        int lastWord = termWords + 4 * (good.getInt(16) - 1);
        ByteBuffer wordId = copy(good);
        wordId.putInt(lastWord, 99);
        assertEquals("m.dspm (section 'terms'): term word id 99 is outside the 10 words", message(wordId));

        // swap the first two terms' second words: "artificial life" before "artificial intelligence"
        ByteBuffer order = copy(good);
        int second = order.getInt(termWords + 4);
        order.putInt(termWords + 4, order.getInt(termWords + 12));
        order.putInt(termWords + 12, second);
        assertEquals("m.dspm (section 'terms'): terms are not sorted at term 1", message(order));

        ByteBuffer length = copy(good);
        length.putInt(termWords - 4 * good.getInt(12) - 4 + 4, 1); // term 1 starts at word 1: term 0 has one word
        assertEquals("m.dspm (section 'terms'): term 0 has 1 words (2-3 allowed)", message(length));

        // "café" with its é cut to a lone lead byte: the only word that takes the decoder's path
        ByteBuffer utf8 = copy(good);
        int wordBytes = 32 + 4 * (good.getInt(8) + 1);
        int lead = wordBytes;
        while ((utf8.get(lead) & 0xff) != 0xC3) {
            lead++;
        }
        utf8.put(lead + 1, (byte) 'x');
        assertEquals("m.dspm (section 'terms'): word 1 is not valid UTF-8", message(utf8));

        assertEquals("m.dspm (section 'terms'): too short (8 bytes) for its 32-byte header",
                message(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)));
    }

    private static ByteBuffer copy(ByteBuffer b) {
        ByteBuffer c = ByteBuffer.allocate(b.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        c.put(b.duplicate()).flip();
        return c;
    }

    private static String message(ByteBuffer b) {
        return assertThrows(DataFormatException.class, () -> TermFormat.read(b, "m.dspm (section 'terms')")).getMessage();
    }
}
