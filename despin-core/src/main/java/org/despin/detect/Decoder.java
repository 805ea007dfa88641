package org.despin.detect;

import java.util.Arrays;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmState;
import org.despin.lm.Vocabulary;

/**
 * Decodes a {@link Lattice}: a beam search over (position, LM state) hypotheses that keeps both
 * the Viterbi score (best restoration) and the forward sum, then a backward pass over the edges it
 * kept, which gives every arc its posterior probability (forward-backward on the pruned graph).
 *
 * <p>Hypotheses that reach the same position with equal LM states are recombined: they predict
 * every later word identically, so only their scores add up. At most {@code beamWidth} hypotheses
 * survive per position, and none more than {@link #PRUNE_NATS} below the best.
 *
 * <p>Per call (holds the hypothesis and edge arrays, reused across sentences); not thread-safe.
 */
final class Decoder {
    /** Hypotheses this far (nats) below the best at a position cannot matter to any posterior we report. */
    static final double PRUNE_NATS = 25;

    /** The decode of one lattice. */
    record Decoded(double[] posterior, boolean[] best, double logZ) {
    }

    private final LanguageModel lm;
    private final int beam;
    private final double lmScale;

    // hypotheses
    private LmState[] state = new LmState[0];
    private int[] hash = new int[0];
    private double[] alpha = new double[0];
    private double[] viterbi = new double[0];
    private double[] beta = new double[0];
    private int[] backEdge = new int[0];
    private int[] nextAtPosition = new int[0];
    private boolean[] alive = new boolean[0];
    private int hyps;
    private int[] head = new int[0];
    // edges
    private int[] edgeFrom = new int[0];
    private int[] edgeTo = new int[0];
    private int[] edgeArc = new int[0];
    private double[] edgeWeight = new double[0];
    private int edges;
    // scratch
    private final LmState work;
    private int[] order = new int[0];

    Decoder(LanguageModel lm, int beamWidth, double lmWeight) {
        this.lm = lm;
        this.beam = beamWidth;
        this.lmScale = lmWeight * Math.log(10);
        this.work = lm.newState();
    }

