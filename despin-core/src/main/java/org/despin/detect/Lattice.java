package org.despin.detect;

import java.util.List;

/**
 * The readings of one sentence: for every observed word a keep arc, and for every span that has
 * candidate originals with positive evidence a substitution arc per candidate. Arcs are sorted by
 * start position; {@link #firstArc} indexes them. Built per call, read-only after construction.
 */
final class Lattice {
    /** Document token index of each observed word. */
    final int[] tokenIndex;
    /** Normalised observed words. */
    final String[] normal;
    /** LM ids of the observed words. */
    final int[] ids;
    /** Observed words a spinner could have replaced (the lexicon knows them). */
    final int eligibleWords;
    final Arc[] arcs;
    /** Index of the first arc starting at each position; {@code firstArc[n]} = arcs.length. */
    final int[] firstArc;
    final int substitutionArcs;

    Lattice(int[] tokenIndex, String[] normal, int[] ids, int eligibleWords, List<Arc> sortedArcs) {
        this.tokenIndex = tokenIndex;
        this.normal = normal;
        this.ids = ids;
        this.eligibleWords = eligibleWords;
        this.arcs = sortedArcs.toArray(new Arc[0]);
        int n = ids.length;
        this.firstArc = new int[n + 1];
        int a = 0;
        int subs = 0;
        for (int p = 0; p <= n; p++) {
            while (a < arcs.length && arcs[a].from() < p) {
                a++;
            }
            firstArc[p] = a;
        }
        for (Arc arc : arcs) {
            if (!arc.isKeep()) {
                subs++;
            }
        }
        this.substitutionArcs = subs;
    }

    int size() {
        return ids.length;
    }

    /** True when there is nothing to decide: every word can only be kept. */
    boolean trivial() {
        return substitutionArcs == 0;
    }

    /** The observed words {@code from..to} joined by spaces. */
    String observed(int from, int to) {
        return String.join(" ", java.util.Arrays.asList(normal).subList(from, to));
    }
}
