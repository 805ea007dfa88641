package org.despin.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.despin.data.lexicon.Morphology;
import org.despin.lexicon.Candidate;
import org.despin.spin.Edit;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Spinner;
import org.despin.text.Document;
import org.despin.text.Token;
import org.despin.text.TokenType;

/**
 * Why edits of the held-out spun set are not restored exactly (DetectorEvaluation mode {@code errors
 * N}, same passages and seeds as {@code spun}). Every true edit gets one cause class:
 * <ul>
 * <li>exact;</li>
 * <li>flagged, not exact: case only; the finding's span differs from the edit's (alignment); the
 * same span restored to another form of the original's lemma (inflection); to another word, with
 * the original's status at that span (admitted but the decoder chose another: sense; failed the
 * evidence gate; cut by the candidate pool; not a candidate);</li>
 * <li>not flagged: the original's status at the edit's span (on the best path under the minimum
 * confidence; admitted but not on the best path; failed the gate; cut by the pool; not a candidate,
 * split by whether some other candidate of the span was admitted).</li>
 * </ul>
 * With {@code -Dverbose=true} one line per edit: observed, original, what was flagged, the class.
 */
final class ErrorAnalysis {
    private final Detector detector;
    private final CandidateTable uncapped;
    private final Morphology morphology;
    private final Evidence evidence;
    /** The detector's pool chosen in context, or null: the pool is the best candidatePool by prior. */
    private final ContextPool contextPool;
    private final Map<String, Integer> counts = new TreeMap<>();
    private final Map<String, List<String>> examples = new TreeMap<>();
    /** Right choices per rule (see {@link #choices}), and "spans": the spans counted. */
    private final Map<String, Integer> choices = new TreeMap<>();
    private final boolean verbose = Boolean.getBoolean("verbose");
    private final int maxExamples = Integer.getInteger("examples", 6);
    private int edits;
    private final Map<String, Integer> findings = new TreeMap<>();
    /** Edits not flagged, by what the finding model made of their span (see {@link #decision}). */
    private final Map<String, Integer> decisions = new TreeMap<>();
    /** Edits flagged, not exact, by whether the original was among the span's readings and who chose (see {@link #readingClass}). */
    private final Map<String, Integer> readings = new TreeMap<>();
    /**
     * Edits whose original is admitted but off the best path (branch `channel25`): what wins the span on the best path
     * (keep, another candidate of the same span, an arc over other words), by the margin ln(posterior of the winner /
     * posterior of the original), and what the original's arc is (its link, its evidence gain, its context ratio).
     */
    private final Map<String, Integer> offPath = new TreeMap<>();

    ErrorAnalysis(Detector detector) throws Exception {
        this.detector = detector;
        this.uncapped = new CandidateTable(detector.model().lexicon(), detector.model().lm(),
                detector.settings().with().candidatePool(100_000).build());
        this.morphology = Morphology.load();
        this.evidence = new Evidence(detector.model().lm());
        DetectorSettings s = detector.settings();
        this.contextPool = s.contextPool() > 0 ? new ContextPool(detector.model().lm(), s.contextPool(), s.contextReach()) : null;
        this.deepPool = new ContextPool(detector.model().lm(), Detector.DEEP_POOL, Detector.DEEP_REACH);
    }

    private final ContextPool deepPool;
    private final boolean deepClasses = Boolean.getBoolean("deepClasses");

    static void run(Detector detector, SpinThesaurus thesaurus, List<String> passages) throws Exception {
        ErrorAnalysis a = new ErrorAnalysis(detector);
        int seed = 0;
        for (String p : passages) {
            SpinResult s = new Spinner(thesaurus, SpinOptions.of(0.3, ++seed)).spin(p);
            a.add(s);
        }
        a.print();
    }

    /**
     * The same analysis on the fit fold (DetectorEvaluation mode {@code fiterrors N}, branch {@code coverage30}): N fit-fold
     * passages of 200-300 words read with the fold LM ({@code -DfoldLm}), passage i spun at 0.3 by the training spinner
     * {@code i % spinners} (seed 7000 + i, as {@link PriorFitting}), never MyThes; {@code -DfitSkip=K} the passages after the
     * first K. Also prints the clean flags of the same passages unspun (the detector's findings on the clean text), so
     * that a setting can be chosen on the fit fold at its clean cost.
     */
    static void runFit(Detector fitDetector, List<String> passages, Spinner[] training) throws Exception {
        ErrorAnalysis a = new ErrorAnalysis(fitDetector);
        int skip = Integer.getInteger("fitSkip", 0);
        long cleanWords = 0;
        int cleanFlags = 0;
        int cleanDocs = 0;
        boolean clean = !"false".equals(System.getProperty("fitClean"));
        for (int i = skip; i < passages.size(); i++) {
            SpinResult s = training[i % training.length].withOptions(SpinOptions.of(0.3, 7000 + i)).spin(passages.get(i));
            a.add(s);
            if (clean) {
                Report r = fitDetector.check(passages.get(i), CheckOptions.DEFAULTS);
                cleanFlags += r.findings().size();
                if (Boolean.getBoolean("fitShowClean")) {
                    for (Finding f : r.findings()) {
                        System.out.printf(Locale.ROOT, "CLEANFLAG %d %s -> %s %.2f%n", i, f.text(), f.suggestion(), f.confidence());
                    }
                }
                cleanWords += Document.parse(passages.get(i)).wordCount();
                cleanDocs += r.findings().isEmpty() ? 0 : 1;
            }
        }
        System.out.printf(Locale.ROOT, "fit fold: %d passages (after %d), training spinners at 0.3; clean flags %d (%.2f / 100 words, %d passages with any)%n",
                passages.size() - skip, skip, cleanFlags, 100.0 * cleanFlags / Math.max(1, cleanWords), cleanDocs);
        a.print();
    }

