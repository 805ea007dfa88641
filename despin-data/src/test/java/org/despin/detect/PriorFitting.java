package org.despin.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.despin.data.DataPaths;
import org.despin.lexicon.Candidate;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmState;
import org.despin.lm.Vocabulary;
import org.despin.model.Model;
import org.despin.spin.Edit;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Spinner;

/**
 * The pool's prior ({@link PoolPrior}) fitted on the training spinners' edits (DetectorEvaluation mode
 * {@code priorfit N}, branch {@code prior22}): N fit-fold passages of 200-300 words (read with the fold LM, {@code
 * -DfoldLm}), spun at 0.3 by the training spinners (Moby and WordNet in turn, {@code -DtrainSpin}); per edit whose
 * original is among its span's uncut candidates, a group: every candidate's {@link PoolPrior} features, its bigram PMI
 * with the neighbours (as {@link ContextPool} computes it) and whether the original passes the evidence gate. A
 * conditional logit (the original against the span's other candidates) is fitted on the first half, with and without
 * the PMI, and every prior is scored on both halves and, as a diagnostic only, on the held-out passages spun by
 * MyThes (nothing of them is fitted): the original's rank by prior (recall at 16 / 32 / 128), in the detector's pool
 * (16 of the first 32 by prior + ln10 PMI) and in the deepening's (32 of 128), and the same for originals that pass
 * the gate.
 */
final class PriorFitting {
    private static final double LN10 = Math.log(10);
    private static final int N = PoolPrior.SIZE;

    /** One edit's span: its candidates' features, PMI (log10), the original's index, whether it passes the gate. */
    record Group(double[][] x, double[] pmi, int original, boolean passes, boolean train) {
    }

    private PriorFitting() {
    }

    static void run(Model model, Detector heldOutDetector, DataPaths paths, SpinThesaurus heldOutThesaurus,
            List<String> heldOutPassages, int count) throws Exception {
        Model fitModel = FoldModel.forFitting(model, paths);
        Detector fitDetector = new Detector(fitModel, heldOutDetector.settings());
        List<String> passages = DetectorEvaluation.passages(ArcFitting.trainingText(paths, System.getProperty("foldLm") != null),
                200, 300, count);
        Spinner[] training = TrainingSpinners.load(paths, model.lm());
        Collector fit = new Collector(fitDetector);
        for (int i = 0; i < passages.size(); i++) {
            SpinResult s = training[i % training.length].withOptions(SpinOptions.of(0.3, 7000 + i)).spin(passages.get(i));
            fit.add(s, i < passages.size() / 2);
        }
        Collector held = new Collector(heldOutDetector);
        int seed = 0;
        for (String p : heldOutPassages) {
            held.add(new Spinner(heldOutThesaurus, SpinOptions.of(0.3, ++seed)).spin(p), false);
        }
        System.out.printf(Locale.ROOT, "training: %d passages, %d edits, %d groups (original a candidate), %d passing the gate%n",
                passages.size(), fit.edits, fit.groups.size(), fit.groups.stream().filter(Group::passes).count());
        System.out.printf(Locale.ROOT, "held out (MyThes, diagnostic): %d passages, %d edits, %d groups, %d passing the gate%n",
                heldOutPassages.size(), held.edits, held.groups.size(), held.groups.stream().filter(Group::passes).count());
        List<Group> train = fit.groups.stream().filter(Group::train).toList();
        List<Group> test = fit.groups.stream().filter(g -> !g.train()).toList();
        double l2 = Double.parseDouble(System.getProperty("l2", "1.0"));
        List<String> names = new ArrayList<>();
        List<double[]> priors = new ArrayList<>();
        names.add("legacy");
        priors.add(PoolPrior.LEGACY.weights());
        if (!PoolPrior.FITTED.equals(PoolPrior.LEGACY)) {
            names.add("FITTED (in use)");
            priors.add(PoolPrior.FITTED.weights());
        }
        double[] a = fit(train, l2, false);
        names.add("fit, no PMI");
        priors.add(a);
        double[] b = fit(train, l2, true);
        names.add(String.format(Locale.ROOT, "fit with PMI (pmi weight %.3f), /pmi weight", b[N]));
        priors.add(scale(Arrays.copyOf(b, N), LN10 / b[N]));
        double[] c = fit(train.stream().filter(Group::passes).toList(), l2, false);
        names.add("fit, no PMI, originals passing the gate");
        priors.add(c);
        double[] d = fit(train.stream().filter(Group::passes).toList(), l2, true);
        names.add(String.format(Locale.ROOT, "fit with PMI, passing (pmi weight %.3f), /pmi weight", d[N]));
        priors.add(scale(Arrays.copyOf(d, N), LN10 / d[N]));
        for (double s : new double[] {0.5, 2}) {
            names.add("fit, no PMI, x" + s);
            priors.add(scale(a, s));
        }
        System.out.println();
        System.out.println("| prior | set | groups | rank < 16 | < 32 | < 128 | pool 16 of 32 | deep 32 of 128 | passing: pool | passing: deep | mean ln P(orig) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (int k = 0; k < names.size(); k++) {
            row(names.get(k), "train", priors.get(k), train);
            row(names.get(k), "test", priors.get(k), test);
            row(names.get(k), "MyThes", priors.get(k), held.groups);
        }
        System.out.println();
        for (int k = 0; k < names.size(); k++) {
            System.out.printf(Locale.ROOT, "%-60s -DpoolPrior=%s%n", names.get(k), new PoolPrior(priors.get(k)));
        }
    }

