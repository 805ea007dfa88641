package org.despin.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.despin.lexicon.Candidate;
import org.despin.lexicon.Lexicon;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmState;
import org.despin.lm.Vocabulary;

/**
 * Candidate originals per observed span, with LM ids and intrinsic scores precomputed and the
 * list pruned to the best few by prior (channel weight plus frequency). The pruning may prefer
 * frequent originals; the evidence test later insists on context, so frequency alone never wins.
 *
 * <p>Thread-safe: a bounded concurrent cache shared by all calls of one {@link Detector}. The
 * values are a pure function of the model and settings, so a race only computes one twice.
 */
final class CandidateTable {
    private static final PreparedCandidate[] NONE = new PreparedCandidate[0];
    private static final int MAX_CACHED = 400_000;

    private final Lexicon lexicon;
    private final LanguageModel lm;
    private final int maxCandidates;
    private final double channelScale;
    private final ConcurrentHashMap<String, PreparedCandidate[]> cache = new ConcurrentHashMap<>();

    CandidateTable(Lexicon lexicon, LanguageModel lm, DetectorSettings settings) {
        this.lexicon = lexicon;
        this.lm = lm;
        this.maxCandidates = settings.candidatePool();
        this.channelScale = settings.channelScale();
    }

    int maxSpanWords() {
        return Math.max(1, lexicon.maxSpanWords());
    }

    /** Prepared candidates for a normalised observed span, best prior first; never null. */
    PreparedCandidate[] candidates(String observed) {
        PreparedCandidate[] c = cache.get(observed);
        if (c == null) {
            c = prepare(observed);
            if (cache.size() < MAX_CACHED) {
                PreparedCandidate[] won = cache.putIfAbsent(observed, c);
                if (won != null) {
                    c = won; // another thread was first: share its copy (Lattice.hasArc compares by value anyway)
                }
            }
        }
        return c;
    }

    private PreparedCandidate[] prepare(String observed) {
        List<Candidate> raw = lexicon.candidates(observed);
        if (raw.isEmpty()) {
            return NONE;
        }
        Vocabulary vocab = lm.vocabulary();
        LmState a = lm.newState();
        LmState b = lm.newState();
        List<PreparedCandidate> out = new ArrayList<>(raw.size());
        for (Candidate c : raw) {
            if (c.original().equals(observed) || FunctionWords.onlyFunctionWords(c.original())
                    || FunctionWords.onlyFunctionWords(observed)) {
                continue;
            }
            int[] ids = ids(vocab, c.original());
            if (ids == null) {
                continue; // a word the LM never saw gives no evidence either way
            }
            float intrinsic = intrinsic(ids, a, b);
            double prior = channelScale * c.logChannel() + Math.log(10) * intrinsic;
            out.add(new PreparedCandidate(c, ids, intrinsic, prior));
        }
        out.sort(Comparator.comparingDouble(PreparedCandidate::prior).reversed()
                .thenComparing(PreparedCandidate::original));
        if (out.size() > maxCandidates) {
            out = out.subList(0, maxCandidates);
        }
        return out.toArray(NONE);
    }

    /** log10 of the phrase from an empty context: its first word's unigram, then the rest in turn. */
    float intrinsic(int[] ids, LmState a, LmState b) {
        lm.emptyContext(a);
        float sum = 0;
        for (int id : ids) {
            sum += lm.score(a, id, b);
            a.copyFrom(b);
        }
        return sum;
    }

    /** LM ids of the space-separated words, or null when one is unknown. */
    static int[] ids(Vocabulary vocab, String phrase) {
        String[] words = phrase.split(" ");
        int[] ids = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            ids[i] = vocab.id(words[i]);
            if (ids[i] == Vocabulary.UNKNOWN) {
                return null;
            }
        }
        return ids;
    }
}
