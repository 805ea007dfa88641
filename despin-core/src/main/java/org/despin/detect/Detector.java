package org.despin.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.despin.lexicon.Candidate;
import org.despin.lexicon.TitleCaseNames;
import org.despin.model.Model;
import org.despin.text.Document;

/**
 * Finds spun spans: document -> lattice -> decode -> findings -> report. Immutable and
 * thread-safe; one instance serves every thread (per-call state lives in the builder made for
 * each call and in a decoder taken from a pool for the call; the shared mutable parts are the
 * concurrent candidate caches and that pool).
 *
 * <pre>{@code
 * Detector detector = new Detector(model);
 * Report report = detector.check("The Protection Council met on Tuesday.", CheckOptions.DEFAULTS);
 * }</pre>
 */
public final class Detector {
    private final Model model;
    private final DetectorSettings settings;
    private final CandidateTable candidates;
    private final TermCandidates terms;
    /** The routing score: what the decode reads (the finding models' feature, the spun boost, the widening). */
    private final DocumentScorer routingScorer;
    /** The verdict score: the report's spinScore and verdict, read by nothing in the decode ({@link VerdictScore}). */
    private final VerdictScore verdictScore;
    private final DocumentScorer verdictScorer;
    /** The observed words' summaries' caches shared by this detector's documents, where the verdict score reads them. */
    private final VerdictForms.Shared verdictForms;
    /** The observed spans' own forms shared by this detector's documents, where a finding model reads them. */
    private final ObservedForms.Shared observedForms = new ObservedForms.Shared();
    private final Decoder.Pool decoders;
    /**
     * Idle lattice builders: a builder's LM states (the sentence prefixes of its evidence, dozens
     * of them) and arrays are made once per thread instead of once per call.
     */
    private final ConcurrentLinkedQueue<LatticeBuilder> builders = new ConcurrentLinkedQueue<>();
    private static final int IDLE_BUILDERS = 2 * Runtime.getRuntime().availableProcessors();
    /**
     * The settings of the lattice builders that widen the lattices of a document called spun (their gate
     * and context pool), and the idle ones of those builders; both null when the settings do not widen.
     */
    /** Word pairs seen written as names, or {@link TitleCaseNames#UNKNOWN}. */
    private final TitleCaseNames names;
    private final DetectorSettings spunSettings;
    private final ConcurrentLinkedQueue<LatticeBuilder> spunBuilders;
    /** The same for a document not called spun ({@code unspunEvidenceGate}); both null when it is NaN. */
    private final DetectorSettings unspunSettings;
    private final ConcurrentLinkedQueue<LatticeBuilder> unspunBuilders;
    /**
     * Whether the readings of a span the finding model flags are chosen among more candidates (branch {@code exact21}):
     * the span's lattice deepened at the flagged spans with a context pool of {@link #DEEP_POOL} among the first
     * {@link #DEEP_REACH} candidates by prior, at {@link #DEEP_GATE}, and decoded again; the decision (which spans,
     * what confidence) stays the first lattices', only the suggestion is the reading choice's among the deeper readings.
     */
    static final boolean DEEP_READINGS = true;
    static final int DEEP_POOL = 32;
    static final int DEEP_REACH = 128;
    /** The deepening admits at most this many more readings per span (as a lattice does, maxCandidatesPerSpan). */
    static final int DEEP_PER_SPAN = 4;
    /**
     * The deepening's evidence gate, in every document (branch {@code choice27}; before it the document's own: 0 in a
     * document called spun, {@code evidenceGate} elsewhere): the span is already flagged, so a reading whose evidence
     * falls short of the observed words by up to one order of magnitude may still be the best restoration of the
     * words the decision says are spun, and the reading choice sees it (exact +0.1 point on each held-out set; -2
     * the same, a deeper pool or more readings a span no better).
     */
    static final double DEEP_GATE = -1;
    /** Whether the deepening reads the context the decode restored (else the observed words). */
    static final boolean DEEP_IN_RESTORED_CONTEXT = true;
    /**
     * The candidate lists to {@link #DEEP_REACH}, and the idle builders of the deepening (in documents called spun and
     * the others; the same gate since branch {@code choice27}).
     */
    private final CandidateTable deepCandidates;
    private final DetectorSettings deepSpunSettings;
    private final DetectorSettings deepUnspunSettings;
    private final ConcurrentLinkedQueue<LatticeBuilder> deepSpunBuilders = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<LatticeBuilder> deepUnspunBuilders = new ConcurrentLinkedQueue<>();

    /** With the model's default settings ({@link DetectorSettings#defaultsFor}). */
    public Detector(Model model) {
        this(model, DetectorSettings.defaultsFor(model));
    }

