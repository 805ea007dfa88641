package org.despin.detect;

/**
 * A less likely reading of a flagged span.
 *
 * @param text the alternative original, cased like the input
 * @param confidence its posterior probability
 */
public record Alternative(String text, double confidence) {
}
