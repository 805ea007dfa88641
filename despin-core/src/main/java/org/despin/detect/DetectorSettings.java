package org.despin.detect;

/**
 * The tunable weights of the detector, in one immutable record so that tuning runs and tests can
 * vary them. {@link #DEFAULTS} are the values chosen on held-out spun and clean text (see
 * NOTES-detect.md for the commands and data that produced them). Log-probabilities from the
 * language model are log10; channel weights and bonuses are natural logs (nats).
 *
 * @param beamWidth hypotheses kept per lattice position (after recombining equal LM states)
 * @param maxCandidatesPerSpan candidate originals kept per observed span, best prior first
 * @param lmWeight weight of the language model score (1 = the plain noisy channel)
 * @param channelScale multiplies the lexicon's log P(observed | original, substituted)
 * @param channelOffset nats added to every substitution (a spinner's thesaurus is smaller than ours)
 * @param evidenceGate minimum context gain (log10, see {@link Evidence}) for a candidate to enter the lattice
 * @param nameGate minimum context gain for a candidate inside a title-case name
 * @param nameBonus nats added to a substitution that turns a title-case span into a known name
 * @param variantBonus nats added to an original that distinct observed forms in the document map to
 * @param artefactLogProb nats: log P(an article that does not fit the next word | the writer wrote it)
 * @param priorStrength pseudo-count of the Beta prior on the spin rate
 * @param emIterations re-estimations of the spin rate before the final decode
 * @param minSpinRate lower bound of the re-estimated rate (keeps log r finite)
 * @param spunThreshold spin score at or above which a document is called spun
 * @param cleanThreshold spin score below which a document is called clean
 * @param score the document-level logistic model
 */
public record DetectorSettings(int beamWidth, int maxCandidatesPerSpan, double lmWeight, double channelScale,
        double channelOffset, double evidenceGate, double nameGate, double nameBonus, double variantBonus,
        double artefactLogProb, double priorStrength, int emIterations, double minSpinRate, double spunThreshold,
        double cleanThreshold, DocumentScorer.Coefficients score) {

    public static final DetectorSettings DEFAULTS = new DetectorSettings(
            12, 12, 1.0, 1.0, 0.0, 1.0, 1.0, 2.0, 2.0, -3.0, 20.0, 2, 0.002, 0.6, 0.3,
            DocumentScorer.Coefficients.DEFAULTS);

    public DetectorSettings {
        if (beamWidth < 1 || maxCandidatesPerSpan < 1 || emIterations < 0) {
            throw new IllegalArgumentException("beamWidth, maxCandidatesPerSpan must be >= 1, emIterations >= 0");
        }
        if (!(minSpinRate > 0 && minSpinRate < 0.5) || !(cleanThreshold <= spunThreshold)) {
            throw new IllegalArgumentException("bad minSpinRate or thresholds");
        }
    }

    public DetectorSettings withEvidenceGate(double gate) {
        return new DetectorSettings(beamWidth, maxCandidatesPerSpan, lmWeight, channelScale, channelOffset, gate,
                nameGate, nameBonus, variantBonus, artefactLogProb, priorStrength, emIterations, minSpinRate,
                spunThreshold, cleanThreshold, score);
    }

    public DetectorSettings withChannel(double scale, double offset) {
        return new DetectorSettings(beamWidth, maxCandidatesPerSpan, lmWeight, scale, offset, evidenceGate,
                nameGate, nameBonus, variantBonus, artefactLogProb, priorStrength, emIterations, minSpinRate,
                spunThreshold, cleanThreshold, score);
    }

    public DetectorSettings withBeam(int beam) {
        return new DetectorSettings(beam, maxCandidatesPerSpan, lmWeight, channelScale, channelOffset, evidenceGate,
                nameGate, nameBonus, variantBonus, artefactLogProb, priorStrength, emIterations, minSpinRate,
                spunThreshold, cleanThreshold, score);
    }

    public DetectorSettings withScore(DocumentScorer.Coefficients c) {
        return new DetectorSettings(beamWidth, maxCandidatesPerSpan, lmWeight, channelScale, channelOffset,
                evidenceGate, nameGate, nameBonus, variantBonus, artefactLogProb, priorStrength, emIterations,
                minSpinRate, spunThreshold, cleanThreshold, c);
    }

    public DetectorSettings withPrior(double strength, int iterations) {
        return new DetectorSettings(beamWidth, maxCandidatesPerSpan, lmWeight, channelScale, channelOffset,
                evidenceGate, nameGate, nameBonus, variantBonus, artefactLogProb, strength, iterations,
                minSpinRate, spunThreshold, cleanThreshold, score);
    }
}