    /** With the given settings and the model's names list ({@link Model#names}; none: every pair may be a name). */
    public Detector(Model model, DetectorSettings settings) {
        this(model, settings, model.names());
    }

    /**
     * With other word pairs seen written as names than the model's (a title-case span is restored only to
     * one of those, see "Names"; for tests and the evaluation's {@code -DtitleNames}).
     */
    Detector(Model model, DetectorSettings settings, TitleCaseNames names) {
        this.model = model;
        this.names = names;
        this.settings = settings;
        this.candidates = new CandidateTable(model.lexicon(), model.lm(), settings);
        this.terms = new TermCandidates(model.terms(), model.lexicon(), model.lm());
        this.routingScorer = new DocumentScorer(settings.score());
        this.verdictScore = settings.verdictScoreOrRouting();
        this.verdictScorer = new DocumentScorer(verdictScore.coefficients());
        this.verdictForms = verdictScore.readsForms() ? new VerdictForms.Shared(model.lm(), model.lexicon()) : null;
        this.decoders = new Decoder.Pool(model.lm(), settings.beamWidth(), settings.lmWeight());
        this.spunSettings = widenSettings(settings, settings.spunEvidenceGate());
        this.spunBuilders = spunSettings != null ? new ConcurrentLinkedQueue<>() : null;
        this.unspunSettings = widenSettings(settings, settings.unspunEvidenceGate());
        this.unspunBuilders = unspunSettings != null ? new ConcurrentLinkedQueue<>() : null;
        DetectorSettings deep = settings.with().contextPool(DEEP_POOL).contextReach(Math.max(DEEP_REACH, settings.contextReach()))
                .maxCandidatesPerSpan(DEEP_PER_SPAN).build();
        this.deepSpunSettings = deep.with().evidenceGate(DEEP_GATE).build();
        this.deepUnspunSettings = deepSpunSettings;
        this.deepCandidates = DEEP_READINGS && settings.contextPool() > 0 ? new CandidateTable(model.lexicon(), model.lm(), deep, candidates) : null;
    }

    /** The language model (for the evaluation's tools). */
    org.despin.lm.LanguageModel lm() {
        return model.lm();
    }

    /** The lexicon (for the evaluation's tools). */
    org.despin.lexicon.Lexicon lexicon() {
        return model.lexicon();
    }

    /** The phrase-level term candidates (for the evaluation's diagnostics). */
    TermCandidates termCandidates() {
        return terms;
    }

    public Report check(String text, CheckOptions options) {
        return trace(text, options, false).report();
    }

    /**
     * A report with the features its score came from (for fitting and evaluating the scorer), and in a widened document
     * the widened decode's evidence besides (two more passes over its candidate findings, which {@link #check} skips).
     */
    public Analysis analyse(String text, CheckOptions options) {
        Trace t = trace(text, options, true);
        return new Analysis(t.report(), t.features(), t.widened());
    }

    /**
     * Everything the report came from: the lattices, the final decode (for the evaluation's error analysis), and the
     * routing score the decode read (the report's {@code spinScore} is the verdict score's).
     */
    record Trace(Report report, double routingScore, DocumentFeatures features, Document doc, List<Lattice> lattices,
            SpinRateEstimator.Estimate estimate, List<Lattice> readingLattices, List<Decoder.Decoded> readingDecodings,
            WidenedEvidence widened) {
    }

    /** The findings, and the lattices and decodes their word readings were chosen in ({@link #DEEP_READINGS}). */
    private record Readings(List<Finding> findings, List<Lattice> lattices, List<Decoder.Decoded> decodings) {
    }

    Trace trace(String text, CheckOptions options) {
        return trace(text, options, true);
    }

