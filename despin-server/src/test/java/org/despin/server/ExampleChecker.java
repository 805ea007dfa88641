package org.despin.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.despin.detect.Alternative;
import org.despin.detect.Finding;
import org.despin.detect.Report;
import org.despin.detect.Verdict;

/**
 * A deterministic stand-in for the detector, for testing the HTTP layer and the page: it flags
 * a fixed list of spun phrases wherever they occur, with hand-set confidences, so that responses
 * can be compared byte for byte. Any other text comes back clean.
 */
final class ExampleChecker implements TextChecker {
    /** A spun phrase, its original, the confidence and an alternative. */
    private record Rule(String spun, String original, double confidence, String alternative, double altConfidence,
            String evidence) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("Protection Council", "Security Council", 0.97, "Safety Council", 0.02,
                    "\"security council\" is 2,400 times likelier than \"protection council\" in the language model"),
            new Rule("go over", "discuss", 0.71, "review", 0.12,
                    "\"to discuss the crisis\" is 40 times likelier than \"to go over the crisis\""),
            new Rule("Secretary-Common", "Secretary-General", 0.98, "Secretary-Public", 0.01,
                    "\"secretary-general\" is a fixed title; \"common\" is a thesaurus synonym of \"general\""),
            new Rule("advised", "told", 0.88, "informed", 0.07,
                    "\"told reporters\" is 300 times likelier than \"advised reporters\""),
            new Rule("asked for", "requested", 0.55, "called for", 0.30,
                    "\"requested a ceasefire\" is 3 times likelier than \"asked for a ceasefire\""),
            new Rule("counterfeit consciousness", "artificial intelligence", 0.99, "false consciousness", 0.005,
                    "\"artificial intelligence\" is 90,000 times likelier than \"counterfeit consciousness\""));

    static String exampleText() {
        try (InputStream in = ExampleChecker.class.getResourceAsStream("/org/despin/server/static/example.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Report check(String text) {
        List<Finding> findings = new ArrayList<>();
        for (Rule r : RULES) {
            for (int at = text.indexOf(r.spun()); at >= 0; at = text.indexOf(r.spun(), at + 1)) {
                findings.add(new Finding(at, at + r.spun().length(), r.spun(), r.original(), r.confidence(),
                        List.of(new Alternative(r.alternative(), r.altConfidence())), r.evidence()));
            }
        }
        findings.sort((a, b) -> Integer.compare(a.start(), b.start()));
        StringBuilder restored = new StringBuilder();
        int at = 0;
        for (Finding f : findings) {
            restored.append(text, at, f.start()).append(f.suggestion());
            at = f.end();
        }
        restored.append(text, at, text.length());
        int tokens = text.isBlank() ? 0 : text.trim().split("\\s+").length;
        Verdict verdict = findings.size() >= 3 ? Verdict.SPUN : findings.isEmpty() ? Verdict.CLEAN : Verdict.UNCERTAIN;
        double score = findings.size() >= 3 ? 0.97 : findings.isEmpty() ? 0.02 : 0.5;
        return new Report(verdict, score, tokens, findings, restored.toString());
    }
}
