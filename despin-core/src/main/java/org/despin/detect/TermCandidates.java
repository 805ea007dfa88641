package org.despin.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.despin.lexicon.Candidate;
import org.despin.lexicon.Lexicon;
import org.despin.lexicon.TermTable;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmState;
import org.despin.lm.Vocabulary;

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
 * stores (its words predict each other by more than {@value #COLLOCATION_LOG10} in log10).
 *
 * <p>Thread-safe: one instance per {@link Detector}; the per-segment cache is a bounded concurrent
 * map of pure functions of the model, so a race only computes an entry twice.
 */
final class TermCandidates {
    /**
     * A term that observed words {@code from..to} reach word by word.
     *
     * @param rivals how many terms the same span reaches (1 when only this one)
     */
    record Match(int from, int to, PreparedCandidate candidate, int rivals) {
    }

    /** Observed words per term word, at most. */
    static final int MAX_SEGMENT = 2;
    /** log10 PMI above which an observed span is a collocation in its own right (the writer's phrase). */
    static final double COLLOCATION_LOG10 = 1.0;
    /** The lexicon's source name on term arcs, shown in the evidence. */
    static final String SOURCE = "term";
    private static final int MAX_CACHED = 400_000;
    private static final Reach NONE = new Reach(new int[0], new float[0]);

    /** The term words an observed segment reaches, sorted by id, with the best channel weight of each. */
    private record Reach(int[] words, float[] logChannel) {
        int indexOf(int word) {
            return Arrays.binarySearch(words, word);
        }
    }

    private final TermTable terms;
    private final Lexicon lexicon;
    private final LanguageModel lm;
    private final ConcurrentHashMap<String, Reach> reach = new ConcurrentHashMap<>();

    TermCandidates(TermTable terms, Lexicon lexicon, LanguageModel lm) {
        this.terms = terms;
        this.lexicon = lexicon;
        this.lm = lm;
    }

    boolean enabled() {
        return terms.size() > 0;
    }

    /** The terms the sentence's spans reach word by word; empty when none. */
    List<Match> matches(LatticeBuilder.SentenceWords w) {
        int n = w.size();
        if (n < 2 || !enabled()) {
            return List.of();
        }
        Reach[][] segments = new Reach[n][MAX_SEGMENT + 1];
        for (int i = 0; i < n; i++) {
            StringBuilder seg = new StringBuilder();
            for (int a = 1; a <= MAX_SEGMENT && i + a <= n; a++) {
                if (a > 1) {
                    if (w.breakBefore[i + a - 1]) {
                        break;
                    }
                    seg.append(' ');
                }
                seg.append(w.normal[i + a - 1]);
                segments[i][a] = reach(seg.toString());
            }
        }
        boolean[] breakBefore = w.breakBefore;
        List<Match> out = null;
        int[] ends = new int[16];
        float[] channels = new float[16];
        for (int i = 0; i < n; i++) {
            for (int a = 1; a <= MAX_SEGMENT; a++) {
                Reach r = segments[i][a];
                if (r == null) {
                    break;
                }
                for (int x = 0; x < r.words.length; x++) {
                    int first = r.words[x];
                    for (int t = terms.firstStartingWith(first); t < terms.endStartingWith(first); t++) {
                        int found = extend(segments, breakBefore, t, 1, i + a, r.logChannel[x], ends, channels, 0);
                        for (int e = 0; e < found; e++) {
                            Match m = match(w, i, ends[e], t, channels[e]);
                            if (m != null) {
                                if (out == null) {
                                    out = new ArrayList<>();
                                }
                                out.add(m);
                            }
                        }
                    }
                }
            }
        }
        return out == null ? List.of() : distinct(out);
    }

    /** One match per span and term (several alignments may reach it): the best channel weight. */
    private static List<Match> distinct(List<Match> matches) {
        java.util.Map<String, Match> best = new java.util.LinkedHashMap<>();
        for (Match m : matches) {
            String key = m.from() + ":" + m.to() + ":" + m.candidate().original();
            Match old = best.get(key);
            if (old == null || m.candidate().candidate().logChannel() > old.candidate().candidate().logChannel()) {
                best.put(key, m);
            }
        }
        java.util.Map<Long, Integer> perSpan = new java.util.HashMap<>();
        for (Match m : best.values()) {
            perSpan.merge(((long) m.from() << 32) | m.to(), 1, Integer::sum);
        }
        List<Match> out = new ArrayList<>(best.size());
        for (Match m : best.values()) {
            out.add(new Match(m.from(), m.to(), m.candidate(), perSpan.get(((long) m.from() << 32) | m.to())));
        }
        return out;
    }

    /**
     * Aligns words k.. of term t with observed segments from position {@code at}; records each end
     * position of a complete alignment with its summed channel weight. Returns the number recorded.
     */
    private int extend(Reach[][] segments, boolean[] breakBefore, int t, int k, int at, float channel, int[] ends,
            float[] channels, int found) {
        if (k == terms.length(t)) {
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

    /** The match of term t over {@code from..to}, or null when the span must be left alone. */
    private Match match(LatticeBuilder.SentenceWords w, int from, int to, int t, float channel) {
        if (w.kind(from, to) != LatticeBuilder.SpanKind.PLAIN) {
            return null;
        }
        String observed = String.join(" ", Arrays.asList(w.normal).subList(from, to));
        String original = terms.text(t);
        if (observed.equals(original) || terms.contains(observed)) {
            return null;
        }
        Vocabulary vocab = lm.vocabulary();
        int[] ids = CandidateTable.ids(vocab, original);
        int[] observedIds = CandidateTable.ids(vocab, observed);
        if (ids == null) {
            return null; // the LM cannot say anything about the term
        }
        LmState a = lm.newState();
        LmState b = lm.newState();
        if (observedIds != null && cohesion(observedIds, a, b) >= COLLOCATION_LOG10) {
            return null;
        }
        float intrinsic = phrase(ids, a, b);
        Candidate c = new Candidate(original, channel, 1, SOURCE);
        return new Match(from, to, new PreparedCandidate(c, ids, intrinsic, channel + Math.log(10) * intrinsic), 1);
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
        for (Candidate c : lexicon.candidates(segment)) {
            int id = c.original().indexOf(' ') < 0 ? terms.wordId(c.original()) : -1;
            if (id < 0 || FunctionWords.contains(c.original())) {
                continue;
            }
            if (k == words.length) {
                words = Arrays.copyOf(words, 2 * k);
                channel = Arrays.copyOf(channel, 2 * k);
            }
            words[k] = id;
            channel[k++] = c.logChannel();
        }
        if (k == 0) {
            return NONE;
        }
        // sort by id, keeping the best channel of each word
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        final int[] ws = words;
        Arrays.sort(order, (p, q) -> ws[p] != ws[q] ? Integer.compare(ws[p], ws[q]) : 0);
        int[] outWords = new int[k];
        float[] outChannel = new float[k];
        int m = 0;
        for (int i = 0; i < k; i++) {
            int o = order[i];
            if (m > 0 && outWords[m - 1] == words[o]) {
                outChannel[m - 1] = Math.max(outChannel[m - 1], channel[o]);
            } else {
                outWords[m] = words[o];
                outChannel[m++] = channel[o];
            }
        }
        return new Reach(Arrays.copyOf(outWords, m), Arrays.copyOf(outChannel, m));
    }

    /**
     * Adds a substitution arc per match to {@code out}, weighted like the lexicon's arcs plus the
     * term bonus, and marks the words eligible. {@code evidence} must be prepared for the sentence.
     */
    void addArcs(List<Match> matches, LatticeBuilder.SentenceWords w, Evidence evidence, DetectorSettings settings,
            List<Arc> out, boolean[] eligible) {
        for (Match m : matches) {
            int i = m.from();
            int j = m.to();
            PreparedCandidate c = m.candidate();
            float obsContext = evidence.inContext(i, j, null);
            float obsPartial = evidence.partial();
            float obsIntrinsic = evidence.observedIntrinsic(i, j);
            // no evidence gate: a carrier sentence says little about a term beyond its frequency; the gain
            // is kept for the finding's evidence text
            double gain = evidence.gain(i, j, c, obsContext, obsPartial, obsIntrinsic, Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY);
            // the bonus is the evidence of reaching a known term by chance being unlikely; a span of
            // broad words that reaches many terms ("general contest": "civil war", "public debate", ...)
            // shares it among them
            double weight = settings.channelScale() * c.candidate().logChannel() + settings.channelOffset()
                    + settings.termBonus() - Math.log(m.rivals())
                    - settings.frequencyDiscount() * Math.log(10) * (c.intrinsicLog10() - obsIntrinsic);
            if (w.articleMismatchBefore(i, c.original())) {
                weight += settings.artefactLogProb();
            }
            out.add(new Arc(i, j, c.ids(), weight, c, 0, new Evidence.Gain(gain, evidence.lastContext(), false)));
            for (int k = i; k < j; k++) {
                eligible[k] = true;
            }
        }
    }
}
