package org.despin.detect;

/**
 * What the first lattice pass of a sentence learnt about each span in the observed context and did not
 * put in the lattice, kept so that a later pass over the same sentence (the second look,
 * {@link LatticeBuilder#refine}, and the widening of a document called spun, {@link LatticeBuilder#widen})
 * need not ask the language model again where the context it reads is the observed one:
 * <ul>
 * <li>the candidates it tested that are not in the lattice and whose gain reaches the lower of its own gate
 * and the widening's (those the lattice's limit per span cut, as arcs, and the near misses below the evidence
 * gate when a widening may follow, as the scores their arcs are made of: most documents are never widened,
 * so a near miss's arc is made only when a later pass reads it);</li>
 * <li>the spans where a candidate was given up early that the widening's lower gate would have read to
 * the end ("undecided": a pass with a gate below the first pass's tests those spans again);</li>
 * <li>the pool the first pass tested, and which of its candidates the widening's smaller context pool
 * would choose, where the first pass ranked them (a bit per candidate of the span's list by prior).</li>
 * </ul>
 * Spans are addressed by slot {@code from * maxSpan + (to - from - 1)}. Made by one lattice pass and
 * read-only afterwards.
 */
final class NearMisses {
    private final int maxSpan;
    private final double firstGate;
    private final double keptGate;
    private final double nameGate;
    private final int firstPoolSize;
    private final int widenPoolSize;
    private final int contextReach;
    private final PreparedCandidate[][] firstPool;
    private final long[] widenPool;
    private final boolean[] undecided;
    private final Kept[][] misses;
    /** The bigram PMIs of the first pass's ranked pools by slot ({@link ContextPool#lastPmis}), made on first use. */
    private double[][] firstPmis;
    /** The candidate table whose lists the first pass's pools ranked, or null: not known. */
    private CandidateTable table;

    /**
     * The scores of an observed span in the observed context that the arcs of its candidates read
     * ({@code LatticeBuilder.candidateArc}): its log10 probability with the right context, without it,
     * and from an empty context; its candidates listed; whether it is a name.
     */
    record ObservedSpan(float context, float left, float intrinsic, int listed, boolean name) {
    }

    /**
     * A candidate kept for a later pass: an arc the lattice's limit per span cut ({@code arc}), or a near
     * miss below the first pass's gate, its arc not made ({@code arc} null): its gain, the log10
     * probability of its span part after the left context and its context ratio, and its span's scores.
     */
    record Kept(PreparedCandidate candidate, double gain, float spanPart, double context, ObservedSpan observed,
            Arc arc) {
        static Kept of(Arc arc) {
            return new Kept(arc.candidate(), arc.evidence().gainLog10(), 0f, arc.evidence().contextLog10(), null, arc);
        }
    }

    /**
     * @param firstGate the first pass's evidence gate
     * @param keptGate the lowest gain of a candidate kept here (at most {@code firstGate}); {@code nameGate}
     *     the gate of names, the same for every pass
     * @param firstPoolSize the first pass's context pool (0: none, every listed candidate was tested)
     * @param widenPoolSize the context pool of a widening (see {@link #widenPool})
     * @param contextReach how many candidates by prior the pools choose from
     */
    NearMisses(int words, int maxSpan, double firstGate, double keptGate, double nameGate, int firstPoolSize,
            int widenPoolSize, int contextReach) {
        this.maxSpan = maxSpan;
        this.firstGate = firstGate;
        this.keptGate = keptGate;
        this.nameGate = nameGate;
        this.firstPoolSize = firstPoolSize;
        this.widenPoolSize = widenPoolSize;
        this.contextReach = contextReach;
        this.firstPool = new PreparedCandidate[words * maxSpan][];
        this.widenPool = new long[words * maxSpan];
        this.undecided = new boolean[words * maxSpan];
        this.misses = new Kept[words * maxSpan][];
    }

    /**
     * Whether a pass with these gates and pool finds here every candidate it would admit where it reads
     * the observed context: its gates no lower than what was kept, and its pool among the first pass's.
     */
    boolean covers(double evidenceGate, double nameGate, int poolSize, int contextReach) {
        boolean poolCovered = firstPoolSize == 0 || (poolSize > 0 && poolSize <= firstPoolSize && contextReach == this.contextReach);
        return poolCovered && evidenceGate >= keptGate && nameGate >= this.nameGate;
    }

    /** The gate of names (every pass's). */
    double nameGate() {
        return nameGate;
    }

    /** The gain a candidate must reach to be kept. */
    double keptGate(boolean name) {
        return name ? nameGate : keptGate;
    }

    int slot(int from, int to) {
        return from * maxSpan + (to - from - 1);
    }

    /** Whether a pass with this gate (for a span that is not a name) must test the span again. */
    boolean undecided(int slot, double gate) {
        return undecided[slot] && gate < firstGate;
    }

    /** The candidates the first pass tested, as its context pool chose them, or null: not chosen (the whole list). */
    PreparedCandidate[] firstPool(int slot) {
        return firstPool[slot];
    }

    int firstPoolSize() {
        return firstPoolSize;
    }

    /** The widening's pool of the span as a bit set over its candidates by prior, or 0: not known. */
    long widenPool(int slot) {
        return widenPool[slot];
    }

    int widenPoolSize() {
        return widenPoolSize;
    }

    /** The span's kept candidates (not in the lattice), or null: none. */
    Kept[] misses(int slot) {
        return misses[slot];
    }

    /** The kept candidate reading {@code c} (by identity, then by value), or null. */
    static Kept find(Kept[] misses, PreparedCandidate c) {
        for (Kept a : misses) {
            if (a.candidate() == c) {
                return a;
            }
        }
        for (Kept a : misses) {
            if (a.candidate().candidate().equals(c.candidate())) {
                return a;
            }
        }
        return null;
    }

    void setPools(int slot, PreparedCandidate[] first, long widen) {
        firstPool[slot] = first;
        widenPool[slot] = widen;
    }

    /**
     * Keeps the bigram PMIs the first pass's pool of a span ranked its candidates by (null: it ranked none), over
     * {@code table}'s list of the span.
     */
    void setPmis(int slot, double[] pmis, CandidateTable table) {
        if (pmis == null) {
            return;
        }
        if (firstPmis == null) {
            firstPmis = new double[firstPool.length][];
        }
        firstPmis[slot] = pmis;
        this.table = table;
    }

    /**
     * The bigram PMIs of the first candidates of a span by prior in the observed context, as the first pass's pool
     * ranked them, where {@code other} lists them in the same order (the same list cut at another length,
     * {@link CandidateTable#sameOrder}); else null.
     */
    double[] firstPmis(int slot, CandidateTable other) {
        return firstPmis == null || table == null || !table.sameOrder(other) ? null : firstPmis[slot];
    }

    void setUndecided(int slot) {
        undecided[slot] = true;
    }

    void add(int slot, Kept kept) {
        Kept[] old = misses[slot];
        if (old == null) {
            misses[slot] = new Kept[] {kept};
        } else {
            Kept[] grown = java.util.Arrays.copyOf(old, old.length + 1);
            grown[old.length] = kept;
            misses[slot] = grown;
        }
    }
}
