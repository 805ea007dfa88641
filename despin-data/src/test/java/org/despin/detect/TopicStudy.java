package org.despin.detect;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.despin.data.DataPaths;
import org.despin.spin.Edit;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Spinner;
import org.despin.text.Document;
import org.despin.text.Token;

/**
 * Does the document's topic tell a spinner's word from the writer's? (DetectorEvaluation mode {@code topicstudy N},
 * branch {@code topic}.) {@link TopicVectors} from the TRAINING documents ({@code -DtopicExcludeFold=true}: without
 * the fit fold; {@code -DtopicWords=N} content words per corpus, default 8 M); then the held-out passages of
 * {@code errors} (the same passages and seeds: MyThes at 0.3), each clean and spun, decoded as FindingFitting does
 * (no finding model, no boost), and every candidate finding ({@link FindingBuilder#candidates}) gets
 * {@code topicGain = fit(candidate) - fit(observed)} ({@link TopicVectors.Doc#fit}) beside the finding model's
 * probability ({@link FindingModel#DEFAULTS}). Classes: EXACT (the edit's span and original), EDIT (on an edit,
 * another reading), SPUNCLEAN (a spun passage's unspun word), CLEAN (a clean passage). Prints AUROCs, the gain's
 * AUROC within bands of the model's probability, a logistic fit on the first half of the passages with and without
 * the gain (AUROC on the second half), the original's rank within its span, and the bundled example's findings.
 * {@code -DtopicOut=FILE}: one TSV row per candidate.
 */
final class TopicStudy {
    private TopicStudy() {
    }

    /**
     * {@code java -cp $CP org.despin.detect.TopicStudy FOLD.tsv HELDOUT.tsv}: the finding model's features refitted on
     * the fit fold's candidates ({@code -DtopicOut} of {@code -DtopicFit=true}) without and with the topic features,
     * scored on the held-out candidates: AUROC for the labels onEdit and exact, and the EXACT and on-edit candidates
     * above the score that 2 % of the CLEAN candidates pass.
     */
    public static void main(String[] args) throws Exception {
        List<String[]> fold = readTsv(Path.of(args[0]));
        List<String[]> held = readTsv(Path.of(args[1]));
        String[][] variants = {{"the 23 features"}, {"+ topicGain", "4"}, {"+ observed fit, its flag", "0", "2"},
            {"+ both fits, both flags, the gain", "0", "1", "2", "3", "4"}};
        for (List<String> label : List.of(List.of("EXACT", "EDIT"), List.of("EXACT"))) {
            for (String[] v : variants) {
                int[] cols = java.util.Arrays.stream(v).skip(1).mapToInt(Integer::parseInt).toArray();
                List<double[]> x = new ArrayList<>();
                List<Integer> y = new ArrayList<>();
                for (String[] r : fold) {
                    x.add(row(r, cols));
                    y.add(label.contains(r[0]) ? 1 : 0);
                }
                double[] w = Logistic.fit(x, y, 1);
                List<Double> pos = new ArrayList<>();
                List<Double> neg = new ArrayList<>();
                List<Double> clean = new ArrayList<>();
                List<Double> exact = new ArrayList<>();
                List<Double> onEdit = new ArrayList<>();
                for (String[] r : held) {
                    double[] xr = row(r, cols);
                    double z = 0;
                    for (int k = 0; k < w.length; k++) {
                        z += w[k] * xr[k];
                    }
                    (label.contains(r[0]) ? pos : neg).add(z);
                    if (r[0].equals("CLEAN")) {
                        clean.add(z);
                    }
                    if (r[0].equals("EXACT")) {
                        exact.add(z);
                    }
                    if (r[0].equals("EXACT") || r[0].equals("EDIT")) {
                        onEdit.add(z);
                    }
                }
                clean.sort(java.util.Comparator.reverseOrder());
                double t = clean.get((int) (0.02 * clean.size()));
                System.out.printf(Locale.ROOT, "label %-10s %-34s held-out AUROC %.4f; at 2 %% of CLEAN: EXACT %.1f %%, on-edit "
                        + "%.1f %% above%n", String.join("+", label), v[0], DetectorEvaluation.auroc(pos, neg),
                        100.0 * exact.stream().filter(z -> z > t).count() / exact.size(),
                        100.0 * onEdit.stream().filter(z -> z > t).count() / onEdit.size());
            }
        }
    }

