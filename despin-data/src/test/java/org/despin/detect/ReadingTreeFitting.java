package org.despin.detect;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Fits gradient-boosted regression trees on top of the {@link ReadingChoice}'s conditional logit (branch {@code choice26}):
 * a reading's score is the logit's weighted features (the base, fixed) plus the sum of shallow trees over the same
 * features; the span's readings are a softmax of the scores. Each tree is a Newton step of the softmax log-loss of the
 * original among its span's readings (per reading gradient p - y, diagonal hessian p (1 - p); TreeFitting's Booster:
 * exact greedy splits, at least {@code minLeaf} readings a leaf, L2 {@code lambda} on the leaves, shrinkage {@code eta}).
 * Reads the groups ReadingChoiceFitting writes ({@code -DchoiceDump=FILE fitchoice N}, fit-fold passages spun by the
 * training spinners): the first half of the passages is split into a fit part (three passages in four) and a validation
 * part (the fourth), which chooses the number of trees and the setting; the second half is the test half, where the
 * logit in use and the logit plus trees are compared (right choices over all groups and over the groups flagged at the
 * edit's span, log-loss).
 *
 * <pre>
 * java -cp $CP org.despin.detect.ReadingTreeFitting GROUPS.tsv OUT_PREFIX [depths] [etas] [minLeafs] [maxTrees]
 * </pre>
 * writes {@code OUT_PREFIX-dD-eE-mM.txt} ({@link FindingTrees}' format, {@value FindingTrees#READING_HEADER}) for every
 * setting and {@code OUT_PREFIX-best.txt} for the setting of least validation log-loss; with {@code -Dall=true} also
 * {@code OUT_PREFIX-best-all.txt}, the best setting refitted on both halves with its number of trees.
 */
final class ReadingTreeFitting {
    private ReadingTreeFitting() {
    }

    /** Readings in rows, grouped by span ({@code start[k]} .. {@code start[k + 1]} is group k). */
    record Groups(double[][] x, int[] y, int[] start, int[] passage, boolean[] train, boolean[] flagged) {
        int groups() {
            return start.length - 1;
        }

        /** The groups {@code keep} selects. */
        Groups subset(boolean[] keep) {
            List<double[]> xs = new ArrayList<>();
            List<Integer> ys = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            List<Integer> ps = new ArrayList<>();
            List<Boolean> ts = new ArrayList<>();
            List<Boolean> fs = new ArrayList<>();
            for (int k = 0; k < groups(); k++) {
                if (!keep[k]) {
                    continue;
                }
                starts.add(xs.size());
                for (int r = start[k]; r < start[k + 1]; r++) {
                    xs.add(x[r]);
                    ys.add(y[r]);
                }
                ps.add(passage[k]);
                ts.add(train[k]);
                fs.add(flagged[k]);
            }
            starts.add(xs.size());
            boolean[] t = new boolean[ts.size()];
            boolean[] f = new boolean[fs.size()];
            for (int k = 0; k < t.length; k++) {
                t[k] = ts.get(k);
                f[k] = fs.get(k);
            }
            return new Groups(xs.toArray(new double[0][]), ys.stream().mapToInt(Integer::intValue).toArray(),
                    starts.stream().mapToInt(Integer::intValue).toArray(), ps.stream().mapToInt(Integer::intValue).toArray(), t, f);
        }
    }

    /** The dump of ReadingChoiceFitting ({@code -DchoiceDump}): one row per reading, a group's rows together. */
    static Groups read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> head = Arrays.asList(lines.get(0).split("\t"));
        int first = head.indexOf("decoded") + 1;
        if (!head.subList(first, first + ReadingChoice.SIZE).equals(ReadingChoice.FEATURES)) {
            throw new IllegalArgumentException(file + ": the columns are not ReadingChoice.FEATURES");
        }
        int n = lines.size() - 1;
        double[][] x = new double[n][ReadingChoice.SIZE];
        int[] y = new int[n];
        List<Integer> starts = new ArrayList<>();
        List<Integer> passages = new ArrayList<>();
        List<Boolean> train = new ArrayList<>();
        List<Boolean> flagged = new ArrayList<>();
        String group = null;
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split("\t");
            if (!f[1].equals(group)) {
                group = f[1];
                starts.add(i);
                passages.add(Integer.parseInt(f[0]));
                train.add(f[2].equals("1"));
                flagged.add(f[3].equals("1"));
            }
            y[i] = Integer.parseInt(f[4]);
            for (int k = 0; k < ReadingChoice.SIZE; k++) {
                x[i][k] = Double.parseDouble(f[first + k]);
            }
        }
        starts.add(n);
        boolean[] t = new boolean[train.size()];
        boolean[] fl = new boolean[train.size()];
        for (int k = 0; k < t.length; k++) {
            t[k] = train.get(k);
            fl[k] = flagged.get(k);
        }
        return new Groups(x, y, starts.stream().mapToInt(Integer::intValue).toArray(),
                passages.stream().mapToInt(Integer::intValue).toArray(), t, fl);
    }

    /** The score of every reading by {@code choice} (the logit, plus its trees if it has them). */
    static double[] scores(ReadingChoice choice, Groups data) {
        double[] s = new double[data.x().length];
        for (int i = 0; i < s.length; i++) {
            s[i] = choice.score(data.x()[i]);
        }
        return s;
    }

    /** Softmax within each group of the scores. */
    static double[] softmax(double[] score, Groups data) {
        double[] p = new double[score.length];
        for (int k = 0; k < data.groups(); k++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int r = data.start()[k]; r < data.start()[k + 1]; r++) {
                max = Math.max(max, score[r]);
            }
            double sum = 0;
            for (int r = data.start()[k]; r < data.start()[k + 1]; r++) {
                p[r] = Math.exp(score[r] - max);
                sum += p[r];
            }
            for (int r = data.start()[k]; r < data.start()[k + 1]; r++) {
                p[r] /= sum;
            }
        }
        return p;
    }

    /** The mean over groups of -ln softmax(original). */
    static double logLoss(double[] score, Groups data) {
        double[] p = softmax(score, data);
        double sum = 0;
        for (int k = 0; k < data.groups(); k++) {
            for (int r = data.start()[k]; r < data.start()[k + 1]; r++) {
                sum -= data.y()[r] == 1 ? Math.log(Math.max(1e-300, p[r])) : 0;
            }
        }
        return sum / Math.max(1, data.groups());
    }

    /** Right choices (the first reading of the highest score is the original) over all groups, or the flagged ones. */
    static int[] right(double[] score, Groups data, boolean flaggedOnly) {
        int n = 0;
        int right = 0;
        for (int k = 0; k < data.groups(); k++) {
            if (flaggedOnly && !data.flagged()[k]) {
                continue;
            }
            int best = data.start()[k];
            for (int r = best + 1; r < data.start()[k + 1]; r++) {
                best = score[r] > score[best] ? r : best;
            }
            n++;
            right += data.y()[best];
        }
        return new int[] {right, n};
    }

    static String rate(double[] score, Groups data) {
        int[] all = right(score, data, false);
        int[] flagged = right(score, data, true);
        return String.format(Locale.ROOT, "all %.2f %% (%d/%d), flagged %.2f %% (%d/%d)", 100.0 * all[0] / Math.max(1, all[1]), all[0],
                all[1], 100.0 * flagged[0] / Math.max(1, flagged[1]), flagged[0], flagged[1]);
    }

    /** One boosting run: {@code count} trees on {@code fit} over the base logit {@code base}; {@code watch} scored along. */
    static final class Run {
        final TreeFitting.Booster booster;
        final Groups fit;
        final double[] margin;

        Run(Groups fit, ReadingChoice base, int depth, double eta, int minLeaf, double lambda) {
            this.fit = fit;
            this.booster = new TreeFitting.Booster(fit.x(), fit.y(), ReadingChoice.FEATURES, depth, eta, minLeaf, lambda);
            this.margin = scores(base, fit);
        }

        TreeFitting.Tree next() {
            double[] p = softmax(margin, fit);
            double[] g = new double[p.length];
            double[] h = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                g[i] = p[i] - fit.y()[i];
                h[i] = Math.max(1e-6, p[i] * (1 - p[i]));
            }
            return booster.next(g, h, margin);
        }
    }

    /** The trees of {@code run}'s first {@code count} steps in the file format. */
    static String fitted(Groups fit, ReadingChoice base, int depth, double eta, int minLeaf, double lambda, int count, String comment) {
        Run run = new Run(fit, base, depth, eta, minLeaf, lambda);
        List<TreeFitting.Tree> trees = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            trees.add(run.next());
        }
        return TreeFitting.write(trees, comment, FindingTrees.READING_HEADER, ReadingChoice.FEATURES);
    }

    static ReadingChoice withTrees(ReadingChoice base, String text) throws IOException {
        return base.withTrees(FindingTrees.read(new StringReader(text), "fitted", FindingTrees.Schema.reading()));
    }

    /** The resource reading-trees.txt followed by {@code text}'s trees (its header line dropped): a warm fit's file (trees27). */
    static String afterDefault(String text) throws IOException {
        try (java.io.InputStream in = ReadingChoice.class.getResourceAsStream("reading-trees.txt")) {
            String main = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return main + (main.endsWith("\n") ? "" : "\n") + text.replaceFirst("^" + FindingTrees.READING_HEADER + "\\R", "");
        }
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String prefix = args[1];
        int[] depths = Arrays.stream((args.length > 2 ? args[2] : "2,3,4").split(",")).mapToInt(Integer::parseInt).toArray();
        double[] etas = Arrays.stream((args.length > 3 ? args[3] : "0.05,0.1").split(",")).mapToDouble(Double::parseDouble).toArray();
        int[] minLeafs = Arrays.stream((args.length > 4 ? args[4] : "50").split(",")).mapToInt(Integer::parseInt).toArray();
        int maxTrees = args.length > 5 ? Integer.parseInt(args[5]) : 300;
        double lambda = Double.parseDouble(System.getProperty("lambda", "1.0"));
        // -Dwarm=true (branch trees27): boost on top of ReadingChoice.DEFAULT with its trees (new trees are added to them)
        boolean warm = Boolean.getBoolean("warm");
        ReadingChoice base = warm ? ReadingChoice.DEFAULT : ReadingChoice.DEFAULT.withTrees(null);
        Groups all = read(file);
        // -DallTrees=N (branch trees27): no search; N trees of the first setting on both halves -> OUT_PREFIX-all.txt
        int allTrees = Integer.getInteger("allTrees", 0);
        if (allTrees > 0) {
            String text = fitted(all, base, depths[0], etas[0], minLeafs[0], lambda, allTrees,
                    String.format(Locale.ROOT, "trees27 ReadingTreeFitting over ReadingChoice.DEFAULT%s: depth %d, eta %s, minLeaf %d,"
                    + " lambda %s, %d trees; fit on both halves, %d groups of %s", warm ? " with its trees" : "", depths[0], etas[0],
                    minLeafs[0], lambda, allTrees, all.groups(), file.getFileName()));
            Files.writeString(Path.of(prefix + "-all.txt"), warm ? afterDefault(text) : text);
            return;
        }
        boolean[] isFit = new boolean[all.groups()];
        boolean[] isValidation = new boolean[all.groups()];
        boolean[] isTest = new boolean[all.groups()];
        for (int k = 0; k < all.groups(); k++) {
            isFit[k] = all.train()[k] && all.passage()[k] % 4 != 3;
            isValidation[k] = all.train()[k] && all.passage()[k] % 4 == 3;
            isTest[k] = !all.train()[k];
        }
        Groups fit = all.subset(isFit);
        Groups validation = all.subset(isValidation);
        Groups test = all.subset(isTest);
        System.out.printf(Locale.ROOT, "%s: %d groups, %d readings; fit %d groups, validation %d, test half %d%n", file, all.groups(),
                all.x().length, fit.groups(), validation.groups(), test.groups());
        double[] vBase = scores(base, validation);
        double[] tBase = scores(base, test);
        System.out.printf(Locale.ROOT, "logit in use: validation log-loss %.5f, %s; test half log-loss %.5f, %s%n", logLoss(vBase, validation),
                rate(vBase, validation), logLoss(tBase, test), rate(tBase, test));
        System.out.println("depth  eta  minLeaf  trees  validation log-loss, right   |  test half log-loss, right  nodes");
        double bestLoss = Double.POSITIVE_INFINITY;
        String bestText = null;
        double[] bestSetting = null;
        for (int depth : depths) {
            for (double eta : etas) {
                for (int minLeaf : minLeafs) {
                    Run run = new Run(fit, base, depth, eta, minLeaf, lambda);
                    double[] vMargin = vBase.clone();
                    double best = logLoss(vMargin, validation);
                    int bestCount = 0;
                    List<TreeFitting.Tree> trees = new ArrayList<>();
                    for (int t = 0; t < maxTrees; t++) {
                        TreeFitting.Tree tree = run.next();
                        trees.add(tree);
                        for (int i = 0; i < vMargin.length; i++) {
                            vMargin[i] += tree.apply(validation.x()[i]);
                        }
                        double loss = logLoss(vMargin, validation);
                        if (loss < best - 1e-7) {
                            best = loss;
                            bestCount = t + 1;
                        }
                    }
                    String text = TreeFitting.write(trees.subList(0, bestCount), String.format(Locale.ROOT, "choice26 ReadingTreeFitting over"
                            + " ReadingChoice.DEFAULT: depth %d, eta %s, minLeaf %d, lambda %s, %d trees (validation); fit on %d groups of %s",
                            depth, eta, minLeaf, lambda, bestCount, fit.groups(), file.getFileName()), FindingTrees.READING_HEADER,
                            ReadingChoice.FEATURES);
                    if (warm) {
                        text = afterDefault(text);
                    }
                    ReadingChoice withTrees = withTrees(base, text);
                    double[] v = scores(withTrees, validation);
                    double[] tt = scores(withTrees, test);
                    System.out.printf(Locale.ROOT, "%5d  %.2f  %7d  %5d  %.5f %s  |  %.5f %s  %d%n", depth, eta, minLeaf, bestCount, best,
                            rate(v, validation), logLoss(tt, test), rate(tt, test), withTrees.trees() == null ? 0 : withTrees.trees().nodes());
                    Files.writeString(Path.of(String.format(Locale.ROOT, "%s-d%d-e%s-m%d.txt", prefix, depth, eta, minLeaf)), text);
                    if (best < bestLoss) {
                        bestLoss = best;
                        bestText = text;
                        bestSetting = new double[] {depth, eta, minLeaf, bestCount};
                    }
                }
            }
        }
        Files.writeString(Path.of(prefix + "-best.txt"), bestText);
        System.out.printf(Locale.ROOT, "best by validation: depth %d, eta %s, minLeaf %d, %d trees -> %s-best.txt%n", (int) bestSetting[0],
                bestSetting[1], (int) bestSetting[2], (int) bestSetting[3], prefix);
        if (Boolean.getBoolean("all")) {
            Files.writeString(Path.of(prefix + "-best-all.txt"), fitted(all, base, (int) bestSetting[0], bestSetting[1], (int) bestSetting[2],
                    lambda, (int) bestSetting[3], String.format(Locale.ROOT, "choice26 ReadingTreeFitting over ReadingChoice.DEFAULT: depth %d,"
                    + " eta %s, minLeaf %d, lambda %s, %d trees; fit on both halves, %d groups of %s", (int) bestSetting[0], bestSetting[1],
                    (int) bestSetting[2], lambda, (int) bestSetting[3], all.groups(), file.getFileName())));
        }
    }
}