    private Trace trace(String text, CheckOptions options, boolean withWidenedEvidence) {
        Document doc = Document.parse(text);
        LatticeBuilder builder = builders.poll();
        if (builder == null) {
            builder = new LatticeBuilder(model.lm(), candidates, terms, names, settings);
        }
        // a document that may be widened keeps the first pass's near misses: the widening then reads them
        // instead of testing again where the context it reads is the observed one
        LatticeBuilder.Result lattices = builder.build(doc, mayWiden(doc) || mayWidenUnspun(doc));
        Decoder decoder = decoders.take();
        SpinRateEstimator rateEstimator = new SpinRateEstimator(settings);
        SpinRateEstimator.Estimate estimate = rateEstimator.estimate(lattices, options.spinRatePrior(), decoder);
        if (settings.restoredContextPass()) {
            LatticeBuilder.Result refined = refine(builder, lattices, estimate);
            if (refined != lattices) {
                inherit(decoder, lattices, refined);
                lattices = refined;
                estimate = rateEstimator.decodeAgain(lattices.lattices(), estimate, decoder);
            }
        }
        // the document's own words over the first decode: the score's finding-model probabilities read them, and the
        // decision of a document neither widened nor boosted reads them over the same lattices and decodes
        DocumentWords firstWords = DocumentWords.of(doc, lattices.lattices(), estimate.decodings());
        List<Lattice> firstLattices = lattices.lattices();
        List<Decoder.Decoded> firstDecodings = estimate.decodings();
        DocumentFeatures features = features(doc, lattices, estimate, firstWords, withWidenedEvidence);
        // the routing score steers the decode below; the verdict score (the report's) is read only at the end
        double routingScore = routingScorer.score(features);
        // the boosted decode at the routing score's spunThreshold for every length; the verdict reads its own thresholds
        // and short documents' bands (VerdictScore): in short spun text the boost's restorations are worth its few
        // clean flags (docs/detector.md "Short documents' spun threshold by length")
        boolean boost = settings.spunBoost() != 0 && routingScore >= settings.spunThreshold();
        boolean uncertainWidened = false;
        if (boost) {
            // widened only where the spun finding model decides: it weighs the readings with little
            // evidence, the posteriors of a short document would take them as they come
            if (mayWiden(doc)) {
                LatticeBuilder.Result wide = widen(doc, lattices, estimate, spunSettings, spunBuilders);
                inherit(decoder, lattices, wide);
                lattices = wide;
            }
            estimate = rateEstimator.decodeAgain(lattices.lattices(), boosted(estimate), decoder);
        } else if (mayWidenUnspun(doc) && settings.widensUncertain(routingScore)) {
            // the same widening where the unspun finding model decides (it too has the gain in view), at the
            // unboosted rate, in a document scored at least uncertainFloor (default build: 0.65, near the spun
            // threshold; NaN: cleanThreshold, below which it changed no finding of the held-out sets and cost a
            // quarter of the widening's time)
            // (at the same rate: a sentence the widening left as it was keeps its decode)
            LatticeBuilder.Result wide = widen(doc, lattices, estimate, unspunSettings, unspunBuilders);
            inherit(decoder, lattices, wide);
            // uncertainBoost: the widened lattices decoded at a boosted rate, as in a document called spun
            estimate = settings.uncertainBoost() != 0
                    ? rateEstimator.decodeAgain(wide.lattices(), boosted(estimate, settings.uncertainBoost()), decoder)
                    : rateEstimator.decodeChanged(lattices.lattices(), wide.lattices(), estimate, decoder);
            lattices = wide;
            uncertainWidened = true;
        }
        if (builders.size() < IDLE_BUILDERS) {
            builders.offer(builder);
        }
        // a finding model decides in documents long enough for their score and rate to mean something:
        // the one fitted on boosted decodes in a document called spun, the other one elsewhere
        // (a short one the boost leaves by a model fitted on short texts, if the settings have one: in a
        // sentence the re-estimated rate is the prior's, which the long-text model would take for spin)
        boolean isShort = !FindingModel.decidesIn(doc.wordCount());
        // the report's score and verdict: the verdict score of the same features, which nothing above read; the spun
        // finding model reads it as its spinScore where the settings say so (spunReadsVerdict, branch spun29)
        // (the observed words' production and links summed over the document only where the verdict score weighs them)
        double verdictSpinScore = verdictForms != null
                ? verdictScore.score(features, new VerdictForms(verdictForms).summarise(doc), doc.wordCount())
                : verdictScorer.score(features);
        // (a widened document called neither spun nor clean by uncertainFindingModel, if the settings have one)
        // (in a document called spun, at a threshold raised near the spun threshold where the settings say so:
        // spunNearThreshold, and only where the verdict score is below spunNearVerdict; branch band29)
        FindingModel decision = boost ? (isShort ? null : settings.spunFindingModelAt(routingScore, verdictSpinScore))
                : isShort ? settings.shortFindingModel()
                : uncertainWidened && settings.uncertainFindingModel() != null ? settings.uncertainFindingModel()
                : settings.findingModelFor(doc.wordCount());
        double decisionScore = boost && settings.spunReadsVerdict() ? verdictSpinScore : routingScore;
        // the stored orders cost LM calls per candidate: read only by a model that weighs them (neither default does)
        FindingBuilder findingBuilder = new FindingBuilder(doc, estimate, decision, decisionScore, settings.termSpanDecision(),
                decision != null && decision.readsStoredOrder() ? model.lm() : null, this::linked)
                .knowingWords(firstLattices, firstDecodings, firstWords)
                .withoutVariants(settings.variantFilter(),
                        settings.variantFilter() >= 3 ? SpellingVariety.of(doc, this::linked) : null)
                // the observed words' own forms cost lexicon and LM look-ups per candidate: only for a model that reads them
                .withForms(decision != null && decision.readsObservedForms() ? new ObservedForms(model.lm(), model.lexicon(), observedForms) : null);
        // a minimum above the default's filters the default's findings: deciding at it would change the decision
        // itself (the finding model reads the document's decided restorations, and a word reading it flags is
        // preferred to a term arc over it), so --min-confidence 0.7 could report a span the default call leaves out
        // or reports less sure (branch fuzz24)
        double decideAt = Math.min(options.minConfidence(), CheckOptions.DEFAULTS.minConfidence());
        Readings readings = decision != null && deepCandidates != null
                ? deepFindings(findingBuilder, doc, lattices, estimate, decideAt, boost, decoder, rateEstimator)
                : new Readings(findingBuilder.findings(lattices.lattices(), decideAt), lattices.lattices(),
                        estimate.decodings());
        decoders.giveBack(decoder);
        List<Finding> findings = readings.findings();
        if (options.minConfidence() > decideAt) {
            findings = findings.stream().filter(f -> f.confidence() >= options.minConfidence()).toList();
        }
        Verdict verdict = verdictScore.verdict(verdictSpinScore, doc.wordCount());
        // what the widened decode says (a document of the uncertain band, or one called spun and widened), for the
        // evaluation's dumps only: as a second stage of the score it ranked the band no better than the first score
        // (docs/detector.md, "A second stage of the document score", branch docscore25)
        boolean spunWidened = boost && mayWiden(doc);
        WidenedEvidence widened = withWidenedEvidence && (uncertainWidened || spunWidened)
                ? widenedEvidence(doc, lattices.lattices(), estimate, decision, routingScore, findings, spunWidened ? 2 : 1,
                        firstLattices, firstDecodings, firstWords)
                : WidenedEvidence.NONE;
        Report report = new Report(verdict, verdictSpinScore, doc.wordCount(), findings, restore(text, findings));
        return new Trace(report, routingScore, features, doc, lattices.lattices(), estimate, readings.lattices(), readings.decodings(),
                widened);
    }

