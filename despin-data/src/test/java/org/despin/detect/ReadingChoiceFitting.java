package org.despin.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.despin.data.DataPaths;
import org.despin.model.Model;
import org.despin.spin.Edit;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.Spinner;
import org.despin.text.Token;

/**
 * Fits the {@link ReadingChoice} (DetectorEvaluation {@code fitchoice N}): N passages of 200-300 words
 * from the arc model's fit fold of the TRAINING documents, read with the fold LM ({@code -DfoldLm}, as
 * {@code fitfindings}), spun at 0.1-0.4 by Moby and the WordNet training spinner in turn (never MyThes),
 * each decoded once by the detector with the given settings (the boosted decode in a document called
 * spun, as the findings are made). A group is an edit's span with at least two substitution readings
 * of posterior above zero (word readings; term arcs only where the span has no other) the original
 * among them; label: the reading equals the original. Conditional logit (Newton, L2 {@code -Dl2},
 * default 1) on the groups of the first half of the passages; on the second half the right choices of
 * the decode (the best path's reading, else the likeliest, as FindingBuilder suggests) and of the
 * model, over all groups and over the groups the detector flagged at exactly the edit's span.
 */
final class ReadingChoiceFitting {
    private static final double[] RATES = {0.1, 0.2, 0.3, 0.4};

    private ReadingChoiceFitting() {
    }

    /** One span's readings: their features, which is the original, the decode's choice, whether it was flagged. */
    record Group(double[][] x, int original, int decoded, boolean flagged, boolean train, String observed, String[] readings,
            String context, int passage) {
        Group inPassage(int p) {
            return new Group(x, original, decoded, flagged, train, observed, readings, context, p);
        }
    }

    /** The first {@code n} groups of the test half the weights choose wrongly: the readings with their features. */
    private static void showWrong(double[] w, List<Group> groups, int n) {
        int shown = 0;
        for (Group g : groups) {
            if (shown >= n) {
                break;
            }
            int chosen = argmax(w, g);
            if (g.train() || chosen == g.original()) {
                continue;
            }
            shown++;
            System.out.printf(Locale.ROOT, "WRONG '%s' in '%s': chose '%s', original '%s'%s%n", g.observed(), g.context(),
                    g.readings()[chosen], g.readings()[g.original()], g.flagged() ? " (flagged)" : "");
            for (int r = 0; r < g.x().length; r++) {
                StringBuilder sb = new StringBuilder();
                for (double v : g.x()[r]) {
                    sb.append(String.format(Locale.ROOT, " %.2f", v));
                }
                System.out.printf(Locale.ROOT, "   %s %-24s score %.2f |%s%n", r == g.original() ? "*" : r == chosen ? ">" : " ",
                        g.readings()[r], dot(w, g.x()[r]), sb);
            }
        }
    }

    static void fit(Model model, DetectorSettings base, DataPaths paths, int count) throws Exception {
        Model fitModel = FoldModel.forFitting(model, paths);
        Detector detector = new Detector(fitModel, base);
        // -DfitWords=20-99: passages of that many words (documents the finding model leaves to the posteriors)
        String[] range = System.getProperty("fitWords", "200-300").split("-");
        List<String> passages = DetectorEvaluation.passages(ArcFitting.trainingText(paths, System.getProperty("foldLm") != null),
                Integer.parseInt(range[0]), Integer.parseInt(range[1]), count);
        Spinner[] training = TrainingSpinners.load(paths, model.lm()); // -DtrainSpin: the variant
        List<Group> groups = new ArrayList<>();
        // -DchoiceRepeats=K: each passage spun K times (repeat r: the next rate and spinner, seed + 100,000 r), more groups
        int repeats = Integer.getInteger("choiceRepeats", 1);
        for (int i = 0; i < passages.size(); i++) {
            boolean train = i < passages.size() / 2;
            for (int r = 0; r < repeats; r++) {
                int k = i + r;
                Spinner spinner = training[(k / RATES.length + r) % training.length];
                SpinResult s = spinner.withOptions(SpinOptions.of(RATES[k % RATES.length], 9000 + i + 100_000 * r))
                        .spin(passages.get(i));
                Detector.Trace t = detector.trace(s.spunText(), CheckOptions.DEFAULTS);
                for (Group g : groups(t, s.edits(), train)) {
                    groups.add(g.inPassage(i));
                }
            }
        }
        String dump = System.getProperty("choiceDump"); // -DchoiceDump=FILE: one row per reading (ReadingTreeFitting's input)
        if (dump != null) {
            dump(groups, java.nio.file.Path.of(dump));
        }
        long trainGroups = groups.stream().filter(Group::train).count();
        System.out.printf(Locale.ROOT, "%d passages, %d groups (%d training), %d flagged at their span%n",
                passages.size(), groups.size(), trainGroups, groups.stream().filter(Group::flagged).count());
        System.out.printf(Locale.ROOT, "%n## the weights in use (ReadingChoice.DEFAULT)%n");
        report(ReadingChoice.DEFAULT.weights(), groups);
        showWrong(ReadingChoice.DEFAULT.weights(), groups, Integer.getInteger("showWrong", 0));
        // -DchoiceDrop=a,b: fit without these features (their column zeroed, so their weight stays 0)
        for (String drop : System.getProperty("choiceDrop", "").split(",")) {
            int k = ReadingChoice.FEATURES.indexOf(drop.trim());
            if (!drop.isBlank() && k < 0) {
                throw new IllegalArgumentException("no reading-choice feature " + drop);
            }
            for (Group g : groups) {
                for (double[] x : k < 0 ? new double[0][] : g.x()) {
                    x[k] = 0;
                }
            }
        }
        double l2 = Double.parseDouble(System.getProperty("l2", "1.0"));
        for (boolean flaggedFit : new boolean[] {false, true}) {
            List<Group> trainSet = groups.stream().filter(g -> g.train() && (g.flagged() || !flaggedFit)).toList();
            System.out.printf(Locale.ROOT, "%n## fitted on %s training groups (%d)%n", flaggedFit ? "the flagged" : "all",
                    trainSet.size());
            report(fit(trainSet, l2), groups);
        }
    }

