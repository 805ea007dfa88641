package org.despin.detect;

/**
 * One edge of a {@link Lattice}: observed words {@code from..to} (positions, end exclusive) read
 * either as themselves (keep) or as a candidate original.
 *
 * @param from first observed position
 * @param to position after the span
 * @param out LM ids of the words this reading puts into the restored sentence
 * @param fixedWeight nats that do not depend on the spin rate (channel, name bonus, artefact penalty)
 * @param candidate the original, or null for "keep"
 * @param eligibleWords observed words in a keep arc that a spinner could have replaced
 * @param evidence why a substitution arc was admitted, null for keep
 * @param features the substitution's {@link ArcFeatures} (for fitting the {@link ArcModel}), or null
 */
record Arc(int from, int to, int[] out, double fixedWeight, PreparedCandidate candidate, int eligibleWords,
        Evidence.Gain evidence, double[] features) {

    /** An arc without features (keep arcs, arcs not scored by the arc model). */
    Arc(int from, int to, int[] out, double fixedWeight, PreparedCandidate candidate, int eligibleWords,
            Evidence.Gain evidence) {
        this(from, to, out, fixedWeight, candidate, eligibleWords, evidence, null);
    }

    boolean isKeep() {
        return candidate == null;
    }

    boolean isName() {
        return evidence != null && evidence.name();
    }
}
