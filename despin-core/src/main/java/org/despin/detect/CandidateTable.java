package org.despin.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
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
 * <p>Thread-safe: bounded concurrent caches shared by all calls of one {@link Detector}. The
 * values are a pure function of the model and settings, so a race only computes one twice. A
 * one-word span the LM knows is cached by its LM id in an array (no hashing, no string
 * comparison); a longer span is looked up by its text, and only when the lexicon has a key for it
 * (most word pairs and triples of a text are none, and asking the lexicon's own hash table is
 * cheaper than keeping them in the cache). The LM ids and intrinsic score of each original are
 * computed once for every span that lists it.
 */
final class CandidateTable {
    static final PreparedCandidate[] NONE = new PreparedCandidate[0];
    private static final int MAX_CACHED = 400_000;
    /**
     * Candidates the caches keep at most (about 90 bytes each with their original's ids): past it a list is prepared
     * each time it is asked for. Without it the caches grew with every new word of a long input up to a list per word
     * of the vocabulary (~1 GB in the deep table): a 10 MB text died at -Xmx256m, having kept 1.1 M deep candidates
     * after 3 MB (branch fuzz24). A few thousand passages stay under it.
     */
    static final long MAX_CACHED_CANDIDATES = 1_000_000;

    private final Lexicon lexicon;
    private final LanguageModel lm;
    private final int maxCandidates;
    private final double channelScale;
    /** The prior's weights, or null: channelScale * channel + ln10 * frequency. */
    private final PoolPrior poolPrior;
    private final ConcurrentHashMap<String, PreparedCandidate[]> cache = new ConcurrentHashMap<>();
    /** The candidates of one-word spans by the word's LM id; null = not prepared yet. */
    private final AtomicReferenceArray<PreparedCandidate[]> byWord;
    /**
     * An original's LM ids and intrinsic score, shared by every span that lists it: by the
     * lexicon's original id (null = not computed yet), or by text when the lexicon numbers none.
     */
    private final AtomicReferenceArray<Original> byOriginalId;
    private final ConcurrentHashMap<String, Original> originals;
    private final long maxCachedCandidates;
    /** Candidates in the lists cached so far (a race may count a list another thread stored first). */
    private final AtomicLong cachedCandidates = new AtomicLong();

    /**
     * What a span's list needs of an original, whichever span lists it: its LM ids (null when the
     * LM lacks a word, or when it is only function words: never a candidate) and intrinsic log10
     * probability.
     */
    private record Original(int[] ids, float intrinsic) {
        boolean usable() {
            return ids != null;
        }
    }

    private static final Original UNUSABLE = new Original(null, 0f);
    /** Best prior first, then by original. */
    private static final Comparator<PreparedCandidate> BEST_PRIOR_FIRST = (x, y) -> {
        int c = Double.compare(y.prior(), x.prior());
        return c != 0 ? c : x.original().compareTo(y.original());
    };

    CandidateTable(Lexicon lexicon, LanguageModel lm, DetectorSettings settings) {
        this(lexicon, lm, settings, null);
    }

    /**
     * A table that shares the originals' LM ids and intrinsic scores with {@code sharing} (null: none), a table of
     * the same lexicon and LM (they are a function of those alone): the deepening's longer lists
     * ({@link Detector#DEEP_READINGS}) list mostly the originals the first table's lists already prepared (branch
     * {@code deep22}).
     */
    CandidateTable(Lexicon lexicon, LanguageModel lm, DetectorSettings settings, CandidateTable sharing) {
        this(lexicon, lm, settings, sharing, MAX_CACHED_CANDIDATES);
    }

    /** A table whose caches keep at most {@code maxCachedCandidates} candidates (tests). */
    CandidateTable(Lexicon lexicon, LanguageModel lm, DetectorSettings settings, CandidateTable sharing,
            long maxCachedCandidates) {
        this.maxCachedCandidates = maxCachedCandidates;
        this.lexicon = lexicon;
        this.lm = lm;
        // a pool chosen in context chooses among more candidates than it tests
        this.maxCandidates = settings.contextPool() > 0 ? Math.max(settings.candidatePool(), settings.contextReach())
                : settings.candidatePool();
        this.channelScale = settings.channelScale();
        this.poolPrior = settings.poolPrior();
        this.byWord = new AtomicReferenceArray<>(lm.vocabulary().size());
        boolean share = sharing != null && sharing.lexicon == lexicon && sharing.lm == lm;
        this.byOriginalId = share ? sharing.byOriginalId : new AtomicReferenceArray<>(lexicon.originalIds());
        this.originals = share ? sharing.originals : new ConcurrentHashMap<>();
    }

    /**
     * Whether this table lists candidates for exactly the spans {@code other} does: both prepare the same lexicon's
     * lists with the same LM and keep at least one candidate (a list only cut at another length is empty when the
     * other is).
     */
    boolean listsSameSpans(CandidateTable other) {
        return other == this || other.lexicon == lexicon && other.lm == lm && maxCandidates > 0 && other.maxCandidates > 0;
    }

    /**
     * Whether {@code other}'s list of every span begins with this table's list in the same order (or this one with
     * the other's): the same lexicon, LM, channel scale and {@link PoolPrior} sort the same candidates by the same
     * priors, and only the lengths the lists are cut at differ.
     */
    boolean sameOrder(CandidateTable other) {
        return other == this || other.lexicon == lexicon && other.lm == lm && other.channelScale == channelScale
                && Objects.equals(other.poolPrior, poolPrior);
    }

    int maxSpanWords() {
        return Math.max(1, lexicon.maxSpanWords());
    }