    /**
     * One row per reading: passage, group number, 1 if in the training half, 1 if flagged at the span, 1 if the original,
     * 1 if the decode's choice, then the {@link ReadingChoice#FEATURES} (tab-separated, a header line first).
     */
    static void dump(List<Group> groups, java.nio.file.Path file) throws java.io.IOException {
        try (java.io.PrintWriter out = new java.io.PrintWriter(java.nio.file.Files.newBufferedWriter(file))) {
            out.println("passage\tgroup\ttrain\tflagged\toriginal\tdecoded\t" + String.join("\t", ReadingChoice.FEATURES)
                    + "\treading\tobserved");
            for (int i = 0; i < groups.size(); i++) {
                Group g = groups.get(i);
                for (int r = 0; r < g.x().length; r++) {
                    StringBuilder sb = new StringBuilder();
                    sb.append(g.passage()).append('\t').append(i).append('\t').append(g.train() ? 1 : 0).append('\t').append(g.flagged() ? 1 : 0)
                            .append('\t').append(r == g.original() ? 1 : 0).append('\t').append(r == g.decoded() ? 1 : 0);
                    for (double v : g.x()[r]) {
                        sb.append('\t').append(String.format(Locale.ROOT, "%.6g", v));
                    }
                    sb.append('\t').append(g.readings()[r]).append('\t').append(g.observed());
                    out.println(sb);
                }
            }
        }
    }

    /** The weights, and the right choices of the decode and of the model on both halves. */
    private static void report(double[] w, List<Group> groups) {
        System.out.println(print(w));
        for (String half : new String[] {"training half", "test half"}) {
            List<Group> set = groups.stream().filter(g -> g.train() == half.startsWith("training")).toList();
            for (boolean flaggedOnly : new boolean[] {false, true}) {
                int n = 0;
                int decode = 0;
                int fitted = 0;
                for (Group g : set) {
                    if (flaggedOnly && !g.flagged()) {
                        continue;
                    }
                    n++;
                    decode += g.decoded() == g.original() ? 1 : 0;
                    fitted += argmax(w, g) == g.original() ? 1 : 0;
                }
                System.out.printf(Locale.ROOT, "%s, %s: %d groups; decode right %d (%.1f %%), model right %d (%.1f %%)%n",
                        half, flaggedOnly ? "flagged at the span" : "all", n, decode, 100.0 * decode / Math.max(1, n),
                        fitted, 100.0 * fitted / Math.max(1, n));
            }
        }
    }

