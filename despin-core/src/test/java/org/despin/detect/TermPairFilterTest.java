package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.despin.lexicon.MapLexicon;
import org.despin.lexicon.TermTable;
import org.junit.jupiter.api.Test;

/**
 * The pairing's filters of branch {@code speed11} ({@code TermCandidates.Reach#secondsOfStarted},
 * {@code #firstsOfContinued}): a filter lets every id of its set through, and the matcher with them finds exactly
 * the matches it finds without them, on random term tables, lexicons and sentences dense in shared term words.
 */
class TermPairFilterTest {
    @Test
    void everyIdOfTheSetPassesAndFewOthers() {
        Random random = new Random(11);
        for (int size : new int[] {0, 1, 5, 40, 300, 5000, 50_000}) {
            int[] ids = random.ints(0, 1_000_000).limit(size).toArray();
            TermCandidates.IdFilter f = TermCandidates.IdFilter.of(ids, size);
            for (int id : ids) {
                assertTrue(f.mayHold(id), "size " + size + " id " + id);
            }
            Set<Integer> held = new java.util.HashSet<>();
            for (int id : ids) {
                held.add(id);
            }
            int passed = 0;
            int absent = 0;
            for (int q = 0; q < 20_000; q++) {
                int id = random.nextInt(2_000_000);
                if (!held.contains(id)) {
                    absent++;
                    passed += f.mayHold(id) ? 1 : 0;
                }
            }
            // 8 bits an id: ~12 % pass (more once the filter's cap is reached)
            assertTrue(passed < (size <= 300 ? 0.2 : 0.9) * absent, "size " + size + ": " + passed + " of " + absent);
        }
        assertTrue(TermCandidates.IdFilter.ALL.mayHold(12345));
    }

    @Test
    void theMatchesAreThoseWithoutTheFilters() {
        Random random = new Random(20261130);
        int compared = 0;
        int matched = 0;
        for (int trial = 0; trial < 12; trial++) {
            int vocabulary = 30 + random.nextInt(50);
            List<String> words = new ArrayList<>();
            for (int k = 0; k < vocabulary; k++) {
                words.add("w" + (char) ('a' + k / 26) + (char) ('a' + k % 26));
            }
            // terms of two and three words over a small vocabulary: words start and continue many terms
            Set<String> table = new LinkedHashSet<>();
            int size = 50 + random.nextInt(400);
            while (table.size() < size) {
                int length = random.nextInt(4) == 0 ? 3 : 2;
                StringBuilder t = new StringBuilder(words.get(random.nextInt(vocabulary)));
                for (int k = 1; k < length; k++) {
                    t.append(' ').append(words.get(random.nextInt(vocabulary)));
                }
                table.add(t.toString());
            }
            // every word linked to a few others: a segment reaches dozens of term words
            MapLexicon.Builder lexicon = new MapLexicon.Builder();
            for (String w : words) {
                for (int k = random.nextInt(8); k > 0; k--) {
                    String original = words.get(random.nextInt(vocabulary));
                    if (!original.equals(w)) {
                        lexicon.add(w, original, -0.5f - random.nextFloat() * 2);
                    }
                }
            }
            List<String> corpus = new ArrayList<>();
            for (int s = 0; s < 40; s++) {
                corpus.add(sentence(random, words, 4 + random.nextInt(10)));
            }
            MapLexicon lex = lexicon.build();
            TermTable terms = TermTable.of(new ArrayList<>(table));
            org.despin.lm.MapLanguageModel lm = ToyModel.lm(3, corpus);
            TermCandidates with = new TermCandidates(terms, lex, lm);
            TermCandidates without = new TermCandidates(terms, lex, lm, false);
            for (int s = 0; s < 60; s++) {
                String text = s < 20 ? corpus.get(s) : sentence(random, words, 3 + random.nextInt(14));
                org.despin.text.Document doc = org.despin.text.Document.parse(text);
                LatticeBuilder.SentenceWords w = LatticeBuilder.SentenceWords.of(doc.tokens(), doc.sentences().get(0));
                List<String> a = render(with.matches(w));
                List<String> b = render(without.matches(w));
                assertEquals(b, a, "trial " + trial + ": " + text);
                compared++;
                matched += a.size();
            }
        }
        assertEquals(720, compared);
        assertTrue(matched > 500, "matches compared: " + matched);
    }

    private static String sentence(Random random, List<String> words, int length) {
        StringBuilder s = new StringBuilder("The");
        for (int k = 0; k < length; k++) {
            s.append(' ').append(words.get(random.nextInt(words.size())));
        }
        return s.append('.').toString();
    }

    private static List<String> render(List<TermCandidates.Match> matches) {
        List<String> out = new ArrayList<>();
        for (TermCandidates.Match m : matches) {
            out.add(m.from() + "-" + m.to() + " " + m.candidate().original() + " " + m.candidate().candidate().logChannel()
                    + " " + m.candidate().prior() + " r" + m.rivals() + (m.whole() ? " whole" : ""));
        }
        return out;
    }
}
