package org.despin.detect;

import java.util.ArrayList;
import java.util.List;
import org.despin.lexicon.LinkFeatures;
import org.despin.lexicon.TitleCaseNames;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmState;
import org.despin.lm.Vocabulary;
import org.despin.text.Document;
import org.despin.text.Normalizer;
import org.despin.text.Sentence;
import org.despin.text.Token;
import org.despin.text.TokenType;

/**
 * Builds the {@link Lattice} of each sentence: spans of 1..maxSpan observed words that neither
 * cross punctuation nor leave the sentence, their candidate originals from the lexicon, and the
 * tests that decide which candidates may enter:
 * <ul>
 * <li>positive evidence from the context ({@link Evidence}), so frequency alone never restores;</li>
 * <li>names: an acronym is never a candidate; a capitalised word inside a sentence is one only
 * when it stands next to another capitalised word (it may be part of a name the spinner broke,
 * "Protection Council") and the candidate passes the name gate and makes, with the title-case words
 * beside it, a name the LM stores ("Security Council", not "Permanent Responsibility"); a lone
 * capitalised word ("Smith") is a plain name and never a candidate;</li>
 * <li>article artefacts: after "a"/"an" that does not fit the observed word, reading the word as
 * kept costs {@code artefactLogProb}, since writers rarely make that slip and spinners often do.</li>
 * <li>hyphen compounds: the parts restored together, when only the whole is a stored collocation
 * ("confront-to-encounter" -> "face-to-face"; see {@link #compound}).</li>
 * </ul>
 * Per call; not thread-safe.
 */
final class LatticeBuilder {
    /**
     * The lattices of the sentences that have something to decide, and the document's eligible words.
     *
     * @param technical whether the document reads as technical writing, so that the terms the table gates by
     *     register are read ({@link #technical(Document)}; judged once, in the first pass)
     * @param register the document's register ({@link TermCandidates#register}) that judgement read, NaN when it
     *     read none (a table that gates no term, the setting NaN, no content word)
     */
    record Result(List<Lattice> lattices, int eligibleWords, boolean technical, double register) {
        Result(List<Lattice> lattices, int eligibleWords) {
            this(lattices, eligibleWords, false, Double.NaN);
        }

    }

    private static final double LN10 = Math.log(10);
    /**
     * log10: a candidate this far below the gate after its nearest right neighbour is dropped
     * without reading further right (later neighbours rarely make up 10^2).
     */
    private static final double EARLY_STOP_SLACK = 1.0; // 2.0 before branch speed6: the same figures, fewer calls
    /**
     * A span (not a name) whose observed words' bigram PMI with their neighbours ({@link #observedPmi}, log10)
     * is at least this is not tested unless a probe of its commonest candidates finds one that could rival it
     * ({@link #SCREEN_PROBE}): the words are a stored collocation of the sentence, and a candidate would have to
     * beat it by the evidence gate (branch {@code speed6}, docs/detector.md: without the probe it skips ~27 % of
     * the pool and evidence work on clean text and ~2 % of the candidates that pass the gate).
     */
    static final double SPAN_SCREEN = 2.0;
    /**
     * The context pool leaves out a candidate whose bigram PMI with the neighbours is more than this below
     * the observed span's ({@link ContextPool#choose(PreparedCandidate[], int, int, double)}'s floor; branch
     * {@code speed6}: ~37 % of the pool's evidence tests on clean text, ~0.4 % of the candidates that pass).
     */
    static final double CANDIDATE_SCREEN = -1.0;
    /**
     * How many candidates by prior the span screen probes before it leaves a span untested: a stored collocation
     * may be a spinner's rewrite of a stronger one ("the remainder of" for "the end of"), whose original is among
     * the commonest candidates.
     */
    static final int SCREEN_PROBE = 4;
    /** Hyphen compounds of at most this many parts get joint restorations ("face-to-face"). */
    private static final int MAX_COMPOUND_PARTS = 3;
    /** Joint readings tried per compound at most (the product of the parts' candidate lists). */
    private static final int MAX_COMPOUND_READINGS = 1024;
    /**
     * log10: a joint reading must be a stored collocation, its words this much likelier together
     * than apart, and this much more so than the observed compound's words.
     */
    private static final double COMPOUND_COHESION = 1.0;
    /** log10: a title-case reading this cohesive with its title-case neighbours is a name the LM stores. */
    static final double KNOWN_NAME_COHESION = 1.0;

    private final CandidateTable table;
    private final TermCandidates terms;
    /** Word pairs seen written as names, or {@link TitleCaseNames#UNKNOWN} (see {@link #makesKnownName}). */
    private final TitleCaseNames names;
    private final Vocabulary vocabulary;
    private final DetectorSettings settings;
    private final Evidence evidence;
    /** The calibrated substitution model, or null for the hand-set channel. */
    private final ArcModel arcModel;
    /** Admitted arcs of the current span and their ranking scores (context LM plus channel). */
    private final Arc[] pending;
    private final double[] rank;
    private final LanguageModel lm;
    private final LmState cohesionState;
    private final LmState unigramState;
    /** Chooses the candidates to test in context, or null: the best {@code candidatePool} by prior. */
    private final ContextPool contextPool;
    /**
     * How far the evidence of a span reads its context on either side (the LM's order - 1): where the
     * context a later pass reads equals the observed words that far around a span, so does the evidence.
     */
    private final int contextReach;
    /** Whether the current {@link #build} keeps each sentence's {@link NearMisses} for a widening. */
    private boolean keepNearMisses;
    /** Whether the document being built reads as technical writing ({@link #technical(Document)}). */
    private boolean technical;
    /** The register that judgement read ({@link Result#register}). */
    private double register = Double.NaN;
    /** The only spans ({@code from << 32 | to}) {@link #deepen} tests, or null: every span. */
    private java.util.Set<Long> onlySpans;
    /**
     * Whether {@link #deepen} takes what the sentence's first pass knows instead of asking again: a candidate it
     * tested in the same context from what it kept ({@link #firstTested}, branch {@code cheap21}), the bigram PMIs
     * its pool ranked the first candidates by where the neighbours are the observed ones, and which words have
     * candidates ({@link SentenceWords#lexiconEligible}, both branch {@code deep22}); false only in tests, which
     * compare the two.
     */
    private boolean reuseFirstTests = true;

    /** For tests: {@link #reuseFirstTests}. */
    LatticeBuilder reuseFirstTests(boolean reuse) {
        reuseFirstTests = reuse;
        return this;
    }

    /** A builder without phrase-level term candidates. */
    LatticeBuilder(LanguageModel lm, CandidateTable table, DetectorSettings settings) {
        this(lm, table, new TermCandidates(org.despin.lexicon.TermTable.EMPTY, null, lm), settings);
    }

    LatticeBuilder(LanguageModel lm, CandidateTable table, TermCandidates terms, DetectorSettings settings) {
        this(lm, table, terms, TitleCaseNames.UNKNOWN, settings);
    }

    LatticeBuilder(LanguageModel lm, CandidateTable table, TermCandidates terms, TitleCaseNames names,
            DetectorSettings settings) {
        this.table = table;
        this.terms = terms;
        this.names = names;
        this.vocabulary = lm.vocabulary();
        this.lm = lm;
        this.cohesionState = lm.newState();
        this.unigramState = lm.newState();
        this.settings = settings;
        this.evidence = new Evidence(lm);
        this.arcModel = settings.arcModel();
        this.contextPool = settings.contextPool() > 0 ? new ContextPool(lm, settings.contextPool(), settings.contextReach()) : null;
        this.contextReach = Math.max(1, lm.order() - 1);
        int tested = Math.max(settings.candidatePool(), settings.contextPool());
        this.pending = new Arc[tested];
        this.rank = new double[tested];
    }

