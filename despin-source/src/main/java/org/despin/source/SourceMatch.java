package org.despin.source;

import java.util.List;

/**
 * A candidate source of a query.
 *
 * @param id the source's id in the index
 * @param score share of the query's spin-resistant fingerprints (immutable shingles and restored
 *     lemma shingles, pooled) that the source also has, in [0, 1]: 1 when every fingerprint of
 *     the query occurs in the source; for the baseline method, the share of the query's plain word
 *     shingles
 * @param overlapBefore share of the query's distinct word n-grams (plain, lower-cased) found in
 *     the source: what a plain text matcher sees
 * @param overlapAfter the same measure after both texts were restored by the restorer
 * @param coverage share of the query's tokens inside aligned passages that match the source
 * @param passages aligned passages, in query order
 * @param source the stored source (its text, for rendering and restoration)
 */
public record SourceMatch(String id, double score, double overlapBefore, double overlapAfter, double coverage,
        List<Passage> passages, StoredSource source) {
    public SourceMatch {
        passages = List.copyOf(passages);
    }
}
