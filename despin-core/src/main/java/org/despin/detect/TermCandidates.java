package org.despin.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.despin.lexicon.Candidate;
import org.despin.lexicon.Lexicon;
import org.despin.lexicon.TermRegister;
import org.despin.lexicon.TermTable;
import org.despin.lexicon.WordClass;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmState;

/**
 * Phrase-level candidates for tortured phrases: a spinner that rewrites a technical term word by
 * word ("artificial intelligence" -> "counterfeit consciousness") leaves each word with little
 * evidence of its own, but the span as a whole reaches a known term ({@link TermTable}) through
 * the lexicon, one term word per observed segment of 1-{@value #MAX_SEGMENT} words
 * ("automotive vehicle teaching" -> "machine learning"). That coincidence is the evidence: such a
 * span becomes one substitution arc to the term, with {@link DetectorSettings#termBonus()}.
 *
 * <p>What keeps clean text clean: every content word of the term must be replaced (a function
 * word of the term, "to" in "signal to noise", stands as it is); the observed span must be
 * ordinary lower-case text, not itself a known term and not a collocation the language model
 * stores (its words predict each other by more than {@value #COLLOCATION_LOG10} in log10, beyond what they do inside
 * a segment that stands for one term word: "musical notation" for "interval"); and a
 * span that reaches several terms shares the bonus among them (broad words reach many terms by
 * chance: "general contest" reaches "civil war", "public debate", "social event", ...); and the
 * arc must pass the term evidence gate ({@link TermEvidence}: the term explains its context far
 * better than the observed words, its words are not broad ones that hundreds of forms link to).
 *
 * <p>A thesaurus also writes ONE word for a whole term, a broader, narrower or related one ("lyceum" for
 * "high school", "fallouts" for "side effects"); the lexicon lists such terms among the word's candidates.
 * A one-word span whose candidate is a table term (not holding the word itself) is a match too, but
 * nothing about it is a coincidence, so its arc needs a gate of its own: the word rarer than every word
 * of the term by {@value #ONE_WORD_RARITY} (log10) and the term explaining its context better than the
 * word by {@link DetectorSettings#oneWordTermGate()}, with {@link DetectorSettings#oneWordTermBonus()}.
 * A span that is itself a table term ("vital sign") stands whole for another table term that is its lexicon
 * candidate and shares no word with it ("blood pressure"), under {@link DetectorSettings#termToTermGate()} and
 * only when the other term is the more frequent phrase. And a word-by-word match the evidence gate turns away
 * still gets its arc when every content word of the span is ten times rarer than every word of the term (a
 * spinner's rare synonyms: "artful ascertaining") and the context agrees ({@link DetectorSettings#rareSpanTermGate()}).
 * These three kinds of arc are for noun terms: the term must be a noun phrase and a one-word span a word that can
 * be a noun ({@link #NOUN_TERMS_ONLY}), or a verb would be read as a phrasal verb ("drains" -> "takes away").
 *
 * <p>Thread-safe: one instance per {@link Detector}; the caches (per segment, term and span) are
 * bounded concurrent maps of pure functions of the model, so a race only computes an entry twice.
 */
final class TermCandidates {
    /**
     * A term that observed words {@code from..to} reach word by word.
     *
     * @param rivals how many terms the same span reaches (1 when only this one)
     * @param whole the span stands for the term as a whole (one word, or a term of the table, whose lexicon
     *     candidate the term is), not word by word
     */
    record Match(int from, int to, PreparedCandidate candidate, int rivals, TermInfo term, boolean whole) {
        /** A word-by-word match. */
        Match(int from, int to, PreparedCandidate candidate, int rivals, TermInfo term) {
            this(from, to, candidate, rivals, term, false);
        }
    }

    /** Observed words per term word, at most ("motion picture show" for "feature"). */
    static final int MAX_SEGMENT = 3;
    /** Exponent of a term word's fan-out in the channel weight of its links (the lexicon's alpha). */
    static final double LINK_ALPHA = 0.35;
    /** Nats a broader or similar word costs against a synonym. */
    static final double RELATED_PENALTY = -1.0;
    /** Nats per observed word beyond one for a term word. */
    static final double LENGTH_PENALTY = -0.5;
    /** log10 PMI above which an observed span is a collocation in its own right (the writer's phrase). */
    static final double COLLOCATION_LOG10 = 1.0;
    /**
     * Whether the collocation test of a span of three words or more reads its cohesion beyond what its segments hold
     * inside: a thesaurus writes a phrase for one word ("musical notation" for "interval", "pure mathematics" for
     * "algebra", "manner of speaking" for "speech"), a collocation in its own right, while the span as a whole
     * ("trust musical notation") is none. Only a segment that reaches some term word counts (a phrase no term word is
     * linked from stands for none; counting every segment let one more clean flag in on held-out short texts).
     * False: the span's whole cohesion, as before (docs/detector.md "Segments that are collocations").
     */
    static final boolean COHESION_BEYOND_SEGMENTS = true;
    /**
     * log10: a one-word span is read as a whole term only when its word is rarer than every word of the
     * term by this much (a spinner writes "lyceum" for "high school", "computing" for "artificial
     * intelligence"; clean text writes "study", "paper", "chancellor" as often as their terms' words).
     */
    static final double ONE_WORD_RARITY = 0.5;
    /**
     * log10: a word-by-word match the term evidence gate turns away still gets its arc (with
     * {@link DetectorSettings#rareSpanTermGate()}) only when every content word of the span is rarer than every
     * word of the term by this much, an order of magnitude (0.5 let clean prose's rare pairs in: "stacking
     * bodies" -> "holding hands"; docs/detector.md "Tortured phrases again").
     */
    static final double RARE_SPAN_MARGIN = 1.0;
    /** log10: the bound of the {@code rarityMargin} fact (a word unknown to the LM is not infinitely rare). */
    static final double MAX_RARITY_MARGIN = 4.0;
    /**
     * Word-class agreement of the arcs that read a span as a whole term or past the evidence gate (one word for
     * a term, a term for a term, rare words for a term): they were made for technical noun terms, so the term
     * must be a noun phrase and a one-word span a word that can be a noun. Off (false) gives the arcs of
     * before. docs/detector.md "Word-class agreement for term arcs".
     */
    static final boolean NOUN_TERMS_ONLY = true;
    /**
     * Adverb particles: a table phrase that ends in one is a verb phrase ("takes away", "set aside", "comes
     * back", mined as a collocation or a WordNet noun made from a phrasal verb), whatever the tagger dictionary
     * says of its last word ("away" and "back" can be nouns there, as can "up", "out" and "in").
     */
    static final Set<String> PARTICLES = Set.of("away", "back", "out", "up", "down", "off", "on", "in", "over",
            "around", "about", "forth", "aside", "along", "apart", "ahead", "behind", "forward", "forwards",
            "backward", "backwards", "together", "through", "across", "by", "ashore", "astray", "abroad");
    /**
     * log10: a term the register gates ({@link TermRegister#gated}: an everyday collocation of the LM) is matched only
     * when the observed span's register ({@link #phraseRegister}, its content words' rate in the technical prose
     * against the LM) is below the term's own plus this margin: a spinner writes everyday thesaurus words for a
     * field's words, never words that read as far more technical than the term's ("minimal polynomial" -> "baby
     * formula" in a Brown passage on linear algebra). 0.5 lost a fifth of what the gated terms add on the third list,
     * 1.5 let that flag in again (docs/detector.md "Terms gated by the document's register").
     */
    static final double SPAN_REGISTER_MARGIN = 1.0;
    /**
     * A gated term's match is no candidate (no arc, no LM call for its facts) when its span reaches more terms than this:
     * its share of {@link DetectorSettings#termBonus()} (3: e^3 = 20) is then below nothing, a span of broad words that
     * reaches everyday phrases by chance; in technical documents such spans held half the matches and most of the cost.
     */
    static final int MAX_GATED_RIVALS = 20;
    /** log10: the bound of one word's register ratio ({@link #register}). */
    static final double REGISTER_CLIP = 1.5;
    /** The lexicon's source name on term arcs, shown in the evidence. */
    static final String SOURCE = "term";
    private static final int MAX_CACHED = 400_000;
    /** Bits a reached word takes in its segment's filter ({@link Reach#mayHold}): 1 - e^(-1/16), ~6 % of absent words pass. */
    static final int FILTER_BITS_PER_WORD = 16;
    /** The most bits of a segment's filter (a segment that reaches thousands of words: 4 KB). */
    static final int MAX_FILTER_BITS = 1 << 15;
    /** Bits an id takes in a filter of the pairing ({@link IdFilter}): 1 - e^(-1/8), ~12 % of absent ids pass. */
    static final int PAIR_FILTER_BITS = 8;
    /** The bit of a hit's term field that marks a whole-term hit (term ids are below 2^31). */
    private static final int WHOLE = 1 << 31;
    /** Positions are packed in 16 bits (a longer run without a sentence end is no prose). */
    private static final int MAX_SENTENCE_WORDS = 0xFFFF;
    private static final Reach NONE = new Reach(new int[0], new float[0], new int[0], new long[0], new int[0], new long[0],
            new int[0], new float[0]);

