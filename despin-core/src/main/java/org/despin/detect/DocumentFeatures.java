package org.despin.detect;

/**
 * What the document-level score is computed from. Public so that the command that fits the
 * {@link DocumentScorer.Coefficients} can read it (see docs/detector.md).
 *
 * @param words word and number tokens
 * @param eligibleWords words a spinner could have replaced (the lexicon knows them)
 * @param spinRate the re-estimated spin rate
 * @param expectedSubstitutions sum of the substitution posteriors
 * @param confidencePer100 sum of the confidences of the best reading's substitutions per 100 words
 * @param artefactsPer100 spinner artefacts per 100 words ("a individual", "a the", "asked for to")
 * @param nameFindings substitutions that restore a title-case name
 * @param variantGroups originals that two or more distinct observed forms map to
 */
public record DocumentFeatures(int words, int eligibleWords, double spinRate, double expectedSubstitutions,
        double confidencePer100, double artefactsPer100, int nameFindings, int variantGroups) {
}
