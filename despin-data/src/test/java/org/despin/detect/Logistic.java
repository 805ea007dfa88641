package org.despin.detect;

import java.util.List;

/** Logistic regression by Newton's method with an L2 penalty (not on the intercept): small and exact. */
final class Logistic {
    private Logistic() {
    }

    static double predictLogit(double[] w, double[] x) {
        double z = 0;
        for (int i = 0; i < w.length; i++) {
            z += w[i] * x[i];
        }
        return z;
    }

    static double predict(double[] w, double[] x) {
        double z = 0;
        for (int i = 0; i < w.length; i++) {
            z += w[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Prints fitted weights one per line by name (intercept first), and returns them as Java array text. */
    static String printWeights(double[] w, List<String> names) {
        System.out.printf(java.util.Locale.ROOT, "  %-20s %8.4f%n", "intercept", w[0]);
        for (int k = 0; k < names.size(); k++) {
            System.out.printf(java.util.Locale.ROOT, "  %-20s %8.4f%n", names.get(k), w[k + 1]);
        }
        StringBuilder text = new StringBuilder("new double[] {");
        for (int k = 0; k < w.length; k++) {
            text.append(k == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.4f", w[k]));
        }
        return text.append('}').toString();
    }

    static double[] fit(List<double[]> xs, List<Integer> ys, double l2) {
        return fit(xs, ys, l2, 1, 1);
    }

    /** As {@link #fit(List, List, double)}, each positive row weighing {@code wPos} and each negative {@code wNeg}. */
    static double[] fit(List<double[]> xs, List<Integer> ys, double l2, double wPos, double wNeg) {
        int d = xs.get(0).length;
        double[] w = new double[d];
        for (int iter = 0; iter < 50; iter++) {
            double[] g = new double[d];
            double[][] h = new double[d][d];
            for (int n = 0; n < xs.size(); n++) {
                double[] x = xs.get(n);
                double p = predict(w, x);
                double c = ys.get(n) == 1 ? wPos : wNeg;
                double err = c * (p - ys.get(n));
                double v = c * p * (1 - p);
                for (int i = 0; i < d; i++) {
                    g[i] += err * x[i];
                    for (int j = 0; j < d; j++) {
                        h[i][j] += v * x[i] * x[j];
                    }
                }
            }
            for (int i = 1; i < d; i++) {
                g[i] += l2 * w[i];
                h[i][i] += l2;
            }
            h[0][0] += 1e-9;
            double[] step = solve(h, g);
            double max = 0;
            for (int i = 0; i < d; i++) {
                w[i] -= step[i];
                max = Math.max(max, Math.abs(step[i]));
            }
            if (max < 1e-8) {
                break;
            }
        }
        return w;
    }

    /** Gaussian elimination with partial pivoting. */
    static double[] solve(double[][] a0, double[] b0) {
        int n = b0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = a0[i].clone();
        }
        double[] b = b0.clone();
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            double tb = b[c];
            b[c] = b[p];
            b[p] = tb;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k < n; k++) {
                    a[r][k] -= f * a[c][k];
                }
                b[r] -= f * b[c];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < n; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }
}
