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
import java.util.List;
import java.util.Map;
import org.despin.model.ModelFile;
import org.despin.model.ModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terms gated by register (branch tortured4): the register's look-ups, the table without them, format 3. */
class TermRegisterTest {
    private static final TermLinks LINKS = new TermLinks(Map.of(
            "fake", Map.of("artificial", TermTable.SYNONYM),
            "baby", Map.of("infant", TermTable.SYNONYM, "data", TermTable.RELATED),
            "recipe", Map.of("formula", TermTable.SYNONYM)),
            Map.of("artificial", 3, "infant", 2, "formula", 5, "data", 7));
    /** "infant formula" is the gated term: its words "infant" and "formula" only it uses. */
    private static final List<String> ALL = List.of("artificial intelligence", "data mining", "infant formula");
    private static final List<String> UNGATED = List.of("artificial intelligence", "data mining");

    @TempDir
    Path dir;

    private static TermTable gated() {
        TermTable t = TermTable.of(ALL, LINKS);
        int infant = t.find(new int[] {t.wordId("infant"), t.wordId("formula")}, 0, 2);
        return t.withRegister(TermRegister.of(new int[] {infant}, new String[] {"algorithm", "data"},
                new float[] {-3.25f, -2.5f}, 1000));
    }

    @Test
    void theRegisterNamesItsGatedTermsAndTheProseRates() {
        TermTable t = gated();
        assertEquals(2, t.find(new int[] {t.wordId("infant"), t.wordId("formula")}, 0, 2));
        assertTrue(t.register().gated(2));
        assertFalse(t.register().gated(0));
        assertFalse(t.register().gated(1));
        assertEquals(-3.25f, t.register().technicalLog10("algorithm"));
        assertEquals(-2.5f, t.register().technicalLog10("data"));
        assertEquals((float) Math.log10(0.5 / 1000), t.register().technicalLog10("senate")); // half a count
        assertTrue(Float.isNaN(TermRegister.NONE.technicalLog10("data")));
        assertFalse(TermRegister.NONE.hasGated());
        assertFalse(TermTable.of(ALL).register().hasProse());
        assertThrows(IllegalArgumentException.class, () -> TermRegister.of(new int[] {2, 1}, new String[0], new float[0], 1));
        assertThrows(IllegalArgumentException.class, () -> TermTable.of(ALL).withRegister(
                TermRegister.of(new int[] {3}, new String[0], new float[0], 1)));
    }

    @Test
    void withoutItsGatedTermsTheTableIsTheOneBuiltWithoutThem() {
        ArrayTermTable without = (ArrayTermTable) gated().withoutGated();
        ArrayTermTable built = (ArrayTermTable) TermTable.of(UNGATED, LINKS);
        assertArrayEquals(built.words(), without.words());
        assertArrayEquals(new String[] {"artificial", "data", "intelligence", "mining"}, without.words());
        assertArrayEquals(built.starts(), without.starts());
        assertArrayEquals(built.termWords(), without.termWords());
        assertArrayEquals(built.keys(), without.keys());
        assertArrayEquals(new String[] {"baby", "fake"}, without.keys()); // "recipe" reached only "formula"
        assertArrayEquals(built.keyStarts(), without.keyStarts());
        assertArrayEquals(built.links(), without.links());
        assertArrayEquals(built.fanOuts(), without.fanOuts());
        assertFalse(without.register().hasGated());
        TermTable plain = TermTable.of(ALL, LINKS);
        assertSame(plain, plain.withoutGated());
    }

    @Test
    void aTableWithARegisterIsWrittenAsVersion3AndReadBack() throws Exception {
        Path p = ModelFiles.withSection(dir.resolve("r.dspm"), TermFormat.SECTION, TermFormat.section(gated()));
        ModelFile f = ModelFile.open(p);
        assertEquals(TermFormat.VERSION_WITH_REGISTER, f.section(TermFormat.SECTION).order(ByteOrder.LITTLE_ENDIAN).getInt(4));
        TermTable back = TermFormat.read(f);
        assertEquals(3, back.size());
        assertTrue(back.register().gated(2));
        assertFalse(back.register().gated(1));
        assertEquals(-3.25f, back.register().technicalLog10("algorithm"));
        assertEquals((float) Math.log10(0.5 / 1000), back.register().technicalLog10("senate"));
        assertArrayEquals(TermTable.of(ALL, LINKS).reach("baby"), back.reach("baby"));
        // without a register the section stays version 2, byte for byte the one of before
        Path q = ModelFiles.withSection(dir.resolve("q.dspm"), TermFormat.SECTION, TermFormat.section(TermTable.of(ALL, LINKS)));
        Path w = ModelFiles.withSection(dir.resolve("w.dspm"), TermFormat.SECTION,
                TermFormat.section(gated().withRegister(TermRegister.NONE)));
        assertEquals(TermFormat.VERSION, ModelFile.open(q).section(TermFormat.SECTION).order(ByteOrder.LITTLE_ENDIAN).getInt(4));
        assertArrayEquals(Files.readAllBytes(q), Files.readAllBytes(w));
    }

    @Test
    void aRegisterOutsideTheTermsIsRefused() throws Exception {
        Path p = ModelFiles.withSection(dir.resolve("r.dspm"), TermFormat.SECTION, TermFormat.section(gated()));
        ByteBuffer s = ModelFile.open(p).section(TermFormat.SECTION);
        ByteBuffer section = ByteBuffer.allocate(s.remaining());
        section.put(s.duplicate());
        section.order(ByteOrder.LITTLE_ENDIAN);
        // the gated id is the first int after the register header, itself right after the links: find it by value
        int terms = section.getInt(12);
        boolean changed = false;
        for (int at = section.capacity() - 4; at >= 32 && !changed; at -= 4) {
            if (section.getInt(at) == 1000 && section.getInt(at + 4) == 2) { // proseWords, then the gated id 2
                section.putInt(at + 4, terms);
                changed = true;
            }
        }
        assertTrue(changed);
        section.position(0);
        assertThrows(org.despin.model.DataFormatException.class, () -> TermFormat.read(section, "test"));
    }
}
