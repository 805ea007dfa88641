package org.despin.lexicon;

/**
 * A word or phrase a spinner may have replaced with the observed span.
 *
 * @param original the candidate original, normalised ({@link org.despin.text.Normalizer#lmForm}), words separated by one space, inflected like the observed form
 * @param logChannel natural log of P(observed | original, a substitution happened): how likely a spinner that replaces {@code original} writes the observed span
 * @param hops 1 for a direct thesaurus link, 2 for a synonym of a synonym
 * @param source where the link comes from, for the evidence ("moby", "wordnet", "number", ...)
 */
public record Candidate(String original, float logChannel, int hops, String source) {
}
