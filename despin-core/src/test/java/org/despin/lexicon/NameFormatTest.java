package org.despin.lexicon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.despin.model.DataFormatException;
import org.despin.model.ModelFile;
import org.despin.model.ModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NameFormatTest {
    private static final String WHERE = "m.dspm (section 'names')";

    @TempDir
    Path dir;

    private static SortedMap<String, Integer> counts(String text) {
        TitleCasePairs pairs = new TitleCasePairs();
        pairs.add(text);
        return pairs.counts();
    }

    private Path write(SortedMap<String, Integer> counts, String name) throws Exception {
        return ModelFiles.withSection(dir.resolve(name), NameFormat.SECTION, NameFormat.section(counts));
    }

    @Test
    void theSectionIsTheHeaderAndTheSortedPairsWithTheirCounts() throws Exception {
        SortedMap<String, Integer> counts = counts("The Security Council met. Later the Security Council and "
                + "the General Assembly voted.");
        Path p = write(counts, "a.dspm");
        ModelFile file = ModelFile.open(p);
        ByteBuffer b = file.section(NameFormat.SECTION);
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        String expected = "despin-names 1 2\ngeneral assembly\t1\nsecurity council\t2\n";
        assertEquals(expected + "\0".repeat(8 - expected.length() % 8),
                new String(bytes, StandardCharsets.UTF_8));
        assertEquals(counts, NameFormat.readCounts(file.section(NameFormat.SECTION), WHERE));
    }

    @Test
    void roundTripGivesTheSamePairsAndTheSameBytesWhateverTheOrderCounted() throws Exception {
        String one = "We met Abraham Lincoln in Washington. Then the Supreme Court ruled.";
        String two = "Then the Supreme Court ruled. We met Abraham Lincoln in Washington.";
        Path a = write(counts(one), "a.dspm");
        Path b = write(counts(two), "b.dspm");
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        TitleCaseNames names = NameFormat.read(ModelFile.open(a));
        assertTrue(names.isKnown());
        assertEquals(2, names.size());
        assertTrue(names.writtenAsName("Supreme", "Court"));
        assertFalse(names.writtenAsName("then", "the"));
    }

    @Test
    void anEmptyListIsKnownAndHoldsNoPair() throws Exception {
        TitleCaseNames names = NameFormat.read(ModelFile.open(write(new TreeMap<>(), "e.dspm")));
        assertTrue(names.isKnown());
        assertEquals(0, names.size());
        assertFalse(names.writtenAsName("security", "council"));
    }

    @Test
    void countsStopAtTheLargestTheSectionHolds() {
        TitleCasePairs pairs = new TitleCasePairs();
        pairs.addAll(Map.of("new york", NameFormat.MAX_COUNT - 1, "united nations", Integer.MAX_VALUE));
        pairs.add("We flew to New York today.");
        pairs.add("We flew to New York today.");
        assertEquals(Map.of("new york", NameFormat.MAX_COUNT, "united nations", NameFormat.MAX_COUNT), pairs.counts());
    }

    @Test
    void aModelWithoutTheSectionHasNoNamesList() throws Exception {
        Path p = ModelFiles.withSection(dir.resolve("old.dspm"), "other", out -> out.writeInt(1));
        assertSame(TitleCaseNames.UNKNOWN, NameFormat.read(ModelFile.open(p)));
    }

    private static String problem(String section) {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> NameFormat.readCounts(ByteBuffer.wrap(section.getBytes(StandardCharsets.UTF_8)), WHERE));
        return e.getMessage();
    }

    @Test
    void aCorruptOrTruncatedSectionIsReportedWithItsLine() throws Exception {
        String good = "despin-names 1 2\ngeneral assembly\t1\nsecurity council\t2\n";
        assertEquals(2, NameFormat.readCounts(ByteBuffer.wrap(good.getBytes(StandardCharsets.UTF_8)), WHERE).size());
        assertEquals(WHERE + ": empty (no header line)", problem(""));
        assertEquals(WHERE + ":3: truncated: the last line has no newline", problem(good.substring(0, good.length() - 5)));
        assertEquals(WHERE + ":2: truncated or padded: the header says 2 pairs, the section holds 1",
                problem("despin-names 1 2\ngeneral assembly\t1\n"));
        assertEquals(WHERE + ":1: not a names section (the header should be 'despin-names VERSION PAIRS', found 'DTRM')",
                problem("DTRM\n"));
        assertEquals(WHERE + ":1: names format version 2, this despin reads version 1; rebuild the model",
                problem("despin-names 2 0\n"));
        assertEquals(WHERE + ":1: pair count 'x' is not a number", problem("despin-names 1 x\n"));
        assertEquals(WHERE + ":2: expected 'first second<TAB>count' in lower case, found 'Security council\t2'",
                problem("despin-names 1 1\nSecurity council\t2\n"));
        assertEquals(WHERE + ":2: expected 'first second<TAB>count' in lower case, found 'united\t2'",
                problem("despin-names 1 1\nunited\t2\n"));
        assertEquals(WHERE + ":2: expected 'first second<TAB>count' in lower case, found 'the united nations\t2'",
                problem("despin-names 1 1\nthe united nations\t2\n"));
        assertEquals(WHERE + ":3: count of 'security council' '2x' is not a number",
                problem("despin-names 1 2\ngeneral assembly\t1\nsecurity council\t2x\n"));
        assertEquals(WHERE + ":2: count of 'general assembly' is 0, at least 1 expected",
                problem("despin-names 1 1\ngeneral assembly\t0\n"));
        assertEquals(WHERE + ":3: pairs are not sorted: 'security council' before 'general assembly'",
                problem("despin-names 1 2\nsecurity council\t2\ngeneral assembly\t1\n"));
        byte[] badUtf8 = "despin-names 1 1\ncaf\u00e9 society\t1\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("café society", NameFormat.readCounts(ByteBuffer.wrap(badUtf8), WHERE).firstKey());
        badUtf8[21] = (byte) 0xC3; // the second byte of "é" -> a lead byte with no continuation
        assertEquals(WHERE + ":2: the pair is not valid UTF-8", assertThrows(DataFormatException.class,
                () -> NameFormat.readCounts(ByteBuffer.wrap(badUtf8), WHERE)).getMessage());
        assertEquals(WHERE + ":2: expected 'first second<TAB>count' in lower case, found 'CAFÉ society\t1'",
                problem("despin-names 1 1\nCAFÉ society\t1\n"));
        assertEquals(WHERE + ":2: expected 'first second<TAB>count' in lower case, found 'cafÉ society\t1'",
                problem("despin-names 1 1\ncafÉ society\t1\n"));
        assertEquals(WHERE + ":2: expected 'first second<TAB>count' in lower case, found 'general assembly\t1\t2'",
                problem("despin-names 1 1\ngeneral assembly\t1\t2\n"));
        assertEquals(WHERE + ":2: expected 'first second<TAB>count' in lower case, found 'general  assembly\t1'",
                problem("despin-names 1 1\ngeneral  assembly\t1\n"));
    }

    @Test
    void aCorruptSectionInAModelFileFailsItsLoadWithTheFileAndLine() throws Exception {
        Path p = ModelFiles.withSection(dir.resolve("bad.dspm"), NameFormat.SECTION,
                out -> out.writeBytes("despin-names 1 1\nUnited Nations\t3\n".getBytes(StandardCharsets.UTF_8)));
        DataFormatException e = assertThrows(DataFormatException.class, () -> NameFormat.read(ModelFile.open(p)));
        assertEquals(p + " (section 'names'):2: expected 'first second<TAB>count' in lower case, found 'United Nations\t3'",
                e.getMessage());
        assertEquals(2, e.line());
    }

    @Test
    void titleCasePairsSkipASentencesFirstWordAndAllCapitals() {
        SortedMap<String, Integer> c = counts("New York is big. The UN Security Council met in New York City; "
                + "Secretary-General Guterres spoke.\n\nPrime Minister May left.");
        // "New York", "Secretary" (after ";") and "Prime" start their sentences; "UN" is no title-case word;
        // hyphen parts are words ("General Guterres")
        assertEquals(Map.of("new york", 1, "york city", 1, "security council", 1, "general guterres", 1,
                "minister may", 1), c);
    }
}