    /**
     * A filter of a set of non-negative ids: every id of the set passes, about 1 - e^(-1/{@value #PAIR_FILTER_BITS})
     * of the others (one bit an id, the high bits of a 64-bit multiplicative hash; at most {@value #MAX_FILTER_BITS}
     * bits). Immutable.
     */
    static final class IdFilter {
        /** Lets every id through (no filter). */
        static final IdFilter ALL = new IdFilter(null, 0);
        private final long[] bits;
        private final int shift;

        private IdFilter(long[] bits, int shift) {
            this.bits = bits;
            this.shift = shift;
        }

        /** The filter of ids[0..count) (repeats allowed). */
        static IdFilter of(int[] ids, int count) {
            int size = Math.min(MAX_FILTER_BITS,
                    Math.max(Long.SIZE, Integer.highestOneBit(Math.max(1, count) * PAIR_FILTER_BITS - 1) << 1));
            long[] bits = new long[size / Long.SIZE];
            int shift = Long.SIZE - Integer.numberOfTrailingZeros(size);
            for (int k = 0; k < count; k++) {
                int f = Reach.filterBit(ids[k], shift);
                bits[f >>> 6] |= 1L << f;
            }
            return new IdFilter(bits, shift);
        }

        /** Whether {@code id} passes: always when it is in the set. */
        boolean mayHold(int id) {
            if (bits == null) {
                return true;
            }
            int f = Reach.filterBit(id, shift);
            return (bits[f >>> 6] & 1L << f) != 0;
        }
    }

    /**
     * The term words an observed segment reaches, sorted by id, with the best channel weight of
     * each, and an open-addressing index of them: the matcher asks a segment about every term
     * that starts with a word the previous segment reached, so the test must be cheap.
     */
    static final class Reach {
        final int[] words;
        final float[] logChannel;
        /** Terms that start with one of the words, and terms whose second word is one of them. */
        final int startedTerms;
        final int continuedTerms;
        /**
         * Per word k, copied from the term table's indexes so that the matcher reads them in order
         * with the words: the terms it starts (term ids started[2k] .. started[2k + 1]) and the
         * signature ({@link #bit}) of their second words; the terms it continues as their second
         * word (positions continued[2k] .. continued[2k + 1] of {@link TermCandidates#bySecondWord})
         * and the signature of their first words. A pair of segments whose signatures do not meet
         * has no term in common, known without reading the terms (most pairs).
         */
        final int[] started;
        final long[] startedSecondWords;
        final int[] continued;
        final long[] continuedFirstWords;
        /**
         * Whole terms a one-word segment stands for as a lexicon candidate ("computing" -> "artificial
         * intelligence", "lyceum" -> "high school": a spinner's thesaurus lists broader, narrower and
         * related words of a term as one word), with the candidate's channel weight; sorted by term id.
         */
        final int[] wholeTerms;
        final float[] wholeChannels;
        /** slots[h] = 1 + index of a word whose hash probes to h, 0 = empty; size a power of two. */
        private final int[] slots;
        /** One bit per word ({@link #bit}): a word whose bit is clear is not here, known without the probe. */
        private final long signature;
        /**
         * A wider filter of the words for {@link #indexOf}: one bit per word ({@link #filterBit}) in about
         * {@value #FILTER_BITS_PER_WORD} bits a word (64 at least), so that nearly every word that is not here is known
         * so without the probe (the 64-bit {@link #signature} of a segment that reaches dozens of term words is
         * mostly ones: most of the matcher's probes were for absent words).
         */
        private final long[] filter;
        /** 64 - log2 of the filter's bits: a word's hash shifted right by this is its bit. */
        private final int filterShift;
        /**
         * The second words of the terms this segment's words start, and the first words of the terms they are the
         * second word of, as filters (branch {@code speed11}): a word of the previous segment that is no first word
         * of a term continued here (or a word of the next segment that is no second word of a term started here)
         * starts no term across the two, known without reading its terms. The 64-bit signatures of a pair of segments
         * reaching dozens of words each meet nearly always; of the ~117 term probes a word behind them, 3.5 % found
         * the word. Null until the pairing first asks ({@link TermCandidates#secondsOfStarted}, {@link
         * TermCandidates#firstsOfContinued}): a pure function of the reach, an immutable object (final fields), so a
         * race between threads only makes one twice.
         */
        IdFilter secondsOfStarted;
        IdFilter firstsOfContinued;

        Reach(int[] words, float[] logChannel, int[] started, long[] startedSecondWords, int[] continued,
                long[] continuedFirstWords, int[] wholeTerms, float[] wholeChannels) {
            this(words, logChannel, started, startedSecondWords, continued, continuedFirstWords, wholeTerms, wholeChannels,
                    IdFilter.ALL, IdFilter.ALL);
        }

        /**
         * With the filters of the pairing ({@link #secondsOfStarted}, {@link #firstsOfContinued}; {@link IdFilter#ALL}
         * lets every word through, as without them; null: made when first asked).
         */
        Reach(int[] words, float[] logChannel, int[] started, long[] startedSecondWords, int[] continued,
                long[] continuedFirstWords, int[] wholeTerms, float[] wholeChannels, IdFilter secondsOfStarted,
                IdFilter firstsOfContinued) {
            this.secondsOfStarted = secondsOfStarted;
            this.firstsOfContinued = firstsOfContinued;
            this.words = words;
            this.wholeTerms = wholeTerms;
            this.wholeChannels = wholeChannels;
            this.logChannel = logChannel;
            this.started = started;
            this.startedSecondWords = startedSecondWords;
            this.continued = continued;
            this.continuedFirstWords = continuedFirstWords;
            int s = 0;
            int c = 0;
            for (int k = 0; k < words.length; k++) {
                s += started[2 * k + 1] - started[2 * k];
                c += continued[2 * k + 1] - continued[2 * k];
            }
            this.startedTerms = s;
            this.continuedTerms = c;
            int size = Integer.highestOneBit(Math.max(1, words.length) * 2) << 1;
            slots = new int[size];
            int filterBits = Math.min(MAX_FILTER_BITS,
                    Math.max(Long.SIZE, Integer.highestOneBit(Math.max(1, words.length) * FILTER_BITS_PER_WORD - 1) << 1));
            filter = new long[filterBits / Long.SIZE];
            filterShift = Long.SIZE - Integer.numberOfTrailingZeros(filterBits);
            long bits = 0;
            for (int i = 0; i < words.length; i++) {
                int f = filterBit(words[i], filterShift);
                filter[f >>> 6] |= 1L << f;
                bits |= bit(words[i]);
                int h = slot(words[i], size - 1);
                while (slots[h] != 0) {
                    h = (h + 1) & (size - 1);
                }
                slots[h] = i + 1;
            }
            signature = bits;
        }

        private static int slot(int word, int mask) {
            return (word * 0x9E3779B9 >>> 16) & mask;
        }

        /** The word's bit in a 64-bit signature of a set of term words. */
        static long bit(int word) {
            return 1L << (word * 0x9E3779B9 >>> 26);
        }

        /** A word's bit in a filter of 2^(64 - shift) bits (the high bits of a 64-bit multiplicative hash). */
        static int filterBit(int word, int shift) {
            return (int) ((word * 0x9E3779B97F4A7C15L) >>> shift);
        }

        /** Whether the filter lets {@code word} through: always when it is here, rarely when not. */
        boolean mayHold(int word) {
            int f = filterBit(word, filterShift);
            return (filter[f >>> 6] & 1L << f) != 0;
        }

        /** The index of {@code word} in {@link #words}, or -1. */
        int indexOf(int word) {
            if (!mayHold(word)) {
                return -1;
            }
            int mask = slots.length - 1;
            for (int h = slot(word, mask); ; h = (h + 1) & mask) {
                int k = slots[h];
                if (k == 0) {
                    return -1;
                }
                if (words[k - 1] == word) {
                    return k - 1;
                }
            }
        }
    }

