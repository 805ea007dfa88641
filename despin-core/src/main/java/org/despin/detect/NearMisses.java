package org.despin.detect;

/**
 * What the first lattice pass of a sentence learnt about each span in the observed context and did not
 * put in the lattice, kept so that a widening ({@link LatticeBuilder#widen}) need not ask the language
 * model again where the context it reads is the observed one:
 * <ul>
 * <li>the candidates it tested that are not in the lattice and whose gain reaches the widening's gate
 * (the near misses below the evidence gate, and those the lattice's limit per span cut), with their
 * evidence and features, in the order they were tested;</li>
 * <li>the spans where a candidate was given up early that the widening's lower gate would have read
 * to the end ("undecided": the widening tests those spans again);</li>
 * <li>which candidates the widening's context pool would choose, where the first pass ranked them
 * (a bit per candidate of the span's list by prior; 0 when it did not).</li>
 * </ul>
 * Spans are addressed by slot {@code from * maxSpan + (to - from - 1)}. Made by one lattice pass and
 * read-only afterwards.
 */
final class NearMisses {
    private final int maxSpan;
    private final double plainGate;
    private final double nameGate;
    private final int widenPoolSize;
    private final boolean poolCovered;
    private final long[] widenPool;
    private final boolean[] undecided;
    private final Arc[][] misses;

    /**
     * @param plainGate the widening's evidence gate, and {@code nameGate} its gate for names: the
     *     candidates kept are those that reach it
     * @param widenPoolSize how many candidates the widening's context pool chooses
     * @param poolCovered whether the first pass tested every candidate that pool can choose (its own pool
     *     is no smaller)
     */
    NearMisses(int words, int maxSpan, double plainGate, double nameGate, int widenPoolSize, boolean poolCovered) {
        this.maxSpan = maxSpan;
        this.plainGate = plainGate;
        this.nameGate = nameGate;
        this.widenPoolSize = widenPoolSize;
        this.poolCovered = poolCovered;
        this.widenPool = new long[words * maxSpan];
        this.undecided = new boolean[words * maxSpan];
        this.misses = new Arc[words * maxSpan][];
    }

    /** Whether a widening with these gates finds here every candidate it would admit in the observed context. */
    boolean covers(double evidenceGate, double nameGate) {
        return poolCovered && evidenceGate >= plainGate && nameGate >= this.nameGate;
    }

    /** The gate the kept candidates reach. */
    double gate(boolean name) {
        return name ? nameGate : plainGate;
    }

    int widenPoolSize() {
        return widenPoolSize;
    }

    int slot(int from, int to) {
        return from * maxSpan + (to - from - 1);
    }

    /** The widening's pool of the span as a bit set over its candidates by prior, or 0: not known. */
    long widenPool(int slot) {
        return widenPool[slot];
    }

    boolean undecided(int slot) {
        return undecided[slot];
    }

    /** The span's kept candidates (arcs with evidence and features, not in the lattice), or null: none. */
    Arc[] misses(int slot) {
        return misses[slot];
    }

    /** The kept arc reading {@code c} (by identity, then by value), or null. */
    static Arc find(Arc[] misses, PreparedCandidate c) {
        for (Arc a : misses) {
            if (a.candidate() == c) {
                return a;
            }
        }
        for (Arc a : misses) {
            if (a.candidate().candidate().equals(c.candidate())) {
                return a;
            }
        }
        return null;
    }

    void setWidenPool(int slot, long bits) {
        widenPool[slot] = bits;
    }

    void setUndecided(int slot) {
        undecided[slot] = true;
    }

    void add(int slot, Arc arc) {
        Arc[] old = misses[slot];
        if (old == null) {
            misses[slot] = new Arc[] {arc};
        } else {
            Arc[] grown = java.util.Arrays.copyOf(old, old.length + 1);
            grown[old.length] = arc;
            misses[slot] = grown;
        }
    }
}
