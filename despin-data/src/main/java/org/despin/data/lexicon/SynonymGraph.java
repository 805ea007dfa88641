package org.despin.data.lexicon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.despin.lexicon.LinkFeatures;

/**
 * Lemma-level links "a spinner may write OBSERVED for ORIGINAL", from all thesauri, with the
 * thesauri's evidence as {@link LinkFeatures} flag bits. Terms are interned as ints and links
 * packed into longs, because Moby alone gives five million of them in both directions.
 */
final class SynonymGraph {
    private static final int TERM_BITS = 26;
    private static final int FLAG_BITS = 8;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> terms = new ArrayList<>();
    private long[] packed = new long[1 << 20];
    private int size;
    /** Pairs of terms that are never linked, either way ({@link #forbid}), as {@link #pairKey}s. */
    private final Set<Long> forbidden = new HashSet<>();
    private int droppedLinks;
    // after freeze()
    private int[] start;
    private int[] originals;
    private int[] flags;
    private int[] outDegree;
    private int[] listedBy;

    int id(String term) {
        Integer id = ids.get(term);
        if (id == null) {
            id = terms.size();
            if (id >= 1 << TERM_BITS) {
                throw new IllegalStateException("too many terms");
            }
            ids.put(term, id);
            terms.add(term);
        }
        return id;
    }

    /** Adds a link; repeated links merge their flags. */
    void add(String observed, String original, int linkFlags) {
        if (!observed.equals(original)) {
            add(id(observed), id(original), linkFlags);
        }
    }

    /** Adds a link between interned terms ({@link #id}). */
    void add(int observed, int original, int linkFlags) {
        if (observed == original) {
            return;
        }
        if (start != null) {
            throw new IllegalStateException("graph is frozen");
        }
        if (size == packed.length) {
            packed = Arrays.copyOf(packed, size * 2);
        }
        packed[size++] = (long) observed << (TERM_BITS + FLAG_BITS) | (long) original << FLAG_BITS | linkFlags;
    }

    /**
     * Forbids links between two terms, either way (words of opposite meaning); links added before
     * or after are dropped when the graph is frozen, and {@link #forbidden} tells two-hop paths.
     */
    void forbid(String a, String b) {
        int x = find(a);
        int y = find(b);
        if (x >= 0 && y >= 0 && x != y) {
            forbidden.add(pairKey(x, y));
            forbidden.add(pairKey(y, x));
        }
    }

    /** Whether links between these two terms are forbidden. */
    boolean forbidden(int observed, int original) {
        return !forbidden.isEmpty() && forbidden.contains(pairKey(observed, original));
    }

    private static long pairKey(int observed, int original) {
        return (long) observed << 32 | original;
    }

    /** How many distinct links {@link #freeze} dropped because they were forbidden. */
    int droppedLinks() {
        return droppedLinks;
    }

    /** Sorts and merges the links; no more can be added. */
    void freeze() {
        Arrays.sort(packed, 0, size);
        int n = terms.size();
        start = new int[n + 1];
        originals = new int[size];
        flags = new int[size];
        outDegree = new int[n];
        listedBy = new int[n];
        int m = 0;
        long prevPair = -1;
        boolean prevKept = false;
        for (int i = 0; i < size; i++) {
            long pair = packed[i] >>> FLAG_BITS;
            int f = (int) (packed[i] & ((1 << FLAG_BITS) - 1));
            if (pair == prevPair) {
                if (m > 0 && prevKept) {
                    flags[m - 1] |= f;
                }
                continue;
            }
            prevPair = pair;
            int obs = (int) (pair >>> TERM_BITS);
            int orig = (int) (pair & ((1 << TERM_BITS) - 1));
            prevKept = !forbidden(obs, orig);
            if (!prevKept) {
                droppedLinks++;
                continue;
            }
            originals[m] = orig;
            flags[m] = f;
            start[obs + 1] = m + 1;
            m++;
        }
        for (int i = 1; i <= n; i++) {
            start[i] = Math.max(start[i], start[i - 1]);
        }
        for (int i = 0; i < m; i++) {
            // an original's own entries (its Moby list, WordNet synsets, number) are what a spinner picks from
            if ((flags[i] & (LinkFeatures.DIRECT | LinkFeatures.WORDNET | LinkFeatures.NUMBER)) != 0) {
                outDegree[originals[i]]++;
            }
        }
        for (int obs = 0; obs < n; obs++) {
            for (int i = start[obs]; i < start[obs + 1]; i++) {
                if ((flags[i] & (LinkFeatures.DIRECT | LinkFeatures.WORDNET | LinkFeatures.NUMBER)) != 0) {
                    listedBy[obs]++;
                }
            }
        }
        originals = Arrays.copyOf(originals, m);
        flags = Arrays.copyOf(flags, m);
        packed = null;
        size = m;
    }

    int termCount() {
        return terms.size();
    }

    String term(int id) {
        return terms.get(id);
    }

    /** Id of a term, or -1. */
    int find(String term) {
        Integer id = ids.get(term);
        return id == null ? -1 : id;
    }

    int linkCount() {
        return size;
    }

    int linksFrom(int observed) {
        return start[observed + 1] - start[observed];
    }

    int original(int observed, int i) {
        return originals[start[observed] + i];
    }

    int flags(int observed, int i) {
        return flags[start[observed] + i];
    }

    /** How many observed forms the thesauri offer for {@code original} (at least 1). */
    int synonymsOf(int original) {
        return Math.max(1, outDegree[original]);
    }

    /** How many originals' own entries list {@code observed} (at least 1): how often spinners can pick it. */
    int listedBy(int observed) {
        return Math.max(1, listedBy[observed]);
    }

    static LinkFeatures features(int synonyms, int hops, int flags) {
        return new LinkFeatures(Math.min(synonyms, LinkFeatures.MAX_SYNONYMS), hops, flags);
    }
}