    private final TermTable terms;
    /** Whether the pairing reads the segments' {@link Reach#secondsOfStarted} and {@link Reach#firstsOfContinued}. */
    private final boolean pairFilters;
    private final TermRegister register;
    /** This, or when the register gates terms the matcher of the table without them ({@link #forDocument}). */
    private final TermCandidates everyday;
    private final Lexicon lexicon;
    private final LanguageModel lm;
    private final ConcurrentHashMap<String, Reach> reach = new ConcurrentHashMap<>();
    /**
     * The reach of a one-word segment by the word's LM id (null = not looked up yet): the matcher asks it for every
     * word of every sentence, and an array slot is one memory read where the map's string key costs a hash, a bucket,
     * a node and a comparison. Words the LM does not know ({@link org.despin.lm.Vocabulary#UNKNOWN}) go by the map.
     * A race only computes an entry twice (a pure function of the model).
     */
    private final AtomicReferenceArray<Reach> reachByWord;
    /**
     * The reach of a segment of two or three words the LM knows, by their LM ids packed in a key
     * ({@link #spanKey}): an open-addressing table of at most {@value #SPAN_SLOTS} slots (16 a word of a small
     * vocabulary), each set once (compare and set on an empty slot), probed at most {@value #SPAN_PROBES} times; a
     * segment it cannot hold goes by the string-keyed map.
     * Empty (length 0) when the vocabulary's ids do not fit three to a long.
     */
    private final AtomicReferenceArray<SpanReach> reachBySpan;
    /** Bits per id in a {@link #spanKey}. */
    private final int idBits;
    private static final int SPAN_SLOTS = 1 << 20;
    private static final int SPAN_PROBES = 8;

    /** A segment's packed ids and its reach: one immutable entry, so that a reader never sees a key without its reach. */
    private record SpanReach(long key, Reach reach) {
    }
    /**
     * The term-word id of a one-word original by the lexicon's original id: 0 = not looked up yet,
     * else the term table's {@link TermTable#wordId} + 2 (a race only looks it up twice).
     */
    private final AtomicIntegerArray termWordByOriginal;
    /**
     * The term id of a multi-word original by the lexicon's original id: 0 = not looked up yet, else
     * the term's id in the table + 2 (-1 + 2 when the original is no term).
     */
    private final AtomicIntegerArray termByOriginal;
    /** The terms' infos by term id (null = not made yet). */
    private final AtomicReferenceArray<TermInfo> infos;
    /** Observed span -> its LM cohesion (log10), +infinity when the span is itself a term. */
    private final ConcurrentHashMap<String, Float> spanCohesion = new ConcurrentHashMap<>();
    /** Word -> its register ratio ({@link #wordRegister}). */
    private final ConcurrentHashMap<String, Float> wordRegister = new ConcurrentHashMap<>();
    /** Observed segment -> its LM cohesion (log10), also when it is a table term ({@link #segmentCohesion}). */
    private final ConcurrentHashMap<String, Float> segmentCohesion = new ConcurrentHashMap<>();

    /**
     * The terms by their second word: those of word y are bySecondWord[secondStart[y] ..
     * secondStart[y + 1]), with their first words alongside in firstWordBySecond; and the second
     * word of each term in secondWordOf. Flat copies, read in order by the matcher's inner loops
     * (the term table's own layout would cost a dependent read per term).
     */
    private final int[] secondStart;
    private final int[] bySecondWord;
    private final int[] firstWordBySecond;
    private final int[] secondWordOf;
    /** The number of words of each term (a flat copy: most terms are of two words, aligned without reading the table). */
    private final byte[] lengthOf;
    /**
     * Per term word, the signature ({@link Reach#bit}) of the second words of the terms it starts,
     * and of the first words of the terms it is the second word of (copied into each {@link Reach}).
     */
    private final long[] secondWordsOfStarted;
    private final long[] firstWordsOfContinued;

    TermCandidates(TermTable terms, Lexicon lexicon, LanguageModel lm) {
        this(terms, lexicon, lm, true);
    }