    private static double[] scale(double[] w, double s) {
        double[] out = w.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= s;
        }
        return out;
    }

    private static void row(String name, String set, double[] w, List<Group> groups) {
        int[] hits = new int[7];
        double ll = 0;
        for (Group g : groups) {
            double[] prior = new double[g.x().length];
            for (int r = 0; r < prior.length; r++) {
                prior[r] = dot(w, g.x()[r]);
            }
            int[] ranks = ranks(prior);
            int rank = ranks[g.original()];
            hits[0] += rank < 16 ? 1 : 0;
            hits[1] += rank < 32 ? 1 : 0;
            hits[2] += rank < 128 ? 1 : 0;
            boolean pool = inPool(prior, ranks, g.pmi(), g.original(), 16, 32);
            boolean deep = inPool(prior, ranks, g.pmi(), g.original(), 32, 128);
            hits[3] += pool ? 1 : 0;
            hits[4] += deep ? 1 : 0;
            hits[5] += pool && g.passes() ? 1 : 0;
            hits[6] += deep && g.passes() ? 1 : 0;
            double max = Arrays.stream(prior).max().orElse(0);
            double sum = 0;
            for (double p : prior) {
                sum += Math.exp(p - max);
            }
            ll += prior[g.original()] - max - Math.log(sum);
        }
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d | %d | %d | %d | %.3f |%n", name, set, groups.size(),
                hits[0], hits[1], hits[2], hits[3], hits[4], hits[5], hits[6], ll / Math.max(1, groups.size()));
    }

    /** Candidates ranked strictly before {@code i} (ties: the lower index first, as a stable sort by prior would). */
    static int rank(double[] prior, int i) {
        int rank = 0;
        for (int r = 0; r < prior.length; r++) {
            rank += prior[r] > prior[i] || (prior[r] == prior[i] && r < i) ? 1 : 0;
        }
        return rank;
    }

    /** Every candidate's rank by prior (ties: the lower index first). */
    static int[] ranks(double[] prior) {
        Integer[] order = new Integer[prior.length];
        for (int r = 0; r < order.length; r++) {
            order[r] = r;
        }
        Arrays.sort(order, (x, y) -> prior[x] != prior[y] ? Double.compare(prior[y], prior[x]) : Integer.compare(x, y));
        int[] ranks = new int[prior.length];
        for (int k = 0; k < order.length; k++) {
            ranks[order[k]] = k;
        }
        return ranks;
    }

    /** Whether candidate {@code i} is in a pool of {@code size} chosen by prior + ln10 PMI among the first {@code reach} by prior. */
    static boolean inPool(double[] prior, int[] ranks, double[] pmi, int i, int size, int reach) {
        if (prior.length <= size) {
            return true;
        }
        int ri = ranks[i];
        if (ri >= reach) {
            return false;
        }
        double key = prior[i] + LN10 * pmi[i];
        int before = 0;
        for (int r = 0; r < prior.length; r++) {
            if (r == i) {
                continue;
            }
            int rr = ranks[r];
            if (rr < reach) {
                double k = prior[r] + LN10 * pmi[r];
                before += k > key || (k == key && rr < ri) ? 1 : 0;
            }
        }
        return before < size;
    }

    /** Conditional logit by Newton's method (with the PMI as feature N when {@code withPmi}). */
    static double[] fit(List<Group> groups, double l2, boolean withPmi) {
        int n = withPmi ? N + 1 : N;
        double[] w = new double[n];
        for (int iter = 0; iter < 60; iter++) {
            double[] grad = new double[n];
            double[][] hess = new double[n][n];
            for (int i = 0; i < n; i++) {
                grad[i] = -l2 * w[i];
                hess[i][i] = l2;
            }
            double[] x = new double[n];
            double[] mean = new double[n];
            for (Group g : groups) {
                int m = g.x().length;
                double[] s = new double[m];
                double max = Double.NEGATIVE_INFINITY;
                for (int r = 0; r < m; r++) {
                    s[r] = dot(w, row(g, r, withPmi, x));
                    max = Math.max(max, s[r]);
                }
                double sum = 0;
                for (int r = 0; r < m; r++) {
                    s[r] = Math.exp(s[r] - max);
                    sum += s[r];
                }
                Arrays.fill(mean, 0);
                for (int r = 0; r < m; r++) {
                    s[r] /= sum;
                    row(g, r, withPmi, x);
                    for (int i = 0; i < n; i++) {
                        mean[i] += s[r] * x[i];
                    }
                }
                row(g, g.original(), withPmi, x);
                for (int i = 0; i < n; i++) {
                    grad[i] += x[i] - mean[i];
                }
                for (int r = 0; r < m; r++) {
                    row(g, r, withPmi, x);
                    for (int i = 0; i < n; i++) {
                        double di = x[i] - mean[i];
                        for (int j = 0; j < n; j++) {
                            hess[i][j] += s[r] * di * (x[j] - mean[j]);
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
            if (max < 1e-7) {
                break;
            }
        }
        return w;
    }

    private static double[] row(Group g, int r, boolean withPmi, double[] x) {
        System.arraycopy(g.x()[r], 0, x, 0, N);
        if (withPmi) {
            x[N] = LN10 * g.pmi()[r];
        }
        return x;
    }

    private static double dot(double[] w, double[] x) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * x[i];
        }
        return s;
    }

    /** Groups from spun passages read by one detector. */
    static final class Collector {
        private final Detector detector;
        private final CandidateTable uncut;
        private final Evidence evidence;
        private final LanguageModel lm;
        private final LmState a;
        private final LmState b;
        private final LmState empty;
        final List<Group> groups = new ArrayList<>();
        int edits;

        Collector(Detector detector) {
            this.detector = detector;
            this.lm = detector.model().lm();
            this.uncut = new CandidateTable(detector.model().lexicon(), lm,
                    detector.settings().with().candidatePool(100_000).contextPool(0).poolPrior(null).build());
            this.evidence = new Evidence(lm);
            this.a = lm.newState();
            this.b = lm.newState();
            this.empty = lm.newState();
            lm.emptyContext(empty);
        }

        void add(SpinResult s, boolean train) {
            Detector.Trace t = detector.trace(s.spunText(), CheckOptions.DEFAULTS);
            for (Edit e : s.edits()) {
                edits++;
                String orig = ErrorAnalysis.normal(e.original());
                for (Lattice lattice : t.lattices()) {
                    int[] range = ErrorAnalysis.positions(lattice, t.doc().tokens(), e);
                    if (range == null) {
                        continue;
                    }
                    Group g = group(lattice, range[0], range[1], orig, train);
                    if (g != null) {
                        groups.add(g);
                    }
                    break;
                }
            }
        }

        private Group group(Lattice lattice, int from, int to, String orig, boolean train) {
            String observed = String.join(" ", Arrays.asList(lattice.normal).subList(from, to));
            PreparedCandidate[] cands = uncut.candidates(observed);
            int target = -1;
            for (int i = 0; i < cands.length; i++) {
                target = cands[i].original().equals(orig) ? i : target;
            }
            if (target < 0 || cands.length < 2) {
                return null;
            }
            int[] obsIds = CandidateTable.ids(lm.vocabulary(), observed);
            float obsIntrinsic = obsIds == null ? -99f : uncut.intrinsic(obsIds, a, b);
            int obsWords = to - from;
            int obsClasses = obsWords == 1 ? PoolPrior.mask(detector.model().lexicon().wordClasses(observed)) : 0;
            double[][] x = new double[cands.length][N];
            double[] pmi = new double[cands.length];
            int left = from > 0 ? lattice.ids[from - 1] : -1;
            int right = to < lattice.size() ? lattice.ids[to] : Vocabulary.END_SENTENCE;
            float rightAlone = lm.score(empty, right, b);
            for (int i = 0; i < cands.length; i++) {
                PreparedCandidate c = cands[i];
                Candidate lc = c.candidate();
                int words = c.ids().length;
                int classes = words == 1 && obsClasses != 0 ? PoolPrior.mask(detector.model().lexicon().wordClasses(c.original())) : 0;
                PoolPrior.features(lc, c.intrinsicLog10(), obsIntrinsic, obsWords, words, obsClasses, classes, x[i]);
                int first = c.ids()[0];
                int last = c.ids()[words - 1];
                if (left < 0) {
                    lm.beginSentence(a);
                } else {
                    lm.emptyContext(a);
                    lm.score(a, left, a);
                }
                float afterLeft = lm.score(a, first, b);
                float firstAlone = words == 1 ? c.intrinsicLog10() : lm.score(empty, first, b);
                lm.emptyContext(a);
                lm.score(a, last, b);
                float beforeRight = lm.score(b, right, a);
                pmi[i] = (afterLeft - firstAlone) + (beforeRight - rightAlone);
            }
            evidence.sentence(lattice.ids, lattice.ids);
            float obsContext = evidence.inContext(from, to, null);
            float obsPartial = evidence.partial();
            float obsIntr = evidence.observedIntrinsic(from, to);
            boolean passes = evidence.gain(from, to, cands[target], obsContext, obsPartial, obsIntr,
                    Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY) >= detector.settings().evidenceGate();
            return new Group(x, pmi, target, passes, train);
        }
    }
}
