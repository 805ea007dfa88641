package org.despin.detect;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.despin.data.DataPaths;
import org.despin.data.spin.SpinThesauri;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmState;
import org.despin.lm.Vocabulary;
import org.despin.model.Model;
import org.despin.model.Models;
import org.despin.spin.SpinThesaurus;

/**
 * The data of the term evidence gate's refit (docs/detector.md "A refit of the term evidence gate"), on
 * TRAINING text only: the fit fold, read with the LM rebuilt without it ({@code -DfoldLm=PATH}). A
 * TERM-REWRITING training spinner: sentences of the fit fold that hold a table term (never one of either
 * evaluation list: {@link TermFitting#occurrences}), each as it is and once more with the term replaced by
 * another table term drawn at random (a noun phrase of at least {@value #MIN_TERM_LOG10} log10 in the LM, so
 * technical terms in real prose, not only the fold's own everyday ones); each of these with the term spun
 * word by word at rate 1 by the training thesauri (Moby and the WordNet training spinner; never MyThes, the
 * evaluation's). The detector runs with the term evidence gate off (and the rare-span rule off), so every
 * word-by-word match competes in the decode; one TSV row per
 * <ul>
 * <li>{@code POS}: the spun span's match to its term, restored by the detector (the arcs a gate should keep);
 *     {@code POSMISS}: reached but not restored (no decision of the gate's);</li>
 * <li>{@code NEG}: a term finding (word by word) on clean text: the fold's clean 200-300-word passages
 *     ({@code passage}), the carrier sentences holding their term unspun ({@code carrier}), and the spun
 *     sentences' other words ({@code spun});</li>
 * </ul>
 * with the facts {@link TermCandidates.ArcFacts} computes. {@code fit FILE} then fits the gate's logistic
 * regression over chosen facts (both classes weighted equally, L2 1.0) on one half and reports, on the other,
 * how many NEG the gate keeps at the points that keep 95 % and 90 % of POS, against the gate in use
 * ({@link TermEvidence#DEFAULTS} at {@code termGate} with the rare-span rule).
 *
 * <pre>
 *   java -Xmx6g -cp $CP -DfoldLm=/tmp/arcs/fold-lm.dspm org.despin.detect.TermGateFitting MODEL PASSAGES OCCURRENCES OUT.tsv
 *   java -cp $CP [-DgateFacts=context,observedRarest,...] org.despin.detect.TermGateFitting fit OUT.tsv
 * </pre>
 */
final class TermGateFitting {
    /** log10 P of a drawn term from an empty context, at least: terms a writer uses, not WordNet's rarities. */
    static final double MIN_TERM_LOG10 = -7.5;

