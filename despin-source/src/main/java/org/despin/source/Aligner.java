package org.despin.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aligns a query with a source, tolerating substitutions: Greedy String Tiling on the restored
 * lemma keys finds the runs that survived spinning (every function word, number and name, and
 * the content words the spinner left or the restorer put back); then neighbouring tiles are
 * joined across short stretches where the texts differ (the substituted slots), and passages
 * are extended at their ends over a substituted word when matching tokens follow it.
 *
 * <p>Immutable and thread-safe.
 */
public final class Aligner {
    /**
     * @param minMatch minimum tile length in tokens (Greedy String Tiling's MML)
     * @param maxGap longest stretch of differing tokens, on either side, that still joins two tiles
     */
    public record Settings(int minMatch, int maxGap) {
        public static final Settings DEFAULT = new Settings(4, 3);

        public Settings {
            if (minMatch < 1 || maxGap < 0) {
                throw new IllegalArgumentException("minMatch >= 1 and maxGap >= 0 required");
            }
        }
    }

    /** Matching tokens needed after a substituted word for an end extension to take it. */
    private static final int EXTENSION_CONFIRM = 2;
    /** Longest gap between two tiles that is aligned word by word when both sides are of similar length. */
    private static final int LONG_GAP = 24;
    /** Longest substituted stretch, on either side, that an end extension steps over. */
    private static final int MAX_EXTENSION_GAP = 2;

    private final Settings settings;

    public Aligner(Settings settings) {
        this.settings = settings;
    }

    /** The aligned passages of {@code query} and {@code source}, in query order. */
    public List<Passage> align(TextProfile query, TextProfile source) {
        List<KeyedToken> q = query.keyedTokens();
        List<KeyedToken> s = source.keyedTokens();
        Map<String, Integer> ids = new HashMap<>();
        int[] a = toIds(q, ids);
        int[] b = toIds(s, ids);
        List<GreedyStringTiling.Tile> tiles = GreedyStringTiling.tiles(a, b, settings.minMatch());
        boolean[] usedA = new boolean[a.length];
        boolean[] usedB = new boolean[b.length];
        for (GreedyStringTiling.Tile t : tiles) {
            for (int k = 0; k < t.length(); k++) {
                usedA[t.aStart() + k] = true;
                usedB[t.bStart() + k] = true;
            }
        }
        List<Chain> chains = joinTiles(tiles, a, b, usedA, usedB);
        List<Passage> out = new ArrayList<>(chains.size());
        for (Chain c : chains) {
            extendRight(c, a, b, usedA, usedB);
            extendLeft(c, a, b, usedA, usedB);
        }
        for (Chain c : chains) {
            out.add(c.toPassage(q, s));
        }
        return out;
    }

    /**
     * Joins tiles that follow each other in both texts. A gap of at most maxGap tokens on each side
     * is one substituted slot; a longer gap of similar length on both sides (a stretch where the
     * spinner replaced several words, with the function words between them intact) is aligned word
     * by word with a longest common subsequence, whose unmatched runs become the slots.
     */
    private List<Chain> joinTiles(List<GreedyStringTiling.Tile> tiles, int[] a, int[] b, boolean[] usedA,
            boolean[] usedB) {
        List<Chain> chains = new ArrayList<>();
        Chain current = null;
        for (GreedyStringTiling.Tile t : tiles) {
            if (current != null) {
                int gapA = t.aStart() - current.aEnd;
                int gapB = t.bStart() - current.bEnd;
                boolean inOrder = gapA >= 0 && gapB >= 0 && allFree(usedA, current.aEnd, t.aStart())
                        && allFree(usedB, current.bEnd, t.bStart());
                boolean shortGap = gapA <= settings.maxGap() && gapB <= settings.maxGap();
                boolean similarGap = Math.max(gapA, gapB) <= LONG_GAP && Math.abs(gapA - gapB) <= settings.maxGap();
                if (inOrder && (shortGap || similarGap)) {
                    if (shortGap) {
                        if (gapA > 0 || gapB > 0) {
                            current.steps.add(new int[] {current.aEnd, t.aStart(), current.bEnd, t.bStart(), 0});
                        }
                    } else {
                        alignGap(current, a, b, current.aEnd, t.aStart(), current.bEnd, t.bStart());
                    }
                    mark(usedA, current.aEnd, t.aStart());
                    mark(usedB, current.bEnd, t.bStart());
                    current.addRun(t.aStart(), t.bStart(), t.length());
                    continue;
                }
            }
            current = new Chain(t.aStart(), t.bStart());
            current.addRun(t.aStart(), t.bStart(), t.length());
            chains.add(current);
        }
        return chains;
    }

