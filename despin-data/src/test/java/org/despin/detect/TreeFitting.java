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
 * Fits gradient-boosted regression trees on top of a {@link FindingModel} (branch {@code trees24}): the log-odds of a
 * candidate are the model's weighted features (the base margin, fixed) plus the sum of shallow trees, each fitted by a
 * Newton step of the logistic loss (gradient p - y, hessian p (1 - p); exact greedy splits over the pre-sorted
 * features, at least {@code minLeaf} candidates a leaf, L2 {@code lambda} on the leaves, shrinkage {@code eta}).
 * Reads the candidates FindingFitting writes ({@code -DfindingDump=FILE fitfindings N}): the first half of the fit
 * fold's passages is split into a fit part (three passages in four) and a validation part (the fourth), which
 * chooses the number of trees; the second half is the test half, where the logistic model and the logistic model
 * plus trees are compared (AUROC, log-loss).
 *
 * <pre>
 * java -cp $CP org.despin.detect.TreeFitting CANDIDATES.tsv OUT_PREFIX [defaults|spun] [depths] [etas] [minLeafs] [maxTrees]
 * </pre>
 * writes {@code OUT_PREFIX-dD-eE-mM.txt} ({@link FindingTrees}' format) for every setting, fitted on the fit part with
 * the number of trees the validation part chooses, and {@code OUT_PREFIX-best.txt} for the setting of least validation
 * log-loss; with {@code -Dall=true} also {@code OUT_PREFIX-best-all.txt}, the best setting refitted on the whole fit fold
 * (both halves) with its number of trees.
 */
final class TreeFitting {
    /** Features the trees may not split on: the stored orders cost LM calls the detector makes only when a model reads them. */
    private static final List<String> EXCLUDED = List.of("observedStored", "candidateStored");

    private TreeFitting() {
    }

    /** {@code -DtreeExclude=a,b}: more features the trees may not split on (e.g. the document's spinScore and rate). */
    static List<String> excluded() {
        return Arrays.stream(System.getProperty("treeExclude", "").split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    /** The candidates of the dump: passage document, half, label, features. */
    record Data(int[] document, boolean[] train, int[] y, double[][] x) {
        int size() {
            return y.length;
        }

        Data subset(boolean[] keep) {
            int n = 0;
            for (boolean k : keep) {
                n += k ? 1 : 0;
            }
            int[] d = new int[n];
            boolean[] t = new boolean[n];
            int[] yy = new int[n];
            double[][] xx = new double[n][];
            int j = 0;
            for (int i = 0; i < keep.length; i++) {
                if (keep[i]) {
                    d[j] = document[i];
                    t[j] = train[i];
                    yy[j] = y[i];
                    xx[j++] = x[i];
                }
            }
            return new Data(d, t, yy, xx);
        }
    }

    static Data read(Path file, String label) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] head = lines.get(0).split("\t");
        if (!Arrays.asList(head).subList(4, head.length).equals(FindingModel.FEATURES)) {
            throw new IllegalArgumentException(file + ": the columns are not FindingModel.FEATURES");
        }
        int labelColumn = Arrays.asList(head).indexOf(label);
        int n = lines.size() - 1;
        int[] d = new int[n];
        boolean[] t = new boolean[n];
        int[] y = new int[n];
        double[][] x = new double[n][FindingModel.SIZE];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split("\t");
            d[i] = Integer.parseInt(f[0]);
            t[i] = f[1].equals("1");
            y[i] = Integer.parseInt(f[labelColumn]);
            for (int k = 0; k < FindingModel.SIZE; k++) {
                x[i][k] = Double.parseDouble(f[4 + k]);
            }
        }
        return new Data(d, t, y, x);
    }

    /** One fitted tree as nodes in the file format's order (root first, children numbered above their parent). */
    static final class Tree {
        final List<int[]> split = new ArrayList<>();   // feature (-1 leaf), left, right
        final List<Double> number = new ArrayList<>(); // threshold or leaf value

        double apply(double[] x) {
            int n = 0;
            while (split.get(n)[0] >= 0) {
                n = x[split.get(n)[0]] <= number.get(n) ? split.get(n)[1] : split.get(n)[2];
            }
            return number.get(n);
        }
    }

    /**
     * The boosting fitter over one data set, its features pre-sorted once. A tree is a Newton step of a loss given by its
     * gradient and (diagonal) hessian per row: the logistic loss for a finding model ({@link #next(double[])}), a softmax
     * over a span's readings for the reading choice (ReadingTreeFitting).
     */
    static final class Booster {
        final double[][] x;
        final int[] y;
        final int[][] sorted; // per feature, the row indices by value
        final boolean[] allowed;
        final int depth;
        final double eta;
        final int minLeaf;
        final double lambda;

        Booster(Data data, int depth, double eta, int minLeaf, double lambda) {
            this(data.x(), data.y(), FindingModel.FEATURES, depth, eta, minLeaf, lambda);
        }

        /** Rows {@code x} (features named {@code names}), labels {@code y} (for {@link #next(double[])} only, may be null). */
        Booster(double[][] x, int[] y, List<String> names, int depth, double eta, int minLeaf, double lambda) {
            this.x = x;
            this.y = y;
            this.depth = depth;
            this.eta = eta;
            this.minLeaf = minLeaf;
            this.lambda = lambda;
            int n = x.length;
            int features = names.size();
            sorted = new int[features][];
            allowed = new boolean[features];
            for (int k = 0; k < features; k++) {
                final int f = k;
                sorted[k] = java.util.stream.IntStream.range(0, n).boxed()
                        .sorted((a, b) -> Double.compare(x[a][f], x[b][f])).mapToInt(Integer::intValue).toArray();
                allowed[k] = !EXCLUDED.contains(names.get(k)) && !excluded().contains(names.get(k))
                        && x[sorted[k][0]][k] < x[sorted[k][n - 1]][k];
            }
        }

        /** Row weights of the logistic loss ({@link #next(double[])}); null: all 1. */
        double[] weight;

        /** One tree fitted to the logistic loss at the margins {@code margin} (updated in place with the tree's shrunk leaves). */
        Tree next(double[] margin) {
            int n = x.length;
            double[] g = new double[n];
            double[] h = new double[n];
            for (int i = 0; i < n; i++) {
                double p = 1 / (1 + Math.exp(-margin[i]));
                double w = weight == null ? 1 : weight[i];
                g[i] = w * (p - y[i]);
                h[i] = w * Math.max(1e-6, p * (1 - p));
            }
            return next(g, h, margin);
        }

        /** One tree fitted to the loss's gradient {@code g} and hessian {@code h} per row; adds its shrunk leaves to {@code margin}. */
        Tree next(double[] g, double[] h, double[] margin) {
            int n = x.length;
            Tree tree = new Tree();
            int[] nodeOf = new int[n]; // the tree node each row is at (all at the root)
            tree.split.add(new int[] {-1, 0, 0});
            tree.number.add(0.0);
            List<Integer> frontier = new ArrayList<>(List.of(0));
            for (int level = 0; level < depth && !frontier.isEmpty(); level++) {
                int nodes = tree.split.size();
                double[] gSum = new double[nodes];
                double[] hSum = new double[nodes];
                int[] count = new int[nodes];
                for (int i = 0; i < n; i++) {
                    gSum[nodeOf[i]] += g[i];
                    hSum[nodeOf[i]] += h[i];
                    count[nodeOf[i]]++;
                }
                boolean[] open = new boolean[nodes];
                for (int f : frontier) {
                    open[f] = count[f] >= 2 * minLeaf;
                }
                double[] bestGain = new double[nodes];
                int[] bestFeature = new int[nodes];
                double[] bestThreshold = new double[nodes];
                Arrays.fill(bestFeature, -1);
                for (int k = 0; k < allowed.length; k++) {
                    if (!allowed[k]) {
                        continue;
                    }
                    double[] gl = new double[nodes];
                    double[] hl = new double[nodes];
                    int[] cl = new int[nodes];
                    double[] last = new double[nodes];
                    Arrays.fill(last, Double.NaN);
                    for (int i : sorted[k]) {
                        int node = nodeOf[i];
                        if (!open[node]) {
                            continue;
                        }
                        double v = x[i][k];
                        if (!Double.isNaN(last[node]) && v > last[node] && cl[node] >= minLeaf && count[node] - cl[node] >= minLeaf) {
                            double gr = gSum[node] - gl[node];
                            double hr = hSum[node] - hl[node];
                            double gain = gl[node] * gl[node] / (hl[node] + lambda) + gr * gr / (hr + lambda)
                                    - gSum[node] * gSum[node] / (hSum[node] + lambda);
                            if (gain > bestGain[node] + 1e-9) {
                                bestGain[node] = gain;
                                bestFeature[node] = k;
                                bestThreshold[node] = last[node] + (v - last[node]) / 2;
                                if (!(bestThreshold[node] < v)) {
                                    bestThreshold[node] = last[node]; // adjacent doubles
                                }
                            }
                        }
                        gl[node] += g[i];
                        hl[node] += h[i];
                        cl[node]++;
                        last[node] = v;
                    }
                }
                List<Integer> next = new ArrayList<>();
                int[] leftOf = new int[nodes];
                for (int f : frontier) {
                    if (bestFeature[f] < 0) {
                        continue;
                    }
                    int l = tree.split.size();
                    tree.split.add(new int[] {-1, 0, 0});
                    tree.number.add(0.0);
                    tree.split.add(new int[] {-1, 0, 0});
                    tree.number.add(0.0);
                    tree.split.set(f, new int[] {bestFeature[f], l, l + 1});
                    tree.number.set(f, bestThreshold[f]);
                    leftOf[f] = l;
                    next.add(l);
                    next.add(l + 1);
                }
                for (int i = 0; i < n; i++) {
                    int node = nodeOf[i];
                    if (node < nodes && tree.split.get(node)[0] >= 0 && frontier.contains(node)) {
                        nodeOf[i] = x[i][tree.split.get(node)[0]] <= tree.number.get(node) ? leftOf[node] : leftOf[node] + 1;
                    }
                }
                frontier = next;
            }
            // the leaves: a Newton step, shrunk
            int nodes = tree.split.size();
            double[] gSum = new double[nodes];
            double[] hSum = new double[nodes];
            for (int i = 0; i < n; i++) {
                gSum[nodeOf[i]] += g[i];
                hSum[nodeOf[i]] += h[i];
            }
            for (int node = 0; node < nodes; node++) {
                if (tree.split.get(node)[0] < 0) {
                    tree.number.set(node, -eta * gSum[node] / (hSum[node] + lambda));
                }
            }
            for (int i = 0; i < n; i++) {
                margin[i] += tree.number.get(nodeOf[i]);
            }
            return tree;
        }
    }

    static double[] baseMargins(FindingModel base, Data data) {
        double[] m = new double[data.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = base.logOdds(data.x()[i]);
        }
        return m;
    }

    static double logLoss(double[] margin, int[] y) {
        return logLoss(margin, y, null);
    }

    /** The mean log-loss with row weights {@code w} (null: all 1). */
    static double logLoss(double[] margin, int[] y, double[] w) {
        double sum = 0;
        double total = 0;
        for (int i = 0; i < margin.length; i++) {
            double z = margin[i];
            double wi = w == null ? 1 : w[i];
            // -log sigmoid(z) for y = 1, -log(1 - sigmoid(z)) for y = 0, without overflow
            sum += wi * (y[i] == 1 ? Math.log1p(Math.exp(-Math.abs(z))) + Math.max(0, -z) : Math.log1p(Math.exp(-Math.abs(z))) + Math.max(0, z));
            total += wi;
        }
        return sum / total;
    }

    /**
     * {@code -DtreeCleanWeight=W} (spun29): the weight of a candidate of a clean passage (even document number) in the
     * fit and the validation log-loss, the others 1; null when not set.
     */
    static double[] cleanWeights(Data data) {
        String w = System.getProperty("treeCleanWeight");
        if (w == null) {
            return null;
        }
        double cw = Double.parseDouble(w);
        double[] out = new double[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = data.document()[i] % 2 == 0 ? cw : 1;
        }
        return out;
    }

    static double auroc(double[] margin, int[] y) {
        List<Double> pos = new ArrayList<>();
        List<Double> neg = new ArrayList<>();
        for (int i = 0; i < margin.length; i++) {
            (y[i] == 1 ? pos : neg).add(margin[i]);
        }
        return DetectorEvaluation.auroc(pos, neg);
    }

    static String write(List<Tree> trees, String comment) {
        return write(trees, comment, FindingTrees.HEADER, FindingModel.FEATURES);
    }

    /** The trees in {@link FindingTrees}' format under this header, splits named from {@code names}. */
    static String write(List<Tree> trees, String comment, String header, List<String> names) {
        StringBuilder out = new StringBuilder(header).append('\n');
        for (String c : comment.lines().toList()) {
            out.append("# ").append(c).append('\n');
        }
        for (Tree t : trees) {
            out.append("tree\n");
            for (int i = 0; i < t.split.size(); i++) {
                int[] s = t.split.get(i);
                if (s[0] < 0) {
                    out.append("leaf ").append(i).append(' ').append(t.number.get(i)).append('\n');
                } else {
                    out.append("split ").append(i).append(' ').append(names.get(s[0])).append(' ')
                            .append(t.number.get(i)).append(' ').append(s[1]).append(' ').append(s[2]).append('\n');
                }
            }
        }
        return out.toString();
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String prefix = args[1];
        String baseName = args.length > 2 ? args[2] : "defaults";
        FindingModel base = baseName.equals("spun") ? FindingModel.SPUN : FindingModel.DEFAULTS;
        int[] depths = ints(args.length > 3 ? args[3] : "2,3,4");
        double[] etas = Arrays.stream((args.length > 4 ? args[4] : "0.05,0.1").split(",")).mapToDouble(Double::parseDouble).toArray();
        int[] minLeafs = ints(args.length > 5 ? args[5] : "100");
        int maxTrees = args.length > 6 ? Integer.parseInt(args[6]) : 200;
        double lambda = Double.parseDouble(System.getProperty("lambda", "1.0"));
        Data all = read(file, System.getProperty("label", "onEdit"));
        boolean[] isFit = new boolean[all.size()];
        boolean[] isValidation = new boolean[all.size()];
        boolean[] isTest = new boolean[all.size()];
        for (int i = 0; i < all.size(); i++) {
            int passage = all.document()[i] / 2;
            isFit[i] = all.train()[i] && passage % 4 != 3;
            isValidation[i] = all.train()[i] && passage % 4 == 3;
            isTest[i] = !all.train()[i];
        }
        Data fit = all.subset(isFit);
        Data validation = all.subset(isValidation);
        Data test = all.subset(isTest);
        System.out.printf(Locale.ROOT, "%s: %d candidates (%d on an edit); fit %d, validation %d, test half %d; base %s%n", file, all.size(),
                Arrays.stream(all.y()).sum(), fit.size(), validation.size(), test.size(), baseName);
        double[] testBase = baseMargins(base, test);
        double[] validationBase = baseMargins(base, validation);
        System.out.printf(Locale.ROOT, "logistic in use: validation log-loss %.5f; test half AUROC %.4f, log-loss %.5f%n",
                logLoss(validationBase, validation.y()), auroc(testBase, test.y()), logLoss(testBase, test.y()));
        // the logistic refitted on the fit part, for scale
        List<double[]> rows = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (int i = 0; i < fit.size(); i++) {
            double[] r = new double[FindingModel.SIZE + 1];
            r[0] = 1;
            System.arraycopy(fit.x()[i], 0, r, 1, FindingModel.SIZE);
            r[FindingModel.FEATURES.indexOf("observedStored") + 1] = 0;
            r[FindingModel.FEATURES.indexOf("candidateStored") + 1] = 0;
            rows.add(r);
            ys.add(fit.y()[i]);
        }
        FindingModel refit = new FindingModel(Logistic.fit(rows, ys, 1.0), 0);
        double[] testRefit = baseMargins(refit, test);
        System.out.printf(Locale.ROOT, "logistic refitted on the fit part: validation log-loss %.5f; test half AUROC %.4f, log-loss %.5f%n",
                logLoss(baseMargins(refit, validation), validation.y()), auroc(testRefit, test.y()), logLoss(testRefit, test.y()));
        System.out.println("depth  eta  minLeaf  trees  validation log-loss   test AUROC  test log-loss  nodes");
        double bestLoss = Double.POSITIVE_INFINITY;
        String bestText = null;
        int[] bestSetting = null;
        double bestEta = 0;
        for (int depth : depths) {
            for (double eta : etas) {
                for (int minLeaf : minLeafs) {
                    Booster booster = new Booster(fit, depth, eta, minLeaf, lambda);
                    booster.weight = cleanWeights(fit);
                    double[] vWeight = cleanWeights(validation);
                    double[] margin = baseMargins(base, fit);
                    double[] vMargin = validationBase.clone();
                    List<Tree> trees = new ArrayList<>();
                    double best = logLoss(vMargin, validation.y(), vWeight);
                    int bestCount = 0;
                    for (int t = 0; t < maxTrees; t++) {
                        Tree tree = booster.next(margin);
                        trees.add(tree);
                        for (int i = 0; i < validation.size(); i++) {
                            vMargin[i] += tree.apply(validation.x()[i]);
                        }
                        double loss = logLoss(vMargin, validation.y(), vWeight);
                        if (loss < best - 1e-7) {
                            best = loss;
                            bestCount = t + 1;
                        }
                    }
                    List<Tree> chosen = trees.subList(0, bestCount);
                    String text = write(chosen, String.format(Locale.ROOT, "trees24 TreeFitting over FindingModel.%s: depth %d, eta %s, minLeaf %d,"
                            + " lambda %s, %d trees (validation), excluded %s; fit on %d candidates of %s%s", baseName.toUpperCase(Locale.ROOT), depth, eta,
                            minLeaf, lambda, bestCount, excluded(), fit.size(), file.getFileName(),
                            booster.weight == null ? "" : "; clean candidates weighted " + System.getProperty("treeCleanWeight")));
                    FindingTrees ft = FindingTrees.read(new StringReader(text), "fitted");
                    FindingModel withTrees = base.withTrees(ft);
                    double[] testMargin = baseMargins(withTrees, test);
                    System.out.printf(Locale.ROOT, "%5d  %.2f  %7d  %5d  %.5f (%d fitted)    %.4f      %.5f      %d%n", depth, eta, minLeaf, bestCount,
                            best, maxTrees, auroc(testMargin, test.y()), logLoss(testMargin, test.y()), ft.nodes());
                    Files.writeString(Path.of(String.format(Locale.ROOT, "%s-d%d-e%s-m%d.txt", prefix, depth, eta, minLeaf)), text);
                    if (best < bestLoss) {
                        bestLoss = best;
                        bestText = text;
                        bestSetting = new int[] {depth, minLeaf, bestCount};
                        bestEta = eta;
                    }
                }
            }
        }
        Files.writeString(Path.of(prefix + "-best.txt"), bestText);
        System.out.printf(Locale.ROOT, "best by validation: depth %d, eta %s, minLeaf %d, %d trees -> %s-best.txt%n", bestSetting[0], bestEta,
                bestSetting[1], bestSetting[2], prefix);
        if (Boolean.getBoolean("all")) {
            Booster booster = new Booster(all, bestSetting[0], bestEta, bestSetting[1], lambda);
            booster.weight = cleanWeights(all);
            double[] margin = baseMargins(base, all);
            List<Tree> trees = new ArrayList<>();
            for (int t = 0; t < bestSetting[2]; t++) {
                trees.add(booster.next(margin));
            }
            Files.writeString(Path.of(prefix + "-best-all.txt"), write(trees, String.format(Locale.ROOT, "trees24 TreeFitting over FindingModel.%s:"
                    + " depth %d, eta %s, minLeaf %d, lambda %s, %d trees; fit on the whole fit fold, %d candidates of %s",
                    baseName.toUpperCase(Locale.ROOT), bestSetting[0], bestEta, bestSetting[1], lambda, bestSetting[2], all.size(), file.getFileName())));
        }
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