    /**
     * The findings with each span the finding model flags read among more candidates ({@link #DEEP_READINGS}): the
     * lattices deepened at those spans (in the context the decode restored), decoded again at the same rate, and
     * the reading choice's suggestion taken among the deeper readings.
     */
    private Readings deepFindings(FindingBuilder findingBuilder, Document doc, LatticeBuilder.Result lattices,
            SpinRateEstimator.Estimate estimate, double minConfidence, boolean boost, Decoder decoder,
            SpinRateEstimator rateEstimator) {
        List<Set<Long>> spans = findingBuilder.decidedSpans(lattices.lattices(), minConfidence);
        ConcurrentLinkedQueue<LatticeBuilder> idle = boost ? deepSpunBuilders : deepUnspunBuilders;
        LatticeBuilder builder = null;
        List<Lattice> deep = new ArrayList<>(spans.size());
        boolean changed = false;
        for (int l = 0; l < spans.size(); l++) {
            Lattice lattice = lattices.lattices().get(l);
            if (spans.get(l).isEmpty()) {
                deep.add(lattice);
                continue;
            }
            if (builder == null) {
                builder = idle.poll();
                if (builder == null) {
                    builder = new LatticeBuilder(model.lm(), deepCandidates, terms, names, boost ? deepSpunSettings : deepUnspunSettings);
                }
            }
            int[] context = DEEP_IN_RESTORED_CONTEXT ? lattice.restoredContext(estimate.decodings().get(l).best()) : null;
            Lattice deeper = builder.deepen(lattice, context, spans.get(l), lattices.technical());
            if (deeper != lattice) {
                decoder.inherit(deeper, lattice);
                changed = true;
            }
            deep.add(deeper);
        }
        if (builder != null && idle.size() < IDLE_BUILDERS) {
            idle.offer(builder);
        }
        if (!changed) {
            return new Readings(findingBuilder.findings(lattices.lattices(), minConfidence), lattices.lattices(),
                    estimate.decodings());
        }
        SpinRateEstimator.Estimate again = rateEstimator.decodeChanged(lattices.lattices(), deep, estimate, decoder);
        return new Readings(findingBuilder.findings(lattices.lattices(), minConfidence, deep, again.decodings()), deep,
                again.decodings());
    }