    /** The groups of one decoded spun passage. */
    static List<Group> groups(Detector.Trace t, List<Edit> edits, boolean train) {
        List<Group> out = new ArrayList<>();
        // the lattices the readings are chosen in (deepened at the flagged spans, Detector.DEEP_READINGS)
        List<Lattice> lattices = t.readingLattices();
        List<Decoder.Decoded> decodings = t.readingDecodings();
        DocumentWords words = DocumentWords.of(t.doc(), lattices, decodings);
        List<Token> tokens = t.doc().tokens();
        for (Edit e : edits) {
            String orig = ArcFitting.normal(e.original());
            boolean flagged = t.report().findings().stream().anyMatch(f -> f.start() == e.start() && f.end() == e.end());
            for (int l = 0; l < lattices.size(); l++) {
                Lattice lattice = lattices.get(l);
                int[] span = ErrorAnalysis.positions(lattice, tokens, e);
                if (span == null) {
                    continue;
                }
                int from = span[0];
                int to = span[1];
                Decoder.Decoded d = decodings.get(l);
                List<Integer> readings = new ArrayList<>();
                boolean words0 = false;
                for (int a = lattice.firstArc[from]; a < lattice.firstArc[from + 1]; a++) {
                    Arc arc = lattice.arcs[a];
                    if (!arc.isKeep() && arc.to() == to && d.posterior()[a] > 0) {
                        readings.add(a);
                        words0 |= FindingModel.kind(arc) != FindingModel.Kind.TERM;
                    }
                }
                final boolean hasWords = words0;
                readings.removeIf(a -> hasWords && FindingModel.kind(lattice.arcs[a]) == FindingModel.Kind.TERM);
                int original = -1;
                int decoded = -1;
                int likeliest = -1;
                double[][] x = new double[readings.size()][];
                String[] names = new String[readings.size()];
                for (int r = 0; r < readings.size(); r++) {
                    int a = readings.get(r);
                    x[r] = ReadingChoice.features(lattice, d, a, words);
                    names[r] = lattice.arcs[a].candidate().original();
                    original = lattice.arcs[a].candidate().original().equals(orig) ? r : original;
                    decoded = d.best()[a] ? r : decoded;
                    likeliest = likeliest < 0 || d.posterior()[a] > d.posterior()[readings.get(likeliest)] ? r : likeliest;
                }
                if (readings.size() >= 2 && original >= 0) {
                    String context = String.join(" ", java.util.Arrays.copyOfRange(lattice.normal, Math.max(0, from - 4),
                            Math.min(lattice.size(), to + 4)));
                    out.add(new Group(x, original, decoded >= 0 ? decoded : likeliest, flagged, train,
                            lattice.observed(from, to), names, context, -1));
                }
                break;
            }
        }
        return out;
    }

    static int argmax(double[] w, Group g) {
        int best = 0;
        double top = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < g.x().length; r++) {
            double s = dot(w, g.x()[r]);
            if (s > top) {
                top = s;
                best = r;
            }
        }
        return best;
    }

    /** Conditional logit by Newton's method: maximise sum ln softmax(w.x)[original] - l2/2 |w|^2. */
    static double[] fit(List<Group> groups, double l2) {
        int n = ReadingChoice.SIZE;
        double[] w = new double[n];
        for (int iter = 0; iter < 50; iter++) {
            double[] grad = new double[n];
            double[][] hess = new double[n][n];
            for (int i = 0; i < n; i++) {
                grad[i] = -l2 * w[i];
                hess[i][i] = l2;
            }
            for (Group g : groups) {
                double[] p = softmax(w, g);
                double[] mean = new double[n];
                for (int r = 0; r < p.length; r++) {
                    for (int i = 0; i < n; i++) {
                        mean[i] += p[r] * g.x()[r][i];
                    }
                }
                for (int i = 0; i < n; i++) {
                    grad[i] += g.x()[g.original()][i] - mean[i];
                }
                for (int r = 0; r < p.length; r++) {
                    for (int i = 0; i < n; i++) {
                        double di = g.x()[r][i] - mean[i];
                        for (int j = 0; j < n; j++) {
                            hess[i][j] += p[r] * di * (g.x()[r][j] - mean[j]);
                        }
                    }
                }
            }
            double[] step = Logistic.solve(hess, grad);
            double max = 0;
            for (int i = 0; i < n; i++) {
                w[i] += step[i];
                max = Math.max(max, Math.abs(step[i]));
            }
            if (max < 1e-8) {
                break;
            }
        }
        return w;
    }

    static double[] softmax(double[] w, Group g) {
        double[] s = new double[g.x().length];
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < s.length; r++) {
            s[r] = dot(w, g.x()[r]);
            max = Math.max(max, s[r]);
        }
        double sum = 0;
        for (int r = 0; r < s.length; r++) {
            s[r] = Math.exp(s[r] - max);
            sum += s[r];
        }
        for (int r = 0; r < s.length; r++) {
            s[r] /= sum;
        }
        return s;
    }

    private static double dot(double[] w, double[] x) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * x[i];
        }
        return s;
    }

    static String print(double[] w) {
        StringBuilder sb = new StringBuilder("weights:");
        for (int i = 0; i < w.length; i++) {
            sb.append(String.format(Locale.ROOT, "%n  %-20s %9.4f", ReadingChoice.FEATURES.get(i), w[i]));
        }
        sb.append("\nnew double[] {");
        for (int i = 0; i < w.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", w[i]));
        }
        return sb.append('}').toString();
    }
}
