package org.despin.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.despin.model.ModelFile;
import org.despin.model.ModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mapped lexicon's filter of its multi-word keys' first two words ({@link Lexicon#mayStartKey}, branch
 * {@code speed10}): built at load from the mapped bytes (the words' String hashes computed from ASCII bytes, or from the
 * decoded string), it must let every key's first two words through, or the detector would lose those spans' candidates.
 */
class LexiconPairFilterTest {
    @TempDir
    Path dir;

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "zé", "ñu", "ß", "ø"};

    /**
     * 20,000 random pairs of words that start no key ({@code prefixes}): fewer than one in ten passes {@code filter},
     * and every pair it turns away has nothing behind it ({@code empty}, read as "first second").
     */
    private static void randomPairs(Random random, Set<String> prefixes,
            java.util.function.BiPredicate<String, String> filter, java.util.function.Predicate<String> empty) {
        int absent = 0;
        int passed = 0;
        for (int q = 0; q < 20_000; q++) {
            String first = word(random);
            String second = word(random);
            String pair = first + " " + second;
            if (prefixes.contains(pair)) {
                continue;
            }
            absent++;
            boolean pass = filter.test(first, second);
            passed += pass ? 1 : 0;
            if (!pass) {
                assertTrue(empty.test(pair), pair);
            }
        }
        assertTrue(absent > 10_000, absent + " pairs");
        assertTrue(passed < 0.1 * absent, passed + " of " + absent);
    }

    private static String word(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(3);
        for (int k = 0; k < n; k++) {
            // mostly ASCII; some words with letters of two UTF-8 bytes
            sb.append(SYLLABLES[random.nextInt(random.nextInt(10) == 0 ? SYLLABLES.length : 8)]);
        }
        return sb.toString();
    }

    private Lexicon lexicon(List<String> keys) throws Exception {
        LexiconData.Builder b = new LexiconData.Builder();
        for (String key : keys) {
            b.link(key, "original", new LinkFeatures(3, 1, LinkFeatures.MOBY));
        }
        Path file = ModelFiles.withSection(dir.resolve("p" + keys.size() + ".despin"), LexiconFormat.SECTION,
                LexiconFormat.section(b.build()));
        return LexiconFormat.read(ModelFile.open(file), ChannelWeights.DEFAULT);
    }

    @Test
    void everyKeysFirstTwoWordsPassAndMostOtherPairsDoNot() throws Exception {
        Random random = new Random(11);
        List<String> keys = new ArrayList<>();
        Set<String> prefixes = new HashSet<>();
        for (int k = 0; k < 3000; k++) {
            String first = word(random);
            String second = word(random);
            String key = k % 3 == 0 ? first + " " + second + " " + word(random) : k % 3 == 1 ? first + " " + second : first;
            keys.add(key);
            if (key.indexOf(' ') >= 0) {
                prefixes.add(first + " " + second);
            }
        }
        keys.add("café au lait");
        prefixes.add("café au");
        Lexicon lex = lexicon(keys);
        for (String key : keys) {
            String[] w = key.split(" ");
            if (w.length > 1) {
                assertTrue(lex.mayStartKey(w[0], w[1]), key);
                assertTrue(lex.hasCandidates(key), key);
            }
        }
        // turned away: no key of two or three words starts so
        randomPairs(random, prefixes, lex::mayStartKey, pair -> !lex.hasCandidates(pair));
        assertFalse(lex.mayStartKey("zzz", "qqq") && lex.mayStartKey("café", "qqq") && lex.mayStartKey("a", "b"));
    }

    /** The term table's filter of its links' observed forms ({@link TermTable#mayStartObserved}), on random forms. */
    @Test
    void everyObservedFormsFirstTwoWordsPassTheTermTablesFilter() {
        Random random = new Random(5);
        java.util.Map<String, java.util.Map<String, Integer>> observed = new java.util.HashMap<>();
        Set<String> prefixes = new HashSet<>();
        for (int k = 0; k < 2000; k++) {
            String first = word(random);
            String second = word(random);
            String form = k % 3 == 0 ? first + " " + second + " " + word(random) : k % 3 == 1 ? first + " " + second : first;
            observed.put(form, java.util.Map.of(k % 2 == 0 ? "tree" : "decision", TermTable.SYNONYM));
            if (form.indexOf(' ') >= 0) {
                prefixes.add(first + " " + second);
            }
        }
        TermTable table = TermTable.of(List.of("decision tree"),
                new TermLinks(observed, java.util.Map.of("tree", 20, "decision", 1)));
        for (String form : observed.keySet()) {
            String[] w = form.split(" ");
            if (w.length > 1) {
                assertTrue(table.mayStartObserved(w[0], w[1]), form);
                assertTrue(table.reach(form).length > 0, form);
            }
        }
        randomPairs(random, prefixes, table::mayStartObserved, pair -> table.reach(pair).length == 0);
        // a table without links of several words lets every pair through
        assertTrue(TermTable.of(List.of("decision tree")).mayStartObserved("decision", "tree"));
    }

    @Test
    void aWordWithASpaceIsNeverTurnedAway() throws Exception {
        Lexicon lex = lexicon(List.of("asked for", "motor vehicles"));
        assertTrue(lex.mayStartKey("motor", "vehicles"));
        assertTrue(lex.mayStartKey("asked", "for"));
        assertTrue(lex.mayStartKey("asked for", "it"));
    }

    @Test
    void aLexiconOfOneWordKeysLetsEveryPairThrough() throws Exception {
        Lexicon lex = lexicon(List.of("advised", "protection"));
        assertTrue(lex.mayStartKey("advised", "protection"));
        assertEquals(List.of(), lex.candidates("advised protection"));
    }
}