    /** Whether the lexicon lists {@code original} among the candidates of {@code observed}. */
    private boolean linked(String observed, String original) {
        for (Candidate c : model.lexicon().candidates(observed)) {
            if (c.original().equals(original)) {
                return true;
            }
        }
        return false;
    }

    /** The settings of the lattice builders of a widening with this gate, or null when the gate is NaN (no widening). */
    private static DetectorSettings widenSettings(DetectorSettings settings, double gate) {
        return Double.isNaN(gate) ? null
                : settings.with().evidenceGate(gate).contextPool(settings.widenContextPool()).build();
    }

    /** Whether the lattices of this document are widened if it is called spun. */
    private boolean mayWiden(Document doc) {
        return spunBuilders != null && settings.spunBoost() != 0 && settings.spunFindingModel() != null
                && FindingModel.decidesIn(doc.wordCount());
    }

    /** Whether the lattices of this document are widened if it is called neither spun nor clean. */
    private boolean mayWidenUnspun(Document doc) {
        return unspunBuilders != null && settings.findingModel() != null && FindingModel.decidesIn(doc.wordCount());
    }

    /**
     * The estimate with the spin rate's odds raised by {@code spunBoost} nats: for a one-word span
     * the same as adding the boost to every substitution's log-odds. The document score said the
     * text is spun as a whole; the rate re-estimated from its confident restorations alone lags
     * behind (a spun text's uncovered and doubtful edits do not raise it).
     */
    private SpinRateEstimator.Estimate boosted(SpinRateEstimator.Estimate estimate) {
        return boosted(estimate, settings.spunBoost());
    }

    /** The estimate with the spin rate's odds raised by {@code boost} nats. */
    private static SpinRateEstimator.Estimate boosted(SpinRateEstimator.Estimate estimate, double boost) {
        double r = estimate.rate();
        double rate = 1 / (1 + Math.exp(-(Math.log(r / (1 - r)) + boost)));
        return new SpinRateEstimator.Estimate(rate, estimate.expectedSubstitutions(), estimate.decodings(),
                estimate.variants());
    }

    /**
     * Whether a widening reads the evidence in the context the last decode restored (true, branches {@code spungate}
     * to {@code speed7}) or in the observed one (false, since branch {@code speed8}): there it reads the first pass's
     * near misses ({@link NearMisses}) and makes LM calls only for the spans the first pass gave up on early. The
     * restored context gave the held-out sets and the bundled example the same figures (F1 within 0.001, the example
     * the same 38 / 5 / 23) at a third lattice pass over every sentence of a document called spun (spun text ~1.04x
     * faster without it; docs/detector.md "Speed without the restored context's widening").
     */
    static final boolean WIDEN_IN_RESTORED_CONTEXT = false;

    /**
     * The lattices of a document called spun widened with the settings' {@code spunEvidenceGate} (and
     * {@code spunContextPool}), read in the observed context (or the one the last decode restored, see
     * {@link #WIDEN_IN_RESTORED_CONTEXT}): in a text spun as a whole an original with little evidence is likelier
     * right than in the others, and the spun finding model, which has the gain in view, weighs it.
     */
    private LatticeBuilder.Result widen(Document doc, LatticeBuilder.Result lattices, SpinRateEstimator.Estimate estimate,
            DetectorSettings wideSettings, ConcurrentLinkedQueue<LatticeBuilder> idle) {
        LatticeBuilder builder = idle.poll();
        if (builder == null) {
            builder = new LatticeBuilder(model.lm(), candidates, terms, names, wideSettings);
        }
        LatticeBuilder.Result wide = builder.widen(doc, lattices, widenContexts(lattices.lattices(), estimate));
        if (idle.size() < IDLE_BUILDERS) {
            idle.offer(builder);
        }
        return wide;
    }

    /**
     * The context a widening reads per lattice ({@link LatticeBuilder#widen}): null, the observed words, for every
     * one (or, with {@link #WIDEN_IN_RESTORED_CONTEXT}, the words the estimate's decode restored).
     */
    static List<int[]> widenContexts(List<Lattice> lattices, SpinRateEstimator.Estimate estimate) {
        List<int[]> contexts = new ArrayList<>(lattices.size());
        for (int l = 0; l < lattices.size(); l++) {
            contexts.add(WIDEN_IN_RESTORED_CONTEXT ? lattices.get(l).restoredContext(estimate.decodings().get(l).best()) : null);
        }
        return contexts;
    }