    private static List<String[]> readTsv(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        return lines.subList(1, lines.size()).stream().map(l -> l.split("\t")).toList();
    }

    /** 1, the 23 features, then the topic columns {@code cols} of (fitW, fitC, no vector observed, no vector read, gain). */
    private static double[] row(String[] r, int[] cols) {
        String[] f = r[10].split(",");
        double fitC = Double.parseDouble(r[4]);
        double fitW = Double.parseDouble(r[5]);
        double gain = Double.parseDouble(r[3]);
        double[] topic = {Double.isNaN(fitW) ? 0 : fitW, Double.isNaN(fitC) ? 0 : fitC, Double.isNaN(fitW) ? 1 : 0,
            Double.isNaN(fitC) ? 1 : 0, Double.isNaN(gain) ? 0 : gain};
        double[] x = new double[1 + f.length + cols.length];
        x[0] = 1;
        for (int k = 0; k < f.length; k++) {
            x[k + 1] = Double.parseDouble(f[k]);
        }
        for (int k = 0; k < cols.length; k++) {
            x[1 + f.length + k] = topic[cols[k]];
        }
        return x;
    }

    private record Row(String cls, boolean train, double p, double gain, double fitC, double fitW, String observed,
            String candidate, int passage, int span, double[] features) {
    }

