package org.despin.detect;

import java.util.List;

/**
 * The result of checking one text: the {@code despin.report/1} contract (see ARCHITECTURE.md).
 *
 * @param verdict the document-level call
 * @param spinScore probability that the document was spun
 * @param tokens number of word and number tokens
 * @param findings spans that look spun, in input order
 * @param restored the input with every finding replaced by its suggestion
 */
public record Report(Verdict verdict, double spinScore, int tokens, List<Finding> findings, String restored) {
    public static final String SCHEMA = "despin.report/1";

    public Report {
        findings = List.copyOf(findings);
    }
}