    /**
     * Lets each rebuilt lattice start from the LM transitions its sentence's previous lattice met in the
     * decodes so far (see {@link Decoder#inherit}); the lattices are in sentence order, and a sentence may
     * have a lattice only after.
     */
    private static void inherit(Decoder decoder, LatticeBuilder.Result before, LatticeBuilder.Result after) {
        List<Lattice> old = before.lattices();
        int k = 0;
        for (Lattice rebuilt : after.lattices()) {
            while (k < old.size() && old.get(k).tokenIndex[0] < rebuilt.tokenIndex[0]) {
                k++;
            }
            if (k < old.size() && old.get(k).tokenIndex[0] == rebuilt.tokenIndex[0]) {
                decoder.inherit(rebuilt, old.get(k));
            }
        }
    }

    /** Second look at the evidence, in the context the first decode restored (see {@link LatticeBuilder#refine}). */
    private static LatticeBuilder.Result refine(LatticeBuilder builder, LatticeBuilder.Result lattices,
            SpinRateEstimator.Estimate estimate) {
        List<Lattice> out = new ArrayList<>(lattices.lattices().size());
        boolean changed = false;
        for (int l = 0; l < lattices.lattices().size(); l++) {
            Lattice lattice = lattices.lattices().get(l);
            int[] context = lattice.restoredContext(estimate.decodings().get(l).best());
            Lattice refined = context == null ? lattice : builder.refine(lattice, context);
            changed |= refined != lattice;
            out.add(refined);
        }
        return changed ? new LatticeBuilder.Result(out, lattices.eligibleWords(), lattices.technical(),
                lattices.register()) : lattices;
    }

    /** A report and the document features behind its spin score (the first pass's and the widened decode's). */
    public record Analysis(Report report, DocumentFeatures features, WidenedEvidence widened) {
    }

    /**
     * The widened decode's evidence (branch {@code docscore25}): its candidates' finding-model probabilities read as
     * {@link #topFindingProbability} reads the first decode's, the deciding model's, the findings reported, the rate.
     */
    private WidenedEvidence widenedEvidence(Document doc, List<Lattice> lattices, SpinRateEstimator.Estimate estimate,
            FindingModel decision, double spinScore, List<Finding> findings, int kind, List<Lattice> firstLattices,
            List<Decoder.Decoded> firstDecodings, DocumentWords firstWords) {
        FindingModel model = settings.findingModel() != null ? settings.findingModel() : FindingModel.DEFAULTS;
        int read = (int) Math.max(1, Math.round(doc.wordCount() / WORDS_PER_TOP_FINDING));
        SpinRateEstimator.Estimate reference = new SpinRateEstimator.Estimate(REFERENCE_RATE,
                estimate.expectedSubstitutions(), estimate.decodings(), estimate.variants());
        double[] wide = new FindingBuilder(doc, reference, null, 0.5)
                .knowingWords(firstLattices, firstDecodings, firstWords).candidates(lattices).stream()
                .mapToDouble(c -> model.linearProbability(c.features())).sorted().toArray();
        double[] decided = decision == null ? new double[0]
                : new FindingBuilder(doc, estimate, null, spinScore)
                        .knowingWords(firstLattices, firstDecodings, firstWords).candidates(lattices).stream()
                        .mapToDouble(c -> decision.linearProbability(c.features())).sorted().toArray();
        double per100 = doc.wordCount() == 0 ? 0 : 100.0 / doc.wordCount();
        double confidence = 0;
        for (Finding f : findings) {
            confidence += f.confidence();
        }
        return new WidenedEvidence(kind, topMean(wide, read), topMean(decided, read), findings.size() * per100,
                confidence * per100, estimate.rate(), estimate.variants().size());
    }

    /** The mean of the {@code read} highest of these sorted values (a missing one counts 0). */
    private static double topMean(double[] sorted, int read) {
        double sum = 0;
        for (int k = 1; k <= read && k <= sorted.length; k++) {
            sum += sorted[sorted.length - k];
        }
        return sum / read;
    }

