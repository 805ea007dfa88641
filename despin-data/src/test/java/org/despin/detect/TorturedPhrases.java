package org.despin.detect;

import java.util.List;
import java.util.Locale;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Spinner;

/**
 * Tortured phrases made by OUR spinner (MyThes, rate 1 on the term alone) from common technical
 * terms, put into plain carrier sentences. No published list of tortured phrases is used. Counts:
 * spun terms flagged, carrier sentences with the correct term that get any flag, and spun terms
 * restored exactly.
 */
final class TorturedPhrases {
    static final List<String> TERMS = List.of(
            "artificial intelligence", "machine learning", "neural network", "deep learning", "big data",
            "random forest", "support vector machine", "principal component analysis", "signal to noise ratio",
            "mean square error", "cloud computing", "natural language processing", "computer vision",
            "decision tree", "feature extraction", "image processing", "data mining", "genetic algorithm",
            "linear regression", "logistic regression", "social media", "climate change", "blood pressure",
            "heart attack", "global warming", "renewable energy", "public health", "high school",
            "prime minister", "human rights", "real time", "wireless network", "search engine",
            "operating system", "source code", "standard deviation", "control group", "side effects",
            "supply chain", "interest rate");
    static final List<String> CARRIERS = List.of(
            "In this paper we study %s in detail.",
            "The results show that %s can improve the outcome.",
            "Recent work on %s has grown quickly.",
            "We give a short overview of %s and its uses.",
            "Many researchers have studied %s over the last decade.");

    private TorturedPhrases() {
    }

    /** Diagnostic (-DtermReach=true): does the spun form's span reach the term, and among how many terms. */
    private static void reach(Detector detector, String term, String tortured) {
        String text = String.format(Locale.ROOT, CARRIERS.get(0), tortured);
        org.despin.text.Document doc = org.despin.text.Document.parse(text);
        LatticeBuilder.SentenceWords w = LatticeBuilder.SentenceWords.of(doc.tokens(), doc.sentences().get(0));
        int at = CARRIERS.get(0).indexOf("%s");
        String verdict = "not reached";
        for (TermCandidates.Match m : detector.termCandidates().matches(w)) {
            if (doc.tokens().get(w.tokenIndex[m.from()]).start() == at && m.candidate().original().equals(term)) {
                verdict = "reached, " + m.rivals() + " rivals, channel " + m.candidate().candidate().logChannel();
            }
        }
        System.out.println("REACH " + term + " <- " + tortured + ": " + verdict);
    }

    static void evaluate(Detector detector, SpinThesaurus thesaurus) {
        int cases = 0;
        int flagged = 0;
        int restored = 0;
        int cleanSentences = 0;
        int cleanFlagged = 0;
        int seed = 0;
        for (String term : TERMS) {
            String tortured = null;
            for (int attempt = 0; attempt < 5 && tortured == null; attempt++) {
                SpinResult s = new Spinner(thesaurus, SpinOptions.of(1.0, ++seed).withInsertionRate(0)).spin(term);
                if (!s.edits().isEmpty()) {
                    tortured = s.spunText();
                }
            }
            if (tortured != null && Boolean.getBoolean("termReach")) {
                reach(detector, term, tortured);
            }
            for (String carrier : CARRIERS) {
                String clean = String.format(Locale.ROOT, carrier, term);
                cleanSentences++;
                Report cr = detector.check(clean, CheckOptions.DEFAULTS);
                if (!cr.findings().isEmpty()) {
                    cleanFlagged++;
                    if (Boolean.getBoolean("verbose")) {
                        System.out.println("CLEAN " + clean + " -> " + cr.restored() + " | " + cr.findings().get(0).evidence());
                    }
                }
                if (tortured == null) {
                    continue;
                }
                String spun = String.format(Locale.ROOT, carrier, tortured);
                int at = carrier.indexOf("%s");
                int end = at + tortured.length();
                Report r = detector.check(spun, CheckOptions.DEFAULTS);
                cases++;
                if (r.findings().stream().anyMatch(f -> f.start() < end && at < f.end())) {
                    flagged++;
                }
                if (Boolean.getBoolean("verbose")) {
                    System.out.println("SPUN " + spun + " -> " + r.restored());
                }
                if (r.restored().equals(clean)) {
                    restored++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "tortured phrases: %d spun cases, %.1f %% flagged, %.1f %% restored exactly; "
                + "%.1f %% of %d clean sentences flagged%n", cases, 100.0 * flagged / Math.max(1, cases),
                100.0 * restored / Math.max(1, cases), 100.0 * cleanFlagged / cleanSentences, cleanSentences);
    }
}