    /** The bundled example (or any spun file with its alignment). */
    static void example(Detector detector, String text, List<Edit> edits) throws Exception {
        ErrorAnalysis a = new ErrorAnalysis(detector);
        a.add(text, edits);
        a.print();
    }

    void add(SpinResult s) {
        add(s.spunText(), s.edits());
    }

    void add(String spunText, List<Edit> spunEdits) {
        Detector.Trace t = detector.trace(spunText, CheckOptions.DEFAULTS);
        DocumentWords words = DocumentWords.of(t.doc(), t.lattices(), t.estimate().decodings());
        for (Edit e : spunEdits) {
            edits++;
            String cause = cause(spunText, e, t);
            String readingClass = cause.startsWith("2 ") ? readingClass(spunText, e, t) : null;
            if (readingClass != null) {
                readings.merge(readingClass, 1, Integer::sum);
            }
            choices(e, t, words);
            counts.merge(cause, 1, Integer::sum);
            List<Finding> hits = overlapping(t.report().findings(), e);
            String line = String.format(Locale.ROOT, "%s <- %s : %s", e.spun(), e.original(),
                    hits.isEmpty() ? "-" : hits.stream().map(f -> f.text() + " -> " + f.suggestion()
                            + String.format(Locale.ROOT, " %.2f", f.confidence())).reduce((x, y) -> x + "; " + y).get());
            List<String> ex = examples.computeIfAbsent(cause, k -> new ArrayList<>());
            if (ex.size() < maxExamples) {
                ex.add(line);
            }
            if (verbose) {
                System.out.println("EDIT " + line + " [" + cause + "]" + (readingClass == null ? "" : " {" + readingClass + "}"));
            }
        }
        for (Finding f : t.report().findings()) {
            String kind = f.evidence().contains("term synonym") ? "term" : f.evidence().contains("inserted beside") ? "insertion"
                    : f.evidence().contains("restores a title-case name") ? "name" : "word";
            List<Edit> on = spunEdits.stream().filter(e -> f.start() < e.end() && e.start() < f.end()).toList();
            String outcome = on.isEmpty() ? "false flag"
                    : org.despin.eval.Metrics.exactRestorations(spunText, on, List.of(f)) == on.size() ? "exact" : "wrong";
            findings.merge(kind + " finding: " + outcome, 1, Integer::sum);
            if (verbose && kind.equals("term")) {
                System.out.println("TERM " + f.text() + " -> " + f.suggestion() + " : " + outcome + " "
                        + on.stream().map(e -> e.spun() + " <- " + e.original()).toList() + " " + termFacts(t, f));
            }
        }
    }