    /**
     * The document's features; {@code topFindingProbabilityTrees} is read where the routing or the verdict score weighs
     * it or {@code study} asks for it (the evaluation's dumps), else 0.
     */
    private DocumentFeatures features(Document doc, LatticeBuilder.Result lattices,
            SpinRateEstimator.Estimate estimate, DocumentWords ownWords, boolean study) {
        int words = doc.wordCount();
        double confidence = 0;
        int names = 0;
        ArcSummary arcs = new ArcSummary();
        List<Lattice> ls = lattices.lattices();
        for (int l = 0; l < ls.size(); l++) {
            Lattice lattice = ls.get(l);
            Decoder.Decoded d = estimate.decodings().get(l);
            for (int a = 0; a < lattice.arcs.length; a++) {
                Arc arc = lattice.arcs[a];
                if (!arc.isKeep() && d.best()[a]) {
                    confidence += d.posterior()[a];
                    if (arc.isName() && d.posterior()[a] >= 0.5) {
                        names++;
                    }
                }
            }
            arcs.add(lattice, settings.arcModel());
        }
        double per100 = words == 0 ? 0 : 100.0 / words;
        // how far the register lies above the gate's threshold where the gate read the document as technical, else 0
        double aboveGate = lattices.technical() ? lattices.register() - settings.technicalRegister() : 0;
        TopFindings top = topFindingProbabilities(doc, ls, estimate, ownWords,
                study || settings.score().topFindingProbabilityTrees() != 0
                        || verdictScore.coefficients().topFindingProbabilityTrees() != 0, study, lattices.eligibleWords());
        return new DocumentFeatures(words, lattices.eligibleWords(), estimate.rate(),
                estimate.expectedSubstitutions(), confidence * per100, Artefacts.count(doc) * per100, names,
                estimate.variants().size(), arcs.positiveSpans * per100, arcs.expectedRestorations * per100,
                top.logistic(), lattices.register(), aboveGate, top.withTrees(), top.evidence() == CandidateEvidence.NONE
                        ? CandidateEvidence.NONE : top.evidence().withSpans(arcs.spans == 0 ? 0 : arcs.observedFit / arcs.spans,
                                arcs.misfit * per100, arcs.rare * per100, arcs.positiveGain * per100, arcs.gainAbove1 * per100),
                arcs.rare * per100);
    }

    /** The score reads the finding model's surest candidates, one per this many words (three in 100-139 words). */
    private static final double WORDS_PER_TOP_FINDING = 40;
    /**
     * The rate the score's finding-model probabilities are read at (the arc model's training prior,
     * rounded): the document's own rate is a feature of the score, and in a short text it is the
     * prior's, which the finding model would read as spin (see {@link FindingModel#MIN_WORDS}).
     */
    static final double REFERENCE_RATE = 0.05;

    /**
     * The mean of the highest probabilities the settings' finding model (its defaults when the
     * settings have none) gives the candidate findings of this decode, one per
     * {@value #WORDS_PER_TOP_FINDING} words (at least one; a missing candidate counts 0), read at
     * {@link #REFERENCE_RATE} and a neutral spin score of one half (the score is what it feeds). A
     * per-candidate decision, better calibrated than the decode's posteriors: a few sure
     * restorations tell a lightly spun text from a clean one better than sums over every span. The
     * number of candidates read grows with the text, so that a long clean text, which has more
     * chances of one confident false candidate, is not read as spun.
     *
     * <p>Returns that mean ({@code topFindingProbability}) and, if {@code withTrees}, the same mean over the same
     * candidates with the model's fitted trees (the settings' finding model's own, else {@link FindingModel#defaultsTrees};
     * since branch {@code deftrees28}: the verdict reads the trees that decide) added to its log-odds
     * ({@code topFindingProbabilityTrees}, branch {@code docscore25}), else 0 there; and if {@code withEvidence} (and
     * {@code withTrees}) the same candidates counted by span and level ({@link CandidateEvidence}), else its NONE.
     */
    private TopFindings topFindingProbabilities(Document doc, List<Lattice> lattices, SpinRateEstimator.Estimate estimate,
            DocumentWords words, boolean withTrees, boolean withEvidence, int eligibleWords) {
        FindingModel model = settings.findingModel() != null ? settings.findingModel() : FindingModel.DEFAULTS;
        FindingModel treeModel = !withTrees ? null
                : model.withTrees(model.trees() != null ? model.trees() : FindingModel.defaultsTrees());
        SpinRateEstimator.Estimate reference = new SpinRateEstimator.Estimate(REFERENCE_RATE,
                estimate.expectedSubstitutions(), estimate.decodings(), estimate.variants());
        int read = (int) Math.max(1, Math.round(doc.wordCount() / WORDS_PER_TOP_FINDING));
        // sorted, not kept in a running top list: a long text has as many candidates as it has words
        List<FindingBuilder.Candidate> candidates = new FindingBuilder(doc, reference, null, 0.5)
                .knowingWords(lattices, estimate.decodings(), words).candidates(lattices);
        double[] probabilities = candidates.stream().mapToDouble(c -> model.linearProbability(c.features())).sorted()
                .toArray(); // the score was fitted over the logistic part
        double[] withTreesToo = treeModel == null ? null : candidates.stream()
                .mapToDouble(c -> treeModel.probability(c.features())).sorted().toArray();
        CandidateEvidence evidence = treeModel != null && withEvidence
                ? candidateEvidence(doc.wordCount(), eligibleWords, lattices, candidates, treeModel) : CandidateEvidence.NONE;
        return new TopFindings(topMean(probabilities, read), withTreesToo == null ? 0 : topMean(withTreesToo, read),
                evidence);
    }