    /** With {@code pairFilters} false the pairing reads no {@link IdFilter} (the matches are the same; for tests). */
    TermCandidates(TermTable terms, Lexicon lexicon, LanguageModel lm, boolean pairFilters) {
        this.pairFilters = pairFilters;
        this.terms = terms;
        this.register = terms.register();
        // the matcher of every other document: the table without its gated terms, as fast as a table without them
        this.everyday = register.hasGated() ? new TermCandidates(terms.withoutGated(), lexicon, lm, pairFilters) : this;
        this.lexicon = lexicon;
        this.lm = lm;
        this.infos = new AtomicReferenceArray<>(terms.size());
        this.reachByWord = new AtomicReferenceArray<>(lm == null || terms.size() == 0 ? 0 : lm.vocabulary().size());
        this.idBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, reachByWord.length()));
        this.reachBySpan = new AtomicReferenceArray<>(reachByWord.length() == 0 || 3 * idBits > 63 ? 0
                : (int) Math.min(SPAN_SLOTS, Long.highestOneBit(16L * reachByWord.length()) << 1));
        // (no lexicon: a lattice builder without terms)
        this.termWordByOriginal = new AtomicIntegerArray(lexicon == null ? 0 : lexicon.originalIds());
        this.termByOriginal = new AtomicIntegerArray(lexicon == null ? 0 : lexicon.originalIds());
        this.secondStart = new int[terms.wordCount() + 1];
        this.bySecondWord = new int[terms.size()];
        for (int t = 0; t < terms.size(); t++) {
            secondStart[terms.word(t, 1) + 1]++;
        }
        for (int y = 0; y < terms.wordCount(); y++) {
            secondStart[y + 1] += secondStart[y];
        }
        this.firstWordBySecond = new int[terms.size()];
        this.secondWordOf = new int[terms.size()];
        this.lengthOf = new byte[terms.size()];
        int[] next = Arrays.copyOf(secondStart, terms.wordCount());
        for (int t = 0; t < terms.size(); t++) {
            int p = next[terms.word(t, 1)]++;
            bySecondWord[p] = t;
            firstWordBySecond[p] = terms.word(t, 0);
            secondWordOf[t] = terms.word(t, 1);
            lengthOf[t] = (byte) terms.length(t);
        }
        this.secondWordsOfStarted = new long[terms.wordCount()];
        this.firstWordsOfContinued = new long[terms.wordCount()];
        for (int t = 0; t < terms.size(); t++) {
            secondWordsOfStarted[terms.word(t, 0)] |= Reach.bit(secondWordOf[t]);
            firstWordsOfContinued[secondWordOf[t]] |= Reach.bit(terms.word(t, 0));
        }
    }

    boolean enabled() {
        return terms.size() > 0;
    }

    /**
     * The matcher for a document: this one where the document reads as technical writing, else the one of the table
     * without its gated terms (the same matches as {@code matches(w, oneWord, false)} here, without their cost: the
     * gated terms' words reach three times the terms).
     */
    TermCandidates forDocument(boolean technical) {
        return technical ? this : everyday;
    }

    /** Whether the table gates some terms by the document's register (and holds the technical prose to judge it). */
    boolean gatesByRegister() {
        return register.hasGated() && register.hasProse();
    }

    /** The terms the sentence's spans reach word by word, and those one word stands for; empty when none. */
    List<Match> matches(LatticeBuilder.SentenceWords w) {
        return matches(w, true);
    }

    /**
     * The terms the sentence's spans reach word by word, and with {@code oneWord} those a single word's
     * lexicon candidates name whole ("lyceum" -> "high school"); empty when none.
     */
    List<Match> matches(LatticeBuilder.SentenceWords w, boolean oneWord) {
        return matches(w, oneWord, false);
    }

    /**
     * As {@link #matches(LatticeBuilder.SentenceWords, boolean)}; with {@code technical} false the terms the table's
     * register gates ({@link TermRegister#gated}) are no terms at all (no match, no rival, a span that is one is no
     * term), as in a table without them.
     */
    List<Match> matches(LatticeBuilder.SentenceWords w, boolean oneWord, boolean technical) {
        int n = w.size();
        if (n < 2 || n > MAX_SENTENCE_WORDS || !enabled()) {
            return List.of();
        }
        Reach[][] segments = new Reach[n][MAX_SEGMENT + 1];
        boolean anything = false;
        int[] ids = w.ids(lm.vocabulary());
        for (int i = 0; i < n; i++) {
            boolean pairStarts = false;
            for (int a = 1; a <= MAX_SEGMENT && i + a <= n; a++) {
                if (a > 1 && w.breakBefore[i + a - 1]) {
                    break;
                }
                // a segment of several words reaches something only through a lexicon key or a link's observed form
                // that starts with its first two words: most start none (the filters of both, no lookup; asked once
                // for the segments of two and of three words)
                if (a == 2) {
                    pairStarts = lexicon.mayStartKey(w.normal[i], w.normal[i + 1])
                            || terms.mayStartObserved(w.normal[i], w.normal[i + 1]);
                }
                segments[i][a] = a == 1 ? wordReach(ids[i], w.normal[i]) : pairStarts ? spanReach(ids, i, i + a, w) : NONE;
                anything |= segments[i][a].words.length > 0 || (oneWord && segments[i][a].wholeTerms.length > 0);
            }
        }
        if (!anything) {
            return List.of();
        }
        boolean[] breakBefore = w.breakBefore;
        Hits hits = new Hits();
        for (int i = 0; i < n && oneWord; i++) {
            for (int a = 1; a <= MAX_SEGMENT && segments[i][a] != null; a++) {
                Reach r = segments[i][a];
                for (int k = 0; k < r.wholeTerms.length; k++) {
                    // one word, or a term of the table, for a whole term
                    hits.add(i, i + a, r.wholeTerms[k] | WHOLE, r.wholeChannels[k]);
                }
            }
        }
        int[] ends = new int[16];
        float[] channels = new float[16];
        for (int i = 0; i + 1 < n; i++) {
            for (int a = 1; a <= MAX_SEGMENT; a++) {
                Reach r = segments[i][a];
                if (r == null || i + a >= n || breakBefore[i + a]) {
                    break;
                }
                if (r.words.length == 0 || !reachesAnything(segments[i + a])) {
                    continue;
                }
                for (int b = 1; b <= MAX_SEGMENT; b++) {
                    Reach next = segments[i + a][b];
                    if (next == null) {
                        break;
                    }
                    if (next.words.length > 0) {
                        pairs(segments, breakBefore, i, i + a, b, r, next, hits, ends, channels);
                    }
                }
            }
        }
        return hits.size == 0 ? List.of() : matches(w, hits, technical || !register.hasGated());
    }

    /**
     * The terms whose first word segment {@code r} (from {@code from}) reaches and whose second
     * word the next segment {@code at..at+b} reaches, aligned on to their ends. From whichever
     * side asks fewer terms: the terms each first word starts, or those each second word
     * continues (both counts are known per segment).
     */
    private void pairs(Reach[][] segments, boolean[] breakBefore, int from, int at, int b, Reach r, Reach next,
            Hits hits, int[] ends, float[] channels) {
        if (r.startedTerms <= next.continuedTerms) {
            long seconds = next.signature;
            for (int x = 0; x < r.words.length; x++) {
                if ((r.startedSecondWords[x] & seconds) != 0 && (!pairFilters || firstsOfContinued(next).mayHold(r.words[x]))) {
                    secondWords(segments, breakBefore, from, at, b, r.started[2 * x], r.started[2 * x + 1], next,
                            r.logChannel[x], hits, ends, channels);
                }
            }
            return;
        }
        long firsts = r.signature;
        for (int y = 0; y < next.words.length; y++) {
            if ((next.continuedFirstWords[y] & firsts) == 0 || pairFilters && !secondsOfStarted(r).mayHold(next.words[y])) {
                continue;
            }
            for (int p = next.continued[2 * y]; p < next.continued[2 * y + 1]; p++) {
                int x = r.indexOf(firstWordBySecond[p]);
                if (x >= 0) {
                    align(segments, breakBefore, from, bySecondWord[p], at + b, r.logChannel[x] + next.logChannel[y], hits, ends,
                            channels);
                }
            }
        }
    }

    /**
     * The terms among {@code lo..hi} (all starting with the word the segment at {@code from}
     * reached) whose second word the segment {@code at..at+b} reaches, aligned on to their ends.
     * The terms of one first word are sorted by their second word, so the two sorted lists meet
     * from the cheaper side: each term asks the segment's index, or, when the first word starts
     * far more terms than the segment reaches words ("public", "high" start hundreds), each
     * reached word is found among the terms by binary search.
     */
    private void secondWords(Reach[][] segments, boolean[] breakBefore, int from, int at, int b, int lo, int hi,
            Reach next, float channel, Hits hits, int[] ends, float[] channels) {
        int span = hi - lo;
        if (span <= next.words.length * (32 - Integer.numberOfLeadingZeros(span))) {
            for (int t = lo; t < hi; t++) {
                int y = next.indexOf(secondWordOf[t]);
                if (y >= 0) {
                    align(segments, breakBefore, from, t, at + b, channel + next.logChannel[y], hits, ends, channels);
                }
            }
            return;
        }
        int t = lo;
        for (int y = 0; y < next.words.length && t < hi; y++) {
            int want = next.words[y];
            t = firstWithSecondWord(t, hi, want);
            for (; t < hi && secondWordOf[t] == want; t++) {
                align(segments, breakBefore, from, t, at + b, channel + next.logChannel[y], hits, ends, channels);
            }
        }
    }

    /** Term t's first two words are aligned up to {@code at}: the rest of it, and a hit per complete alignment. */
    private void align(Reach[][] segments, boolean[] breakBefore, int from, int t, int at, float channel, Hits hits,
            int[] ends, float[] channels) {
        if (lengthOf[t] == 2) {
            hits.add(from, at, t, channel); // what extend finds for a term of two words
            return;
        }
        int found = extend(segments, breakBefore, t, 2, at, channel, ends, channels, 0);
        for (int e = 0; e < found; e++) {
            hits.add(from, ends[e], t, channels[e]);
        }
    }

    /** The first term in {@code lo..hi} whose second word is {@code word} or after it (the range is sorted so). */
    private int firstWithSecondWord(int lo, int hi, int word) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (secondWordOf[mid] < word) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static boolean reachesAnything(Reach[] segmentsAt) {
        for (int a = 1; a <= MAX_SEGMENT; a++) {
            if (segmentsAt[a] != null && segmentsAt[a].words.length > 0) {
                return true;
            }
        }
        return false;
    }

    /** Raw alignments: span and term packed in a key, with the summed channel weight. */
    private static final class Hits {
        long[] keys = new long[16];
        float[] channels = new float[16];
        int size;

        void add(int from, int to, int term, float channel) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, 2 * size);
                channels = Arrays.copyOf(channels, 2 * size);
            }
            keys[size] = (long) from << 48 | (long) to << 32 | (term & 0xFFFFFFFFL); // (the WHOLE bit must not spread)
            channels[size++] = channel;
        }
    }

    /**
     * One match per span and term (several alignments may reach it, the best channel weight
     * counts), for spans that may be read as a term; rivals = the span's other matches.
     */
    private List<Match> matches(LatticeBuilder.SentenceWords w, Hits hits, boolean allTerms) {
        LmState registerState = allTerms && register.hasGated() ? lm.newState() : null;
        // the distinct keys in order (span, then term), each with its best channel weight
        long[] keys = Arrays.copyOf(hits.keys, hits.size);
        Arrays.sort(keys);
        int distinct = 0;
        for (int k = 0; k < keys.length; k++) {
            if (k == 0 || keys[k] != keys[k - 1]) {
                keys[distinct++] = keys[k];
            }
        }
        float[] best = new float[distinct];
        Arrays.fill(best, Float.NEGATIVE_INFINITY);
        for (int h = 0; h < hits.size; h++) {
            int x = Arrays.binarySearch(keys, 0, distinct, hits.keys[h]);
            best[x] = Math.max(best[x], hits.channels[h]);
        }
        List<Match> out = new ArrayList<>();
        int k = 0;
        while (k < distinct) {
            long span = keys[k] >>> 32;
            int from = (int) (span >>> 16);
            int to = (int) (span & 0xFFFF);
            int spanStart = out.size();
            double spanRegister = Double.NaN;
            boolean open = spanMayBeATerm(w, from, to, allTerms);
            // a span that is a term stands for another term only as a whole, never word by word (the span's
            // cohesion is infinite exactly when it is a term: observedCohesion, cached per span)
            boolean wholeOpen = to - from == 1 ? open
                    : w.kind(from, to) == LatticeBuilder.SpanKind.PLAIN
                            && observedCohesion(w, from, to, allTerms) == Float.POSITIVE_INFINITY;
            while (k < distinct && keys[k] >>> 32 == span) {
                int raw = (int) keys[k];
                boolean whole = (raw & WHOLE) != 0;
                int term = raw & ~WHOLE;
                float channel = best[k];
                k++;
                if ((whole ? wholeOpen : open) && (allTerms || !register.gated(term))) {
                    TermInfo info = info(term);
                    if (info.gated() && Double.isNaN(spanRegister)) {
                        spanRegister = phraseRegister(w.normal, from, to, registerState);
                        spanRegister = Double.isNaN(spanRegister) ? REGISTER_CLIP : spanRegister;
                    }
                    // a gated everyday phrase never stands for words that read as more technical than its own
                    if (info != TermInfo.UNKNOWN && !(info.gated() && !(spanRegister < info.register() + SPAN_REGISTER_MARGIN))) {
                        Candidate c = new Candidate(info.text, channel, 1, SOURCE);
                        out.add(new Match(from, to, new PreparedCandidate(c, info.ids, info.intrinsic,
                                channel + Math.log(10) * info.intrinsic), 1, info, whole));
                    }
                }
            }
            // rivals: a gated term shares the bonus with every term of the span, a table term only with table terms
            // (the gated ones never take from it)
            int rivals = out.size() - spanStart;
            int tableRivals = 0;
            for (int m = spanStart; m < out.size(); m++) {
                tableRivals += out.get(m).term().gated() ? 0 : 1;
            }
            for (int m = spanStart; m < out.size() && rivals > 1; m++) {
                Match x = out.get(m);
                int r = x.term().gated() ? rivals : tableRivals;
                if (r > 1) {
                    out.set(m, new Match(x.from(), x.to(), x.candidate(), r, x.term(), x.whole()));
                }
            }
        }
        return out;
    }

    /**
     * A term's text, LM ids and intrinsic log10 probability, and the facts of an arc to it that do
     * not depend on the observed span ({@link #facts}: computed once per term, not per match);
     * {@link #UNKNOWN} when the LM lacks a word.
     *
     * @param cohesion {@link #cohesion} of the term's words
     * @param rarest the lowest unigram log10 probability of its words (0 at most)
     * @param maxFanout the most links any of its words has in the term table (1 at least)
     */
    record TermInfo(String text, int[] ids, float intrinsic, float cohesion, double rarest, int maxFanout, double register) {
        static final TermInfo UNKNOWN = new TermInfo("", new int[0], 0f, 0f, 0, 1, Double.NaN);

        /** Whether the table's register gates the term ({@code register} is then its words' register, else NaN). */
        boolean gated() {
            return !Double.isNaN(register);
        }
    }

    private TermInfo info(int term) {
        TermInfo info = infos.get(term);
        if (info == null) {
            String text = terms.text(term);
            int[] ids = CandidateTable.ids(lm.vocabulary(), text);
            if (ids == null) {
                info = TermInfo.UNKNOWN;
            } else {
                LmState a = lm.newState();
                LmState b = lm.newState();
                double rarest = 0;
                for (int id : ids) {
                    lm.emptyContext(a);
                    rarest = Math.min(rarest, lm.score(a, id, b));
                }
                int maxFanout = 1;
                for (String word : text.split(" ")) {
                    int t = terms.wordId(word);
                    if (t >= 0) {
                        maxFanout = Math.max(maxFanout, terms.linkCount(t));
                    }
                }
                double reg = register.gated(term) ? phraseRegister(text.split(" "), 0, ids.length, a) : Double.NaN;
                info = new TermInfo(text, ids, phrase(ids, a, b), cohesion(ids, a, b), rarest, maxFanout,
                        Double.isNaN(reg) && register.gated(term) ? -REGISTER_CLIP : reg);
            }
            if (!infos.compareAndSet(term, null, info)) {
                info = infos.get(term); // another thread was first: share its copy
            }
        }
        return info;
    }

    /**
     * False when the observed span must be left alone: not plain lower-case text, itself a known
     * term, or a collocation the LM stores.
     */
    private boolean spanMayBeATerm(LatticeBuilder.SentenceWords w, int from, int to, boolean allTerms) {
        if (w.kind(from, to) != LatticeBuilder.SpanKind.PLAIN) {
            return false;
        }
        float whole = observedCohesion(w, from, to, allTerms);
        if (whole < COLLOCATION_LOG10) {
            return true;
        }
        if (!COHESION_BEYOND_SEGMENTS || to - from < 3 || whole == Float.POSITIVE_INFINITY) {
            return false;
        }
        return whole - segmentCohesion(w, from, to) < COLLOCATION_LOG10;
    }

    /**
     * The most LM cohesion (log10) that a split of observed words {@code from..to} into at least two segments of
     * 1-{@value #MAX_SEGMENT} words holds inside its segments, a segment of several words counting only when it
     * reaches some term word: what a term match's segments may hold of the span's cohesion without the span being the
     * writer's collocation ({@link #COHESION_BEYOND_SEGMENTS}).
     */
    private float segmentCohesion(LatticeBuilder.SentenceWords w, int from, int to) {
        int n = to - from;
        float[] best = new float[n + 1]; // best[k]: the most cohesion inside the segments of a split of from..from+k
        Arrays.fill(best, Float.NEGATIVE_INFINITY);
        best[0] = 0;
        for (int k = 1; k <= n; k++) {
            for (int a = 1; a <= Math.min(MAX_SEGMENT, k); a++) {
                if (a == n || best[k - a] == Float.NEGATIVE_INFINITY) {
                    continue; // the whole span is no segment of a split
                }
                if (a > 1 && reach(w.span(from + k - a, from + k)).words.length == 0) {
                    continue; // a phrase no term word is linked from stands for none
                }
                float inside = a == 1 ? 0f : lmCohesion(w.span(from + k - a, from + k));
                best[k] = Math.max(best[k], best[k - a] + inside);
            }
        }
        return best[n];
    }

    /** The LM cohesion (log10) of an observed segment of several words, a table term or not; 0 when the LM lacks a word. */
    private float lmCohesion(String segment) {
        Float c = segmentCohesion.get(segment);
        if (c == null) {
            int[] ids = CandidateTable.ids(lm.vocabulary(), segment);
            c = ids == null ? 0f : cohesion(ids, lm.newState(), lm.newState());
            if (segmentCohesion.size() < MAX_CACHED) {
                segmentCohesion.putIfAbsent(segment, c);
            }
        }
        return c;
    }

    /**
     * How much the observed span's words predict each other in the LM (log10), 0 when the LM
     * lacks a word, +infinity when the span is itself a known term.
     */
    private float observedCohesion(LatticeBuilder.SentenceWords w, int from, int to, boolean allTerms) {
        if (to - from == 1) {
            return 0f; // a word predicts itself exactly as much as it is likely (and is no term)
        }
        String observed = w.span(from, to);
        Float c = spanCohesion.get(observed);
        if (c != null && allTerms && c != Float.POSITIVE_INFINITY && register.hasGated() && gatedTerm(observed)) {
            return Float.POSITIVE_INFINITY; // a gated term, a term in a technical document (its LM cohesion is cached)
        }
        if (c == null) {
            if (terms.contains(observed) && !gatedTerm(observed)) {
                c = Float.POSITIVE_INFINITY;
            } else {
                int[] ids = CandidateTable.ids(lm.vocabulary(), observed);
                c = ids == null ? 0f : cohesion(ids, lm.newState(), lm.newState());
            }
            if (spanCohesion.size() < MAX_CACHED) {
                spanCohesion.putIfAbsent(observed, c);
            }
            if (allTerms && c != Float.POSITIVE_INFINITY && register.hasGated() && gatedTerm(observed)) {
                return Float.POSITIVE_INFINITY;
            }
        }
        return c;
    }

    /** Whether the phrase is a term of the table that its register gates. */
    private boolean gatedTerm(String phrase) {
        if (!register.hasGated()) {
            return false;
        }
        String[] words = phrase.split(" ");
        if (words.length < 2 || words.length > TermTable.MAX_WORDS) {
            return false;
        }
        int[] ids = new int[words.length];
        for (int k = 0; k < words.length; k++) {
            ids[k] = terms.wordId(words[k]);
            if (ids[k] < 0) {
                return false;
            }
        }
        int t = terms.find(ids, 0, ids.length);
        return t >= 0 && register.gated(t);
    }

    /**
     * The document's register: the mean, over its content words (letters only, no function word), of log10 of the
     * word's rate in the table's technical prose ({@link TermRegister#technicalLog10}) minus its LM unigram log10,
     * each clipped to +-{@link #REGISTER_CLIP}: near 0 or above for technical writing (the technical bench's
     * documentation: median 0.23), about -0.7 for news, speeches and fiction. NaN when the table holds no technical
     * prose or the text no content word. Once per document, one unigram LM call per content word.
     */
    double register(List<org.despin.text.Token> tokens) {
        if (!register.hasProse()) {
            return Double.NaN;
        }
        LmState a = lm.newState();
        double sum = 0;
        int n = 0;
        for (org.despin.text.Token t : tokens) {
            if (t.type() != org.despin.text.TokenType.WORD) {
                continue;
            }
            if (!letters(t.text())) {
                continue;
            }
            String word = t.text().toLowerCase(java.util.Locale.ROOT);
            if (FunctionWords.contains(word)) {
                continue;
            }
            sum += wordRegister(word, a);
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static boolean letters(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A word's register ratio: log10 of its rate in the technical prose minus its LM unigram, clipped (cached). */
    private double wordRegister(String word, LmState a) {
        Float c = wordRegister.get(word);
        if (c == null) {
            lm.emptyContext(a);
            double r = register.technicalLog10(word) - lm.score(a, lm.vocabulary().id(word), a);
            c = (float) Math.max(-REGISTER_CLIP, Math.min(REGISTER_CLIP, r));
            if (wordRegister.size() < MAX_CACHED) {
                wordRegister.putIfAbsent(word, c);
            }
        }
        return c;
    }

    /** The mean {@link #wordRegister} of the content words {@code words[from..to)}; NaN when none. */
    private double phraseRegister(String[] words, int from, int to, LmState a) {
        double sum = 0;
        int n = 0;
        for (int k = from; k < to; k++) {
            if (!FunctionWords.contains(words[k])) {
                sum += wordRegister(words[k], a);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * Aligns words k.. of term t with observed segments from position {@code at}; records each end
     * position of a complete alignment with its summed channel weight. Returns the number recorded.
     */
    private int extend(Reach[][] segments, boolean[] breakBefore, int t, int k, int at, float channel, int[] ends,
            float[] channels, int found) {
        if (k == lengthOf[t]) {
            if (found < ends.length) {
                ends[found] = at;
                channels[found] = channel;
                found++;
            }
            return found;
        }
        if (at >= segments.length || breakBefore[at]) {
            return found; // the sentence ends, or punctuation stands before this word
        }
        int word = terms.word(t, k);
        for (int a = 1; a <= MAX_SEGMENT; a++) {
            Reach r = segments[at][a];
            if (r == null) {
                break;
            }
            int x = r.indexOf(word);
            if (x >= 0) {
                found = extend(segments, breakBefore, t, k + 1, at + a, channel + r.logChannel[x], ends, channels, found);
            }
        }
        return found;
    }

    /** log10 of how much the phrase's words predict each other: P(phrase) over the product of the words' P. */
    private float cohesion(int[] ids, LmState a, LmState b) {
        float together = phrase(ids, a, b);
        float apart = 0;
        for (int id : ids) {
            lm.emptyContext(a);
            apart += lm.score(a, id, b);
        }
        return together - apart;
    }

    private float phrase(int[] ids, LmState a, LmState b) {
        lm.emptyContext(a);
        float sum = 0;
        for (int id : ids) {
            sum += lm.score(a, id, b);
            a.copyFrom(b);
        }
        return sum;
    }

    /** {@link #reach} of the one-word segment {@code word}, whose LM id is {@code id}. */
    private Reach wordReach(int id, String word) {
        if (id == org.despin.lm.Vocabulary.UNKNOWN || id >= reachByWord.length()) {
            return reach(word);
        }
        Reach r = reachByWord.getPlain(id);
        if (r == null) {
            r = reach(word);
            reachByWord.setPlain(id, r);
        }
        return r;
    }

    /**
     * The ids of words {@code from..to} (two or three, each known to the LM: not {@link org.despin.lm.Vocabulary#UNKNOWN})
     * packed in a long, the first in the lowest bits; 0 when a word is unknown. A two-word key has no third part, and
     * no id is 0, so keys of two and three words differ.
     */
    private long spanKey(int[] ids, int from, int to) {
        long key = 0;
        for (int k = to - 1; k >= from; k--) {
            if (ids[k] == org.despin.lm.Vocabulary.UNKNOWN) {
                return 0;
            }
            key = key << idBits | ids[k];
        }
        return key;
    }

    /** {@link #reach} of the segment of words {@code from..to} (two or three) of sentence {@code w}. */
    private Reach spanReach(int[] ids, int from, int to, LatticeBuilder.SentenceWords w) {
        long key = reachBySpan.length() == 0 ? 0 : spanKey(ids, from, to);
        if (key == 0) {
            return reach(w.span(from, to));
        }
        int mask = reachBySpan.length() - 1;
        long mixed = key * 0x9E3779B97F4A7C15L;
        int h = (int) (mixed >>> 40) & mask;
        for (int probe = 0; probe < SPAN_PROBES; probe++, h = (h + 1) & mask) {
            SpanReach e = reachBySpan.getPlain(h);
            if (e == null) {
                Reach r = reach(w.span(from, to));
                reachBySpan.compareAndSet(h, null, new SpanReach(key, r));
                return r;
            }
            if (e.key() == key) {
                return e.reach();
            }
        }
        return reach(w.span(from, to));
    }

    /** The term words an observed segment (normalised words joined by spaces) reaches. */
    private Reach reach(String segment) {
        Reach r = reach.get(segment);
        if (r == null) {
            r = computeReach(segment);
            if (reach.size() < MAX_CACHED) {
                reach.putIfAbsent(segment, r);
            }
        }
        return r;
    }

    /** The term-word id of a candidate's original, -1 when it is no one-word term word. */
    private int termWord(Candidate c) {
        int original = c.originalId();
        if (original < 0 || original >= termWordByOriginal.length()) {
            return c.original().indexOf(' ') < 0 ? terms.wordId(c.original()) : -1;
        }
        int known = termWordByOriginal.getPlain(original);
        if (known == 0) {
            known = (c.original().indexOf(' ') < 0 ? terms.wordId(c.original()) : -1) + 2;
            termWordByOriginal.setPlain(original, known);
        }
        return known - 2;
    }

    private Reach computeReach(String segment) {
        int[] words = new int[8];
        float[] channel = new float[8];
        int k = 0;
        if (segment.indexOf(' ') < 0 && FunctionWords.contains(segment)) {
            // a function word of a term stands as it is ("signal to noise")
            int id = terms.wordId(segment);
            if (id >= 0) {
                words[k] = id;
                channel[k++] = 0f;
            }
        }
        // one word for a whole term; not a function word ("in" -> "hoosier state"); or a term for another
        // term ("vital sign" -> "blood pressure": a thesaurus lists related terms of a term)
        boolean oneWord = segment.indexOf(' ') < 0 ? !FunctionWords.contains(segment) : terms.contains(segment);
        // word-class agreement (NOUN_TERMS_ONLY): the span's last word must be able to be a noun; once per segment
        boolean nounSpan = oneWord && (!NOUN_TERMS_ONLY || canBeNoun(segment.substring(segment.lastIndexOf(' ') + 1)));
        int[] whole = null;
        float[] wholeChannel = null;
        int wholeCount = 0;
        for (Candidate c : lexicon.candidates(segment)) {
            if (oneWord && c.original().indexOf(' ') > 0) {
                int term = wholeTerm(c, segment);
                if (term >= 0 && nounSpan && (!NOUN_TERMS_ONLY || nounPhrase(c.original()))) {
                    if (whole == null || wholeCount == whole.length) {
                        whole = whole == null ? new int[4] : Arrays.copyOf(whole, 2 * wholeCount);
                        wholeChannel = wholeChannel == null ? new float[4] : Arrays.copyOf(wholeChannel, 2 * wholeCount);
                    }
                    whole[wholeCount] = term;
                    wholeChannel[wholeCount++] = c.logChannel();
                }
                continue;
            }
            int id = termWord(c);
            if (id < 0 || FunctionWords.contains(c.original()) || c.original().equals(segment)) {
                continue;
            }
            if (k == words.length) {
                words = Arrays.copyOf(words, 2 * k);
                channel = Arrays.copyOf(channel, 2 * k);
            }
            words[k] = id;
            channel[k++] = c.logChannel();
        }
        for (int link : terms.reach(segment)) {
            if (k == words.length) {
                words = Arrays.copyOf(words, 2 * k);
                channel = Arrays.copyOf(channel, 2 * k);
            }
            words[k] = TermTable.linkWord(link);
            channel[k++] = linkChannel(link, segment);
        }
        int[] wholeTerms = new int[0];
        float[] wholeChannels = new float[0];
        if (wholeCount > 0) {
            int m = sortKeepingBest(whole, wholeChannel, wholeCount);
            wholeTerms = Arrays.copyOf(whole, m);
            wholeChannels = Arrays.copyOf(wholeChannel, m);
        }
        if (k == 0) {
            return wholeTerms.length == 0 ? NONE
                    : new Reach(new int[0], new float[0], new int[0], new long[0], new int[0], new long[0], wholeTerms,
                            wholeChannels);
        }
        int m = sortKeepingBest(words, channel, k);
        int[] started = new int[2 * m];
        long[] startedSecondWords = new long[m];
        int[] continued = new int[2 * m];
        long[] continuedFirstWords = new long[m];
        for (int i = 0; i < m; i++) {
            int word = words[i];
            started[2 * i] = terms.firstStartingWith(word);
            started[2 * i + 1] = Math.max(started[2 * i], terms.endStartingWith(word));
            startedSecondWords[i] = secondWordsOfStarted[word];
            continued[2 * i] = secondStart[word];
            continued[2 * i + 1] = secondStart[word + 1];
            continuedFirstWords[i] = firstWordsOfContinued[word];
        }
        return new Reach(Arrays.copyOf(words, m), Arrays.copyOf(channel, m), started, startedSecondWords,
                continued, continuedFirstWords, wholeTerms, wholeChannels, null, null);
    }

    /** The reach's filter of the second words of the terms its words start, made on first use. */
    private IdFilter secondsOfStarted(Reach r) {
        IdFilter f = r.secondsOfStarted;
        if (f == null) {
            f = pairFilter(r.started, secondWordOf);
            r.secondsOfStarted = f;
        }
        return f;
    }

    /** The reach's filter of the first words of the terms its words continue, made on first use. */
    private IdFilter firstsOfContinued(Reach r) {
        IdFilter f = r.firstsOfContinued;
        if (f == null) {
            f = pairFilter(r.continued, firstWordBySecond);
            r.firstsOfContinued = f;
        }
        return f;
    }

    /**
     * The filter of the words {@code of[t]} (or of[p]) of every position in the ranges [ranges[2k], ranges[2k + 1]) of a
     * segment's words: the second words of the terms they start ({@link #secondWordOf} over {@code started}), or the
     * first words of the terms they continue ({@link #firstWordBySecond} over {@code continued}).
     */
    static IdFilter pairFilter(int[] ranges, int[] of) {
        int count = 0;
        for (int k = 0; k < ranges.length; k += 2) {
            count += ranges[k + 1] - ranges[k];
        }
        int[] ids = new int[count];
        int n = 0;
        for (int k = 0; k < ranges.length; k += 2) {
            for (int t = ranges[k]; t < ranges[k + 1]; t++) {
                ids[n++] = of[t];
            }
        }
        return IdFilter.of(ids, n);
    }

    /**
     * Sorts the first {@code count} ids (non-negative ints: word or term ids) in place, each once with the
     * best of its channels, and returns how many distinct ones there are.
     */
    private static int sortKeepingBest(int[] ids, float[] channels, int count) {
        long[] order = new long[count];
        for (int i = 0; i < count; i++) {
            order[i] = (long) ids[i] << 32 | i;
        }
        Arrays.sort(order);
        int[] sortedIds = new int[count];
        float[] sortedChannels = new float[count];
        int m = 0;
        for (int i = 0; i < count; i++) {
            int o = (int) order[i];
            if (m > 0 && sortedIds[m - 1] == ids[o]) {
                sortedChannels[m - 1] = Math.max(sortedChannels[m - 1], channels[o]);
            } else {
                sortedIds[m] = ids[o];
                sortedChannels[m++] = channels[o];
            }
        }
        System.arraycopy(sortedIds, 0, ids, 0, m);
        System.arraycopy(sortedChannels, 0, channels, 0, m);
        return m;
    }

    /**
     * The table's id of a multi-word candidate's original, -1 when it is no term or when it holds the
     * observed word itself (or its plural or singular): "rate" -> "interest rate" adds a word to a
     * word that stands as it is, which is no rewrite (and every "rate" of clean text would be a candidate).
     */
    private int wholeTerm(Candidate c, String observed) {
        int original = c.originalId();
        int term;
        if (original < 0 || original >= termByOriginal.length()) {
            term = termOf(c.original());
        } else {
            term = termByOriginal.getPlain(original) - 2;
            if (term == -2) {
                term = termOf(c.original());
                termByOriginal.setPlain(original, term + 2);
            }
        }
        if (term < 0) {
            return -1;
        }
        for (int k = 0; k < terms.length(term); k++) {
            String word = terms.wordText(terms.word(term, k));
            for (String o : observed.split(" ")) {
                // (a term for a term: no word in common, every word rewritten)
                if (word.equals(o) || word.equals(o + "s") || o.equals(word + "s") || word.equals(o + "es")
                        || o.equals(word + "es")) {
                    return -1;
                }
            }
        }
        return term;
    }

    /** The id of the term with this text (normalised words joined by single spaces), or -1. */
    private int termOf(String text) {
        String[] words = text.split(" ");
        if (words.length < 2 || words.length > TermTable.MAX_WORDS) {
            return -1;
        }
        int[] ids = new int[words.length];
        for (int k = 0; k < words.length; k++) {
            ids[k] = terms.wordId(words[k]);
            if (ids[k] < 0) {
                return -1;
            }
        }
        return terms.find(ids, 0, ids.length);
    }

    /**
     * Channel weight of a term-table link ({@link TermTable#reach}), on the lexicon's scale
     * ({@link org.despin.lexicon.ChannelWeights}: -alpha ln(synonyms of the original), a word
     * gained or lost costs): the term word's fan-out stands for its synonym count, and a broader
     * or similar word (not a synonym) pays {@link #RELATED_PENALTY}.
     */
    private float linkChannel(int link, String segment) {
        int word = TermTable.linkWord(link);
        int observedWords = 1;
        for (int i = 0; i < segment.length(); i++) {
            observedWords += segment.charAt(i) == ' ' ? 1 : 0;
        }
        double w = -LINK_ALPHA * Math.log(Math.max(1, terms.linkCount(word)))
                + (TermTable.linkTier(link) == TermTable.RELATED ? RELATED_PENALTY : 0)
                + LENGTH_PENALTY * (observedWords - 1);
        return (float) Math.min(0, w);
    }

    /**
     * What the language model and the table say about one term match, for the term-arc evidence
     * (and the development study TermArcStudy). log10 from the LM, channel in nats.
     */
    record ArcFacts(double[] values) {
        static final List<String> NAMES = List.of("lnRivals", "channel", "channelPerWord", "gain", "context",
                "frequency", "termIntrinsic", "termCohesion", "observedCohesion", "observedRarest", "termRarest",
                "observedLeftFit", "lnMaxFanout", "termWords", "observedWords", "rarityMargin");

        /** Where the facts the arc weight reads stand (the weight is computed per match: no name lookups there). */
        static final int GAIN = NAMES.indexOf("gain");
        static final int CONTEXT = NAMES.indexOf("context");
        static final int FREQUENCY = NAMES.indexOf("frequency");

        double get(String name) {
            return values[NAMES.indexOf(name)];
        }
    }

    /** The facts of match {@code m} in sentence {@code w}, with an evidence of its own. */
    ArcFacts facts(Match m, LatticeBuilder.SentenceWords w) {
        int[] ids = w.ids(lm.vocabulary());
        Evidence evidence = new Evidence(lm);
        evidence.sentence(ids, ids);
        return facts(m, w, evidence);
    }

    /** The facts of match {@code m}; {@code evidence} must be prepared for the sentence. */
    ArcFacts facts(Match m, LatticeBuilder.SentenceWords w, Evidence evidence) {
        return facts(m, observed(m.from(), m.to(), w, evidence), evidence);
    }

    /**
     * What the facts read of the observed span alone, the same for every term it reaches (computed
     * once per span: a span often reaches several terms).
     *
     * @param context log10 P(span right | left), as {@link Evidence#inContext} gives it
     * @param left its part before the right context ({@link Evidence#spanPart})
     * @param partial the span and its first right neighbour ({@link Evidence#partial})
     * @param intrinsic log10 P(span) from an empty context
     * @param rarest the lowest unigram log10 probability of its words (0 at most)
     * @param cohesion {@link #observedCohesion}
     * @param commonestContent the highest unigram log10 probability of its content words (of all its words when it
     *     has none)
     */
    private record ObservedSpan(int from, int to, float context, float left, float partial, float intrinsic,
            double rarest, float cohesion, double commonestContent) {
    }

    private ObservedSpan observed(int i, int j, LatticeBuilder.SentenceWords w, Evidence evidence) {
        int[] ids = w.ids(lm.vocabulary());
        float context = evidence.inContext(i, j, null);
        float left = evidence.spanPart();
        float partial = evidence.partial();
        float intrinsic = evidence.observedIntrinsic(i, j);
        double rarest = 0;
        double commonest = Double.NEGATIVE_INFINITY;
        double commonestContent = Double.NEGATIVE_INFINITY;
        for (int k = i; k < j; k++) {
            double p = evidence.unigram(ids[k]);
            rarest = Math.min(rarest, p);
            commonest = Math.max(commonest, p);
            if (!FunctionWords.contains(w.normal[k])) {
                commonestContent = Math.max(commonestContent, p);
            }
        }
        return new ObservedSpan(i, j, context, left, partial, intrinsic, rarest, observedCohesion(w, i, j, false),
                commonestContent == Double.NEGATIVE_INFINITY ? commonest : commonestContent);
    }

    private ArcFacts facts(Match m, ObservedSpan o, Evidence evidence) {
        return facts(m, o, evidence, Double.NEGATIVE_INFINITY);
    }

    /**
     * The facts of match {@code m}, but the gain and context negative infinity as soon as the context is known to
     * be below {@code contextBelow} ({@link Evidence#context}: a bound, so a match that reaches it has its facts to
     * the same float as without it).
     */
    private ArcFacts facts(Match m, ObservedSpan o, Evidence evidence, double contextBelow) {
        int i = m.from();
        int j = m.to();
        PreparedCandidate c = m.candidate();
        double frequency = c.intrinsicLog10() - o.intrinsic();
        double context = evidence.context(i, j, c, o.context(), contextBelow);
        double gain = context - frequency; // as Evidence.gain computes it
        TermInfo term = m.term();
        int termWords = c.ids().length;
        double channel = c.candidate().logChannel();
        return new ArcFacts(new double[] {Math.log(m.rivals()), channel, channel / termWords, gain,
            context, c.intrinsicLog10() - o.intrinsic(), c.intrinsicLog10(), term.cohesion(),
            o.cohesion(), Math.max(-9, o.rarest()), Math.max(-9, term.rarest()), o.left() - o.intrinsic(),
            Math.log(term.maxFanout()), termWords, j - i, rarityMargin(term.rarest(), o.commonestContent())});
    }

    /**
     * log10: how much rarer the commonest content word of an observed span is than the rarest word of the term,
     * clipped to +-{@value #MAX_RARITY_MARGIN}: above zero every content word is rarer than every term word, the
     * shape of a spinner's rare synonyms ("artful ascertaining" for "deep learning": 1.4); what the rare-span rule
     * tests against {@link #RARE_SPAN_MARGIN}, as a number the term evidence can weigh.
     */
    static double rarityMargin(double termRarest, double commonestContent) {
        return Math.max(-MAX_RARITY_MARGIN, Math.min(MAX_RARITY_MARGIN, termRarest - commonestContent));
    }

    /**
     * Adds a substitution arc to {@code out} per match that passes the term evidence gate
     * ({@link DetectorSettings#termEvidence()}, {@link TermEvidence}), weighted like the lexicon's
     * arcs plus the term bonus, and marks the words of every match eligible. {@code evidence} must be
     * prepared for the sentence.
     */
    void addArcs(List<Match> matches, LatticeBuilder.SentenceWords w, Evidence evidence, DetectorSettings settings,
            List<Arc> out, boolean[] eligible) {
        TermEvidence gate = settings.termEvidence();
        ObservedSpan observed = null;
        double oneWordGate = settings.oneWordTermGate();
        List<Arc> wholeArcs = new ArrayList<>(); // of one span: they share the bonus once all are known
        for (Match m : matches) {
            if (!wholeArcs.isEmpty() && (wholeArcs.get(0).from() != m.from() || wholeArcs.get(0).to() != m.to())) {
                shareBonus(wholeArcs, out);
            }
            int i = m.from();
            int j = m.to();
            PreparedCandidate c = m.candidate();
            // a lexicon candidate that is a whole term, of one word or of a span that is itself a term
            boolean whole = m.whole();
            if (m.rivals() > MAX_GATED_RIVALS && m.term().gated()) {
                continue; // its share of the bonus is below nothing: a span of broad words reaching terms by chance
            }
            double wholeGate = j - i == 1 ? oneWordGate : settings.termToTermGate();
            if (whole && (Double.isNaN(wholeGate)
                    || (j - i == 1 && evidence.unigram(w.ids(lm.vocabulary())[i]) > m.term().rarest() - ONE_WORD_RARITY))) {
                continue; // a spinner writes a rarer word for a term, never a commoner one (and no LM call for the rest)
            }
            if (observed == null || observed.from() != i || observed.to() != j) {
                observed = observed(i, j, w, evidence); // the matches of one span stand together
            }
            if (whole && j - i > 1 && c.intrinsicLog10() - observed.intrinsic() < ONE_WORD_RARITY) {
                continue; // a term for a term: the spinner's phrase is the rarer one (known before the facts' LM calls)
            }
            boolean gated = m.term().gated();
            for (int k = i; k < j && !whole && !gated; k++) {
                eligible[k] = true; // words with a candidate, admitted or not (as for the lexicon's candidates)
            }
            // not the substitution arcs' gain gate (a carrier sentence says little about a term beyond its
            // frequency) but a score of its own: see TermEvidence
            ArcFacts facts = facts(m, observed, evidence, whole ? wholeGate : contextNeeded(m, observed, gate, settings));
            if (whole ? facts.values()[ArcFacts.CONTEXT] < wholeGate
                    : gate != null && gate.score(facts) < settings.termGate()
                            && !(facts.values()[ArcFacts.CONTEXT] >= settings.rareSpanTermGate()
                                    && rarerThroughout(i, j, m.term(), w, evidence)
                                    && (!NOUN_TERMS_ONLY || nounPhrase(c.candidate().original())))) {
                // one word for a whole term: the link is the lexicon's own, so the word-by-word score's chance
                // terms (fan-out of the term words) say nothing; what must hold is positive evidence, the term
                // explaining its context better than the word it replaces
                continue;
            }
            for (int k = i; k < j && (whole || gated); k++) {
                eligible[k] = true; // (a gated term's words only when admitted: its matches leave a document's rate as it was)
            }
            double gain = facts.values()[ArcFacts.GAIN];
            double context = facts.values()[ArcFacts.CONTEXT];
            double obsIntrinsic = c.intrinsicLog10() - facts.values()[ArcFacts.FREQUENCY];
            // the bonus is the evidence of reaching a known term by chance being unlikely; a span of
            // broad words that reaches many terms ("general contest": "civil war", "public debate", ...)
            // shares it among them. (A calibrated model over the span's features, fitted on our spinner's
            // tortured terms in training sentences, did no better at the clean-text budget: docs/detector.md.)
            double weight = settings.channelScale() * c.candidate().logChannel() + settings.channelOffset()
                    + (whole ? settings.oneWordTermBonus() : settings.termBonus() - Math.log(m.rivals()))
                    - settings.frequencyDiscount() * Math.log(10) * (c.intrinsicLog10() - obsIntrinsic);
            if (w.articleMismatchBefore(i, c.original())) {
                weight += settings.artefactLogProb();
            }
            (whole ? wholeArcs : out).add(new Arc(i, j, c.ids(), weight, c, 0, new Evidence.Gain(gain, context, false)));
        }
        shareBonus(wholeArcs, out);
    }

    /**
     * The least context ratio ({@link ArcFacts#CONTEXT}) with which a word-by-word match can enter the lattice:
     * what the term evidence score ({@code gate}, linear in the context) needs to reach {@code termGate} with the
     * match's other facts, or {@code rareSpanTermGate} when that is lower (the rule that lets a rare span past the
     * score); negative infinity when no bound holds (no gate, a context weight not above 0). A match below it
     * needs no more LM calls ({@link #facts(Match, ObservedSpan, Evidence, double)}).
     */
    private double contextNeeded(Match m, ObservedSpan o, TermEvidence gate, DetectorSettings settings) {
        if (gate == null) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] x = factsWithoutContext(m, o);
        double need = gate.contextNeeded(new ArcFacts(x), settings.termGate());
        double rare = settings.rareSpanTermGate();
        return rare < need ? rare : need; // (a NaN rare-span gate lets nothing past the score)
    }

    /** The facts of a match that do not read the term in context (gain and context 0). */
    private double[] factsWithoutContext(Match m, ObservedSpan o) {
        PreparedCandidate c = m.candidate();
        TermInfo term = m.term();
        int termWords = c.ids().length;
        double channel = c.candidate().logChannel();
        return new double[] {Math.log(m.rivals()), channel, channel / termWords, 0, 0,
            c.intrinsicLog10() - o.intrinsic(), c.intrinsicLog10(), term.cohesion(),
            o.cohesion(), Math.max(-9, o.rarest()), Math.max(-9, term.rarest()), o.left() - o.intrinsic(),
            Math.log(term.maxFanout()), termWords, m.to() - m.from(), rarityMargin(term.rarest(), o.commonestContent())};
    }

    /**
     * True when every content word of the observed span {@code i..j} is rarer (unigram) than every word of the
     * term by {@link #RARE_SPAN_MARGIN}: a spinner writes a rare synonym for each word ("artful ascertaining" for "deep learning"), while a
     * clean span that reaches a term by chance holds words as common as the term's ("discuss passing" for "air
     * conditioning"). What the word-by-word evidence score ({@link TermEvidence}) does not weigh: its observed
     * rarity is the rarest word's alone.
     */
    private boolean rarerThroughout(int i, int j, TermInfo term, LatticeBuilder.SentenceWords w, Evidence evidence) {
        int[] ids = w.ids(lm.vocabulary());
        for (int k = i; k < j; k++) {
            if (!FunctionWords.contains(w.normal[k]) && evidence.unigram(ids[k]) >= term.rarest() - RARE_SPAN_MARGIN) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code phrase} (normalised words joined by single spaces) can be a noun phrase: its last word is no
     * adverb particle ({@link #PARTICLES}) and can be a noun. The lexicon's classes come from a tagger dictionary
     * that gives most words several ("drains", "takes": noun and verb), so this can only rule out, never confirm;
     * a word it does not know passes.
     */
    boolean nounPhrase(String phrase) {
        String last = phrase.substring(phrase.lastIndexOf(' ') + 1);
        return !PARTICLES.contains(last) && canBeNoun(last);
    }

    /** Whether the lexicon's dictionary lets {@code word} be a noun, or does not know it. */
    private boolean canBeNoun(String word) {
        Set<WordClass> classes = lexicon.wordClasses(word);
        return classes.isEmpty() || classes.contains(WordClass.NOUN);
    }

    /**
     * Adds the one-word term arcs of one span to {@code out}, the bonus shared among those that passed
     * the gate (the word's other term candidates have no evidence: they are no rival readings), and
     * empties the list.
     */
    private static void shareBonus(List<Arc> wholeArcs, List<Arc> out) {
        double share = Math.log(Math.max(1, wholeArcs.size()));
        for (Arc a : wholeArcs) {
            out.add(new Arc(a.from(), a.to(), a.out(), a.fixedWeight() - share, a.candidate(), 0, a.evidence()));
        }
        wholeArcs.clear();
    }
}
