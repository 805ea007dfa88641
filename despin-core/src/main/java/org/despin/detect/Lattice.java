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

    /** The sentence's words, for rebuilding the lattice with another context. */
    final LatticeBuilder.SentenceWords words;

    /**
     * What the first pass of this sentence learnt in the observed context and left out of the lattice, for a
     * widening to read instead of asking the LM again; null when it was not kept.
     */
    final NearMisses nearMisses;

    Lattice(LatticeBuilder.SentenceWords words, int[] ids, int eligibleWords, List<Arc> sortedArcs) {
        this(words, ids, eligibleWords, sortedArcs, null);
    }

    Lattice(LatticeBuilder.SentenceWords words, int[] ids, int eligibleWords, List<Arc> sortedArcs, NearMisses nearMisses) {
        this.nearMisses = nearMisses;
        this.words = words;
        this.tokenIndex = words.tokenIndex;
        this.normal = words.normal;
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

    /**
     * True when a substitution arc over {@code from..to} reads {@code c}. By value, not identity:
     * the candidate cache may hand out equal candidates in different objects (two threads that
     * prepared the same span at once, or a full cache), and the lattice must not depend on which.
     */
    boolean hasArc(int from, int to, PreparedCandidate c) {
        for (int a = firstArc[from]; a < firstArc[from + 1]; a++) {
            PreparedCandidate x = arcs[a].candidate();
            if (arcs[a].to() == to && x != null && (x == c || x.candidate().equals(c.candidate()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The LM ids of the best reading where it replaces one word by one word, the observed ids
     * elsewhere: the context a second look at the evidence reads.
     */
    int[] restoredContext(boolean[] best) {
        int[] context = ids.clone();
        boolean changed = false;
        for (int a = 0; a < arcs.length; a++) {
            Arc arc = arcs[a];
            if (best[a] && !arc.isKeep() && arc.to() - arc.from() == 1 && arc.out().length == 1) {
                context[arc.from()] = arc.out()[0];
                changed = true;
            }
        }
        return changed ? context : null;
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
