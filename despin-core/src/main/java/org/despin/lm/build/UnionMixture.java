package org.despin.lm.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmState;
import org.despin.lm.TrieLanguageModel;
import org.despin.lm.Vocabulary;

/**
 * The interpolated probability of two models over the union of their vocabularies, what both
 * mixers ({@link BackoffMixer} in memory, {@link StreamingBackoffMixer} on disk) compute for every
 * n-gram: λ pA(w|h) + (1-λ) pB(w|h), each side backing off by itself and a word outside one side's
 * vocabulary having probability 0 there. Union ids: {@code <unk> <s> </s>}, then the other words in
 * {@link String} order. Holds query states: one instance per thread.
 */
final class UnionMixture {
    private final TrieLanguageModel ta;
    private final TrieLanguageModel tb;
    private final double lambda;
    private final LmState stateA;
    private final LmState stateB;
    private final String[] vocabulary;
    /** A side's id of each union word, or -1 when the side does not know it. */
    private final int[] idA;
    private final int[] idB;

    UnionMixture(TrieLanguageModel ta, TrieLanguageModel tb, double lambda) {
        this.ta = ta;
        this.tb = tb;
        this.lambda = lambda;
        this.stateA = ta.newState();
        this.stateB = tb.newState();
        this.vocabulary = union(ta.vocabulary(), tb.vocabulary());
        this.idA = new int[vocabulary.length];
        this.idB = new int[vocabulary.length];
        for (int i = 0; i < vocabulary.length; i++) {
            idA[i] = idOf(ta.vocabulary(), vocabulary[i], i);
            idB[i] = idOf(tb.vocabulary(), vocabulary[i], i);
        }
    }

    /** The union's words by union id (not a copy). */
    String[] vocabulary() {
        return vocabulary;
    }

    /** The larger of the two orders. */
    int order() {
        return Math.max(ta.order(), tb.order());
    }

    /** λ pA(w|h) + (1-λ) pB(w|h) for the union-id tuple {@code t[from..from+n)} (w last). */
    double mixed(int[] t, int from, int n) {
        int w = t[from + n - 1];
        double pa = idA[w] < 0 ? 0 : Math.pow(10, score(ta, stateA, idA, t, from, n));
        double pb = idB[w] < 0 ? 0 : Math.pow(10, score(tb, stateB, idB, t, from, n));
        return lambda * pa + (1 - lambda) * pb;
    }

    /** One side's log10 p(w|h), h cut to the side's order. */
    private static float score(LanguageModel lm, LmState s, int[] map, int[] t, int from, int n) {
        int start = from + Math.max(0, n - lm.order());
        int end = from + n - 1;
        if (start < end && map[t[start]] == Vocabulary.BEGIN_SENTENCE) {
            lm.beginSentence(s);
            start++;
        } else {
            lm.emptyContext(s);
        }
        for (int i = start; i < end; i++) {
            lm.score(s, map[t[i]] < 0 ? Vocabulary.UNKNOWN : map[t[i]], s);
        }
        return lm.score(s, map[t[end]], s);
    }

    private static String[] union(Vocabulary va, Vocabulary vb) {
        List<String> words = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Vocabulary v : new Vocabulary[] {va, vb}) {
            for (int i = 3; i < v.size(); i++) {
                if (seen.add(v.word(i))) {
                    words.add(v.word(i));
                }
            }
        }
        String[] sorted = words.toArray(new String[0]);
        Arrays.sort(sorted);
        String[] all = new String[sorted.length + 3];
        all[0] = "<unk>";
        all[1] = "<s>";
        all[2] = "</s>";
        System.arraycopy(sorted, 0, all, 3, sorted.length);
        return all;
    }

    private static int idOf(Vocabulary v, String word, int unionId) {
        if (unionId < 3) {
            return unionId; // the reserved ids are the same everywhere
        }
        int id = v.id(word);
        return id == Vocabulary.UNKNOWN ? -1 : id;
    }
}