    /** {@link #topFindingProbabilities}' values: the logistic top mean, the one with trees, the evidence by span. */
    private record TopFindings(double logistic, double withTrees, CandidateEvidence evidence) {
    }

    private static final int GAIN_FEATURE = FindingModel.FEATURES.indexOf("gain");

    /** The candidates' surest probability (with the trees) and its reading's gain, per span ({@link CandidateEvidence}). */
    private static CandidateEvidence candidateEvidence(int wordCount, int eligibleWords, List<Lattice> lattices,
            List<FindingBuilder.Candidate> candidates, FindingModel treeModel) {
        java.util.Map<Long, double[]> bySpan = new java.util.HashMap<>();
        for (FindingBuilder.Candidate c : candidates) {
            Arc arc = lattices.get(c.lattice()).arcs[c.arc()];
            long span = ((long) c.lattice() << 40) | ((long) arc.from() << 20) | arc.to();
            double p = treeModel.probability(c.features());
            double[] best = bySpan.get(span);
            if (best == null || p > best[0]) {
                bySpan.put(span, new double[] {p, c.features()[GAIN_FEATURE]});
            }
        }
        double[] probabilities = new double[bySpan.size()];
        double[] gains = new double[bySpan.size()];
        int i = 0;
        for (double[] v : bySpan.values()) {
            probabilities[i] = v[0];
            gains[i++] = v[1];
        }
        return CandidateEvidence.of(wordCount, eligibleWords, probabilities, gains, WORDS_PER_TOP_FINDING);
    }

    /**
     * Every span of the lattices, whatever the decode chose: the best arc-model log-odds of the
     * span's candidates, at the training prior (without the document's rate or the operating point).
     * Term arcs, which the arc model does not score, do not count.
     */
    private static final class ArcSummary {
        private static final int MAX_LENGTH = 8;
        private static final int GAIN = ArcFeatures.NAMES.indexOf("gain");
        private static final int OBSERVED_FIT = ArcFeatures.NAMES.indexOf("observedFit");
        private static final int OBSERVED_RARE = ArcFeatures.NAMES.indexOf("observedRare");
        double expectedRestorations;
        int positiveSpans;
        /** Over the spans with a scored candidate: how many, their observed words' fit, rarity, best gain (study). */
        int spans;
        double observedFit;
        double misfit;
        double rare;
        double positiveGain;
        int gainAbove1;

        void add(Lattice lattice, ArcModel model) {
            if (model == null) {
                return;
            }
            double[] best = new double[lattice.size() * MAX_LENGTH];
            java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
            double[] bestGain = new double[best.length];
            java.util.Arrays.fill(bestGain, Double.NEGATIVE_INFINITY);
            double[] fit = new double[best.length];
            double[] rarity = new double[best.length];
            for (Arc arc : lattice.arcs) {
                if (arc.isKeep() || arc.features() == null || arc.to() - arc.from() >= MAX_LENGTH) {
                    continue;
                }
                int span = arc.from() * MAX_LENGTH + (arc.to() - arc.from());
                best[span] = Math.max(best[span], model.logOdds(arc.features()));
                bestGain[span] = Math.max(bestGain[span], arc.features()[GAIN]);
                fit[span] = arc.features()[OBSERVED_FIT];
                rarity[span] = arc.features()[OBSERVED_RARE];
            }
            for (int span = 0; span < best.length; span++) {
                double z = best[span];
                if (z > Double.NEGATIVE_INFINITY) {
                    expectedRestorations += 1 / (1 + Math.exp(-z));
                    positiveSpans += z > 0 ? 1 : 0;
                    spans++;
                    observedFit += fit[span];
                    misfit += Math.max(0, -fit[span]);
                    rare += rarity[span];
                    positiveGain += Math.max(0, bestGain[span]);
                    gainAbove1 += bestGain[span] > 1 ? 1 : 0;
                }
            }
        }
    }

    /** The input with every finding replaced by its suggestion. */
    static String restore(String text, List<Finding> findings) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        int at = 0;
        for (Finding f : findings) {
            sb.append(text, at, f.start()).append(f.suggestion());
            at = f.end();
        }
        return sb.append(text, at, text.length()).toString();
    }

    public Model model() {
        return model;
    }

    public DetectorSettings settings() {
        return settings;
    }
}
