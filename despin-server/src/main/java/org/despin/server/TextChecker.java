package org.despin.server;

import org.despin.detect.Report;

/**
 * What the server needs from despin: one text in, one report out. {@code Despin::check}
 * implements it; tests of the HTTP layer use a checker that returns hand-made reports.
 * Implementations are called from several worker threads at once and must be thread-safe.
 */
@FunctionalInterface
public interface TextChecker {
    Report check(String text);
}
