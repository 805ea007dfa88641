package org.despin.detect;

import java.util.List;

/**
 * One span that looks spun.
 *
 * @param start offset into the input (UTF-16 code units)
 * @param end offset after the span
 * @param text {@code input.substring(start, end)}
 * @param suggestion the likely original, cased like the input
 * @param confidence posterior probability that the span was spun and {@code suggestion} is its original
 * @param alternatives other readings, most likely first
 * @param evidence why, in words a person can check
 */
public record Finding(int start, int end, String text, String suggestion, double confidence,
        List<Alternative> alternatives, String evidence) {
    public Finding {
        alternatives = List.copyOf(alternatives);
    }
}
