package org.despin.detect;

/**
 * What the document-level score is computed from. Public so that the command that fits the
 * {@link DocumentScorer.Coefficients} can read it (see docs/detector.md).
 *
 * <p>The first group describes the decoded reading (after the spin rate was re-estimated and the
 * posterior cut). The last two describe every span of the lattices, whatever the decode chose,
 * through the arc model's calibrated log-odds at its training prior (without the document's rate
 * or the operating point), so that a lightly spun short text whose few restorations fall under the
 * cut still differs from a clean one.
 *
 * @param words word and number tokens
 * @param eligibleWords words a spinner could have replaced (the lexicon knows them)
 * @param spinRate the re-estimated spin rate
 * @param expectedSubstitutions sum of the substitution posteriors
 * @param confidencePer100 sum of the confidences of the best reading's substitutions per 100 words
 * @param artefactsPer100 spinner artefacts per 100 words ("a individual", "a the", "asked for to")
 * @param nameFindings substitutions that restore a title-case name
 * @param variantGroups originals that two or more distinct observed forms map to
 * @param positiveSpansPer100 spans whose best candidate has positive arc log-odds, per 100 words
 * @param expectedRestorationsPer100 per 100 words: the sum over spans of the best candidate's
 *     arc-model probability, a soft count of restorations before decoding
 * @param topFindingProbability the second stage's view: the mean of the {@link FindingModel}'s
 *     highest probabilities among the candidate findings of the (unboosted) decode, one per 40 words
 *     (three in a text of 100-139 words), each read at a fixed reference rate and a neutral spin
 *     score, so that it adds what the candidates' own evidence, posteriors and neighbours say to the
 *     document's rate (which the score reads apart)
 * @param register the document's register as the term gate reads it ({@link TermCandidates#register}: about 0.2 for
 *     the technical bench's documentation, about -0.7 for news, speeches and fiction), NaN when the gate read none
 *     (a table that gates no term, {@code technicalRegister} NaN, no content word)
 * @param registerAboveGate in a document the gate read as technical ({@code register} at least the settings'
 *     {@code technicalRegister}, so that the gated terms were read) how far its register lies above that threshold,
 *     else 0: news is scored as before, technical writing, whose clean and spun texts alike have fewer and less sure
 *     candidates (the LM knows the field less), by how technical it reads (branch {@code docscore21})
 * @param topFindingProbabilityTrees {@code topFindingProbability} over the same candidates with the finding model's
 *     fitted trees (its own, else {@link FindingModel#defaultsTrees}; branch {@code trees24}) added to its log-odds (branch
 *     {@code docscore25}); 0 where the score does not weigh it (it is not computed there) unless an evaluation asked
 * @param candidateEvidence the same candidates counted by span and level ({@link CandidateEvidence}, branch
 *     {@code verdict26}); {@link CandidateEvidence#NONE} unless the verdict score or an evaluation reads it
 * @param rarePer100 over the spans of the first decode's lattices with an arc-scored candidate, their observed words'
 *     rarity ({@code observedRare}) summed, per 100 words: {@link CandidateEvidence#rarePer100}, computed in every check
 *     (branch {@code verdict29}, for the verdict score's two-piece form)
 */
public record DocumentFeatures(int words, int eligibleWords, double spinRate, double expectedSubstitutions,
        double confidencePer100, double artefactsPer100, int nameFindings, int variantGroups,
        double positiveSpansPer100, double expectedRestorationsPer100, double topFindingProbability,
        double register, double registerAboveGate, double topFindingProbabilityTrees, CandidateEvidence candidateEvidence,
        double rarePer100) {
    public DocumentFeatures {
        if (candidateEvidence == null) {
            candidateEvidence = CandidateEvidence.NONE;
        }
    }

    /** Without {@code rarePer100} (0), the features of before branch {@code verdict29}. */
    public DocumentFeatures(int words, int eligibleWords, double spinRate, double expectedSubstitutions,
            double confidencePer100, double artefactsPer100, int nameFindings, int variantGroups,
            double positiveSpansPer100, double expectedRestorationsPer100, double topFindingProbability,
            double register, double registerAboveGate, double topFindingProbabilityTrees, CandidateEvidence candidateEvidence) {
        this(words, eligibleWords, spinRate, expectedSubstitutions, confidencePer100, artefactsPer100, nameFindings,
                variantGroups, positiveSpansPer100, expectedRestorationsPer100, topFindingProbability, register,
                registerAboveGate, topFindingProbabilityTrees, candidateEvidence, 0);
    }
}