    /** Steps for a[aFrom, aTo) against b[bFrom, bTo): LCS matches, and the runs between them as slots. */
    private static void alignGap(Chain c, int[] a, int[] b, int aFrom, int aTo, int bFrom, int bTo) {
        int n = aTo - aFrom;
        int m = bTo - bFrom;
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a[aFrom + i] == b[bFrom + j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        int slotA = 0;
        int slotB = 0;
        while (i < n && j < m) {
            if (a[aFrom + i] == b[bFrom + j]) {
                if (slotA < i || slotB < j) {
                    c.steps.add(new int[] {aFrom + slotA, aFrom + i, bFrom + slotB, bFrom + j, 0});
                }
                c.steps.add(new int[] {aFrom + i, aFrom + i + 1, bFrom + j, bFrom + j + 1, 1});
                i++;
                j++;
                slotA = i;
                slotB = j;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        if (slotA < n || slotB < m) {
            c.steps.add(new int[] {aFrom + slotA, aTo, bFrom + slotB, bTo, 0});
        }
    }

    /**
     * Takes matching tokens, or a substituted stretch of up to {@link #MAX_EXTENSION_GAP} tokens on
     * either side, past the chain's end, as long as matching tokens confirm each substitution.
     */
    private static void extendRight(Chain c, int[] a, int[] b, boolean[] usedA, boolean[] usedB) {
        while (true) {
            int i = c.aEnd;
            int j = c.bEnd;
            if (i >= a.length || j >= b.length || usedA[i] || usedB[j]) {
                return;
            }
            if (a[i] == b[j]) {
                usedA[i] = true;
                usedB[j] = true;
                c.addRun(i, j, 1);
                continue;
            }
            int[] gap = confirmedGap(a, b, usedA, usedB, i, j, 1);
            if (gap == null) {
                return;
            }
            mark(usedA, i, i + gap[0]);
            mark(usedB, j, j + gap[1]);
            c.steps.add(new int[] {i, i + gap[0], j, j + gap[1], 0});
            c.aEnd = i + gap[0];
            c.bEnd = j + gap[1];
        }
    }

    private static void extendLeft(Chain c, int[] a, int[] b, boolean[] usedA, boolean[] usedB) {
        while (true) {
            int i = c.aStart - 1;
            int j = c.bStart - 1;
            if (i < 0 || j < 0 || usedA[i] || usedB[j]) {
                return;
            }
            if (a[i] == b[j]) {
                c.steps.add(0, new int[] {i, i + 1, j, j + 1, 1});
                usedA[i] = true;
                usedB[j] = true;
                c.aStart = i;
                c.bStart = j;
                continue;
            }
            int[] gap = confirmedGap(a, b, usedA, usedB, i, j, -1);
            if (gap == null) {
                return;
            }
            int aFrom = i - gap[0] + 1;
            int bFrom = j - gap[1] + 1;
            mark(usedA, aFrom, i + 1);
            mark(usedB, bFrom, j + 1);
            c.steps.add(0, new int[] {aFrom, i + 1, bFrom, j + 1, 0});
            c.aStart = aFrom;
            c.bStart = bFrom;
        }
    }

    /**
     * The smallest substituted stretch {lengthA, lengthB} starting at i/j (walking by step) after
     * which free tokens match: EXTENSION_CONFIRM of them, or all that remain when both texts end
     * there together. Null when there is none.
     */
    private static int[] confirmedGap(int[] a, int[] b, boolean[] usedA, boolean[] usedB, int i, int j, int step) {
        for (int total = 1; total <= 2 * MAX_EXTENSION_GAP; total++) {
            for (int ga = Math.max(0, total - MAX_EXTENSION_GAP); ga <= Math.min(total, MAX_EXTENSION_GAP); ga++) {
                int gb = total - ga;
                if (ga == 0 || gb == 0 || !free(usedA, i, ga, step) || !free(usedB, j, gb, step)) {
                    continue; // a pure insertion at a passage end is not evidence of anything
                }
                if (confirmed(a, b, usedA, usedB, i + ga * step, j + gb * step, step)) {
                    return new int[] {ga, gb};
                }
            }
        }
        return null;
    }

    private static boolean free(boolean[] used, int from, int length, int step) {
        for (int k = 0; k < length; k++) {
            int x = from + k * step;
            if (x < 0 || x >= used.length || used[x]) {
                return false;
            }
        }
        return true;
    }

    private static boolean confirmed(int[] a, int[] b, boolean[] usedA, boolean[] usedB, int i, int j, int step) {
        for (int k = 0; k < EXTENSION_CONFIRM; k++) {
            int x = i + k * step;
            int y = j + k * step;
            boolean aEnded = x < 0 || x >= a.length;
            boolean bEnded = y < 0 || y >= b.length;
            if (aEnded || bEnded) {
                return k > 0 && aEnded && bEnded; // both texts end here together after a match
            }
            if (usedA[x] || usedB[y] || a[x] != b[y]) {
                return false;
            }
        }
        return true;
    }

    private static boolean allFree(boolean[] used, int from, int to) {
        for (int k = from; k < to; k++) {
            if (used[k]) {
                return false;
            }
        }
        return true;
    }

    private static void mark(boolean[] used, int from, int to) {
        for (int k = from; k < to; k++) {
            used[k] = true;
        }
    }

    private static int[] toIds(List<KeyedToken> tokens, Map<String, Integer> ids) {
        int[] out = new int[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.computeIfAbsent(tokens.get(i).key(), k -> ids.size());
        }
        return out;
    }

    /** A passage under construction, in token indexes: steps are {aFrom, aTo, bFrom, bTo, match}. */
    private static final class Chain {
        int aStart;
        int bStart;
        int aEnd;
        int bEnd;
        final List<int[]> steps = new ArrayList<>();

        Chain(int aStart, int bStart) {
            this.aStart = aStart;
            this.bStart = bStart;
            this.aEnd = aStart;
            this.bEnd = bStart;
        }

        void addRun(int a, int b, int length) {
            for (int k = 0; k < length; k++) {
                steps.add(new int[] {a + k, a + k + 1, b + k, b + k + 1, 1});
            }
            aEnd = a + length;
            bEnd = b + length;
        }

        Passage toPassage(List<KeyedToken> q, List<KeyedToken> s) {
            List<Slot> slots = new ArrayList<>(steps.size());
            int matched = 0;
            for (int[] st : steps) {
                boolean match = st[4] == 1;
                if (match) {
                    matched++;
                }
                slots.add(new Slot(startOf(q, st[0], st[1]), endOf(q, st[0], st[1]), startOf(s, st[2], st[3]),
                        endOf(s, st[2], st[3]), match));
            }
            return new Passage(q.get(aStart).start(), q.get(aEnd - 1).end(), s.get(bStart).start(),
                    s.get(bEnd - 1).end(), matched, aEnd - aStart, slots);
        }

        /** Start of tokens [from, to), or for an empty side the end of the token before (an insertion point). */
        private static int startOf(List<KeyedToken> t, int from, int to) {
            if (from < to) {
                return t.get(from).start();
            }
            return from == 0 ? 0 : t.get(from - 1).end();
        }

        private static int endOf(List<KeyedToken> t, int from, int to) {
            if (from < to) {
                return t.get(to - 1).end();
            }
            return from == 0 ? 0 : t.get(from - 1).end();
        }
    }
}
