package org.despin.detect;

import org.despin.lexicon.Candidate;

/**
 * A candidate original made ready for decoding: its words as LM ids and its intrinsic
 * log-probability (the phrase scored from an empty context), both computed once per observed
 * form and cached by {@link CandidateTable}.
 *
 * @param candidate the lexicon's candidate
 * @param ids LM ids of the original's words
 * @param intrinsicLog10 log10 P(original) from an empty context: what frequency alone says
 * @param prior nats used to rank candidates before the evidence test: channel plus intrinsic
 */
record PreparedCandidate(Candidate candidate, int[] ids, float intrinsicLog10, double prior) {
    String original() {
        return candidate.original();
    }
}