    private TermGateFitting() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("fit")) {
            fit(Path.of(args[1]));
            return;
        }
        Model base = Models.load(Path.of(args[0]));
        int passages = Integer.parseInt(args[1]);
        int wanted = Integer.parseInt(args[2]);
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        Model model = FoldModel.forFitting(base, paths);
        DetectorSettings settings = DetectorEvaluation.settingsFromProperties(model).with().termEvidence(null)
                .rareSpanTermGate(Double.NaN).build();
        Detector detector = new Detector(model, settings);
        List<String> training = ArcFitting.trainingText(paths, System.getProperty("foldLm") != null);
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8)) {
            out.write("kind\tsource\tspinner\tobserved\tterm\t" + String.join("\t", TermCandidates.ArcFacts.NAMES) + "\n");
            int negatives = 0;
            for (String p : DetectorEvaluation.passages(training, 200, 300, passages)) {
                negatives += negatives(detector, p, -1, -1, "passage", "-", out);
            }
            System.out.printf(Locale.ROOT, "clean passages: %d term findings%n", negatives);
            List<TermFitting.Occurrence> natural = TermFitting.occurrences(training, model, wanted);
            List<TermFitting.Occurrence> all = new ArrayList<>(natural);
            all.addAll(transplanted(natural, drawable(model, detector.termCandidates()), new Random(2026)));
            SpinThesaurus[] thesauri = {SpinThesauri.load(SpinThesauri.MOBY, paths), WordNetSpinThesaurus.load()};
            String[] names = {"moby", "wordnet"};
            int[] spun = new int[2];
            int[] reached = new int[2];
            int[] restored = new int[2];
            int carrierNegatives = 0;
            for (int n = 0; n < all.size(); n++) {
                TermFitting.Occurrence o = all.get(n);
                String source = n < natural.size() ? "natural" : "transplant";
                carrierNegatives += negatives(detector, o.sentence(), -1, -1, "carrier", source, out);
                for (int s = 0; s < thesauri.length; s++) {
                    String tortured = TermFitting.torture(thesauri[s], o, n + 100_000 * s);
                    if (tortured == null) {
                        continue;
                    }
                    spun[s]++;
                    String text = o.sentence().substring(0, o.start()) + tortured + o.sentence().substring(o.end());
                    int end = o.start() + tortured.length();
                    Report r = detector.check(text, CheckOptions.DEFAULTS);
                    boolean found = r.findings().stream().anyMatch(f -> f.start() == o.start() && f.end() == end
                            && f.suggestion().toLowerCase(Locale.ROOT).equals(o.term()));
                    String row = row(detector, text, o.start(), end, o.term());
                    if (row != null) {
                        reached[s]++;
                        restored[s] += found ? 1 : 0;
                        out.write((found ? "POS" : "POSMISS") + "\t" + source + "\t" + names[s] + "\t" + row + "\n");
                    }
                    negatives(detector, text, o.start(), end, "spun", names[s], out);
                }
            }
            System.out.printf(Locale.ROOT, "occurrences: %d natural, %d transplanted; carrier term findings %d%n",
                    natural.size(), all.size() - natural.size(), carrierNegatives);
            for (int s = 0; s < names.length; s++) {
                System.out.printf(Locale.ROOT, "%s: %d spun, %d reached, %d restored%n", names[s], spun[s], reached[s],
                        restored[s]);
            }
        }
    }

    /**
     * Writes a NEG row per word-by-word term finding of {@code text} outside characters {@code start..end}
     * (the spun term, -1 for none); returns how many.
     */
    private static int negatives(Detector detector, String text, int start, int end, String kind, String spinner,
            BufferedWriter out) throws java.io.IOException {
        int n = 0;
        for (Finding f : detector.check(text, CheckOptions.DEFAULTS).findings()) {
            if (!f.evidence().contains(TermCandidates.SOURCE + " synonym") || (f.end() > start && f.start() < end)) {
                continue;
            }
            String row = row(detector, text, f.start(), f.end(), f.suggestion().toLowerCase(Locale.ROOT));
            if (row != null) {
                out.write("NEG\t" + kind + "\t" + spinner + "\t" + row + "\n");
                n++;
            }
        }
        return n;
    }

    /** The observed text, term and facts of the word-by-word match of characters start..end to {@code term}, or null. */
    private static String row(Detector detector, String text, int start, int end, String term) {
        double[] facts = TermArcStudy.matchFacts(detector, text, start, end, term, true);
        if (facts == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(text, start, end).append('\t').append(term);
        for (double v : facts) {
            sb.append(String.format(Locale.ROOT, "\t%.4f", v));
        }
        return sb.toString();
    }

    /**
     * The terms a transplant draws from: noun phrases of the table in lower-case words the LM knows, at least
     * {@value #MIN_TERM_LOG10} log10 from an empty context, none of either evaluation list; in table order.
     */
    static List<String> drawable(Model model, TermCandidates candidates) {
        Set<String> evaluation = new HashSet<>(TorturedPhrases.allTerms());
        LanguageModel lm = model.lm();
        List<String> out = new ArrayList<>();
        for (int t = 0; t < model.terms().size(); t++) {
            String text = model.terms().text(t);
            if (evaluation.contains(text) || !candidates.nounPhrase(text)) {
                continue;
            }
            if (log10(lm, text.split(" ")) >= MIN_TERM_LOG10) {
                out.add(text);
            }
        }
        return out;
    }

    /** log10 P(words) from an empty context; -infinity when a word is unknown. */
    static double log10(LanguageModel lm, String[] words) {
        LmState a = lm.newState();
        LmState b = lm.newState();
        lm.emptyContext(a);
        double sum = 0;
        for (String word : words) {
            int id = lm.vocabulary().id(word);
            if (id == Vocabulary.UNKNOWN) {
                return Double.NEGATIVE_INFINITY;
            }
            sum += lm.score(a, id, b);
            LmState swap = a;
            a = b;
            b = swap;
        }
        return sum;
    }

    /** Each occurrence once more with a term drawn from {@code pool} in the place of its own. */
    static List<TermFitting.Occurrence> transplanted(List<TermFitting.Occurrence> natural, List<String> pool, Random random) {
        List<TermFitting.Occurrence> out = new ArrayList<>();
        for (TermFitting.Occurrence o : natural) {
            String term = pool.get(random.nextInt(pool.size()));
            String sentence = o.sentence().substring(0, o.start()) + term + o.sentence().substring(o.end());
            out.add(new TermFitting.Occurrence(sentence, o.start(), o.start() + term.length(), term));
        }
        return out;
    }

    // ---- the fit -------------------------------------------------------------------------------------

    /** One row of the study: kind, source, and the facts. */
    record Row(String kind, String source, String spinner, double[] facts) {
    }

    static List<Row> read(Path file) throws java.io.IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("kind\t")) {
                continue;
            }
            String[] f = line.split("\t");
            double[] facts = new double[f.length - 5];
            for (int k = 0; k < facts.length; k++) {
                facts[k] = Double.parseDouble(f[k + 5]);
            }
            rows.add(new Row(f[0], f[1], f[2], facts));
        }
        return rows;
    }

    /** Whether the gate in use lets the match in: {@link TermEvidence#DEFAULTS} at -1.5, or the rare-span rule. */
    static boolean current(double[] facts) {
        return TermEvidence.DEFAULTS.score(new TermCandidates.ArcFacts(facts)) >= -1.5
                || (facts[TermCandidates.ArcFacts.CONTEXT] >= 2
                        && facts[TermCandidates.ArcFacts.NAMES.indexOf("rarityMargin")] > TermCandidates.RARE_SPAN_MARGIN);
    }

    static void fit(Path file) throws java.io.IOException {
        List<Row> rows = read(file);
        List<String> facts = List.of(System.getProperty("gateFacts",
                "context,observedRarest,lnMaxFanout,channel,rarityMargin").split(","));
        int[] index = facts.stream().mapToInt(TermCandidates.ArcFacts.NAMES::indexOf).toArray();
        String positives = System.getProperty("gatePositives", "all");
        List<double[]> trainX = new ArrayList<>();
        List<Integer> trainY = new ArrayList<>();
        List<Row> test = new ArrayList<>();
        int n = 0;
        for (Row r : rows) {
            if (r.kind().equals("POSMISS") || (r.kind().equals("POS") && !positives.equals("all") && !r.source().equals(positives))) {
                continue; // -DgatePositives=natural|transplant: positives of one kind of occurrence only
            }
            if (n++ % 2 == 0) {
                trainX.add(x(r.facts(), index));
                trainY.add(r.kind().equals("POS") ? 1 : 0);
            } else {
                test.add(r);
            }
        }
        double[] w = fitBalanced(trainX, trainY, Double.parseDouble(System.getProperty("l2", "1.0")));
        System.out.println("facts: " + facts);
        System.out.print("weights:");
        for (double v : w) {
            System.out.printf(Locale.ROOT, " %.4f", v);
        }
        System.out.println();
        report("fitted", test, r -> Logistic.predict(w, x(r.facts(), index)), w, index);
        report("in use", test, r -> current(r.facts()) ? 1.0 : 0.0, null, null);
        report("DEFAULTS", test, r -> 1 / (1 + Math.exp(-TermEvidence.DEFAULTS.score(new TermCandidates.ArcFacts(r.facts())))),
                null, null);
    }

    private static double[] x(double[] facts, int[] index) {
        double[] x = new double[index.length + 1];
        x[0] = 1;
        for (int k = 0; k < index.length; k++) {
            x[k + 1] = facts[index[k]];
        }
        return x;
    }

    /** Logistic regression with both classes weighted equally (each row of the rarer class repeated in weight). */
    static double[] fitBalanced(List<double[]> xs, List<Integer> ys, double l2) {
        int positives = 0;
        for (int y : ys) {
            positives += y;
        }
        double wPos = 0.5 * ys.size() / Math.max(1, positives);
        double wNeg = 0.5 * ys.size() / Math.max(1, ys.size() - positives);
        return Logistic.fit(xs, ys, l2, wPos, wNeg);
    }

    /**
     * On the test half: the share of POS kept and of NEG (per source) let in, at the points keeping 95 % and 90 %
     * of POS, and at the point letting in as many NEG of clean passages as the gate in use does.
     */
    private static void report(String label, List<Row> test, java.util.function.ToDoubleFunction<Row> score, double[] w,
            int[] index) {
        List<Double> pos = new ArrayList<>();
        for (Row r : test) {
            if (r.kind().equals("POS")) {
                pos.add(score.applyAsDouble(r));
            }
        }
        pos.sort(null);
        List<Double> passage = new ArrayList<>();
        for (Row r : test) {
            if (r.kind().equals("NEG") && r.source().equals("passage")) {
                passage.add(score.applyAsDouble(r));
            }
        }
        long inUse = test.stream().filter(r -> r.kind().equals("NEG") && r.source().equals("passage") && current(r.facts())).count();
        passage.sort(java.util.Collections.reverseOrder());
        double budget = inUse == 0 ? Double.POSITIVE_INFINITY : passage.get((int) inUse - 1);
        StringBuilder b = new StringBuilder(label + ":");
        double[] points = {pos.get((int) (0.05 * pos.size())), pos.get((int) (0.10 * pos.size())), budget};
        String[] names = {"95 % POS", "90 % POS", "NEG passages as in use"};
        for (int k = 0; k < points.length; k++) {
            double t = points[k];
            b.append(String.format(Locale.ROOT, "%n  at %s (p %.3f, log-odds %.2f):", names[k], t, Math.log(t / (1 - t))));
            b.append(share(test, score, t, "POS", null, null)).append(share(test, score, t, "POS", "natural", null))
                    .append(share(test, score, t, "POS", "transplant", null)).append(share(test, score, t, "POS", null, "moby"))
                    .append(share(test, score, t, "POS", null, "wordnet"));
            for (String source : List.of("passage", "carrier", "spun")) {
                b.append(share(test, score, t, "NEG", source, null));
            }
        }
        System.out.println(b);
    }

    private static String share(List<Row> test, java.util.function.ToDoubleFunction<Row> score, double t, String kind,
            String source, String spinner) {
        int all = 0;
        int kept = 0;
        for (Row r : test) {
            if (r.kind().equals(kind) && (source == null || r.source().equals(source))
                    && (spinner == null || r.spinner().equals(spinner))) {
                all++;
                kept += score.applyAsDouble(r) >= t ? 1 : 0;
            }
        }
        return String.format(Locale.ROOT, " %s%s%s %d/%d", kind, source == null ? "" : "/" + source,
                spinner == null ? "" : "/" + spinner, kept, all);
    }
}