    /**
     * What the decode says of a term finding's span (-Dverbose=true): the term arc's observed words and posterior,
     * then per observed word its keep posterior and the best word-level reading inside the span with the summed
     * posterior of the word readings over that word.
     */
    private String termFacts(Detector.Trace t, Finding f) {
        List<Token> tokens = t.doc().tokens();
        for (int l = 0; l < t.lattices().size(); l++) {
            Lattice lat = t.lattices().get(l);
            Decoder.Decoded d = t.estimate().decodings().get(l);
            for (int a = 0; a < lat.arcs.length; a++) {
                Arc arc = lat.arcs[a];
                if (arc.isKeep() || !TermCandidates.SOURCE.equals(arc.candidate().candidate().source())
                        || tokens.get(lat.tokenIndex[arc.from()]).start() < f.start()
                        || tokens.get(lat.tokenIndex[arc.to() - 1]).end() > f.end()
                        || !f.suggestion().toLowerCase(Locale.ROOT).contains(arc.candidate().original())) {
                    continue;
                }
                StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "{k=%d p=%.2f rate=%.2f",
                        arc.to() - arc.from(), d.posterior()[a], t.estimate().rate()));
                for (int i = arc.from(); i < arc.to(); i++) {
                    double keep = 0;
                    double words = 0;
                    double bestP = 0;
                    String best = "-";
                    int hit = 0; // word arcs over the word whose reading holds a word of the term
                    java.util.Set<String> termWords = new java.util.HashSet<>(List.of(arc.candidate().original().split(" ")));
                    for (int b = 0; b < lat.arcs.length; b++) {
                        Arc o = lat.arcs[b];
                        if (o.from() > i || o.to() <= i) {
                            continue;
                        }
                        if (o.isKeep()) {
                            keep += d.posterior()[b];
                        } else if (!TermCandidates.SOURCE.equals(o.candidate().candidate().source())
                                && o.from() >= arc.from() && o.to() <= arc.to()) {
                            words += d.posterior()[b];
                            for (String rw : o.candidate().original().split(" ")) {
                                if (termWords.contains(rw) && !FunctionWords.contains(rw)) {
                                    hit++;
                                    break;
                                }
                            }
                            if (d.posterior()[b] > bestP) {
                                bestP = d.posterior()[b];
                                best = o.candidate().original();
                            }
                        }
                    }
                    int arcs = 0;
                    for (Arc o : lat.arcs) {
                        arcs += !o.isKeep() && o.from() <= i && o.to() > i
                                && !TermCandidates.SOURCE.equals(o.candidate().candidate().source()) ? 1 : 0;
                    }
                    sb.append(String.format(Locale.ROOT, " | %s keep=%.2f words=%.2f best=%s %.2f uni=%.1f arcs=%d hit=%d",
                            lat.normal[i], keep, words, best, bestP, evidence.unigram(lat.ids[i]), arcs, hit));
                }
                return sb.append('}').toString();
            }
        }
        return "{?}";
    }

    /**
     * For an edit flagged at exactly its span whose original is among the span's admitted readings:
     * which reading each choice rule would restore (the decode's likeliest; the best evidence gain;
     * the best LM context ratio; the arc model's log-odds; the deciding finding model's probability of
     * each reading, alone and times the posterior; the posterior's logit plus the document's own words
     * (DocumentWords: the reading elsewhere, restored elsewhere), half the arc log-odds, or one nat for a
     * reading sharing the observed word's first four letters), and "finding (now)": the finding's own.
     */
    private void choices(Edit e, Detector.Trace t, DocumentWords words) {
        List<Finding> hits = overlapping(t.report().findings(), e);
        if (hits.size() != 1 || hits.get(0).start() != e.start() || hits.get(0).end() != e.end()) {
            return;
        }
        String orig = normal(e.original());
        List<Token> tokens = t.doc().tokens();
        FindingModel model = decisionModel(t);
        for (int l = 0; l < t.lattices().size(); l++) {
            Lattice lattice = t.lattices().get(l);
            int[] range = positions(lattice, tokens, e);
            if (range == null) {
                continue;
            }
            int from = range[0];
            int to = range[1];
            Decoder.Decoded d = t.estimate().decodings().get(l);
            double mass = 0;
            for (int a = lattice.firstArc[from]; a < lattice.firstArc[from + 1]; a++) {
                Arc arc = lattice.arcs[a];
                mass += !arc.isKeep() && arc.to() == to ? d.posterior()[a] : 0;
            }
            String[] rules = {"posterior", "gain", "context", "arc log-odds", "finding model", "posterior + elsewhere",
                "finding model on posterior", "posterior + candidateElsewhere", "posterior + restoredElsewhere",
                "posterior + arc log-odds / 2", "posterior + shared prefix", "posterior + 2 candidateElsewhere"};
            String[] best = new String[rules.length];
            double[] top = new double[rules.length];
            java.util.Arrays.fill(top, Double.NEGATIVE_INFINITY);
            boolean has = false;
            int admitted = 0;
            for (int a = lattice.firstArc[from]; a < lattice.firstArc[from + 1]; a++) {
                Arc arc = lattice.arcs[a];
                if (arc.isKeep() || arc.to() != to) {
                    continue;
                }
                admitted++;
                has |= arc.candidate().original().equals(orig);
                double[] x = FindingModel.features(lattice, d, a, mass, 1, 0, t.routingScore(), t.estimate().rate(), words);
                double p = d.posterior()[a];
                double logitP = Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p));
                double[] score = {p, arc.evidence().gainLog10(), arc.evidence().contextLog10(),
                    arc.features() == null ? Double.NEGATIVE_INFINITY : detector.settings().arcModel().logOdds(arc.features()),
                    model == null ? p : model.probability(x), logitP + x[18] + x[20],
                    model == null ? p : logitP + Math.log(model.probability(x)),
                    logitP + x[18], logitP + x[20],
                    logitP + (arc.features() == null ? 0 : 0.5 * detector.settings().arcModel().logOdds(arc.features())),
                    logitP + (sharedPrefix(lattice.observed(from, to), arc.candidate().original()) >= 4 ? 1 : 0),
                    logitP + 2 * x[18]};
                for (int r = 0; r < rules.length; r++) {
                    if (score[r] > top[r]) {
                        top[r] = score[r];
                        best[r] = arc.candidate().original();
                    }
                }
            }
            if (!has || admitted < 2) {
                return;
            }
            for (int r = 0; r < rules.length; r++) {
                choices.merge(rules[r], orig.equals(best[r]) ? 1 : 0, Integer::sum);
            }
            choices.merge("finding (now)", orig.equals(normal(hits.get(0).suggestion())) ? 1 : 0, Integer::sum);
            choices.merge("spans", 1, Integer::sum);
            return;
        }
    }

    private static int sharedPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    /** The finding model that decided in this document (see Detector.trace), or null. */
    private FindingModel decisionModel(Detector.Trace t) {
        if (!FindingModel.decidesIn(t.doc().wordCount())) {
            return null;
        }
        return t.routingScore() >= detector.settings().spunThreshold() && detector.settings().spunBoost() != 0
                ? detector.settings().spunFindingModel() : detector.settings().findingModel();
    }

    /**
     * Screen for other rankings of the candidate pool (DetectorEvaluation mode {@code poolscreen N}):
     * for each edit of one observed word, whether its original would be in the pool of
     * {@code candidatePool} AND pass the evidence gate under the prior (now), the prior with half
     * the frequency weight, and the prior plus the candidate's bigram PMI with both neighbours;
     * and the cost: candidates per one-word span with more than a pool of them.
     */
    static void poolScreen(Detector detector, SpinThesaurus thesaurus, List<String> passages) throws Exception {
        ErrorAnalysis x = new ErrorAnalysis(detector);
        org.despin.lm.LanguageModel lm = detector.model().lm();
        org.despin.lm.LmState a = lm.newState();
        org.despin.lm.LmState b = lm.newState();
        int pool = detector.settings().candidatePool();
        double gate = detector.settings().evidenceGate();
        String[] rules = {"prior", "prior, half frequency", "prior + bigram PMI both sides"};
        int[] inAndPass = new int[rules.length];
        int[] in = new int[rules.length];
        long spans = 0;
        long over = 0;
        long beyond = 0;
        long edits = 0;
        int seed = 0;
        for (String p : passages) {
            SpinResult s = new Spinner(thesaurus, SpinOptions.of(0.3, ++seed)).spin(p);
            Detector.Trace t = detector.trace(s.spunText(), CheckOptions.DEFAULTS);
            for (Lattice lattice : t.lattices()) {
                for (int k = 0; k < lattice.size(); k++) {
                    int raw = x.uncapped.candidates(lattice.normal[k]).length;
                    spans += raw > 0 ? 1 : 0;
                    over += raw > pool ? 1 : 0;
                    beyond += Math.max(0, raw - pool);
                }
            }
            for (Edit e : s.edits()) {
                String orig = normal(e.original());
                for (Lattice lattice : t.lattices()) {
                    int[] range = positions(lattice, t.doc().tokens(), e);
                    if (range == null || range[1] != range[0] + 1) {
                        continue;
                    }
                    int from = range[0];
                    int to = range[1];
                    PreparedCandidate[] cands = x.uncapped.candidates(lattice.normal[from]);
                    PreparedCandidate target = null;
                    for (PreparedCandidate c : cands) {
                        target = c.original().equals(orig) ? c : target;
                    }
                    if (target == null) {
                        break;
                    }
                    edits++;
                    x.evidence.sentence(lattice.ids, lattice.ids);
                    float obsContext = x.evidence.inContext(from, to, null);
                    float obsPartial = x.evidence.partial();
                    float obsIntrinsic = x.evidence.observedIntrinsic(from, to);
                    boolean passes = x.evidence.gain(from, to, target, obsContext, obsPartial, obsIntrinsic,
                            Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY) >= gate;
                    int left = from > 0 ? lattice.ids[from - 1] : -1;
                    int right = to < lattice.size() ? lattice.ids[to] : -1;
                    double[][] score = new double[rules.length][cands.length];
                    for (int i = 0; i < cands.length; i++) {
                        PreparedCandidate c = cands[i];
                        score[0][i] = c.prior();
                        score[1][i] = c.prior() - 0.5 * Math.log(10) * c.intrinsicLog10();
                        double pmi = 0;
                        if (left >= 0) {
                            lm.emptyContext(a);
                            lm.score(a, left, b);
                            pmi += lm.score(b, c.ids()[0], a) - c.intrinsicLog10();
                        }
                        if (right >= 0) {
                            lm.emptyContext(a);
                            lm.score(a, c.ids()[c.ids().length - 1], b);
                            float withC = lm.score(b, right, a);
                            lm.emptyContext(a);
                            pmi += withC - lm.score(a, right, b);
                        }
                        score[2][i] = c.prior() + Math.log(10) * pmi;
                    }
                    int ti = java.util.Arrays.asList(cands).indexOf(target);
                    for (int r = 0; r < rules.length; r++) {
                        int rank = 0;
                        for (int i = 0; i < cands.length; i++) {
                            rank += score[r][i] > score[r][ti] ? 1 : 0;
                        }
                        if (rank < pool) {
                            in[r]++;
                            inAndPass[r] += passes ? 1 : 0;
                        }
                    }
                    break;
                }
            }
        }
        System.out.printf(Locale.ROOT, "one-word spans with candidates %d, with more than %d: %d, candidates beyond the pool %d (%.1f per such span)%n",
                spans, pool, over, beyond, (double) beyond / Math.max(1, over));
        System.out.printf(Locale.ROOT, "one-word edits whose original is a candidate: %d%n", edits);
        for (int r = 0; r < rules.length; r++) {
            System.out.printf(Locale.ROOT, "  %-32s in the pool %5d, in the pool and passing the gate %5d%n", rules[r], in[r], inAndPass[r]);
        }
    }

    /**
     * For an edit flagged but not restored exactly: whether the finding's span is the edit's, and if so whether the
     * original is among the span's readings in the lattices the reading was chosen in (and in the decision's
     * lattices), and who chose: the reading choice, a term finding's own reading, or the decode (short documents).
     */
    private String readingClass(String spunText, Edit e, Detector.Trace t) {
        List<Finding> hits = overlapping(t.report().findings(), e);
        if (hits.size() != 1 || hits.get(0).start() != e.start() || hits.get(0).end() != e.end()) {
            return "span differs from the edit's";
        }
        String orig = normal(e.original());
        Finding f = hits.get(0);
        String chooser = !FindingModel.decidesIn(t.doc().wordCount()) ? "decode's posteriors (short document)"
                : f.evidence().contains("term synonym") ? "term reading" : "reading choice";
        boolean inReadings = among(t.readingLattices(), t.readingDecodings(), t.doc().tokens(), e, orig);
        boolean inFirst = among(t.lattices(), t.estimate().decodings(), t.doc().tokens(), e, orig);
        if (inReadings) {
            return "original among the span's readings, another chosen by the " + chooser
                    + (inFirst ? "" : " (the original only in the deeper lattice)");
        }
        return "original not among the span's readings" + (inFirst ? " (but in the decision's lattice)"
                : arcAt(t.readingLattices(), t.doc().tokens(), e, orig) ? " (an arc of the deeper lattice, posterior 0)"
                : deepClasses ? " / deepening: " + deepStatus(e, t, orig) : "");
    }

    /**
     * Why the deepening of a flagged span did not admit the original (branch {@code coverage30}, {@code -DdeepClasses=true}):
     * not in the uncapped list; its rank by prior beyond {@link Detector#DEEP_REACH}; left out by the deepening's context
     * pool ({@link Detector#DEEP_POOL} of the reach, in the observed context: the deepening reads the restored one); its gain
     * below {@link Detector#DEEP_GATE}; or passing, and so left out by the {@link Detector#DEEP_PER_SPAN} the deepening
     * admits a span (or by the first lattice's rivals).
     */
    private String deepStatus(Edit e, Detector.Trace t, String orig) {
        List<Token> tokens = t.doc().tokens();
        for (Lattice lattice : t.lattices()) {
            int[] range = positions(lattice, tokens, e);
            if (range == null) {
                continue;
            }
            int from = range[0];
            int to = range[1];
            PreparedCandidate[] all = uncapped.candidates(lattice.observed(from, to));
            int rank = -1;
            for (int i = 0; i < all.length; i++) {
                if (all[i].original().equals(orig)) {
                    rank = i;
                    break;
                }
            }
            if (rank < 0) {
                return "not in the list";
            }
            if (rank >= Detector.DEEP_REACH) {
                return "rank >= " + Detector.DEEP_REACH;
            }
            PreparedCandidate c = all[rank];
            PreparedCandidate[] chosen = deepPool.choose(java.util.Arrays.copyOf(all, Math.min(all.length, Detector.DEEP_REACH)),
                    from > 0 ? lattice.ids[from - 1] : -1, to < lattice.size() ? lattice.ids[to] : org.despin.lm.Vocabulary.END_SENTENCE);
            String r = rank < 16 ? "rank 0-15" : rank < 32 ? "rank 16-31" : rank < 64 ? "rank 32-63" : "rank 64-127";
            if (!java.util.Arrays.asList(chosen).contains(c)) {
                return r + ", not in the deep context pool";
            }
            evidence.sentence(lattice.ids, lattice.ids);
            float obsContext = evidence.inContext(from, to, null);
            float obsPartial = evidence.partial();
            float obsIntrinsic = evidence.observedIntrinsic(from, to);
            double gain = evidence.gain(from, to, c, obsContext, obsPartial, obsIntrinsic, Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY);
            if (gain < Detector.DEEP_GATE) {
                return r + ", in the deep pool, gain < " + Detector.DEEP_GATE;
            }
            // the candidates of the deep pool that pass the deep gate with a higher gain
            int better = 0;
            for (PreparedCandidate x : chosen) {
                if (x != c && evidence.gain(from, to, x, obsContext, obsPartial, obsIntrinsic, Double.NEGATIVE_INFINITY,
                        Double.POSITIVE_INFINITY) > gain) {
                    better++;
                }
            }
            return r + ", in the deep pool, passes the deep gate, " + (better < 6 ? "0-5" : better < 10 ? "6-9" : ">= 10")
                    + " better by gain";
        }
        return "no lattice";
    }

    /** Whether a substitution arc over the edit's span reads {@code orig} at all (whatever its posterior). */
    private static boolean arcAt(List<Lattice> lattices, List<Token> tokens, Edit e, String orig) {
        for (Lattice lattice : lattices) {
            int[] range = positions(lattice, tokens, e);
            if (range == null) {
                continue;
            }
            for (int a = lattice.firstArc[range[0]]; a < lattice.firstArc[range[0] + 1]; a++) {
                Arc arc = lattice.arcs[a];
                if (!arc.isKeep() && arc.to() == range[1] && arc.candidate().original().equals(orig)) {
                    return true;
                }
            }
            return false;
        }
        return false;
    }

    private static boolean among(List<Lattice> lattices, List<Decoder.Decoded> decodings, List<Token> tokens, Edit e, String orig) {
        for (int l = 0; l < lattices.size(); l++) {
            Lattice lattice = lattices.get(l);
            int[] range = positions(lattice, tokens, e);
            if (range == null) {
                continue;
            }
            for (int a = lattice.firstArc[range[0]]; a < lattice.firstArc[range[0] + 1]; a++) {
                Arc arc = lattice.arcs[a];
                if (!arc.isKeep() && arc.to() == range[1] && decodings.get(l).posterior()[a] > 0
                        && arc.candidate().original().equals(orig)) {
                    return true;
                }
            }
            return false;
        }
        return false;
    }

    void print() {
        for (Map.Entry<String, Integer> c : readings.entrySet()) {
            System.out.printf(Locale.ROOT, "flagged, not exact: %-100s %5d %5.1f %%%n", c.getKey(), c.getValue(), 100.0 * c.getValue() / edits);
        }
        System.out.println("edits flagged at their span, original among >= 2 admitted readings; right choices by rule: " + choices);
        System.out.println("findings by kind and outcome: " + findings);
        System.out.printf(Locale.ROOT, "error analysis: %d edits%n", edits);
        for (Map.Entry<String, Integer> c : decisions.entrySet()) {
            System.out.printf(Locale.ROOT, "not flagged, %-80s %5d %5.1f %%%n", c.getKey(), c.getValue(), 100.0 * c.getValue() / edits);
        }
        for (Map.Entry<String, Integer> c : offPath.entrySet()) {
            System.out.printf(Locale.ROOT, "off the best path, %-80s %5d %5.1f %%%n", c.getKey(), c.getValue(), 100.0 * c.getValue() / edits);
        }
        Map<String, Integer> groups = new TreeMap<>();
        for (Map.Entry<String, Integer> c : counts.entrySet()) {
            groups.merge(c.getKey().substring(0, c.getKey().indexOf(':')), c.getValue(), Integer::sum);
        }
        for (Map.Entry<String, Integer> g : groups.entrySet()) {
            System.out.printf(Locale.ROOT, "%-70s %5d %5.1f %%%n", g.getKey(), g.getValue(), 100.0 * g.getValue() / edits);
            for (Map.Entry<String, Integer> c : counts.entrySet()) {
                if (c.getKey().startsWith(g.getKey() + ":")) {
                    System.out.printf(Locale.ROOT, "  %-68s %5d %5.1f %%%n", c.getKey(), c.getValue(), 100.0 * c.getValue() / edits);
                    for (String ex : examples.get(c.getKey())) {
                        System.out.println("      " + ex);
                    }
                }
            }
        }
    }

    private static List<Finding> overlapping(List<Finding> findings, Edit e) {
        return findings.stream().filter(f -> f.start() < e.end() && e.start() < f.end()).toList();
    }

    private String cause(String spunText, Edit e, Detector.Trace t) {
        List<Finding> hits = overlapping(t.report().findings(), e);
        String orig = normal(e.original());
        if (!hits.isEmpty()) {
            if (org.despin.eval.Metrics.exactRestorations(spunText, List.of(e), hits) == 1) {
                return "1 exact: exact";
            }
            if (hits.size() == 1 && hits.get(0).start() == e.start() && hits.get(0).end() == e.end()) {
                String said = normal(hits.get(0).suggestion());
                if (said.equals(orig)) {
                    return "2 flagged, wrong: case or spacing";
                }
                if (sameLemmas(said, orig)) {
                    return "2 flagged, wrong: inflection (same lemma, another form)" + status(e, t, orig, " / original ");
                }
                return "2 flagged, wrong: another word" + status(e, t, orig, ", original ");
            }
            Finding f = hits.get(0);
            String how = hits.size() > 1 ? "several findings" : f.start() <= e.start() && f.end() >= e.end()
                    ? "finding wider than the edit" : f.start() >= e.start() && f.end() <= e.end()
                            ? "finding inside the edit" : "finding shifted";
            return "2 flagged, wrong: span differs (" + how + ")";
        }
        String status = status(e, t, orig, " ");
        String admitted = status.contains("admitted, not on") || status.contains("on the best path") ? "original admitted" : "original not admitted";
        decisions.merge(admitted + decision(e, t, orig), 1, Integer::sum);
        return "3 not flagged:" + status;
    }

    /**
     * Under a finding model, what it made of the edit's span (for an edit not flagged): the span a
     * candidate with the original as its reading, or with another reading while the original was
     * admitted, or under a candidate over other words as well; with the candidate's confidence.
     */
    private String decision(Edit e, Detector.Trace t, String orig) {
        FindingModel model = decisionModel(t);
        if (model == null) {
            return " | the decode's posteriors decide";
        }
        List<FindingBuilder.Candidate> cands = new FindingBuilder(t.doc(), t.estimate(), model, t.routingScore())
                .candidates(t.lattices());
        List<Token> tokens = t.doc().tokens();
        for (FindingBuilder.Candidate c : cands) {
            Lattice lattice = t.lattices().get(c.lattice());
            int[] range = positions(lattice, tokens, e);
            if (range == null) {
                continue;
            }
            Arc arc = lattice.arcs[c.arc()];
            if (arc.to() <= range[0] || arc.from() >= range[1]) {
                continue;
            }
            double conf = model.confidence(c.features());
            String band = conf >= 0.4 ? "0.4-0.5" : conf >= 0.25 ? "0.25-0.4" : "< 0.25";
            boolean same = arc.from() == range[0] && arc.to() == range[1];
            String kind = FindingModel.kind(arc).name().toLowerCase(Locale.ROOT);
            if (!same) {
                return " | under a " + kind + " candidate over other words, confidence " + band;
            }
            return arc.candidate().original().equals(orig) ? " | candidate with the original, confidence " + band
                    : " | candidate with another reading, confidence " + band;
        }
        return " | no candidate";
    }

    /** Counts an edit whose original (arc {@code a} at {@code from}) is admitted but off the best path ({@link #offPath}). */
    private void offPath(String group, Lattice lattice, Decoder.Decoded d, int from, int a, Edit e, String orig) {
        Arc original = lattice.arcs[a];
        int winner = -1;
        double keep = 0;
        for (int b = lattice.firstArc[from]; b < lattice.firstArc[from + 1]; b++) {
            if (lattice.arcs[b].isKeep()) {
                keep = d.posterior()[b];
            }
            if (d.best()[b]) {
                winner = b;
            }
        }
        String kind;
        double pw;
        if (winner < 0) {
            kind = "an arc from before";
            pw = 1 - d.posterior()[a];
        } else {
            Arc w = lattice.arcs[winner];
            kind = w.isKeep() ? "keep" : w.to() == original.to() ? "another candidate" : "an arc over other words";
            pw = d.posterior()[winner];
        }
        double margin = Math.log(Math.max(1e-9, pw) / Math.max(1e-9, d.posterior()[a]));
        String band = margin < 1 ? "< 1" : margin < 2 ? "1-2" : margin < 4 ? "2-4" : ">= 4";
        offPath.merge(group + " | winner " + kind + ", margin (nats) " + band, 1, Integer::sum);
        double[] f = original.features();
        if (f != null) {
            double gain = f[ArcFeatures.NAMES.indexOf("gain")];
            double context = f[ArcFeatures.NAMES.indexOf("context")];
            String link = f[ArcFeatures.NAMES.indexOf("relatedLink")] > 0
                    ? (original.candidate().candidate().source().endsWith("generic") ? "related generic" : "related similar")
                    : f[ArcFeatures.NAMES.indexOf("twoHops")] > 0 ? "two hops" : "synonym";
            int words = Math.abs(original.to() - original.from() - original.candidate().ids().length);
            offPath.merge(group + " | original's link " + link + (words > 0 ? ", length change" : ""), 1, Integer::sum);
            offPath.merge(group + " | original's gain " + (gain < 1 ? "< 1" : gain < 2 ? "1-2" : ">= 2") + ", context "
                    + (context < 0 ? "< 0" : context < 1 ? "0-1" : ">= 1"), 1, Integer::sum);
            if (detector.settings().arcModel() != null) {
                double lo = detector.settings().arcModel().logOdds(f);
                offPath.merge(group + " | original's arc log-odds " + (lo < -3 ? "< -3" : lo < -1.5 ? "-3 .. -1.5" : lo < 0 ? "-1.5 .. 0"
                        : ">= 0"), 1, Integer::sum);
            }
            if (verbose) {
                System.out.printf(Locale.ROOT, "OFFPATH %s <- %s : %s %s p %.3f, original p %.3f, keep %.3f, gain %.2f, context %.2f, %s%n",
                        e.spun(), orig, group, kind, pw, d.posterior()[a], keep, gain, context, link);
            }
        }
    }

    /** The lattice positions {from, to} of the tokens the edit overlaps, or null when it has none in this lattice. */
    static int[] positions(Lattice lattice, List<Token> tokens, Edit e) {
        int from = -1;
        int to = -1;
        for (int k = 0; k < lattice.size(); k++) {
            Token tok = tokens.get(lattice.tokenIndex[k]);
            if (tok.start() < e.end() && e.start() < tok.end()) {
                from = from < 0 ? k : from;
                to = k + 1;
            }
        }
        return from < 0 ? null : new int[] {from, to};
    }

    /** The original's status at the edit's span in the final lattice. */
    private String status(Edit e, Detector.Trace t, String orig, String prefix) {
        List<Token> tokens = t.doc().tokens();
        for (int l = 0; l < t.lattices().size(); l++) {
            Lattice lattice = t.lattices().get(l);
            int[] range = positions(lattice, tokens, e);
            if (range == null) {
                continue;
            }
            int from = range[0];
            int to = range[1];
            Decoder.Decoded d = t.estimate().decodings().get(l);
            boolean otherAdmitted = false;
            for (int a = lattice.firstArc[from]; a < lattice.firstArc[from + 1]; a++) {
                Arc arc = lattice.arcs[a];
                if (arc.isKeep() || arc.to() != to) {
                    continue;
                }
                if (arc.candidate().original().equals(orig)) {
                    if (d.best()[a]) {
                        return prefix + String.format(Locale.ROOT, "on the best path, posterior %s",
                                d.posterior()[a] >= 0.5 ? ">= 0.5 (a term or insertion arc won the overlap)" : "< minConfidence 0.5");
                    }
                    double mass = 0;
                    for (int b = lattice.firstArc[from]; b < lattice.firstArc[from + 1]; b++) {
                        Arc other = lattice.arcs[b];
                        if (!other.isKeep() && other.to() == to) {
                            mass += d.posterior()[b];
                        }
                    }
                    offPath(prefix.isBlank() ? "not flagged" : "flagged wrong", lattice, d, from, a, e, orig);
                    return prefix + String.format(Locale.ROOT, "admitted, not on the best path; span's substitutions together %s, original %s",
                            mass >= 0.5 ? ">= 0.5" : "< 0.5", d.posterior()[a] >= 0.25 ? ">= 0.25" : "< 0.25");
                }
                otherAdmitted = true;
            }
            return prefix + notAdmitted(lattice.observed(from, to), orig, otherAdmitted, lattice, from, to);
        }
        // not a word of any lattice: a sentence without candidates at all
        return prefix + notAdmitted(normal(e.spun()), orig, false, null, 0, 0);
    }

    private String notAdmitted(String observed, String orig, boolean otherAdmitted, Lattice lattice, int from, int to) {
        for (PreparedCandidate c : uncapped.candidates(observed)) {
            if (c.original().equals(orig)) {
                int rank = 0;
                for (PreparedCandidate x : uncapped.candidates(observed)) {
                    if (x == c) {
                        break;
                    }
                    rank++;
                }
                boolean cut = rank >= detector.settings().candidatePool();
                if (contextPool != null && lattice != null) {
                    // the pool chosen in context (in the observed context; the refine pass reads the restored one)
                    PreparedCandidate[] chosen = contextPool.choose(uncapped.candidates(observed), from > 0 ? lattice.ids[from - 1] : -1,
                            to < lattice.size() ? lattice.ids[to] : org.despin.lm.Vocabulary.END_SENTENCE);
                    cut = !java.util.Arrays.asList(chosen).contains(c);
                }
                String where = cut ? "cut by the pool" : "in the pool";
                if (lattice == null) {
                    return where;
                }
                evidence.sentence(lattice.ids, lattice.ids);
                float obsContext = evidence.inContext(from, to, null);
                float obsPartial = evidence.partial();
                float obsIntrinsic = evidence.observedIntrinsic(from, to);
                double gain = evidence.gain(from, to, c, obsContext, obsPartial, obsIntrinsic,
                        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
                double gate = detector.settings().evidenceGate();
                String g = gain >= gate ? "would pass the gate" : gain >= gate - 0.5 ? "gain within 0.5 of the gate"
                        : gain >= 0 ? "gain 0 .. gate - 0.5" : "gain < 0";
                if (!cut && gain >= gate) {
                    return "in the pool, passed the gate, not among the span's best "
                            + detector.settings().maxCandidatesPerSpan() + " (or a name)";
                }
                return where + (cut ? ", rank " + (rank < 32 ? "0-31" : rank < 64 ? "32-63" : ">= 64") + ", " : ", failed the gate: ") + g;
            }
        }
        List<Candidate> raw = detector.model().lexicon().candidates(observed);
        if (raw.stream().anyMatch(c -> c.original().equals(orig))) {
            return "a candidate, dropped (function words / unknown to the LM)";
        }
        for (Candidate c : raw) {
            if (sameLemmas(c.original(), orig)) {
                return "not a candidate, another form of it is (re-inflection)";
            }
        }
        return raw.isEmpty() ? "not a candidate (span has none)"
                : "not a candidate" + (otherAdmitted ? " (others admitted)" : " (span has others)");
    }

    /** True when the phrases have as many words and each pair of words can share a lemma. */
    private boolean sameLemmas(String a, String b) {
        String[] x = a.split(" ");
        String[] y = b.split(" ");
        if (x.length != y.length || a.equals(b)) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i].equals(y[i])) {
                continue;
            }
            boolean shared = false;
            for (Morphology.Analysis p : morphology.analyse(x[i])) {
                for (Morphology.Analysis q : morphology.analyse(y[i])) {
                    shared |= p.lemma().equals(q.lemma());
                }
            }
            if (!shared) {
                return false;
            }
        }
        return true;
    }

    static String normal(String text) {
        return String.join(" ", Document.parse(text).tokens().stream()
                .filter(t -> t.type() == TokenType.WORD || t.type() == TokenType.NUMBER).map(Token::normal).toList());
    }
}