    /**
     * Prepared candidates for a one-word observed span, best prior first; never null.
     *
     * @param word the normalised word
     * @param id its LM id ({@link Vocabulary#id}), {@link Vocabulary#UNKNOWN} when the LM lacks it
     */
    PreparedCandidate[] candidates(String word, int id) {
        if (id == Vocabulary.UNKNOWN || id >= byWord.length()) {
            return candidates(word);
        }
        PreparedCandidate[] c = byWord.get(id);
        if (c == null) {
            c = prepare(word);
            if (mayCache(c) && !byWord.compareAndSet(id, null, c)) {
                c = byWord.get(id); // another thread was first: share its copy
            }
        }
        return c;
    }

    /**
     * False only when no span that starts with the normalised words {@code first second} has candidates (the
     * lexicon's filter of its keys' first two words): the caller need not join the span to look it up.
     */
    boolean mayStartSpan(String first, String second) {
        return lexicon.mayStartKey(first, second);
    }

    /** Prepared candidates for a normalised observed span, best prior first; never null. */
    PreparedCandidate[] candidates(String observed) {
        if (observed.indexOf(' ') >= 0 && !lexicon.hasCandidates(observed)) {
            return NONE;
        }
        PreparedCandidate[] c = cache.get(observed);
        if (c == null) {
            c = prepare(observed);
            if (cache.size() < MAX_CACHED && mayCache(c)) {
                PreparedCandidate[] won = cache.putIfAbsent(observed, c);
                if (won != null) {
                    c = won; // another thread was first: share its copy (Lattice.hasArc compares by value anyway)
                }
            }
        }
        return c;
    }

    /** Whether the list fits the caches' budget ({@link #MAX_CACHED_CANDIDATES}), counted when it does. */
    private boolean mayCache(PreparedCandidate[] c) {
        if (c.length == 0) {
            return true;
        }
        if (cachedCandidates.get() + c.length > maxCachedCandidates) {
            return false;
        }
        cachedCandidates.addAndGet(c.length);
        return true;
    }

    /** Candidates in the lists cached so far. */
    long cachedCandidates() {
        return cachedCandidates.get();
    }

    private PreparedCandidate[] prepare(String observed) {
        List<Candidate> raw = lexicon.candidates(observed);
        if (raw.isEmpty()) {
            return NONE;
        }
        if (FunctionWords.onlyFunctionWords(observed)) {
            return NONE;
        }
        List<PreparedCandidate> out = new ArrayList<>(raw.size());
        LmState[] scratch = new LmState[2];
        PriorContext pc = poolPrior == null ? null : new PriorContext(observed, scratch);
        for (Candidate c : raw) {
            if (c.original().equals(observed)) {
                continue;
            }
            Original o = original(c, scratch);
            if (!o.usable()) {
                continue;
            }
            double prior = pc == null ? channelScale * c.logChannel() + Math.log(10) * o.intrinsic() : pc.prior(c, o);
            // a copy of the ids next to the span's other candidates: the evidence test reads them all in turn
            out.add(new PreparedCandidate(c, o.ids().clone(), o.intrinsic(), prior));
        }
        out.sort(BEST_PRIOR_FIRST);
        if (out.size() > maxCandidates) {
            out = out.subList(0, maxCandidates);
        }
        return out.toArray(NONE);
    }

    /** What {@link PoolPrior} reads of the observed span, for one list. */
    private final class PriorContext {
        final float observedIntrinsic;
        final int observedWords;
        final int observedClasses;
        final double[] f = new double[PoolPrior.SIZE];

        PriorContext(String observed, LmState[] scratch) {
            Original o = computeOriginal(observed, scratch);
            // an observed span the LM does not know: as rare as it gets, so every original counts as more frequent
            observedIntrinsic = o.usable() ? o.intrinsic() : -99f;
            observedWords = words(observed);
            observedClasses = observedWords == 1 && poolPrior.readsClasses() ? PoolPrior.mask(lexicon.wordClasses(observed)) : 0;
        }

        double prior(Candidate c, Original o) {
            int originalWords = words(c.original());
            int originalClasses = originalWords == 1 && observedClasses != 0 ? PoolPrior.mask(lexicon.wordClasses(c.original())) : 0;
            PoolPrior.features(c, o.intrinsic(), observedIntrinsic, observedWords, originalWords, observedClasses,
                    originalClasses, f);
            return poolPrior.score(f);
        }
    }

    private static int words(String s) {
        int n = 1;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) == ' ' ? 1 : 0;
        }
        return n;
    }

    /** The LM ids and intrinsic score of a candidate's original (cached: common originals are listed by many spans). */
    private Original original(Candidate c, LmState[] scratch) {
        int id = c.originalId();
        if (id >= 0 && id < byOriginalId.length()) {
            Original o = byOriginalId.get(id);
            if (o == null) {
                o = computeOriginal(c.original(), scratch);
                byOriginalId.set(id, o); // a race only computes the same value twice
            }
            return o;
        }
        Original o = originals.get(c.original());
        if (o == null) {
            o = computeOriginal(c.original(), scratch);
            if (originals.size() < MAX_CACHED) {
                originals.putIfAbsent(c.original(), o);
            }
        }
        return o;
    }

    private Original computeOriginal(String original, LmState[] scratch) {
        if (FunctionWords.onlyFunctionWords(original)) {
            return UNUSABLE;
        }
        int[] ids = ids(lm.vocabulary(), original);
        if (ids == null) {
            return UNUSABLE; // a word the LM never saw gives no evidence either way
        }
        if (scratch[0] == null) {
            scratch[0] = lm.newState();
            scratch[1] = lm.newState();
        }
        return new Original(ids, intrinsic(ids, scratch[0], scratch[1]));
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
