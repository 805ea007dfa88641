package org.despin.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.despin.data.DataPaths;
import org.despin.eval.Metrics;
import org.despin.model.Model;
import org.despin.spin.Edit;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.Spinner;
import org.despin.text.Token;

/**
 * Fits the {@link FindingModel} (DetectorEvaluation {@code fitfindings N}): N passages of 200-300
 * words from the arc model's fit fold of the TRAINING documents (never the held-out ones), read
 * with the LM rebuilt without that fold ({@code -DfoldLm}, as {@code fitarcs}), each decoded clean
 * and spun once (rates 0.05-0.4 in turn; Moby and the WordNet training spinner alternately, never
 * MyThes) with the current arc model and no spunBoost; every candidate finding
 * ({@link FindingBuilder#candidates}) is labelled "exact" (its span is an edit's span and its
 * reading the edit's original) and "on an edit" (it overlaps an edit). Logistic regression on the
 * first half of the passages for each label (L2 {@code -Dl2}, default 1), AUROC and calibration on
 * the second half; then, on the second half, the clean flags per 100 words and the spun passages'
 * token P / R / F1 and exact restorations by threshold t (a finding needs a fitted probability of
 * at least t: {@link FindingModel#bias} -logit(t)), beside those of the settings given (with their
 * spunBoost): the operating point is chosen there for the same clean-flag level. Prints the
 * coefficients as Java for {@link FindingModel}. With {@code -DfindingBoosted=true} it fits
 * {@link FindingModel#SPUN} instead: rates 0.1-0.5, the settings' spunBoost kept, only the documents
 * the score calls spun, their candidates read from the boosted decode (the thresholds then apply there,
 * the other documents keep the settings' findings).
 */
final class FindingFitting {
    private static final double[] RATES = {0.05, 0.1, 0.2, 0.3, 0.4};
    /** Rates of the fit for documents called spun ({@code -DfindingBoosted=true}): heavily spun ones too. */
    private static final double[] SPUN_RATES = {0.1, 0.2, 0.3, 0.4, 0.5};
    private static final double[] THRESHOLDS = {0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8};

    private FindingFitting() {
    }

    /** One decoded passage: its trace (without the boost), the edits, and the report of the given settings. */
    private record Decoded(Detector.Trace trace, List<Edit> edits, Report baseline, boolean clean, boolean train) {
    }

