package org.despin.lexicon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.despin.model.DataFormatException;
import org.despin.model.ModelFile;
import org.despin.model.ModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconFormatTest {
    private static final int MOBY_MUTUAL = LinkFeatures.DIRECT | LinkFeatures.INVERSE | LinkFeatures.MOBY;

    @TempDir
    Path dir;

    /** A small lexicon; {@code reversed} adds the same things in the opposite order. */
    static LexiconData sample(boolean reversed) {
        List<Runnable> steps = new java.util.ArrayList<>();
        LexiconData.Builder b = new LexiconData.Builder();
        steps.add(() -> b.link("advised", "told", new LinkFeatures(309, 1, MOBY_MUTUAL)));
        steps.add(() -> b.link("advised", "notified", new LinkFeatures(20, 1, MOBY_MUTUAL | LinkFeatures.WORDNET)));
        steps.add(() -> b.link("advised", "counselled", new LinkFeatures(3, 2, LinkFeatures.MOBY)));
        steps.add(() -> b.link("asked for", "requested", new LinkFeatures(47, 1, LinkFeatures.DIRECT | LinkFeatures.MOBY)));
        steps.add(() -> b.link("five", "5", new LinkFeatures(1, 1, LinkFeatures.NUMBER)));
        steps.add(() -> b.link("protection", "security", new LinkFeatures(188, 1, LinkFeatures.INVERSE | LinkFeatures.MOBY)));
        steps.add(() -> b.link("café", "coffee shop", new LinkFeatures(5, 1, LinkFeatures.WORDNET)));
        steps.add(() -> b.observedPicks("advised", 61));
        steps.add(() -> b.word("advised", WordClass.VERB.bit() | WordClass.ADJECTIVE.bit()));
        steps.add(() -> b.word("the", WordClass.FUNCTION_WORD.bit()));
        steps.add(() -> b.word("told", WordClass.VERB.bit()));
        steps.add(() -> b.word("café", WordClass.NOUN.bit()));
        if (reversed) {
            java.util.Collections.reverse(steps);
        }
        steps.forEach(Runnable::run);
        return b.build();
    }

    private Path write(LexiconData data, String name) throws Exception {
        return ModelFiles.withSection(dir.resolve(name), LexiconFormat.SECTION, LexiconFormat.section(data));
    }

    @Test
    void relatedWordFlagsSurviveTheRoundTrip() throws Exception {
        LexiconData.Builder b = new LexiconData.Builder();
        b.link("pandemic", "general", new LinkFeatures(40, 1, LinkFeatures.SIMILAR));
        b.link("motor vehicles", "trucks", new LinkFeatures(9, 1, LinkFeatures.GENERIC));
        b.link("motor vehicles", "cars", new LinkFeatures(30, 1, LinkFeatures.GENERIC | MOBY_MUTUAL));
        Lexicon lex = LexiconFormat.read(ModelFile.open(write(b.build(), "r.despin")), ChannelWeights.DEFAULT);
        // -0.35 ln 40 - 1 (similar only); -0.35 ln 9 - 2 (generic only) - 0.5 (two words for one);
        // cars: a mutual Moby link as well, so no related-word penalty: -0.35 ln 30 + 0.5 - 0.5
        assertEquals(List.of(new Candidate("general", (float) (-0.35 * Math.log(40) - 1.0), 1, "wordnet-similar")),
                withoutIds(lex.candidates("pandemic")));
        assertEquals(List.of(new Candidate("cars", (float) (-0.35 * Math.log(30)), 1, "moby"),
                new Candidate("trucks", (float) (-0.35 * Math.log(9) - 2.5), 1, "wordnet-generic")),
                withoutIds(lex.candidates("motor vehicles")));
    }

    @Test
    void roundTripGivesExactCandidatesAndWeights() throws Exception {
        ChannelWeights w = ChannelWeights.DEFAULT;
        Lexicon lex = LexiconFormat.read(ModelFile.open(write(sample(false), "m.despin")), w);
        assertEquals(2, lex.maxSpanWords());
        // worked by hand from ChannelWeights' formula with the defaults (0.35, 0.5, 0.5, -1, -2.5, -0.5, 0):
        // notified: -0.35 ln 20 + 0.5 (mutual) + 0.5 (WordNet) = -0.04851
        // told:     -0.35 ln 309 + 0.5 (mutual)              = -1.50562
        // counselled (two hops): -0.35 ln 3 - 2.5            = -2.88451
        assertEquals(List.of(new Candidate("notified", (float) (-0.35 * Math.log(20) + 1.0), 1, "moby+wordnet"),
                new Candidate("told", (float) (-0.35 * Math.log(309) + 0.5), 1, "moby"),
                new Candidate("counselled", (float) (-0.35 * Math.log(3) - 2.5), 2, "moby")), withoutIds(lex.candidates("advised")));
        assertEquals(-0.04851, lex.candidates("advised").get(0).logChannel(), 1e-5);
        // requested: -0.35 ln 47 - 0.5 (one word for two)
        assertEquals(List.of(new Candidate("requested", (float) (-0.35 * Math.log(47) - 0.5), 1, "moby")),
                withoutIds(lex.candidates("asked for")));
        assertEquals(List.of(new Candidate("5", 0f, 1, "number")), withoutIds(lex.candidates("five")));
        // protection -> security only from the observed word's own entry: -0.35 ln 188 - 1
        assertEquals((float) (-0.35 * Math.log(188) - 1.0), lex.candidates("protection").get(0).logChannel());
        assertEquals("coffee shop", lex.candidates("café").get(0).original());
        assertEquals(List.of(), lex.candidates("told"));
        assertEquals(List.of(), lex.candidates("unknown words here"));
        assertEquals(sample(false).toLexicon(w).candidates("advised"), withoutIds(lex.candidates("advised")));
    }

    @Test
    void knownWordsAndClasses() throws Exception {
        Lexicon lex = LexiconFormat.read(ModelFile.open(write(sample(false), "m.despin")));
        assertTrue(lex.isKnownWord("the"));
        assertTrue(lex.isKnownWord("café"));
        assertFalse(lex.isKnownWord("five"), "a lexicon key that the dictionary does not list");
        assertFalse(lex.isKnownWord("xyzzy"));
        assertEquals(Set.of(WordClass.VERB, WordClass.ADJECTIVE), lex.wordClasses("advised"));
        assertEquals(Set.of(), lex.wordClasses("xyzzy"));
    }

    @Test
    void otherWeightsNeedNoRebuild() throws Exception {
        ChannelWeights flat = new ChannelWeights(1.0, 0, 0, 0, 0, 0, 0);
        Lexicon lex = LexiconFormat.read(ModelFile.open(write(sample(false), "m.despin")), flat);
        assertEquals((float) -Math.log(309), lex.candidates("advised").get(2).logChannel());
        assertEquals("told", lex.candidates("advised").get(2).original());
    }

    @Test
    void sameDataSameBytesWhateverTheOrder() throws Exception {
        byte[] a = Files.readAllBytes(write(sample(false), "a.despin"));
        byte[] b = Files.readAllBytes(write(sample(false), "b.despin"));
        byte[] c = Files.readAllBytes(write(sample(true), "c.despin"));
        assertArrayEquals(a, b);
        assertArrayEquals(a, c);
    }

    /** The candidates as a lexicon without original ids gives them (the ids are the string table's). */
    private static List<Candidate> withoutIds(List<Candidate> list) {
        return list.stream().map(c -> new Candidate(c.original(), c.logChannel(), c.hops(), c.source())).toList();
    }

    @Test
    void originalIdsNameTheTextWhicheverListHoldsIt() throws Exception {
        LexiconData.Builder b = new LexiconData.Builder();
        b.link("advised", "told", new LinkFeatures(309, 1, MOBY_MUTUAL));
        b.link("informed", "told", new LinkFeatures(100, 1, MOBY_MUTUAL));
        b.link("informed", "notified", new LinkFeatures(20, 1, MOBY_MUTUAL));
        LexiconData data = b.build();
        Lexicon lex = LexiconFormat.read(ModelFile.open(write(data, "ids.despin")));
        Candidate told = lex.candidates("advised").get(0);
        List<Candidate> informed = lex.candidates("informed");
        Candidate toldToo = informed.stream().filter(c -> c.original().equals("told")).findFirst().orElseThrow();
        Candidate notified = informed.stream().filter(c -> c.original().equals("notified")).findFirst().orElseThrow();
        assertEquals(told.originalId(), toldToo.originalId());
        assertTrue(notified.originalId() != told.originalId());
        for (Candidate c : List.of(told, notified)) {
            assertTrue(c.originalId() >= 0 && c.originalId() < lex.originalIds(), c.toString());
        }
        Lexicon inMemory = data.toLexicon(ChannelWeights.DEFAULT);
        assertEquals(0, inMemory.originalIds());
        assertEquals(Candidate.NO_ID, inMemory.candidates("advised").get(0).originalId());
    }

    private ByteBuffer sectionCopy() throws Exception {
        ByteBuffer s = ModelFile.open(write(sample(false), "m.despin")).section(LexiconFormat.SECTION);
        ByteBuffer copy = ByteBuffer.allocate(s.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        copy.put(s).flip();
        return copy;
    }

    @Test
    void corruptSectionsAreRefused() throws Exception {
        ByteBuffer magic = sectionCopy();
        magic.putInt(0, 0x12345678);
        assertRefused(magic, "wrong magic");

        ByteBuffer version = sectionCopy();
        version.putInt(4, 99);
        assertRefused(version, "version 99");

        ByteBuffer count = sectionCopy();
        count.putInt(20, count.getInt(20) + 1000); // more links than the section holds
        assertRefused(count, "header describes");

        ByteBuffer truncated = sectionCopy();
        assertRefused(truncated.slice(0, truncated.capacity() - 16).order(ByteOrder.LITTLE_ENDIAN), "header describes");

        // a link pointing past the string table
        ByteBuffer link = sectionCopy();
        int strings = link.getInt(12);
        int keys = link.getInt(16);
        int linksAt = LexiconFormat.HEADER + 4 * (strings + 1) + ((link.getInt(28) + 3) & ~3) + 4 * keys
                + 4 * (keys + 1) + 8 * keys;
        link.putInt(linksAt, strings + 5);
        assertRefused(link, "link 0 is corrupt");
    }

    private static void assertRefused(ByteBuffer section, String expected) {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> LexiconFormat.read(section, "m.despin (section 'lexicon')", ChannelWeights.DEFAULT));
        assertTrue(e.getMessage().startsWith("m.despin (section 'lexicon'): "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void corruptFileFailsItsChecksum() throws Exception {
        Path p = write(sample(false), "m.despin");
        byte[] bytes = Files.readAllBytes(p);
        bytes[200] ^= 0x55;
        Files.write(p, bytes);
        assertThrows(DataFormatException.class, () -> ModelFile.open(p).verify());
    }
}
