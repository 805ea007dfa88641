package org.despin.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Greedy String Tiling (Wise 1993, as in YAP3 and JPlag): covers two token sequences with
 * maximal non-overlapping common substrings ("tiles"), longest first, none shorter than a
 * minimum match length. Unlike a longest-common-subsequence alignment it finds passages that
 * were moved or reordered, which is how copied text is often rearranged.
 *
 * <p>This is the plain O(n·m·L) worst-case version with a position index on the second
 * sequence; for the few hundred tokens of a passage or an article it runs in microseconds to
 * a few milliseconds, which is all source finding needs.
 */
public final class GreedyStringTiling {
    private GreedyStringTiling() {
    }

    /**
     * A common substring: {@code a[aStart, aStart + length)} equals {@code b[bStart, bStart + length)}.
     *
     * @param aStart first token in the first sequence
     * @param bStart first token in the second sequence
     * @param length number of tokens
     */
    public record Tile(int aStart, int bStart, int length) {
    }

    /** The tiles of {@code a} and {@code b}, sorted by their position in {@code a}. */
    public static List<Tile> tiles(int[] a, int[] b, int minMatch) {
        if (minMatch < 1) {
            throw new IllegalArgumentException("minimum match length must be at least 1");
        }
        Map<Integer, List<Integer>> positionsInB = new HashMap<>();
        for (int t = 0; t < b.length; t++) {
            positionsInB.computeIfAbsent(b[t], k -> new ArrayList<>()).add(t);
        }
        boolean[] markedA = new boolean[a.length];
        boolean[] markedB = new boolean[b.length];
        List<Tile> tiles = new ArrayList<>();
        int maxMatch;
        do {
            maxMatch = minMatch;
            List<Tile> matches = new ArrayList<>();
            for (int p = 0; p < a.length; p++) {
                if (markedA[p]) {
                    continue;
                }
                List<Integer> candidates = positionsInB.get(a[p]);
                if (candidates == null) {
                    continue;
                }
                for (int t : candidates) {
                    if (markedB[t]) {
                        continue;
                    }
                    int j = 0;
                    while (p + j < a.length && t + j < b.length && a[p + j] == b[t + j] && !markedA[p + j]
                            && !markedB[t + j]) {
                        j++;
                    }
                    if (j == maxMatch) {
                        matches.add(new Tile(p, t, j));
                    } else if (j > maxMatch) {
                        matches.clear();
                        matches.add(new Tile(p, t, j));
                        maxMatch = j;
                    }
                }
            }
            for (Tile m : matches) {
                if (!occluded(m, markedA, markedB)) {
                    for (int k = 0; k < m.length(); k++) {
                        markedA[m.aStart() + k] = true;
                        markedB[m.bStart() + k] = true;
                    }
                    tiles.add(m);
                }
            }
        } while (maxMatch > minMatch);
        tiles.sort(Comparator.comparingInt(Tile::aStart));
        return tiles;
    }

    private static boolean occluded(Tile m, boolean[] markedA, boolean[] markedB) {
        for (int k = 0; k < m.length(); k++) {
            if (markedA[m.aStart() + k] || markedB[m.bStart() + k]) {
                return true;
            }
        }
        return false;
    }
}
