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
 * <p>A document's lattices are decoded several times (EM over the spin rate, then again after
 * the refine pass) with new arc weights but the same LM: the LM part of every edge (the arc's
 * words after a hypothesis's state) is remembered per lattice ({@link Transitions}), so a later
 * decode only adds weights. Hypotheses hold an interned state id; the scores are the same floats.
 *
 * <p>Per call (holds the hypothesis and edge arrays, reused across sentences, and the
 * transitions of the document's lattices); not thread-safe.
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
    /** The hypothesis's LM state, as an id among the states interned at its position. */
    private int[] stateId = new int[0];
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
    /** LM transitions of the lattices decoded so far (a document's), by lattice identity. */
    private final java.util.IdentityHashMap<Lattice, Transitions> transitions = new java.util.IdentityHashMap<>();
    /**
     * The interned states' objects, handed out in order and taken back all at once by
     * {@link #forgetDocument}: a document interns a few states per word, and a state object is
     * several small arrays, so a pooled decoder ({@link Pool}) makes them once, not per document.
     */
    private LmState[] slab = new LmState[0];
    private int slabUsed;

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
        Transitions t = transitions.computeIfAbsent(lattice, Transitions::new);
        lm.beginSentence(work);
        int start = newHypothesis(0, t.intern(0, work));
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
                for (int h = head[i]; h >= 0; h = nextAtPosition[h]) {
                    if (!alive[h]) {
                        continue;
                    }
                    int from = stateId[h];
                    int toState = t.target(a, from);
                    double lp;
                    if (toState >= 0) {
                        lp = t.log10(a, from);
                    } else {
                        lp = lmScore(t.state(i, from), arc.out());
                        toState = t.intern(arc.to(), work);
                        t.remember(a, from, lp, toState);
                    }
                    double w = lmScale * lp + arcWeight[a];
                    int to = findOrAdd(arc.to(), toState);
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
            double end = lmScale * t.endLog10(n, stateId[h]);
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

    private LmState newState() {
        if (slabUsed == slab.length) {
            int old = slab.length;
            slab = Arrays.copyOf(slab, Math.max(256, 2 * old));
            for (int i = old; i < slab.length; i++) {
                slab[i] = lm.newState();
            }
        }
        return slab[slabUsed++];
    }

    /**
     * Lets {@code rebuilt}, a lattice of the same sentence made from {@code decoded} by a later pass (the
     * second look, the widening: every arc of {@code decoded} is in it), start from what the decodes of
     * {@code decoded} learnt of the LM: its interned states, the edges of the arcs both have (an arc's LM
     * part depends only on its span and words), the sentence ends. The scores are the same floats as
     * computing them again, and hypotheses and their order do not depend on state ids, so the decode is
     * the same; only the arcs the later pass added are scored.
     */
    void inherit(Lattice rebuilt, Lattice decoded) {
        Transitions old = transitions.get(decoded);
        if (old == null || rebuilt == decoded || transitions.containsKey(rebuilt)) {
            return;
        }
        transitions.put(rebuilt, new Transitions(rebuilt, decoded, old));
    }

    /** Drops the transitions of the lattices decoded so far: the next lattices are another document's. */
    void forgetDocument() {
        transitions.clear();
        slabUsed = 0;
    }

    /**
     * Decoders for one detector's calls, kept between calls so that their state objects are made
     * once per thread rather than once per document. Thread-safe; a call takes a decoder and gives
     * it back when done.
     */
    static final class Pool {
        /** Idle decoders kept at most (more only when more calls ran at once). */
        private static final int KEEP = 2 * Runtime.getRuntime().availableProcessors();
        private final java.util.concurrent.ConcurrentLinkedQueue<Decoder> idle =
                new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final java.util.concurrent.atomic.AtomicInteger idleCount = new java.util.concurrent.atomic.AtomicInteger();
        private final LanguageModel lm;
        private final int beamWidth;
        private final double lmWeight;

        Pool(LanguageModel lm, int beamWidth, double lmWeight) {
            this.lm = lm;
            this.beamWidth = beamWidth;
            this.lmWeight = lmWeight;
        }

        Decoder take() {
            Decoder d = idle.poll();
            if (d == null) {
                return new Decoder(lm, beamWidth, lmWeight);
            }
            idleCount.decrementAndGet();
            return d;
        }

        void giveBack(Decoder d) {
            d.forgetDocument();
            if (idleCount.incrementAndGet() <= KEEP) {
                idle.offer(d);
            } else {
                idleCount.decrementAndGet();
            }
        }
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

    /** The hypothesis at position p with this state (equal LM states are one hypothesis), made when new. */
    private int findOrAdd(int p, int state) {
        for (int h = head[p]; h >= 0; h = nextAtPosition[h]) {
            if (stateId[h] == state) {
                return h;
            }
        }
        return newHypothesis(p, state);
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

    private int newHypothesis(int p, int state) {
        if (hyps == stateId.length) {
            int cap = Math.max(64, hyps * 2);
            stateId = Arrays.copyOf(stateId, cap);
            alpha = Arrays.copyOf(alpha, cap);
            viterbi = Arrays.copyOf(viterbi, cap);
            beta = Arrays.copyOf(beta, cap);
            backEdge = Arrays.copyOf(backEdge, cap);
            nextAtPosition = Arrays.copyOf(nextAtPosition, cap);
            alive = Arrays.copyOf(alive, cap);
        }
        int h = hyps++;
        stateId[h] = state;
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

    /**
     * The LM side of one lattice's edges, kept across its decodes: the distinct LM states met at
     * each position (interned: equal states get one id), and per arc and start state the arc's
     * log10 probability and the state it leads to; per final state the sentence end's.
     */
    private final class Transitions {
        private final LmState[][] states;
        private final int[][] hashes;
        private final int[] count;
        /** target[a][s]: the state id arc a leads to from state s of its start, -1 = not yet known. */
        private final int[][] target;
        private final double[][] log10;
        private double[] end = new double[0];

        Transitions(Lattice lattice) {
            int n = lattice.size();
            states = new LmState[n + 1][];
            hashes = new int[n + 1][];
            count = new int[n + 1];
            target = new int[lattice.arcs.length][];
            log10 = new double[lattice.arcs.length][];
        }

        /** The transitions of {@code old}'s lattice {@code decoded} for {@code rebuilt}: see {@link Decoder#inherit}. */
        Transitions(Lattice rebuilt, Lattice decoded, Transitions old) {
            this(rebuilt);
            int n = rebuilt.size();
            for (int p = 0; p <= n; p++) {
                if (old.states[p] != null) {
                    states[p] = old.states[p].clone(); // the state objects are never changed once interned
                    hashes[p] = old.hashes[p].clone();
                    count[p] = old.count[p];
                }
            }
            for (int a = 0; a < rebuilt.arcs.length; a++) {
                Arc arc = rebuilt.arcs[a];
                for (int b = decoded.firstArc[arc.from()]; b < decoded.firstArc[arc.from() + 1]; b++) {
                    Arc was = decoded.arcs[b];
                    if (was.to() == arc.to() && Arrays.equals(was.out(), arc.out())) {
                        if (old.target[b] != null) {
                            target[a] = old.target[b].clone();
                            log10[a] = old.log10[b].clone();
                        }
                        break;
                    }
                }
            }
            end = old.end.clone();
        }

        /** The id of {@code s} among the states at position p (a copy is kept when it is new). */
        int intern(int p, LmState s) {
            int hc = s.hashCode();
            LmState[] at = states[p];
            int k = count[p];
            for (int i = 0; i < k; i++) {
                if (hashes[p][i] == hc && at[i].equals(s)) {
                    return i;
                }
            }
            if (at == null || k == at.length) {
                int cap = Math.max(4, 2 * k);
                states[p] = at = at == null ? new LmState[cap] : Arrays.copyOf(at, cap);
                hashes[p] = hashes[p] == null ? new int[cap] : Arrays.copyOf(hashes[p], cap);
            }
            LmState copy = newState();
            copy.copyFrom(s);
            at[k] = copy;
            hashes[p][k] = hc;
            count[p] = k + 1;
            return k;
        }

        LmState state(int p, int id) {
            return states[p][id];
        }

        int target(int arc, int from) {
            int[] t = target[arc];
            return t != null && from < t.length ? t[from] : -1;
        }

        double log10(int arc, int from) {
            return log10[arc][from];
        }

        void remember(int arc, int from, double lp, int to) {
            int[] t = target[arc];
            if (t == null || from >= t.length) {
                int cap = Math.max(4, Math.max(from + 1, t == null ? 0 : 2 * t.length));
                int old = t == null ? 0 : t.length;
                t = target[arc] = t == null ? new int[cap] : Arrays.copyOf(t, cap);
                Arrays.fill(t, old, cap, -1);
                log10[arc] = log10[arc] == null ? new double[cap] : Arrays.copyOf(log10[arc], cap);
            }
            t[from] = to;
            log10[arc][from] = lp;
        }

        /** log10 P(</s> | state {@code id} at the last position n). */
        double endLog10(int n, int id) {
            if (id >= end.length) {
                int old = end.length;
                end = Arrays.copyOf(end, Math.max(4, Math.max(id + 1, 2 * old)));
                Arrays.fill(end, old, end.length, Double.NaN);
            }
            if (Double.isNaN(end[id])) {
                end[id] = lm.score(states[n][id], Vocabulary.END_SENTENCE, work);
            }
            return end[id];
        }
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