    static void fit(Model model, DetectorSettings base, DataPaths paths, int count) throws Exception {
        String foldLm = System.getProperty("foldLm");
        Model fitModel = FoldModel.forFitting(model, paths);
        // no boosted decode; the candidates do not depend on the finding model's weights
        FindingModel none = new FindingModel(new double[FindingModel.SIZE + 1], 0);
        // -DfindingBoosted=true: fit the model for documents called spun, on their boosted decodes
        boolean spunFit = Boolean.getBoolean("findingBoosted");
        double[] rates = spunFit ? SPUN_RATES : RATES;
        String fitRates = System.getProperty("fitRates"); // -DfitRates=0.05,0.1: these rates in turn instead
        if (fitRates != null) {
            rates = java.util.Arrays.stream(fitRates.split(",")).mapToDouble(Double::parseDouble).toArray();
        }
        Detector decide = new Detector(fitModel, spunFit ? base.with().findingModel(none).spunFindingModel(none).build()
                : base.with().findingModel(none).spunBoost(0).build());
        Detector baseline = new Detector(fitModel, base);
        // -DfitWords=10-60: passages of that many words (the model for short documents), else 200-300
        // (trees25: -DfitWords=100-150 -DfitRates=0.05,0.1, the lightly spun short texts the DEFAULTS trees suppressed)
        String[] words = System.getProperty("fitWords", "200-300").split("-");
        // -DfitSkip=N: the passages after the first N (spun29: more passages than a first dump used, no passage twice)
        int skip = Integer.getInteger("fitSkip", 0);
        List<String> passages = DetectorEvaluation.passages(ArcFitting.trainingText(paths, foldLm != null),
                Integer.parseInt(words[0]), Integer.parseInt(words[1]), count + skip);
        passages = passages.subList(Math.min(skip, passages.size()), passages.size());
        // -DfitDecodes=clean|spun: decode only the clean passages or only their spins (spun29: the clean documents
        // the routing score calls spun, which a SPUN fit of both sees too rarely), else both; with one of them the
        // thresholds' table is not made (no baseline decode, no trace kept)
        String decodes = System.getProperty("fitDecodes", "both");
        boolean keepDocs = decodes.equals("both") && !Boolean.getBoolean("fitNoTable"); // -DfitNoTable=true: both, no table
        Spinner[] training = TrainingSpinners.load(paths, model.lm()); // -DtrainSpin: the variant
        List<Decoded> docs = new ArrayList<>();
        List<double[]> x = new ArrayList<>();
        List<Integer> exact = new ArrayList<>();
        List<Integer> onEdit = new ArrayList<>();
        List<Boolean> inTrain = new ArrayList<>();
        List<Integer> passageOf = new ArrayList<>(); // 2 * passage + (clean ? 0 : 1), for -DfindingDump
        List<String> study = System.getProperty("findingStudy") == null ? null
                : new ArrayList<>(List.of("document\ttrain\tonEdit\texact\tobserved\treading\tsource\tkind\tcapital\tvariant\tsentenceStart"
                        + "\tcurrent\tlattice\tfrom\tto\twords"));
        // -DfindingLemmas=true: also the features with the document's words counted by lemma (LemmaWordKey)
        LemmaWordKey lemmas = Boolean.getBoolean("findingLemmas") ? LemmaWordKey.load() : null;
        List<double[]> xLemmas = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            boolean train = i < passages.size() / 2;
            double rate = rates[i % rates.length];
            Spinner spinner = training[(i / rates.length) % training.length];
            SpinResult s = spinner.withOptions(SpinOptions.of(rate, 7000 + i)).spin(passages.get(i));
            for (boolean clean : new boolean[] {true, false}) {
                if (!keepDocs && clean != decodes.equals("clean")) {
                    continue;
                }
                String text = clean ? passages.get(i) : s.spunText();
                List<Edit> edits = clean ? List.of() : s.edits();
                Detector.Trace t = decide.trace(text, CheckOptions.DEFAULTS);
                if (keepDocs) {
                    docs.add(new Decoded(t, edits, baseline.check(text, CheckOptions.DEFAULTS), clean, train));
                }
                if (boosted(base, t) && Boolean.getBoolean("findingNotSpun") || spunFit && !boosted(base, t)) {
                    continue; // -DfindingNotSpun=true: fit only where the model decides (documents the boost leaves)
                }
                FindingBuilder fb = new FindingBuilder(t.doc(), t.estimate(), null, spinScore(base, t), Double.NaN, decide.lm())
                        .withForms(new ObservedForms(fitModel.lm(), fitModel.lexicon())); // formShare, production (forms28)
                if (lemmas != null) {
                    for (FindingBuilder.Candidate c : fb.candidates(t.lattices(), lemmas)) {
                        double[] row = new double[FindingModel.SIZE + 1];
                        row[0] = 1;
                        System.arraycopy(c.features(), 0, row, 1, FindingModel.SIZE);
                        xLemmas.add(row);
                    }
                }
                for (FindingBuilder.Candidate c : fb.candidates(t.lattices())) {
                    Lattice lattice = t.lattices().get(c.lattice());
                    Arc arc = lattice.arcs[c.arc()];
                    List<Token> tokens = t.doc().tokens();
                    int start = tokens.get(lattice.tokenIndex[arc.from()]).start();
                    int end = tokens.get(lattice.tokenIndex[arc.to() - 1]).end();
                    boolean isExact = false;
                    boolean isOnEdit = false;
                    for (Edit e : edits) {
                        isOnEdit |= e.start() < end && start < e.end();
                        isExact |= e.start() == start && e.end() == end
                                && ArcFitting.normal(e.original()).equals(ArcFitting.normal(arc.candidate().original()));
                    }
                    double[] row = new double[FindingModel.SIZE + 1];
                    row[0] = 1;
                    System.arraycopy(c.features(), 0, row, 1, FindingModel.SIZE);
                    x.add(row);
                    exact.add(isExact ? 1 : 0);
                    onEdit.add(isOnEdit ? 1 : 0);
                    inTrain.add(train);
                    passageOf.add(2 * i + (clean ? 0 : 1));
                    if (study != null) { // -DfindingStudy=FILE: what the candidate reads (branch flags27)
                        String obs = t.doc().text().substring(start, end);
                        int sentenceStart = arc.features() == null ? -1
                                : (int) arc.features()[ArcFeatures.NAMES.indexOf("sentenceStart")];
                        boolean capital = Character.isUpperCase(obs.charAt(0));
                        study.add(String.format(Locale.ROOT, "%d\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%d\t%d\t%d",
                                2 * i + (clean ? 0 : 1), train ? 1 : 0, isOnEdit ? 1 : 0, isExact ? 1 : 0,
                                obs.replace('\t', ' '), arc.candidate().original(), arc.candidate().candidate().source(),
                                FindingModel.kind(arc), capital ? 1 : 0,
                                ReadingVariants.isVariant(lattice.observed(arc.from(), arc.to()), arc.candidate().original()) ? 1 : 0,
                                sentenceStart)
                                // branch precision30: the settings' own model's log-odds (spunFindingModel in a boosted fit,
                                // else findingModel; trees included, bias not), the candidate's sentence and place, the words
                                + String.format(Locale.ROOT, "\t%.5f\t%d\t%d\t%d\t%d",
                                        (spunFit ? base.spunFindingModel() : base.findingModel()).logOdds(c.features()),
                                        c.lattice(), arc.from(), arc.to(), t.doc().wordCount()));
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d passages of %s-%s words (%s), each clean and spun; %d candidates, "
                + "%d exact, %d on an edit%n", passages.size(), words[0], words[1], foldLm != null ? "fit fold, fold LM" : "all training documents",
                x.size(), exact.stream().mapToInt(Integer::intValue).sum(), onEdit.stream().mapToInt(Integer::intValue).sum());
        long cleanDocs = passageOf.stream().filter(d -> d % 2 == 0).distinct().count();
        long cleanRows = passageOf.stream().filter(d -> d % 2 == 0).count();
        System.out.printf(Locale.ROOT, "decodes %s (skip %d): candidates of %d clean documents (%d candidates), %d spun documents%n",
                decodes, skip, cleanDocs, cleanRows, passageOf.stream().filter(d -> d % 2 == 1).distinct().count());
        if (study != null) {
            java.nio.file.Files.write(Path.of(System.getProperty("findingStudy")), study);
        }
        String dump = System.getProperty("findingDump");
        if (dump != null) { // -DfindingDump=FILE: the candidates for TreeFitting (passage, half, labels, features)
            dump(Path.of(dump), x, onEdit, exact, inTrain, passageOf);
        }
        double l2 = Double.parseDouble(System.getProperty("l2", "1.0"));
        // -DfindingDrop="a,b;c": also fit (label onEdit) without those features (zero columns keep zero weights)
        List<String> variants = new ArrayList<>(List.of("exact", "onEdit"));
        if (lemmas != null) {
            variants.add("onEdit lemmas");
        }
        for (String drop : System.getProperty("findingDrop", "").split(";")) {
            if (!drop.isBlank()) {
                variants.add("onEdit without " + drop);
            }
        }
        for (String label : variants) {
            List<Integer> y = label.equals("exact") ? exact : onEdit;
            List<Integer> dropped = label.contains(" without ")
                    ? java.util.Arrays.stream(label.substring(label.indexOf(" without ") + 9).split(","))
                            .map(n -> FindingModel.FEATURES.indexOf(n.trim()) + 1).toList()
                    : List.of();
            List<double[]> trainX = new ArrayList<>();
            List<Integer> trainY = new ArrayList<>();
            List<double[]> testX = new ArrayList<>();
            List<Integer> testY = new ArrayList<>();
            for (int n = 0; n < x.size(); n++) {
                double[] row = (label.equals("onEdit lemmas") ? xLemmas : x).get(n).clone();
                for (int k : dropped) {
                    row[k] = 0;
                }
                (inTrain.get(n) ? trainX : testX).add(row);
                (inTrain.get(n) ? trainY : testY).add(y.get(n));
            }
            double[] w = Logistic.fit(trainX, trainY, l2);
            System.out.printf(Locale.ROOT, "%n## label %s: %d training candidates, %d positive%n", label, trainX.size(),
                    trainY.stream().mapToInt(Integer::intValue).sum());
            System.out.println(Logistic.printWeights(w, FindingModel.FEATURES));
            calibration(w, testX, testY);
            if (label.equals("onEdit lemmas")) {
                continue; // the thresholds' findings count the document's words by the detector's stems
            }
            if (keepDocs) {
                thresholds(w, docs, base, spunFit, decide.lm());
            }
        }
    }

    /**
     * Writes the candidates as TSV, one a line: document (2 * passage + 1 if spun), train (1: the first half),
     * onEdit, exact, then the {@link FindingModel#FEATURES} (TreeFitting reads it).
     */
    static void dump(Path file, List<double[]> x, List<Integer> onEdit, List<Integer> exact, List<Boolean> inTrain,
            List<Integer> passageOf) throws java.io.IOException {
        try (java.io.BufferedWriter w = java.nio.file.Files.newBufferedWriter(file)) {
            w.write("document\ttrain\tonEdit\texact\t" + String.join("\t", FindingModel.FEATURES) + "\n");
            StringBuilder line = new StringBuilder();
            for (int n = 0; n < x.size(); n++) {
                line.setLength(0);
                line.append(passageOf.get(n)).append('\t').append(inTrain.get(n) ? 1 : 0).append('\t')
                        .append(onEdit.get(n)).append('\t').append(exact.get(n));
                for (int k = 1; k < x.get(n).length; k++) {
                    line.append('\t').append(x.get(n)[k]);
                }
                w.write(line.append('\n').toString());
            }
        }
        System.out.println("candidates written to " + file);
    }

    /**
     * The document's score as the detector gives the finding model: the routing score, or in a boosted document the
     * verdict score (the report's) when the settings say so ({@code spunReadsVerdict}, branch spun29).
     */
    private static double spinScore(DetectorSettings base, Detector.Trace t) {
        return base.spunReadsVerdict() && boosted(base, t) ? t.report().spinScore() : t.routingScore();
    }

    /** Whether the detector decodes this document boosted, so that the finding model does not decide there. */
    private static boolean boosted(DetectorSettings base, Detector.Trace t) {
        return base.spunBoost() != 0 && t.routingScore() >= base.spunThreshold();
    }

    /** AUROC and predicted against observed by band of prediction, on the test half. */
    private static void calibration(double[] w, List<double[]> x, List<Integer> y) {
        List<Double> pos = new ArrayList<>();
        List<Double> neg = new ArrayList<>();
        double[] edges = {0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0001};
        int[] count = new int[edges.length - 1];
        int[] positive = new int[edges.length - 1];
        double[] sum = new double[edges.length - 1];
        for (int n = 0; n < x.size(); n++) {
            double p = Logistic.predict(w, x.get(n));
            (y.get(n) == 1 ? pos : neg).add(p);
            for (int b = 0; b + 1 < edges.length; b++) {
                if (p >= edges[b] && p < edges[b + 1]) {
                    count[b]++;
                    positive[b] += y.get(n);
                    sum[b] += p;
                }
            }
        }
        System.out.printf(Locale.ROOT, "test half: AUROC %.4f over %d candidates%n", DetectorEvaluation.auroc(pos, neg), x.size());
        for (int b = 0; b < count.length; b++) {
            System.out.printf(Locale.ROOT, "  predicted %.1f-%.1f: %5d, mean %.3f, observed %.3f%n", edges[b],
                    Math.min(1, edges[b + 1]), count[b], count[b] == 0 ? 0 : sum[b] / count[b],
                    count[b] == 0 ? 0 : (double) positive[b] / count[b]);
        }
    }

    /**
     * Clean flags per 100 words and spun token P / R / F1, exact, on the test half, by threshold and
     * for the baseline; as the detector decides: the baseline's findings where it boosts, the model's elsewhere.
     */
    private static void thresholds(double[] w, List<Decoded> docs, DetectorSettings base, boolean spunFit,
            org.despin.lm.LanguageModel lm) {
        System.out.println("threshold (bias)  clean flags/100   spun P      R     F1   exact (test half)");
        for (double t : THRESHOLDS) {
            FindingModel m = new FindingModel(w, -Math.log(t / (1 - t)));
            print(String.format(Locale.ROOT, "%.2f (%5.2f)", t, m.bias()), docs, d -> boosted(base, d.trace()) != spunFit
                    ? d.baseline().findings() : new FindingBuilder(d.trace().doc(), d.trace().estimate(), m,
                    spinScore(base, d.trace()), Double.NaN, lm).findings(d.trace().lattices(), CheckOptions.DEFAULTS.minConfidence()));
        }
        print("baseline", docs, d -> d.baseline().findings());
    }

    private static void print(String label, List<Decoded> docs, java.util.function.Function<Decoded, List<Finding>> findings) {
        long cleanWords = 0;
        long cleanFlags = 0;
        long[] all = new long[4]; // tp, fp, fn, exact
        long edits = 0;
        for (Decoded d : docs) {
            if (d.train()) {
                continue;
            }
            List<Finding> f = findings.apply(d);
            String text = d.trace().doc().text();
            if (d.clean()) {
                cleanWords += d.trace().doc().wordCount();
                cleanFlags += f.size();
                continue;
            }
            org.despin.eval.SpanCounts sc = Metrics.spanCounts(text, d.edits(), f);
            all[0] += sc.truePositives();
            all[1] += sc.falsePositives();
            all[2] += sc.falseNegatives();
            all[3] += Metrics.exactRestorations(text, d.edits(), f);
            edits += d.edits().size();
        }
        double p = (double) all[0] / Math.max(1, all[0] + all[1]);
        double r = (double) all[0] / Math.max(1, all[0] + all[2]);
        System.out.printf(Locale.ROOT, "%-16s  %6.3f          %.3f  %.3f  %.3f  %.1f %%%n", label, 100.0 * cleanFlags / cleanWords,
                p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), 100.0 * all[3] / Math.max(1, edits));
    }
}
