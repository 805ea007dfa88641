package org.despin.source;

import java.util.List;

/**
 * A passage of the query aligned with a passage of the source. Offsets into the original texts
 * (UTF-16 code units, end exclusive), as in the {@code despin.sources/1} contract.
 *
 * @param queryStart start in the query
 * @param queryEnd end in the query
 * @param sourceStart start in the source
 * @param sourceEnd end in the source
 * @param matchedTokens number of query tokens whose restored lemma equals the source's
 * @param queryTokens number of query tokens in the passage, matched or not
 * @param slots the passage step by step, in order
 */
public record Passage(int queryStart, int queryEnd, int sourceStart, int sourceEnd, int matchedTokens,
        int queryTokens, List<Slot> slots) {
    public Passage {
        slots = List.copyOf(slots);
    }

    /** Share of the passage's query tokens that match the source: 1 for a verbatim copy. */
    public double density() {
        return queryTokens == 0 ? 0.0 : (double) matchedTokens / queryTokens;
    }
}
