package org.despin.lexicon;

import java.util.Map;

/**
 * Links from observed forms to the term words a spinner may have replaced with them, as a term
 * table is built from them ({@link TermTable#of(java.util.Collection, TermLinks)}): unlike the
 * lexicon, which keeps the best few dozen originals per observed form for every word, these hold
 * every thesaurus link of a term word (a term word is rare enough to be worth it), in both directions,
 * inflected like the term word, so that a tortured phrase's rarer rewrites ("ergodic" for "random",
 * "woody plant" for "tree") still reach the term.
 *
 * @param observed observed form (1-{@value #MAX_OBSERVED_WORDS} normalised words) -> term word -> tier
 *     ({@link TermTable#SYNONYM} or {@link TermTable#RELATED}; the lowest tier of a pair counts)
 * @param fanOut term word -> how many distinct lemmas are linked to it
 */
public record TermLinks(Map<String, Map<String, Integer>> observed, Map<String, Integer> fanOut) {
    /** Longest observed form, in words. */
    public static final int MAX_OBSERVED_WORDS = 3;
    /** No links (a table as built before links existed). */
    public static final TermLinks NONE = new TermLinks(Map.of(), Map.of());
    static final int[] EMPTY = new int[0];

    public TermLinks {
        observed = Map.copyOf(observed);
        fanOut = Map.copyOf(fanOut);
    }
}