    static void run(Detector detector, SpinThesaurus thesaurus, List<String> passages, DataPaths paths, Path example,
            List<Edit> exampleEdits) throws Exception {
        long t0 = System.nanoTime();
        boolean excludeFold = Boolean.getBoolean("topicExcludeFold");
        TopicVectors vectors = TopicVectors.fromCorpora(paths, d -> excludeFold && FoldModel.inFitFold(d),
                Integer.getInteger("topicWords", 8_000_000));
        System.out.printf(Locale.ROOT, "vectors: %d words, dim %d, window +-%d, %s; %.1f s%n", vectors.size(),
                TopicVectors.DIM, TopicVectors.WINDOW, excludeFold ? "without the fit fold" : "all training documents",
                (System.nanoTime() - t0) / 1e9);
        neighbours(vectors, "state", "country", "treaty", "peace", "village", "delegation", "soften", "entity", "city");
        FindingModel none = new FindingModel(new double[FindingModel.SIZE + 1], 0);
        // -DtopicFit=true: the fit fold's passages (FindingFitting's: fold LM via -DfoldLm, the training spinners at
        // 0.05-0.4, never MyThes) instead of the held-out ones; with -DtopicExcludeFold=true for vectors without the fold
        boolean onFold = Boolean.getBoolean("topicFit");
        org.despin.model.Model readWith = onFold ? FoldModel.forFitting(detector.model(), paths) : detector.model();
        Detector decide = new Detector(readWith, detector.settings().with().findingModel(none).spunBoost(0).build());
        Spinner[] training = onFold ? TrainingSpinners.load(paths, detector.model().lm()) : null;
        if (onFold) {
            passages = DetectorEvaluation.passages(ArcFitting.trainingText(paths, System.getProperty("foldLm") != null), 200, 300,
                    passages.size());
        }
        double[] foldRates = {0.05, 0.1, 0.2, 0.3, 0.4};
        List<Row> rows = new ArrayList<>();
        List<double[]> choice = new ArrayList<>();
        int seed = 0;
        int spanId = 0;
        for (int i = 0; i < passages.size(); i++) {
            SpinResult s = onFold ? training[(i / foldRates.length) % training.length]
                    .withOptions(SpinOptions.of(foldRates[i % foldRates.length], 7000 + i)).spin(passages.get(i))
                    : new Spinner(thesaurus, SpinOptions.of(0.3, ++seed)).spin(passages.get(i));
            boolean train = i < passages.size() / 2;
            for (boolean clean : new boolean[] {true, false}) {
                String text = clean ? passages.get(i) : s.spunText();
                List<Edit> edits = clean ? List.of() : s.edits();
                Detector.Trace t = decide.trace(text, CheckOptions.DEFAULTS);
                TopicVectors.Doc topic = vectors.doc(t.doc());
                FindingBuilder fb = new FindingBuilder(t.doc(), t.estimate(), null, t.routingScore(), Double.NaN,
                        decide.lm());
                if (!clean) {
                    spanChoice(t, topic, edits, choice);
                }
                String lastSpan = "";
                for (FindingBuilder.Candidate c : fb.candidates(t.lattices())) {
                    Lattice lattice = t.lattices().get(c.lattice());
                    Arc arc = lattice.arcs[c.arc()];
                    if (arc.isKeep()) {
                        continue;
                    }
                    List<Token> tokens = t.doc().tokens();
                    int fromToken = lattice.tokenIndex[arc.from()];
                    int toToken = lattice.tokenIndex[arc.to() - 1] + 1;
                    int start = tokens.get(fromToken).start();
                    int end = tokens.get(toToken - 1).end();
                    String observed = String.join(" ", java.util.Arrays.copyOfRange(lattice.normal, arc.from(), arc.to()));
                    String candidate = arc.candidate().original();
                    String key = c.lattice() + "/" + arc.from() + "/" + arc.to() + "/" + clean;
                    if (!key.equals(lastSpan)) {
                        spanId++;
                        lastSpan = key;
                    }
                    boolean isExact = false;
                    boolean isOnEdit = false;
                    for (Edit e : edits) {
                        isOnEdit |= e.start() < end && start < e.end();
                        isExact |= e.start() == start && e.end() == end
                                && ArcFitting.normal(e.original()).equals(ArcFitting.normal(candidate));
                    }
                    double fitC = topic.fit(candidate, fromToken, toToken);
                    double fitW = topic.fit(observed, fromToken, toToken);
                    String cls = clean ? "CLEAN" : isExact ? "EXACT" : isOnEdit ? "EDIT" : "SPUNCLEAN";
                    rows.add(new Row(cls, train, FindingModel.DEFAULTS.probability(c.features()), fitC - fitW, fitC, fitW,
                            observed, candidate, i, spanId, c.features()));
                }
            }
        }
        String out = System.getProperty("topicOut");
        if (out != null) {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(out)))) {
                w.println("class\ttrain\tp\tgain\tfitC\tfitW\tobserved\tcandidate\tpassage\tspan\tfeatures");
                for (Row r : rows) {
                    StringBuilder x = new StringBuilder();
                    for (double v : r.features) {
                        x.append(x.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.5f", v));
                    }
                    w.printf(Locale.ROOT, "%s\t%b\t%.5f\t%.5f\t%.5f\t%.5f\t%s\t%s\t%d\t%d\t%s%n", r.cls, r.train, r.p, r.gain,
                            r.fitC, r.fitW, r.observed, r.candidate, r.passage, r.span, x);
                }
            }
        }
        report(rows);
        reportChoice(choice);
        example(detector, vectors, example, exampleEdits);
    }

    private static void neighbours(TopicVectors v, String... words) {
        for (String w : words) {
            float[] a = v.vector(TopicVectors.key(w));
            if (a == null) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            for (String o : words) {
                float[] b = v.vector(TopicVectors.key(o));
                if (b != null && !o.equals(w)) {
                    double dot = 0;
                    for (int k = 0; k < a.length; k++) {
                        dot += a[k] * b[k];
                    }
                    sb.append(String.format(Locale.ROOT, " %s %.2f", o, dot));
                }
            }
            System.out.println("  cos " + w + ":" + sb);
        }
    }

    static void report(List<Row> rows) {
        int nan = 0;
        for (Row r : rows) {
            nan += Double.isNaN(r.gain) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "%d candidates (%d without a gain: no vector on one side, gain 0 then)%n", rows.size(), nan);
        for (String cls : new String[] {"EXACT", "EDIT", "SPUNCLEAN", "CLEAN"}) {
            List<Row> c = rows.stream().filter(r -> r.cls.equals(cls)).toList();
            System.out.printf(Locale.ROOT, "  %-9s %6d candidates, mean gain %+.4f, mean p %.3f%n", cls, c.size(),
                    c.stream().mapToDouble(r -> g(r)).average().orElse(0), c.stream().mapToDouble(r -> r.p).average().orElse(0));
        }
        String[][] pairs = {{"EXACT", "CLEAN"}, {"EXACT", "SPUNCLEAN"}, {"EXACT", "EDIT"}, {"EXACT", "CLEAN,SPUNCLEAN"},
            {"EXACT,EDIT", "CLEAN,SPUNCLEAN"}};
        System.out.println("AUROC (positive vs negative): topicGain | finding model p | both ways only where the gain exists");
        for (String[] pair : pairs) {
            List<Row> pos = rows.stream().filter(r -> List.of(pair[0].split(",")).contains(r.cls)).toList();
            List<Row> neg = rows.stream().filter(r -> List.of(pair[1].split(",")).contains(r.cls)).toList();
            System.out.printf(Locale.ROOT, "  %-11s vs %-16s gain %.4f  p %.4f  | with a gain: gain %.4f p %.4f (%d / %d)%n",
                    pair[0], pair[1], auroc(pos, neg, TopicStudy::g), auroc(pos, neg, r -> r.p),
                    auroc(pos.stream().filter(r -> !Double.isNaN(r.gain)).toList(),
                            neg.stream().filter(r -> !Double.isNaN(r.gain)).toList(), TopicStudy::g),
                    auroc(pos.stream().filter(r -> !Double.isNaN(r.gain)).toList(),
                            neg.stream().filter(r -> !Double.isNaN(r.gain)).toList(), r -> r.p),
                    pos.stream().filter(r -> !Double.isNaN(r.gain)).count(),
                    neg.stream().filter(r -> !Double.isNaN(r.gain)).count());
        }
        System.out.println("gain's AUROC within bands of p (EXACT vs CLEAN,SPUNCLEAN):");
        double[] bands = {0, 0.1, 0.3, 0.5, 0.7, 1.01};
        for (int b = 0; b + 1 < bands.length; b++) {
            double lo = bands[b];
            double hi = bands[b + 1];
            List<Row> pos = rows.stream().filter(r -> r.cls.equals("EXACT") && r.p >= lo && r.p < hi).toList();
            List<Row> neg = rows.stream().filter(r -> (r.cls.equals("CLEAN") || r.cls.equals("SPUNCLEAN")) && r.p >= lo && r.p < hi).toList();
            System.out.printf(Locale.ROOT, "  p %.1f-%.1f: %5d / %6d  gain AUROC %.4f%n", lo, Math.min(1, hi), pos.size(), neg.size(),
                    pos.isEmpty() || neg.isEmpty() ? Double.NaN : auroc(pos, neg, TopicStudy::g));
        }
        // does it add? logistic on the first half's passages, AUROC on the second's
        for (String label : new String[] {"EXACT", "EXACT,EDIT"}) {
            List<String> positive = List.of(label.split(","));
            List<double[]> trainBase = new ArrayList<>();
            List<double[]> trainBoth = new ArrayList<>();
            List<Integer> trainY = new ArrayList<>();
            for (Row r : rows) {
                if (r.train) {
                    trainBase.add(new double[] {1, logit(r.p)});
                    trainBoth.add(new double[] {1, logit(r.p), g(r)});
                    trainY.add(positive.contains(r.cls) ? 1 : 0);
                }
            }
            double[] wBase = Logistic.fit(trainBase, trainY, 1);
            double[] wBoth = Logistic.fit(trainBoth, trainY, 1);
            List<Row> pos = rows.stream().filter(r -> !r.train && positive.contains(r.cls)).toList();
            List<Row> neg = rows.stream().filter(r -> !r.train && !positive.contains(r.cls)).toList();
            System.out.printf(Locale.ROOT, "label %s: test-half AUROC logit(p) %.4f, logit(p) + gain %.4f (weights %s; gain weight "
                    + "%+.3f)%n", label, auroc(pos, neg, r -> r.p), auroc(pos, neg, r -> wBoth[1] * logit(r.p) + wBoth[2] * g(r)),
                    java.util.Arrays.toString(wBase), wBoth[2]);
        }
    }

    /**
     * The readings of each edit's exact span in the lattices (no keep arc) when the original is one of them and some
     * other reading too: per reading {group, isOriginal, onBestPath, posterior, topic fit, gain}.
     */
    private static void spanChoice(Detector.Trace t, TopicVectors.Doc topic, List<Edit> edits, List<double[]> out) {
        List<Token> tokens = t.doc().tokens();
        for (Edit e : edits) {
            for (int l = 0; l < t.lattices().size(); l++) {
                Lattice lattice = t.lattices().get(l);
                Decoder.Decoded d = t.estimate().decodings().get(l);
                List<double[]> group = new ArrayList<>();
                boolean hasOriginal = false;
                double fitW = Double.NaN;
                for (int a = 0; a < lattice.arcs.length; a++) {
                    Arc arc = lattice.arcs[a];
                    int fromToken = lattice.tokenIndex[arc.from()];
                    int toToken = lattice.tokenIndex[arc.to() - 1] + 1;
                    if (arc.isKeep() || tokens.get(fromToken).start() != e.start() || tokens.get(toToken - 1).end() != e.end()) {
                        continue;
                    }
                    boolean original = ArcFitting.normal(e.original()).equals(ArcFitting.normal(arc.candidate().original()));
                    hasOriginal |= original;
                    double fit = topic.fit(arc.candidate().original(), fromToken, toToken);
                    fitW = topic.fit(String.join(" ", java.util.Arrays.copyOfRange(lattice.normal, arc.from(), arc.to())),
                            fromToken, toToken);
                    group.add(new double[] {GROUPS[0], original ? 1 : 0, d.best()[a] ? 1 : 0, d.posterior()[a], fit, 0});
                }
                if (hasOriginal && group.size() >= 2) {
                    for (double[] g : group) {
                        g[5] = g[4] - fitW;
                        out.add(g);
                    }
                    GROUPS[0]++;
                }
            }
        }
    }

    /** Group numbers of {@link #spanChoice} (a study tool's counter, one run per JVM). */
    private static final double[] GROUPS = {0};

    private static void reportChoice(List<double[]> rows) {
        java.util.Map<Double, List<double[]>> groups = new java.util.TreeMap<>();
        for (double[] r : rows) {
            groups.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r);
        }
        int originalBest = 0;
        int otherBest = 0;
        int noneBest = 0;
        int fitPrefersOriginalWhenOtherBest = 0;
        int fitPrefersOtherWhenOriginalBest = 0;
        int fitTop = 0;
        int postTop = 0;
        for (List<double[]> g : groups.values()) {
            double[] orig = g.stream().filter(r -> r[1] == 1).findFirst().orElseThrow();
            double[] best = g.stream().filter(r -> r[2] == 1).findFirst().orElse(null);
            if (best == null) {
                noneBest++;
            } else if (best == orig) {
                originalBest++;
                fitPrefersOtherWhenOriginalBest += g.stream().anyMatch(r -> r != orig && fitOf(r) > fitOf(orig)) ? 1 : 0;
            } else {
                otherBest++;
                fitPrefersOriginalWhenOtherBest += fitOf(orig) > fitOf(best) ? 1 : 0;
            }
            fitTop += g.stream().allMatch(r -> r == orig || fitOf(r) < fitOf(orig)) ? 1 : 0;
            postTop += g.stream().allMatch(r -> r == orig || r[3] < orig[3]) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "edits' spans with the original and another reading: %d (readings %d); best path takes the "
                + "original %d (another reading has a higher topic fit in %d), another reading %d (the original's topic fit "
                + "higher in %d), none (keep) %d; the original first by topic fit %d, by posterior %d%n", groups.size(), rows.size(),
                originalBest, fitPrefersOtherWhenOriginalBest, otherBest, fitPrefersOriginalWhenOtherBest, noneBest, fitTop, postTop);
        for (double k : new double[] {0, 0.5, 1, 2, 4, 8}) {
            int right = 0;
            for (List<double[]> g : groups.values()) {
                double[] top = g.get(0);
                for (double[] r : g) {
                    if (score(r, k) > score(top, k)) {
                        top = r;
                    }
                }
                right += top[1] == 1 ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "  the original first by logit(posterior) + %.1f * topic fit: %d of %d%n", k, right, groups.size());
        }
    }

    private static double fitOf(double[] r) {
        return Double.isNaN(r[4]) ? -1 : r[4];
    }

    private static double score(double[] r, double k) {
        return logit(r[3]) + k * (Double.isNaN(r[4]) ? 0 : r[4]);
    }

    private static double g(Row r) {
        return Double.isNaN(r.gain) ? 0 : r.gain;
    }

    private static double logit(double p) {
        double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
        return Math.log(q / (1 - q));
    }

    private static double auroc(List<Row> pos, List<Row> neg, java.util.function.ToDoubleFunction<Row> f) {
        double[] a = pos.stream().mapToDouble(f).toArray();
        double[] b = neg.stream().mapToDouble(f).toArray();
        return org.despin.eval.Metrics.auroc(a, b);
    }

    /** The example's findings: the topic gain of each, false flags against true ones. */
    static void example(Detector detector, TopicVectors vectors, Path file, List<Edit> edits) throws Exception {
        String text = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        Report r = detector.check(text, CheckOptions.DEFAULTS);
        Document doc = Document.parse(text);
        TopicVectors.Doc topic = vectors.doc(doc);
        List<Double> falseGains = new ArrayList<>();
        List<Double> trueGains = new ArrayList<>();
        List<Double> falseFits = new ArrayList<>();
        List<Double> trueFits = new ArrayList<>();
        List<Token> tokens = doc.tokens();
        for (Finding f : r.findings()) {
            int from = -1;
            int to = -1;
            for (int t = 0; t < tokens.size(); t++) {
                if (tokens.get(t).start() < f.end() && f.start() < tokens.get(t).end()) {
                    from = from < 0 ? t : from;
                    to = t + 1;
                }
            }
            String observed = org.despin.text.Normalizer.lmForm(f.text());
            String suggestion = org.despin.text.Normalizer.lmForm(f.suggestion());
            double fitW = topic.fit(observed, from, to);
            double gain = topic.fit(suggestion, from, to) - fitW;
            Edit on = edits.stream().filter(e -> f.start() < e.end() && e.start() < f.end()).findFirst().orElse(null);
            (on == null ? falseGains : trueGains).add(Double.isNaN(gain) ? 0 : gain);
            (on == null ? falseFits : trueFits).add(Double.isNaN(fitW) ? 1 : -fitW);
            System.out.printf(Locale.ROOT, "  %s -> %s %.2f %s gain %+.4f observed fit %+.4f%n", f.text(), f.suggestion(),
                    f.confidence(), on == null ? "FALSE" : "[" + on.original() + "]", gain, fitW);
        }
        System.out.printf(Locale.ROOT, "example: %d findings, %d false; AUROC (true vs false flags) of the gain %.4f, of minus the "
                + "observed fit (no vector: first) %.4f%n", r.findings().size(), falseGains.size(),
                DetectorEvaluation.auroc(trueGains, falseGains), DetectorEvaluation.auroc(trueFits, falseFits));
    }
}