    /** Decodes with the given per-arc weights (nats: channel and bonuses; the LM is added here). */
    Decoded decode(Lattice lattice, double[] arcWeight) {
        int n = lattice.size();
        reset(n);
        int start = newHypothesis(0);
        lm.beginSentence(state[start]);
        hash[start] = state[start].hashCode();
        alpha[start] = 0;
        viterbi[start] = 0;
        Arc[] arcs = lattice.arcs;
        for (int i = 0; i < n; i++) {
            int live = prune(i);
            if (live == 0) {
                break;
            }
            for (int a = lattice.firstArc[i]; a < lattice.firstArc[i + 1]; a++) {
                Arc arc = arcs[a];
                int[] out = arc.out();
                for (int h = head[i]; h >= 0; h = nextAtPosition[h]) {
                    if (!alive[h]) {
                        continue;
                    }
                    double lp = lmScore(state[h], out);
                    double w = lmScale * lp + arcWeight[a];
                    int to = findOrAdd(arc.to(), work);
                    addEdge(h, to, a, w);
                }
            }
        }
        prune(n);
        // sentence end
        double logZ = Double.NEGATIVE_INFINITY;
        int bestFinal = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int h = head[n]; h >= 0; h = nextAtPosition[h]) {
            if (!alive[h]) {
                continue;
            }
            double end = lmScale * lm.score(state[h], Vocabulary.END_SENTENCE, work);
            beta[h] = end;
            logZ = logAdd(logZ, alpha[h] + end);
            if (viterbi[h] + end > bestScore) {
                bestScore = viterbi[h] + end;
                bestFinal = h;
            }
        }
        double[] posterior = new double[arcs.length];
        boolean[] best = new boolean[arcs.length];
        if (bestFinal < 0) {
            return new Decoded(posterior, best, logZ);
        }
        for (int e = edges - 1; e >= 0; e--) {
            int from = edgeFrom[e];
            int to = edgeTo[e];
            if (alive[to] && beta[to] > Double.NEGATIVE_INFINITY) {
                beta[from] = logAdd(beta[from], edgeWeight[e] + beta[to]);
            }
        }
        for (int e = 0; e < edges; e++) {
            int to = edgeTo[e];
            if (alive[to] && beta[to] > Double.NEGATIVE_INFINITY) {
                posterior[edgeArc[e]] += Math.exp(alpha[edgeFrom[e]] + edgeWeight[e] + beta[to] - logZ);
            }
        }
        for (int h = bestFinal; backEdge[h] >= 0; h = edgeFrom[backEdge[h]]) {
            best[edgeArc[backEdge[h]]] = true;
        }
        for (int a = 0; a < posterior.length; a++) {
            posterior[a] = Math.min(1.0, posterior[a]);
        }
        return new Decoded(posterior, best, logZ);
    }

    /** log10 of the words {@code out} after the context {@code from}; leaves the final state in {@link #work}. */
    private double lmScore(LmState from, int[] out) {
        float sum = lm.score(from, out[0], work);
        for (int k = 1; k < out.length; k++) {
            sum += lm.score(work, out[k], work);
        }
        return sum;
    }

    /** Keeps the best {@code beam} hypotheses at position p (by Viterbi score); returns how many live. */
    private int prune(int p) {
        int count = 0;
        double top = Double.NEGATIVE_INFINITY;
        for (int h = head[p]; h >= 0; h = nextAtPosition[h]) {
            top = Math.max(top, viterbi[h]);
            count++;
        }
        if (count == 0) {
            return 0;
        }
        if (order.length < count) {
            order = new int[Math.max(count, order.length * 2)];
        }
        int k = 0;
        for (int h = head[p]; h >= 0; h = nextAtPosition[h]) {
            if (viterbi[h] < top - PRUNE_NATS) {
                alive[h] = false;
            } else {
                order[k++] = h;
            }
        }
        if (k > beam) {
            // partial selection: sort the survivors by score, best first (k is small)
            for (int x = 1; x < k; x++) {
                int v = order[x];
                int y = x - 1;
                while (y >= 0 && viterbi[order[y]] < viterbi[v]) {
                    order[y + 1] = order[y];
                    y--;
                }
                order[y + 1] = v;
            }
            for (int x = beam; x < k; x++) {
                alive[order[x]] = false;
            }
            k = beam;
        }
        return k;
    }

    private int findOrAdd(int p, LmState s) {
        int hc = s.hashCode();
        for (int h = head[p]; h >= 0; h = nextAtPosition[h]) {
            if (hash[h] == hc && state[h].equals(s)) {
                return h;
            }
        }
        int h = newHypothesis(p);
        state[h].copyFrom(s);
        hash[h] = hc;
        return h;
    }

    private void addEdge(int from, int to, int arc, double w) {
        if (edges == edgeFrom.length) {
            int cap = Math.max(64, edges * 2);
            edgeFrom = Arrays.copyOf(edgeFrom, cap);
            edgeTo = Arrays.copyOf(edgeTo, cap);
            edgeArc = Arrays.copyOf(edgeArc, cap);
            edgeWeight = Arrays.copyOf(edgeWeight, cap);
        }
        int e = edges++;
        edgeFrom[e] = from;
        edgeTo[e] = to;
        edgeArc[e] = arc;
        edgeWeight[e] = w;
        double s = alpha[from] + w;
        alpha[to] = logAdd(alpha[to], s);
        double v = viterbi[from] + w;
        if (v > viterbi[to]) {
            viterbi[to] = v;
            backEdge[to] = e;
        }
    }

    private int newHypothesis(int p) {
        if (hyps == state.length) {
            int cap = Math.max(64, hyps * 2);
            LmState[] grown = Arrays.copyOf(state, cap);
            for (int i = hyps; i < cap; i++) {
                grown[i] = lm.newState();
            }
            state = grown;
            hash = Arrays.copyOf(hash, cap);
            alpha = Arrays.copyOf(alpha, cap);
            viterbi = Arrays.copyOf(viterbi, cap);
            beta = Arrays.copyOf(beta, cap);
            backEdge = Arrays.copyOf(backEdge, cap);
            nextAtPosition = Arrays.copyOf(nextAtPosition, cap);
            alive = Arrays.copyOf(alive, cap);
        }
        int h = hyps++;
        alpha[h] = Double.NEGATIVE_INFINITY;
        viterbi[h] = Double.NEGATIVE_INFINITY;
        beta[h] = Double.NEGATIVE_INFINITY;
        backEdge[h] = -1;
        alive[h] = true;
        nextAtPosition[h] = head[p];
        head[p] = h;
        return h;
    }

    private void reset(int n) {
        hyps = 0;
        edges = 0;
        if (head.length < n + 1) {
            head = new int[Math.max(n + 1, head.length * 2)];
        }
        Arrays.fill(head, 0, n + 1, -1);
    }

    static double logAdd(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
    }
}