    /**
     * Completes the features that compare a candidate with the span's other admitted ones, and
     * gives the span's arcs their weights under the arc model.
     *
     * @param alongside a lattice whose word arcs over the same span count as admitted rivals (the arcs a
     *     widening adds are compared with those already there, as if all had passed one gate), or null
     */
    private void scoreSpan(int admitted, Lattice alongside, int from, int to) {
        double bestGain = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < admitted; k++) {
            bestGain = Math.max(bestGain, pending[k].evidence().gainLog10());
        }
        int rivals = admitted;
        if (alongside != null) {
            for (int a = alongside.firstArc[from]; a < alongside.firstArc[from + 1]; a++) {
                Arc old = alongside.arcs[a];
                if (old.to() == to && old.features() != null) {
                    bestGain = Math.max(bestGain, old.evidence().gainLog10());
                    rivals++;
                }
            }
        }
        for (int k = 0; k < admitted; k++) {
            Arc a = pending[k];
            double[] f = a.features();
            ArcFeatures.setSpanFeatures(f, a.evidence().gainLog10() - bestGain, rivals);
            double weight = modelWeight(f, a.evidence().contextLog10());
            pending[k] = new Arc(a.from(), a.to(), a.out(), weight, a.candidate(), 0, a.evidence(), f);
            rank[k] = LN10 * a.evidence().contextLog10() + weight;
        }
    }

    /**
     * The fixed weight of a substitution under the arc model: its log-odds, less what the decode
     * adds back (the LM's context ratio, and the spin rate's prior odds in place of the training
     * prior's), plus the operating-point bias.
     */
    private double modelWeight(double[] features, double contextLog10) {
        return arcModel.logOdds(features) - arcModel.trainingPriorLogOdds() + settings.arcBias()
                - settings.lmWeight() * LN10 * contextLog10;
    }

    /**
     * The hand-set noisy channel (used when there is no arc model): channel weight, a fixed offset,
     * and the frequency discount, which takes back part of what the candidate gains from being a
     * commoner word so that the decode rests on context more than on frequency.
     */
    private double handSetWeight(PreparedCandidate c, float obsIntrinsic, boolean name, boolean article) {
        return settings.channelScale() * c.candidate().logChannel() + settings.channelOffset()
                + (name ? settings.nameBonus() : 0)
                - settings.frequencyDiscount() * LN10 * (c.intrinsicLog10() - obsIntrinsic)
                + (article ? settings.artefactLogProb() : 0);
    }

    private static boolean unknownObserved(int[] ids, int from, int to) {
        for (int k = from; k < to; k++) {
            if (ids[k] == Vocabulary.UNKNOWN) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves the best {@code maxCandidatesPerSpan} of the admitted arcs to {@code out}, best first, and
     * returns how many (the others stay in {@code pending} after them).
     */
    private int addBest(List<Arc> out, int admitted) {
        int keep = Math.min(admitted, settings.maxCandidatesPerSpan());
        for (int k = 0; k < keep; k++) {
            int best = k;
            for (int m = k + 1; m < admitted; m++) {
                if (rank[m] > rank[best]) {
                    best = m;
                }
            }
            Arc a = pending[best];
            pending[best] = pending[k];
            pending[k] = a;
            double r = rank[best];
            rank[best] = rank[k];
            rank[k] = r;
            out.add(a);
        }
        return keep;
    }

    Result build(Document doc) {
        return build(doc, false);
    }

    /** The lowest gate a widening of this builder's lattices reads (of documents called spun or not), or NaN: none. */
    private double widestGate() {
        double spun = settings.spunEvidenceGate();
        double unspun = settings.unspunEvidenceGate();
        return Double.isNaN(spun) ? unspun : Double.isNaN(unspun) ? spun : Math.min(spun, unspun);
    }

    /**
     * The first pass over every sentence.
     *
     * @param keepNearMisses whether to keep, beside each lattice, what a widening with this builder's
     *     {@code spunEvidenceGate} and {@code spunContextPool} would read of it in the observed context
     *     ({@link NearMisses}; no more LM calls, a few arrays per sentence)
     */
    Result build(Document doc, boolean keepNearMisses) {
        this.keepNearMisses = keepNearMisses && !Double.isNaN(widestGate());
        this.register = register(doc);
        this.technical = register >= settings.technicalRegister();
        List<Lattice> lattices = new ArrayList<>();
        int eligible = 0;
        for (Sentence s : doc.sentences()) {
            SentenceWords words = SentenceWords.of(doc.tokens(), s);
            if (words.size() == 0) {
                continue;
            }
            Lattice lattice = sentence(words, null, null, false);
            eligible += lattice == null ? words.eligible : lattice.eligibleWords;
            if (lattice != null) {
                lattices.add(lattice);
            }
        }
        return new Result(lattices, eligible, technical, register);
    }

    /**
     * Whether the terms the table gates by register are read in this document: its register ({@link
     * TermCandidates#register}) is at least {@link DetectorSettings#technicalRegister()}. False (no LM call) when the
     * table gates no term or the setting is NaN.
     */
    boolean technical(Document doc) {
        return register(doc) >= settings.technicalRegister();
    }

    /** The register {@link #technical(Document)} compares, NaN (never technical, no LM call) where it reads none. */
    private double register(Document doc) {
        if (!terms.gatesByRegister() || Double.isNaN(settings.technicalRegister())) {
            return Double.NaN;
        }
        return terms.register(doc.tokens());
    }

    /**
     * The lattice rebuilt with the evidence read from a restored context: {@code context[i]} is the
     * LM id the best restoration put at position i. A word next to another spun word has little
     * evidence from its observed neighbour ("advised correspondents"), and more from the restored
     * one ("told reporters"). Every arc of {@code first} stays; arcs that pass only in the restored
     * context are added.
     */
    Lattice refine(Lattice first, int[] context) {
        Lattice second = sentence(first.words, context, first, false);
        return second == null ? first : second;
    }

    /**
     * The lattices widened with this builder's gate and context pool (a lower gate, in a document called
     * spun): every arc of {@code narrow} stays, and the candidates that pass here and are not there yet are
     * added, their span features read alongside the arcs already there. The evidence reads the context the
     * last decode restored ({@code contexts.get(l)} for {@code narrow.lattices().get(l)}, null: the observed
     * words); a sentence {@code narrow} has no lattice for gets one if a candidate passes here.
     */
    Result widen(Document doc, Result narrow, List<int[]> contexts) {
        keepNearMisses = false;
        technical = narrow.technical();
        register = narrow.register();
        List<Lattice> previous = narrow.lattices();
        List<Lattice> out = new ArrayList<>(previous.size());
        int l = 0;
        for (Sentence s : doc.sentences()) {
            SentenceWords words = SentenceWords.of(doc.tokens(), s);
            if (words.size() == 0) {
                continue;
            }
            if (l < previous.size() && previous.get(l).tokenIndex[0] == words.tokenIndex[0]) {
                Lattice first = previous.get(l);
                Lattice wide = sentence(first.words, contexts.get(l), first, true);
                out.add(wide == null ? first : wide);
                l++;
            } else {
                Lattice wide = sentence(words, null, null, false);
                if (wide != null) {
                    out.add(wide);
                }
            }
        }
        return new Result(out, narrow.eligibleWords(), narrow.technical(), narrow.register());
    }

    /**
     * The lattice {@code first} with the candidates of the given spans ({@code from << 32 | to}) that pass this
     * builder's gate and context pool added beside its arcs (a widening of those spans only: the spans a finding
     * model has flagged, whose readings {@link FindingBuilder} then chooses among more of the candidates, see
     * {@link Detector#DEEP_READINGS}); the evidence reads {@code context} (null: the observed words). Every arc of
     * {@code first} stays (the same objects); {@code first} itself when nothing is added.
     */
    Lattice deepen(Lattice first, int[] context, java.util.Set<Long> spans, boolean technical) {
        keepNearMisses = false;
        this.technical = technical;
        onlySpans = spans;
        try {
            Lattice deep = sentence(first.words, context, first, true);
            return deep == null ? first : deep;
        } finally {
            onlySpans = null;
        }
    }

    /**
     * The lattice of one sentence, or null when no span has an admissible candidate.
     *
     * @param context LM ids the evidence reads as neighbours, or null for the observed words
     * @param previous a lattice of the same sentence whose arcs are kept, or null
     * @param alongsidePrevious whether the span features of the arcs added count the previous lattice's arcs
     *     over the same span as admitted rivals
     */
    private Lattice sentence(SentenceWords w, int[] context, Lattice previous, boolean alongsidePrevious) {
        int n = w.size();
        int[] ids = w.ids(vocabulary);
        boolean[] eligible = new boolean[n];
        List<Arc> subs = null;
        boolean prefixReady = false;
        int maxSpan = table.maxSpanWords();
        // the first pass keeps what it tested and left out; the later passes read it where their context is the observed one
        NearMisses nearMisses = previous == null && context == null ? new NearMisses(n, maxSpan, settings.evidenceGate(),
                keepNearMisses ? Math.min(widestGate(), settings.evidenceGate()) : settings.evidenceGate(),
                settings.nameGate(), contextPool == null ? 0 : contextPool.size(), settings.widenContextPool(), settings.contextReach())
                : null;
        NearMisses known = previous != null && previous.nearMisses != null
                && previous.nearMisses.covers(settings.evidenceGate(), settings.nameGate(),
                        contextPool == null ? 0 : contextPool.size(), settings.contextReach())
                ? previous.nearMisses : null;
        // a deepening where a full pass over this table's spans knows which words have candidates: those, and
        // only the deepened spans visited (in the loop's order: by start, then by end)
        long[] only = onlySpans != null && reuseFirstTests && w.lexiconEligible != null
                && w.lexiconEligibleTable.listsSameSpans(table)
                ? sorted(onlySpans) : null;
        if (only != null) {
            System.arraycopy(w.lexiconEligible, 0, eligible, 0, n);
        }
        int nextOnly = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j <= n && j - i <= maxSpan; j++) {
                if (j > i + 1 && w.breakBefore[j - 1]) {
                    break;
                }
                if (only != null) {
                    long span = ((long) i << 32) | j;
                    while (nextOnly < only.length && only[nextOnly] < span) {
                        nextOnly++;
                    }
                    if (nextOnly == only.length || only[nextOnly] != span) {
                        continue;
                    }
                }
                SpanKind kind = w.kind(i, j);
                if (kind == SpanKind.NEVER) {
                    continue;
                }
                if (only == null && onlySpans != null && !onlySpans.contains(((long) i << 32) | j)) {
                    // a span the deepening leaves: only whether it has candidates (its words' keep arcs count it),
                    // read in the sentence's cached lists of the first table, not this table's longer ones
                    if (w.hasCandidates(i, j, table)) {
                        for (int k = i; k < j; k++) {
                            eligible[k] = true;
                        }
                    }
                    continue;
                }
                PreparedCandidate[] listed = w.candidates(i, j, table);
                if (listed.length == 0) {
                    continue;
                }
                for (int k = i; k < j; k++) {
                    eligible[k] = true;
                }
                boolean name = kind == SpanKind.NAME;
                double gate = name ? settings.nameGate() : settings.evidenceGate();
                int[] neighbours = context == null ? ids : context;
                int leftWord = i > 0 ? neighbours[i - 1] : -1;
                int rightWord = j < n ? neighbours[j] : Vocabulary.END_SENTENCE;
                boolean observedNeighbours = (i == 0 || neighbours[i - 1] == ids[i - 1]) && (j == n || neighbours[j] == ids[j]);
                int admitted = 0;
                if (known != null && !known.undecided(known.slot(i, j), gate)
                        && (context == null || observedAround(context, ids, i, j))) {
                    // the evidence reads the observed context: what the first pass kept, no LM call
                    int slot = known.slot(i, j);
                    NearMisses.Kept[] misses = known.misses(slot);
                    if (misses == null) {
                        continue; // every candidate of the pool is in the lattice or below the gate
                    }
                    PreparedCandidate[] cands = observedPool(known, slot, listed);
                    if (cands == null) {
                        if (!prefixReady) {
                            evidence.sentence(ids, context == null ? ids : context);
                            prefixReady = true;
                        }
                        evidence.inContext(i, j, null); // the observed span's scores, for its floor
                        cands = contextPool.choose(listed, leftWord, rightWord, name ? Double.NEGATIVE_INFINITY
                                : observedPmi(i, j, n, neighbours, evidence.spanPart(), evidence.partial(),
                                        evidence.observedIntrinsic(i, j)) + CANDIDATE_SCREEN);
                    }
                    for (PreparedCandidate c : cands) {
                        if (previous.hasArc(i, j, c) || name && !makesKnownName(w, ids, i, j, c)) {
                            continue;
                        }
                        NearMisses.Kept kept = NearMisses.find(misses, c);
                        if (kept != null && !(kept.gain() < gate)) {
                            admitKept(admitted++, w, ids, i, j, c, kept);
                        }
                    }
                } else {
                    if (!prefixReady) {
                        evidence.sentence(ids, context == null ? ids : context);
                        prefixReady = true;
                    }
                    float obsContext = evidence.inContext(i, j, null);
                    float obsLeft = evidence.spanPart();
                    float obsPartial = evidence.partial();
                    float obsIntrinsic = evidence.observedIntrinsic(i, j);
                    // the screens of branch speed6 read the observed words' PMI (one unigram call), once a span
                    double floor = Double.NEGATIVE_INFINITY; // the context pool's (none for a name)
                    if (!name) {
                        double pmi = observedPmi(i, j, n, neighbours, obsLeft, obsPartial, obsIntrinsic);
                        if (screened(listed, pmi, leftWord, rightWord)) {
                            continue; // a stored collocation: no candidate tested (nor kept for a later pass)
                        }
                        floor = pmi + CANDIDATE_SCREEN;
                    }
                    int slot = nearMisses != null ? nearMisses.slot(i, j) : known != null ? known.slot(i, j) : -1;
                    PreparedCandidate[] cands = null;
                    if (contextPool == null) {
                        cands = listed;
                    } else if (known != null && observedNeighbours) {
                        cands = observedPool(known, slot, listed); // the pool reads the neighbours only
                    }
                    if (cands == null) {
                        // a deepening reading the observed neighbours: the first pass ranked the list's first candidates
                        double[] firstPmis = onlySpans != null && reuseFirstTests && observedNeighbours && previous != null
                                && previous.nearMisses != null
                                ? previous.nearMisses.firstPmis(previous.nearMisses.slot(i, j), table) : null;
                        cands = contextPool.choose(listed, leftWord, rightWord, floor, firstPmis);
                        if (nearMisses != null) {
                            nearMisses.setPools(slot, cands, contextPool.smallerPool(nearMisses.widenPoolSize()));
                            nearMisses.setPmis(slot, contextPool.lastPmis(), table);
                        }
                    }
                    // the arc model was fitted with lists cut at candidatePool by prior: its lnCandidates counts so
                    int listedCount = Math.min(listed.length, settings.candidatePool());
                    NearMisses.ObservedSpan observed = null; // made for the span's first near miss
                    // a deepening: the candidates the sentence's first pass tested in the same context are known
                    PreparedCandidate[] tested = firstTested(previous, context, ids, i, j, gate, name);
                    NearMisses.Kept[] testedMisses = tested == null ? null
                            : previous.nearMisses.misses(previous.nearMisses.slot(i, j));
                    for (PreparedCandidate c : cands) {
                        if (previous != null && previous.hasArc(i, j, c) || name && !makesKnownName(w, ids, i, j, c)) {
                            continue;
                        }
                        if (tested != null && among(tested, c)) {
                            // its gain as the first pass computed it: an arc where it reaches this gate, none below
                            NearMisses.Kept kept = testedMisses == null ? null : NearMisses.find(testedMisses, c);
                            if (kept != null && !(kept.gain() < gate)) {
                                admitKept(admitted++, w, ids, i, j, c, kept);
                            }
                            continue;
                        }
                        double gain = evidence.gain(i, j, c, obsContext, obsPartial, obsIntrinsic, gate, EARLY_STOP_SLACK);
                        if (gain < gate) {
                            if (nearMisses != null && keepNearMiss(nearMisses, slot, c, gain, name, obsPartial, obsIntrinsic)) {
                                if (observed == null) {
                                    observed = new NearMisses.ObservedSpan(obsContext, obsLeft, obsIntrinsic, listedCount, name);
                                }
                                nearMisses.add(slot, new NearMisses.Kept(c, gain, evidence.spanPart(), evidence.lastContext(),
                                        observed, null));
                            }
                            continue;
                        }
                        pending[admitted] = candidateArc(w, ids, i, j, c, gain, name, listedCount, obsContext, obsLeft,
                                obsIntrinsic, evidence.spanPart(), evidence.lastContext());
                        rank[admitted] = LN10 * evidence.lastContext() + pending[admitted].fixedWeight();
                        admitted++;
                    }
                }
                if (admitted > 0) {
                    if (arcModel != null) {
                        scoreSpan(admitted, alongsidePrevious ? previous : null, i, j);
                    }
                    if (subs == null) {
                        subs = new ArrayList<>();
                    }
                    int inLattice = addBest(subs, admitted);
                    if (nearMisses != null) {
                        // admitted but beyond the lattice's limit per span: a later pass admits them again
                        for (int k = inLattice; k < admitted; k++) {
                            nearMisses.add(nearMisses.slot(i, j), NearMisses.Kept.of(pending[k]));
                        }
                    }
                }
            }
        }
        if (onlySpans == null && w.lexiconEligible == null) {
            // every span of the sentence asked this table: which words have candidates (a deepening reads it)
            w.lexiconEligible = eligible.clone();
            w.lexiconEligibleTable = table;
        }
        // inserted synonyms: "X and Y" read as X (context-free admission, so only once)
        if (previous == null && arcModel != null && settings.insertionLogOdds() != DetectorSettings.INSERTION_OFF) {
            for (int i = 0; i + 3 <= n; i++) {
                if (!insertionShape(w, i)) {
                    continue;
                }
                if (!prefixReady) {
                    evidence.sentence(ids, context == null ? ids : context);
                    prefixReady = true;
                }
                Arc a = insertion(w, ids, i);
                if (a != null) {
                    subs = subs == null ? new ArrayList<>() : subs;
                    subs.add(a);
                    for (int k = i; k < i + 3; k++) {
                        eligible[k] = true;
                    }
                }
            }
            if (subs != null) {
                subs.sort(java.util.Comparator.comparingInt(Arc::from));
            }
        }
        // hyphen compounds restored as a whole: "confront-to-encounter" -> "face-to-face" (context-free admission, so only once)
        if (previous == null && arcModel != null && settings.compoundLogOdds() != DetectorSettings.COMPOUND_OFF) {
            boolean added = false;
            for (int i = 0; i < n;) {
                int j = i + 1;
                while (j < n && w.joinedBefore[j]) {
                    j++;
                }
                if (j - i >= 2 && j - i <= MAX_COMPOUND_PARTS && w.kind(i, j) == SpanKind.PLAIN) {
                    if (!prefixReady) {
                        evidence.sentence(ids, context == null ? ids : context);
                        prefixReady = true;
                    }
                    // the word-by-word reading, then the whole one (coverage30), in that order
                    for (Arc a : new Arc[] {compound(w, ids, i, j), settings.compoundWholeLogOdds() != DetectorSettings.COMPOUND_OFF
                            ? wholeCompound(w, ids, i, j) : null}) {
                        if (a != null) {
                            subs = subs == null ? new ArrayList<>() : subs;
                            subs.add(a);
                            added = true;
                            java.util.Arrays.fill(eligible, i, j, true);
                        }
                    }
                }
                i = j;
            }
            if (added) {
                subs.sort(java.util.Comparator.comparingInt(Arc::from));
            }
        }
        // phrase-level candidates: known terms a span reaches word by word (context-free, so only once)
        List<TermCandidates.Match> termMatches = previous == null
                ? terms.forDocument(technical).matches(w, !Double.isNaN(settings.oneWordTermGate())
                        || !Double.isNaN(settings.termToTermGate()), technical) : List.of();
        if (!termMatches.isEmpty()) {
            if (!prefixReady) {
                evidence.sentence(ids, context == null ? ids : context);
            }
            subs = subs == null ? new ArrayList<>() : subs;
            terms.forDocument(technical).addArcs(termMatches, w, evidence, settings, subs, eligible);
            subs.sort(java.util.Comparator.comparingInt(Arc::from));
        }
        int eligibleCount = 0;
        for (boolean e : eligible) {
            eligibleCount += e ? 1 : 0;
        }
        if (previous != null) {
            if (subs == null) {
                return null;
            }
            for (Arc a : previous.arcs) {
                if (!a.isKeep()) {
                    subs.add(a);
                }
            }
            subs.sort(java.util.Comparator.comparingInt(Arc::from));
        }
        if (subs == null) {
            w.eligible = eligibleCount;
            return null;
        }
        List<Arc> arcs = new ArrayList<>(n + subs.size());
        int s = 0;
        for (int i = 0; i < n; i++) {
            double keep = w.articleMismatchBefore(i, w.normal[i]) ? settings.artefactLogProb() : 0;
            arcs.add(new Arc(i, i + 1, new int[] {ids[i]}, keep, null, eligible[i] ? 1 : 0, null));
            while (s < subs.size() && subs.get(s).from() == i) {
                arcs.add(subs.get(s++));
            }
        }
        return new Lattice(w, ids, eligibleCount, arcs, nearMisses != null ? nearMisses : previous != null ? previous.nearMisses : null);
    }

    /** The spans ({@code from << 32 | to}) in ascending order. */
    private static long[] sorted(java.util.Set<Long> spans) {
        long[] out = new long[spans.size()];
        int k = 0;
        for (long span : spans) {
            out[k++] = span;
        }
        java.util.Arrays.sort(out);
        return out;
    }

    /** The source of a WordNet related word that is a hypernym link (the arc model's relatedGeneric). */
    private static final String GENERIC_SOURCE = LinkFeatures.RELATED_SOURCE + "generic";

    /**
     * The substitution arc of a candidate that passed the evidence test ({@code gain}, with the log10
     * probability of its span part after the left context and its context ratio, as {@link #evidence}
     * computed them); under the arc model its weight waits for the span's other candidates
     * ({@link #scoreSpan}).
     */
    private Arc candidateArc(SentenceWords w, int[] ids, int i, int j, PreparedCandidate c, double gain, boolean name,
            int listedCount, float obsContext, float obsLeft, float obsIntrinsic, float spanPart, double context) {
        boolean article = w.articleMismatchBefore(i, c.original());
        double leftGain = (spanPart - c.intrinsicLog10()) - (obsLeft - obsIntrinsic);
        double[] features = ArcFeatures.of(gain, leftGain, context, obsContext, obsLeft,
                obsIntrinsic, j - i, c.intrinsicLog10(), c.ids().length, c.candidate().logChannel(),
                c.candidate().hops(), listedCount, unknownObserved(ids, i, j), name, i == 0, article,
                c.candidate().source().startsWith(LinkFeatures.RELATED_SOURCE),
                c.candidate().source().equals(GENERIC_SOURCE));
        double weight = arcModel == null ? handSetWeight(c, obsIntrinsic, name, article) : 0;
        return new Arc(i, j, c.ids(), weight, c, 0, new Evidence.Gain(gain, context, name), features);
    }

    /**
     * Admits candidate {@code c} of span {@code i..j} into slot {@code slot} of the pending arcs with the evidence a
     * first pass kept for it ({@code kept}, which reached the gate), as that pass would have ranked it.
     */
    private void admitKept(int slot, SentenceWords w, int[] ids, int i, int j, PreparedCandidate c, NearMisses.Kept kept) {
        Arc miss = kept.arc() != null ? kept.arc() : nearMissArc(w, ids, i, j, kept);
        pending[slot] = new Arc(i, j, c.ids(), miss.fixedWeight(), c, 0, miss.evidence(), miss.features().clone());
        rank[slot] = LN10 * miss.evidence().contextLog10() + (arcModel == null ? miss.fixedWeight() : 0);
    }

    /** The arc of a near miss the first pass kept over observed words {@code i..j}, as it would have made it then. */
    private Arc nearMissArc(SentenceWords w, int[] ids, int i, int j, NearMisses.Kept kept) {
        NearMisses.ObservedSpan o = kept.observed();
        return candidateArc(w, ids, i, j, kept.candidate(), kept.gain(), o.name(), o.listed(), o.context(), o.left(),
                o.intrinsic(), kept.spanPart(), kept.context());
    }

    /**
     * The observed span's bigram PMI with its neighbours (log10), what the screens of branch {@code speed6}
     * compare: [log10 P(span | left) - log10 P(span)] + [log10 P(right | left span) - log10 P(right)], the
     * first part with the evidence's left context (up to order - 1 words), the second with its state after
     * the span; no second part at the sentence end. One LM call (the right word's unigram) besides the
     * scores the caller has.
     *
     * @param spanPart log10 P(span | left), {@code partial} with the first right word, {@code intrinsic} log10 P(span)
     */
    private double observedPmi(int i, int j, int n, int[] neighbours, float spanPart, float partial, float intrinsic) {
        double pmi = spanPart - intrinsic;
        if (j < n) {
            pmi += partial - spanPart - evidence.unigram(neighbours[j]);
        }
        return pmi;
    }

    /**
     * Whether a span is left untested: its observed PMI {@code pmi} ({@link #observedPmi}) reaches
     * {@link #SPAN_SCREEN} and none of its first {@link #SCREEN_PROBE} candidates by prior reaches the pool's floor
     * ({@link #CANDIDATE_SCREEN} below it) with the same neighbours.
     */
    private boolean screened(PreparedCandidate[] listed, double pmi, int leftWord, int rightWord) {
        if (!(pmi >= SPAN_SCREEN)) {
            return false;
        }
        return contextPool == null
                || !contextPool.anyReaches(listed, SCREEN_PROBE, leftWord, rightWord, pmi + CANDIDATE_SCREEN);
    }

    /**
     * Whether a candidate the first pass's gate left out is kept for a widening (true: its gain reaches the
     * widening's gate; the caller keeps it), or marks the span undecided when the candidate was given up early
     * and the widening's lower gate would have read it to the end.
     */
    private boolean keepNearMiss(NearMisses keep, int slot, PreparedCandidate c, double gain, boolean name,
            float obsPartial, float obsIntrinsic) {
        double lowGate = keep.keptGate(name);
        if (gain == Double.NEGATIVE_INFINITY) {
            // the same stop as Evidence.gain's at the lower gate, in the same float arithmetic
            double frequency = c.intrinsicLog10() - obsIntrinsic;
            if (evidence.partial() >= (float) (obsPartial + frequency + lowGate - EARLY_STOP_SLACK)) {
                keep.setUndecided(slot);
            }
            return false;
        }
        return gain >= lowGate;
    }

    /**
     * This pass's pool of a span whose neighbours are the observed ones (the pool reads no other word):
     * the first pass's, or the candidates the first pass ranked into a widening's smaller pool, or null when
     * it did neither (the caller chooses them, as {@link ContextPool#choose} would).
     */
    private PreparedCandidate[] observedPool(NearMisses known, int slot, PreparedCandidate[] listed) {
        if (contextPool == null || listed.length <= contextPool.size()) {
            return listed;
        }
        if (contextPool.size() == known.firstPoolSize() && known.firstPool(slot) != null) {
            return known.firstPool(slot);
        }
        long bits = known.widenPoolSize() == contextPool.size() ? known.widenPool(slot) : 0;
        if (bits == 0) {
            return null;
        }
        PreparedCandidate[] pool = new PreparedCandidate[Long.bitCount(bits)];
        int k = 0;
        for (int c = 0; c < listed.length && k < pool.length; c++) {
            if ((bits & (1L << c)) != 0) {
                pool[k++] = listed[c];
            }
        }
        return pool;
    }

    /**
     * In a deepening ({@link #deepen}), the candidates of span {@code from..to} the sentence's first pass tested
     * ({@link NearMisses#firstPool}) where what it kept decides them at {@code gate}: the gate no lower than
     * what it kept, the span not undecided at the gate, and the evidence reading the same words (the context
     * observed beside the span, as far as the evidence reads); else null (every candidate is tested).
     */
    private PreparedCandidate[] firstTested(Lattice previous, int[] context, int[] ids, int from, int to, double gate,
            boolean name) {
        if (onlySpans == null || !reuseFirstTests || previous == null || previous.nearMisses == null) {
            return null;
        }
        NearMisses first = previous.nearMisses;
        if (gate < first.keptGate(name)
                || name && gate < first.nameGate() || first.undecided(first.slot(from, to), gate)
                || context != null && !observedBeside(context, ids, from, to)) {
            return null;
        }
        return first.firstPool(first.slot(from, to));
    }

    /** Whether {@code c} reads as one of {@code pool} (by identity, then by its lexicon candidate: another table's copy). */
    private static boolean among(PreparedCandidate[] pool, PreparedCandidate c) {
        for (PreparedCandidate p : pool) {
            if (p == c) {
                return true;
            }
        }
        for (PreparedCandidate p : pool) {
            if (p.candidate().equals(c.candidate())) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code context} equals the observed words on either side of {@code from..to} as far as the
     * evidence reads (the span's own words in the context are not read: a candidate's scores and the observed
     * span's are the same floats there, see {@link Evidence#inContext(int, int, int[], float, boolean)}).
     */
    private boolean observedBeside(int[] context, int[] ids, int from, int to) {
        for (int k = Math.max(0, from - contextReach); k < from; k++) {
            if (context[k] != ids[k]) {
                return false;
            }
        }
        for (int k = to; k < Math.min(ids.length, to + contextReach); k++) {
            if (context[k] != ids[k]) {
                return false;
            }
        }
        return OBSERVED_BESIDE || observedAround(context, ids, from, to);
    }

    /** Whether {@link #observedBeside} leaves the span's own words out (else the whole reach around it is compared). */
    static final boolean OBSERVED_BESIDE = true;

    /** True when {@code context} equals the observed words as far around {@code from..to} as the evidence reads. */
    private boolean observedAround(int[] context, int[] ids, int from, int to) {
        for (int k = Math.max(0, from - contextReach); k < Math.min(ids.length, to + contextReach); k++) {
            if (context[k] != ids[k]) {
                return false;
            }
        }
        return true;
    }

    /** "X and Y" at {@code i}: plain lower-case words, nothing between them, two different words. */
    private static boolean insertionShape(SentenceWords w, int i) {
        return "and".equals(w.normal[i + 1]) && !w.breakBefore[i + 1] && !w.breakBefore[i + 2]
                && w.kind(i, i + 1) == SpanKind.PLAIN && w.kind(i + 2, i + 3) == SpanKind.PLAIN
                && !w.normal[i].equals(w.normal[i + 2]);
    }

    /**
     * The arc that reads "X and Y" as X, or null. Spinners pad a word with a synonym ("information
     * and facts"); writers pair synonyms too, but in fixed pairs the LM stores ("peace and quiet",
     * "ways and means"). So: Y must be a word a spinner may write for X (or X one for Y), and the
     * pair must not be a stored collocation (log10 P(Y | X and) - log10 P(Y) below 1). Its weight
     * is {@code insertionLogOdds} at the arc model's training prior, less the LM ratio the decode
     * adds back (dropping two words always raises the path's probability), plus the operating
     * point's bias, as for the arc model's substitutions.
     */
    private Arc insertion(SentenceWords w, int[] ids, int i) {
        PreparedCandidate link = linked(byPrior(w.candidates(i + 2, i + 3, table)), w.normal[i]);
        if (link == null) {
            link = linked(byPrior(w.candidates(i, i + 1, table)), w.normal[i + 2]);
        }
        if (link == null || cohesion(ids, i) >= 1) {
            return null;
        }
        int[] out = {ids[i]};
        String source = "'" + w.normal[i + 2] + "' inserted beside it, a " + link.candidate().source();
        PreparedCandidate x = new PreparedCandidate(
                new org.despin.lexicon.Candidate(w.normal[i], link.candidate().logChannel(), 1, source), out,
                evidence.observedIntrinsic(i, i + 1), 0);
        float observed = evidence.inContext(i, i + 3, null);
        float restored = evidence.inContext(i, i + 3, out);
        double contextLog10 = restored - observed;
        double weight = settings.insertionLogOdds() - arcModel.trainingPriorLogOdds() + settings.arcBias()
                - settings.lmWeight() * LN10 * contextLog10;
        return new Arc(i, i + 3, out, weight, x, 0, new Evidence.Gain(0, contextLog10, false));
    }

    /**
     * The joint restoration of the hyphen compound {@code from..to}, or null. Its parts are words a
     * spinner replaces one by one ("face-to-face" -> "confront-to-encounter"); no single part's
     * restoration has evidence, since its neighbours are the other spun parts, and the compound
     * only becomes a collocation when every spun part is restored. So the readings are the product
     * of the parts' own candidates (each part also kept as it stands, at most
     * {@value #MAX_COMPOUND_READINGS} readings); one is admitted when its words are a stored
     * collocation ({@link #cohesion(int[])} at least {@value #COMPOUND_COHESION}) that the observed
     * words are not (by as much again), and the whole is likelier in context by the evidence gate.
     * The best such reading by context gets the weight {@code compoundLogOdds} at the arc model's
     * training prior, less the LM ratio the decode adds back, plus arcBias, as insertions do.
     */
    private Arc compound(SentenceWords w, int[] ids, int from, int to) {
        int parts = to - from;
        PreparedCandidate[][] options = new PreparedCandidate[parts][];
        int changeable = 0;
        for (int k = 0; k < parts; k++) {
            options[k] = singleWords(byPrior(w.candidates(from + k, from + k + 1, table)));
            changeable += options[k].length > 0 ? 1 : 0;
        }
        if (changeable == 0) {
            return null;
        }
        // each changeable part keeps its best candidates by prior, so that the product stays bounded
        int perPart = (int) Math.floor(Math.pow(MAX_COMPOUND_READINGS, 1.0 / changeable)) - 1;
        for (int k = 0; k < parts; k++) {
            if (options[k].length > perPart) {
                options[k] = java.util.Arrays.copyOf(options[k], perPart);
            }
        }
        int[] observed = java.util.Arrays.copyOfRange(ids, from, to);
        if (unknownObserved(observed, 0, parts)) {
            return null;
        }
        double observedCohesion = cohesion(observed);
        float observedContext = evidence.inContext(from, to, null);
        // cohesion(out) of every reading, without scoring a word twice: the parts' unigrams once,
        // the joint score from the first part the reading changed (the odometer turns the last part fastest)
        float[][] unigram = new float[parts][];
        for (int k = 0; k < parts; k++) {
            unigram[k] = new float[options[k].length + 1];
            unigram[k][0] = unigramLog10(observed[k]);
            for (int c = 0; c < options[k].length; c++) {
                unigram[k][c + 1] = unigramLog10(options[k][c].ids()[0]);
            }
        }
        JointScore joint = new JointScore(parts);
        int[] choice = new int[parts]; // 0 = keep, c = options[k][c - 1]
        int[] out = new int[parts];
        int[] best = null;
        double bestContext = Double.NEGATIVE_INFINITY;
        while (advance(choice, options)) {
            boolean known = true;
            for (int k = 0; k < parts; k++) {
                out[k] = choice[k] == 0 ? observed[k] : options[k][choice[k] - 1].ids()[0];
                known &= out[k] != Vocabulary.UNKNOWN;
            }
            if (!known) {
                continue;
            }
            double apart = 0;
            for (int k = 0; k < parts; k++) {
                apart += unigram[k][choice[k]];
            }
            double c = joint.together(out) - apart; // = cohesion(out), the same sums in the same order
            if (c < COMPOUND_COHESION || c - observedCohesion < COMPOUND_COHESION) {
                continue;
            }
            double context = evidence.inContext(from, to, out) - observedContext;
            if (context >= settings.evidenceGate() && context > bestContext) {
                bestContext = context;
                best = choice.clone();
            }
        }
        if (best == null) {
            return null;
        }
        String[] words = new String[parts];
        int[] restored = new int[parts];
        float channel = 0;
        int hops = 1;
        String source = null;
        for (int k = 0; k < parts; k++) {
            PreparedCandidate c = best[k] == 0 ? null : options[k][best[k] - 1];
            words[k] = c == null ? w.normal[from + k] : c.original();
            restored[k] = c == null ? observed[k] : c.ids()[0];
            if (c != null) {
                channel += c.candidate().logChannel();
                hops = Math.max(hops, c.candidate().hops());
                source = source == null ? c.candidate().source() : source;
            }
        }
        PreparedCandidate reading = new PreparedCandidate(
                new org.despin.lexicon.Candidate(String.join("-", words), channel, hops, source), restored,
                (float) together(restored), 0);
        // the parts' channel: two loose synonyms landing on a stored compound is chance more often than spin
        double weight = settings.compoundLogOdds() + channel - arcModel.trainingPriorLogOdds() + settings.arcBias()
                - settings.lmWeight() * LN10 * bestContext;
        return new Arc(from, to, restored, weight, reading, 0, new Evidence.Gain(bestContext, bestContext, false));
    }

    /**
     * The hyphen compound {@code from..to} read as a whole by the lexicon, or null (branch {@code coverage30}): a
     * thesaurus entry that is itself a compound ("well-chosen" for "happy", "self-rule" for "sovereignty") is written
     * by a spinner in one piece, and the tokenizer's parts have no such link. The lexicon's key is the parts joined by
     * hyphens (a model built with hyphen keys; others have none); of its first {@code candidatePool} originals by prior
     * the one of best evidence gain ({@link Evidence#gain}: the context against the observed parts, less the intrinsic
     * difference, so one word does not win for being one word) is admitted at {@code compoundWholeGate} (NaN: the
     * evidence gate), with the weight
     * {@code compoundWholeLogOdds} + the link's channel at the arc model's training prior, less the LM ratio the decode
     * adds back, plus arcBias (the joint compounds' form).
     */
    private Arc wholeCompound(SentenceWords w, int[] ids, int from, int to) {
        StringBuilder key = new StringBuilder(w.normal[from]);
        for (int k = from + 1; k < to; k++) {
            key.append('-').append(w.normal[k]);
        }
        PreparedCandidate[] candidates = byPrior(table.candidates(key.toString()));
        if (candidates.length == 0 || unknownObserved(ids, from, to)) {
            return null;
        }
        float observedContext = evidence.inContext(from, to, null);
        float observedPartial = evidence.partial();
        float observedIntrinsic = evidence.observedIntrinsic(from, to);
        PreparedCandidate best = null;
        double bestGain = Double.NEGATIVE_INFINITY;
        double bestContext = 0;
        String letters = lettersOf(key.toString());
        double gate = Double.isNaN(settings.compoundWholeGate()) ? settings.evidenceGate() : settings.compoundWholeGate();
        for (PreparedCandidate c : candidates) {
            if (unknownObserved(c.ids(), 0, c.ids().length) || lettersOf(c.original()).equals(letters)) {
                continue; // "world-wide" -> "worldwide", "free-lance" -> "free lance": a spelling, not a spinner's word
            }
            double gain = evidence.gain(from, to, c, observedContext, observedPartial, observedIntrinsic, gate, 0);
            if (gain >= gate && gain > bestGain) {
                bestGain = gain;
                bestContext = evidence.lastContext();
                best = c;
            }
        }
        if (best == null) {
            return null;
        }
        double weight = settings.compoundWholeLogOdds() + best.candidate().logChannel() - arcModel.trainingPriorLogOdds()
                + settings.arcBias() - settings.lmWeight() * LN10 * bestContext;
        return new Arc(from, to, best.ids(), weight, best, 0, new Evidence.Gain(bestGain, bestContext, false));
    }

    /** The letters of a term without its hyphens and spaces, lower case. */
    private static String lettersOf(String term) {
        StringBuilder sb = new StringBuilder(term.length());
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c != '-' && c != ' ') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /**
     * The first {@code candidatePool} of a span's candidates by prior: what insertions and compounds
     * read (the table keeps more when the evidence pool is chosen in context).
     */
    private PreparedCandidate[] byPrior(PreparedCandidate[] candidates) {
        return candidates.length <= settings.candidatePool() ? candidates
                : java.util.Arrays.copyOf(candidates, settings.candidatePool());
    }

    /** Next reading in odometer order; false after the last (the all-kept reading is skipped: it starts). */
    private static boolean advance(int[] choice, PreparedCandidate[][] options) {
        for (int k = choice.length - 1; k >= 0; k--) {
            if (choice[k] < options[k].length) {
                choice[k]++;
                return true;
            }
            choice[k] = 0;
        }
        return false;
    }

    /** The one-word candidates of a compound part (a part restored to a phrase would not stay a compound). */
    private static PreparedCandidate[] singleWords(PreparedCandidate[] candidates) {
        int count = 0;
        for (PreparedCandidate c : candidates) {
            count += c.ids().length == 1 ? 1 : 0;
        }
        if (count == candidates.length) {
            return candidates;
        }
        PreparedCandidate[] out = new PreparedCandidate[count];
        int k = 0;
        for (PreparedCandidate c : candidates) {
            if (c.ids().length == 1) {
                out[k++] = c;
            }
        }
        return out;
    }

    /**
     * log10 P(w1..wn) - sum of log10 P(wi): how much likelier the words are together than apart;
     * high only when the LM stores them as an n-gram ("face to face").
     */
    private double cohesion(int[] words) {
        double apart = 0;
        for (int id : words) {
            lm.emptyContext(unigramState);
            apart += lm.score(unigramState, id, unigramState);
        }
        return together(words) - apart;
    }

    /**
     * Whether candidate {@code c} of a name span makes, with the title-case words right before and after
     * the span, a name the LM stores: its words at least {@link #KNOWN_NAME_COHESION} likelier together
     * than apart ("Protection Council" -> "Security Council"). A broken name is restored to a known
     * one; a reading that is no stored name ("Permanent Mission" -> "Permanent Responsibility") is left out.
     */
    private boolean makesKnownName(SentenceWords w, int[] ids, int i, int j, PreparedCandidate c) {
        int from = i > 0 && !w.breakBefore[i] && w.titleLike(i - 1) ? i - 1 : i;
        int to = j < w.size() && !w.breakBefore[j] && w.titleLike(j) ? j + 1 : j;
        int[] cand = c.ids();
        int[] run = new int[(i - from) + cand.length + (to - j)];
        System.arraycopy(ids, from, run, 0, i - from);
        System.arraycopy(cand, 0, run, i - from, cand.length);
        System.arraycopy(ids, j, run, i - from + cand.length, to - j);
        if (run.length < 2 || cohesion(run) < KNOWN_NAME_COHESION) {
            return run.length < 2;
        }
        if (!names.isKnown()) {
            return true;
        }
        String[] words = new String[run.length];
        for (int k = 0; k < run.length; k++) {
            words[k] = vocabulary.word(run[k]);
        }
        return names.joinsAName(words, i - from, i - from + cand.length);
    }

    /** log10 P(word) from an empty context. */
    private float unigramLog10(int word) {
        lm.emptyContext(unigramState);
        return lm.score(unigramState, word, unigramState);
    }

    /**
     * {@link #together} of a sequence of readings of the same length, each from the first word
     * that differs from the previous reading's: the LM states after each prefix are kept, and the
     * sums are the same doubles, added in the same order.
     */
    private final class JointScore {
        private final LmState[] after;
        private final double[] sum;
        private final int[] words;
        private int valid;

        JointScore(int length) {
            after = new LmState[length + 1];
            for (int k = 0; k <= length; k++) {
                after[k] = lm.newState();
            }
            lm.emptyContext(after[0]);
            sum = new double[length + 1];
            words = new int[length];
        }

        double together(int[] reading) {
            int k = 0;
            while (k < valid && words[k] == reading[k]) {
                k++;
            }
            for (; k < words.length; k++) {
                sum[k + 1] = sum[k] + lm.score(after[k], reading[k], after[k + 1]);
                words[k] = reading[k];
            }
            valid = words.length;
            return sum[words.length];
        }
    }

    /** log10 P(w1..wn) scored from an empty context. */
    private double together(int[] words) {
        lm.emptyContext(cohesionState);
        double together = 0;
        for (int id : words) {
            together += lm.score(cohesionState, id, cohesionState);
        }
        return together;
    }

    private static PreparedCandidate linked(PreparedCandidate[] candidates, String original) {
        for (PreparedCandidate c : candidates) {
            if (c.original().equals(original)) {
                return c;
            }
        }
        return null;
    }

    /** log10 P(Y | X and) - log10 P(Y) for "X and Y" at {@code i}: how fixed the pair is. */
    private float cohesion(int[] ids, int i) {
        lm.emptyContext(cohesionState);
        lm.score(cohesionState, ids[i], cohesionState);
        lm.score(cohesionState, ids[i + 1], cohesionState);
        float paired = lm.score(cohesionState, ids[i + 2], cohesionState);
        lm.emptyContext(unigramState);
        return paired - lm.score(unigramState, ids[i + 2], unigramState);
    }

    /** How a span may be read. */
    enum SpanKind {
        /** An ordinary lower-case span (or one that starts the sentence). */
        PLAIN,
        /** Capitalised words next to another capitalised word: maybe a broken name. */
        NAME,
        /** An acronym, a lone capitalised word, mixed capitalisation: never a candidate. */
        NEVER
    }

    /** The observed words of one sentence with what the lattice needs to know about them. */
    static final class SentenceWords {
        final int[] tokenIndex;
        final String[] normal;
        final String[] surface;
        final Normalizer.Casing[] casing;
        /** True when punctuation stands between word i-1 and word i. */
        final boolean[] breakBefore;
        /** True when a hyphen joins word i to word i-1 as parts of one compound ("face-to-face"). */
        final boolean[] joinedBefore;
        int eligible;
        /**
         * Which words some span with candidates of {@link #lexiconEligibleTable} covers (the eligibility a lattice pass
         * over every span gives its keep arcs before insertions, compounds and terms), or null: no such pass yet.
         * A deepening that tests a few spans takes the others' from here (branch {@code deep22}).
         */
        boolean[] lexiconEligible;
        CandidateTable lexiconEligibleTable;
        /** Joined spans of 2..{@value #CACHED_SPAN_WORDS} words, by (from, length); made on first use. */
        private String[] spans;
        /** The candidates of spans of 1..{@value #CACHED_SPAN_WORDS} words, by (from, length), for the refine pass. */
        private PreparedCandidate[][] candidates;
        /** The table whose lists {@link #candidates} caches (the first one asked). */
        private CandidateTable cachedTable;
        private int[] ids;
        /** Per word, whether a span starting there may have candidates ({@link #mayStartSpan}): 0 = not asked yet. */
        private byte[] startsSpan;
        private static final byte STARTS = 1;
        private static final byte STARTS_NONE = 2;
        private static final int CACHED_SPAN_WORDS = 4;

        private SentenceWords(int n) {
            tokenIndex = new int[n];
            normal = new String[n];
            surface = new String[n];
            casing = new Normalizer.Casing[n];
            breakBefore = new boolean[n];
            joinedBefore = new boolean[n];
        }

        static SentenceWords of(List<Token> tokens, Sentence s) {
            int n = 0;
            for (int t = s.firstToken(); t < s.endToken(); t++) {
                TokenType type = tokens.get(t).type();
                if (type == TokenType.WORD || type == TokenType.NUMBER) {
                    n++;
                }
            }
            SentenceWords w = new SentenceWords(n);
            int k = 0;
            boolean punct = false;
            boolean joiner = false;
            for (int t = s.firstToken(); t < s.endToken(); t++) {
                Token tok = tokens.get(t);
                if (tok.type() == TokenType.PUNCT) {
                    punct = true;
                } else if (tok.type() == TokenType.JOINER) {
                    joiner = true;
                } else if (tok.type() == TokenType.WORD || tok.type() == TokenType.NUMBER) {
                    w.tokenIndex[k] = t;
                    w.normal[k] = tok.normal();
                    w.surface[k] = tok.text();
                    w.casing[k] = Normalizer.casing(tok.text());
                    w.breakBefore[k] = punct && k > 0;
                    w.joinedBefore[k] = joiner && !punct && k > 0;
                    punct = false;
                    joiner = false;
                    k++;
                }
            }
            return w;
        }

        int size() {
            return normal.length;
        }

        /** The LM ids of the words (computed once: the refine pass reads them again). */
        int[] ids(Vocabulary vocabulary) {
            if (ids == null) {
                ids = new int[normal.length];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = vocabulary.id(normal[i]);
                }
            }
            return ids;
        }

        /**
         * Whether {@code table} lists candidates for the span {@code from..to}: read in the lists cached for the
         * sentence's first table where that one lists the same spans ({@link CandidateTable#listsSameSpans}: the
         * same lists cut at another length), else in {@code table}'s.
         */
        boolean hasCandidates(int from, int to, CandidateTable table) {
            CandidateTable first = cachedTable != null && cachedTable.listsSameSpans(table) ? cachedTable : table;
            return candidates(from, to, first).length > 0;
        }

        /** The table's candidates for the span {@code from..to} (looked up once: the refine pass asks again). */
        PreparedCandidate[] candidates(int from, int to, CandidateTable table) {
            int length = to - from;
            if (length > 1 && !mayStartSpan(from, table)) {
                return CandidateTable.NONE; // no key starts with these two words (nothing joined, no probe)
            }
            if (cachedTable == null) {
                cachedTable = table;
            }
            if (length > CACHED_SPAN_WORDS || table != cachedTable) {
                // another table (a deepening's longer lists, Detector.DEEP_READINGS) is not this cache's
                return length == 1 && ids != null ? table.candidates(normal[from], ids[from]) : table.candidates(span(from, to));
            }
            if (candidates == null) {
                candidates = new PreparedCandidate[normal.length * CACHED_SPAN_WORDS][];
            }
            int k = from * CACHED_SPAN_WORDS + length - 1;
            PreparedCandidate[] c = candidates[k];
            if (c == null) {
                // one word: by its LM id (the lattice computed the ids before asking)
                c = length == 1 && ids != null ? table.candidates(normal[from], ids[from]) : table.candidates(span(from, to));
                candidates[k] = c;
            }
            return c;
        }

        /**
         * {@link CandidateTable#mayStartSpan} of words {@code from, from + 1}: asked once a sentence and start (not once
         * per span length) of the first table and of those that list the same spans (the same lexicon), of any other
         * table every time.
         */
        private boolean mayStartSpan(int from, CandidateTable table) {
            CandidateTable first = cachedTable != null ? cachedTable : table;
            if (table != first && !first.listsSameSpans(table)) {
                return table.mayStartSpan(normal[from], normal[from + 1]);
            }
            if (startsSpan == null) {
                startsSpan = new byte[normal.length];
            }
            byte known = startsSpan[from];
            if (known == 0) {
                known = first.mayStartSpan(normal[from], normal[from + 1]) ? STARTS : STARTS_NONE;
                startsSpan[from] = known;
            }
            return known == STARTS;
        }

        /**
         * The normalised words {@code from..to} joined by single spaces; the same String object on
         * every call (the lattice, the refine pass and the term matcher look the same spans up in
         * their caches, and a String computes its hash once).
         */
        String span(int from, int to) {
            int length = to - from;
            if (length == 1) {
                return normal[from];
            }
            if (length > CACHED_SPAN_WORDS) {
                return String.join(" ", java.util.Arrays.asList(normal).subList(from, to));
            }
            if (spans == null) {
                spans = new String[normal.length * CACHED_SPAN_WORDS];
            }
            int k = from * CACHED_SPAN_WORDS + length - 1;
            String s = spans[k];
            if (s == null) {
                s = span(from, to - 1) + ' ' + normal[to - 1];
                spans[k] = s;
            }
            return s;
        }

        private boolean capitalised(int i) {
            return i > 0 && casing[i] == Normalizer.Casing.TITLE;
        }

        private boolean titleLike(int i) {
            return i >= 0 && i < normal.length && casing[i] == Normalizer.Casing.TITLE;
        }

        private boolean acronym(int i) {
            return casing[i] == Normalizer.Casing.UPPER;
        }

        SpanKind kind(int from, int to) {
            int caps = 0;
            for (int i = from; i < to; i++) {
                if (acronym(i)) {
                    return SpanKind.NEVER;
                }
                if (capitalised(i)) {
                    caps++;
                }
            }
            if (caps == 0) {
                return SpanKind.PLAIN;
            }
            int lower = (to - from) - caps - (from == 0 ? 1 : 0);
            if (lower > 0) {
                return SpanKind.NEVER;
            }
            boolean neighbour = (from > 0 && !breakBefore[from] && titleLike(from - 1))
                    || (to < normal.length && !breakBefore[to] && titleLike(to));
            return neighbour ? SpanKind.NAME : SpanKind.NEVER;
        }

        /** True when word i follows "a"/"an" that does not fit {@code reading}'s first word. */
        boolean articleMismatchBefore(int i, String reading) {
            if (i == 0 || breakBefore[i]) {
                return false;
            }
            String article = normal[i - 1];
            if (!article.equals("a") && !article.equals("an")) {
                return false;
            }
            if (Artefacts.isAcronym(surface[i])) {
                return false;
            }
            int space = reading.indexOf(' ');
            return Artefacts.articleMismatch(article, space < 0 ? reading : reading.substring(0, space));
        }
    }
}
