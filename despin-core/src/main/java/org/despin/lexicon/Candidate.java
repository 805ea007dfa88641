package org.despin.lexicon;

/**
 * A word or phrase a spinner may have replaced with the observed span.
 *
 * @param original the candidate original, normalised ({@link org.despin.text.Normalizer#lmForm}), words separated by one space, inflected like the observed form
 * @param logChannel natural log of P(observed | original, a substitution happened): how likely a spinner that replaces {@code original} writes the observed span
 * @param hops 1 for a direct thesaurus link, 2 for a synonym of a synonym
 * @param source where the link comes from, for the evidence ("moby", "wordnet", "number", ...)
 * @param originalId the lexicon's number for the original's text, the same in every list that
 *     names it, below {@link Lexicon#originalIds()}; {@link #NO_ID} when the lexicon numbers none.
 *     Lets a caller keep what it computes per original in an array instead of a map by text.
 */
public record Candidate(String original, float logChannel, int hops, String source, int originalId) {
    /** The {@code originalId} of a candidate whose lexicon does not number its originals. */
    public static final int NO_ID = -1;

    /** A candidate without an original id. */
    public Candidate(String original, float logChannel, int hops, String source) {
        this(original, logChannel, hops, source, NO_ID);
    }
}
