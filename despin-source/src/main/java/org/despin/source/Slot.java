package org.despin.source;

/**
 * One step of an aligned passage: a pair of query and source tokens that match, or a stretch
 * where the two texts differ (a substituted word or phrase). Offsets into the original texts,
 * UTF-16, end exclusive; a side may be empty (start == end) for an insertion or a deletion.
 *
 * @param queryStart start in the query
 * @param queryEnd end in the query
 * @param sourceStart start in the source
 * @param sourceEnd end in the source
 * @param match true when the restored lemma keys are equal
 */
public record Slot(int queryStart, int queryEnd, int sourceStart, int sourceEnd, boolean match) {
}
