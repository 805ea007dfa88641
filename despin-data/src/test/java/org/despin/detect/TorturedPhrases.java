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
    /**
     * A second, confirmation list (-Dterms=second), chosen by hand from the everyday vocabulary of
     * several fields (statistics, computing, physics, chemistry, biology, medicine, environment), not
     * from any published list of tortured phrases, and with carriers of its own: settings tuned on
     * the first list must hold here too. Neither list is added to any term table.
     */
    static final List<String> SECOND_TERMS = List.of(
            "gradient descent", "loss function", "hidden layer", "training set", "error rate",
            "time series", "sample size", "confidence interval", "null hypothesis", "correlation coefficient",
            "probability distribution", "random variable", "linear algebra", "hash function", "binary search",
            "computer network", "packet loss", "speech recognition", "pattern recognition", "feature selection",
            "magnetic field", "electric current", "power supply", "solar cell", "heat transfer",
            "fluid dynamics", "thermal conductivity", "chemical reaction", "carbon dioxide", "immune system",
            "cell membrane", "gene expression", "nervous system", "blood vessel", "clinical trial",
            "drug resistance", "water quality", "soil erosion", "air pollution", "mobile phone");
    static final List<String> SECOND_CARRIERS = List.of(
            "This section describes %s briefly.",
            "Our experiments suggest that %s matters a great deal.",
            "The authors discuss %s at some length.",
            "We review the literature on %s and open questions.",
            "Earlier studies of %s reached mixed conclusions.");
    /**
     * A third confirmation list (-Dterms=third, branch terms3), chosen by hand before any new term source
     * was added: four everyday terms from each of ten fields not covered by the first two lists
     * (agriculture, economics, materials science, astronomy, neuroscience, transport, education research,
     * epidemiology, electronics, hydrology), none from a published list of tortured phrases, none in the
     * first two lists, with carriers of their own. Not added to any term table.
     */
    static final List<String> THIRD_TERMS = List.of(
            "crop yield", "soil moisture", "irrigation system", "animal feed",
            "economic growth", "labor market", "exchange rate", "unemployment rate",
            "tensile strength", "grain size", "crystal structure", "surface roughness",
            "black hole", "solar system", "dark matter", "star formation",
            "brain activity", "working memory", "spinal cord", "motor cortex",
            "traffic flow", "public transport", "fuel consumption", "road safety",
            "student performance", "learning outcomes", "higher education", "teacher training",
            "risk factor", "mortality rate", "disease outbreak", "cohort study",
            "circuit board", "power consumption", "output voltage", "integrated circuit",
            "river basin", "water table", "flood risk", "surface runoff");
    static final List<String> THIRD_CARRIERS = List.of(
            "The report focuses on %s in several regions.",
            "Little is known about how %s changes over time.",
            "We measured %s in two separate trials.",
            "A better understanding of %s would help planners.",
            "These findings on %s were later confirmed.");

    /** The evaluation terms of every list: never training data, never added to a table. */
    static List<String> allTerms() {
        List<String> all = new java.util.ArrayList<>(TERMS);
        all.addAll(SECOND_TERMS);
        all.addAll(THIRD_TERMS);
        return all;
    }

    private TorturedPhrases() {
    }

    /** Diagnostic (-DtermReach=true): does the spun form's span reach the term, and among how many terms. */
    private static void reach(Detector detector, String carrier, String term, String tortured) {
        String text = String.format(Locale.ROOT, carrier, tortured);
        org.despin.text.Document doc = org.despin.text.Document.parse(text);
        LatticeBuilder.SentenceWords w = LatticeBuilder.SentenceWords.of(doc.tokens(), doc.sentences().get(0));
        int at = carrier.indexOf("%s");
        String verdict = "not reached";
        for (TermCandidates.Match m : detector.termCandidates().matches(w)) {
            if (doc.tokens().get(w.tokenIndex[m.from()]).start() == at && m.candidate().original().equals(term)) {
                verdict = "reached, " + m.rivals() + " rivals, channel " + m.candidate().candidate().logChannel();
            }
        }
        System.out.println("REACH " + term + " <- " + tortured + ": " + verdict);
    }

    /**
     * Diagnostic (-Dwhy=true): the term arcs of the lattice that overlap the spun span, with their
     * weight (nats), posterior and whether the best path takes them; a case with none was gated or unreached.
     */
    private static void why(Detector detector, String spun, int at, int end, boolean flagged) {
        Detector.Trace t = detector.trace(spun, CheckOptions.DEFAULTS);
        StringBuilder b = new StringBuilder();
        for (int l = 0; l < t.lattices().size(); l++) {
            Lattice lattice = t.lattices().get(l);
            Decoder.Decoded d = t.estimate().decodings().get(l);
            for (int a = 0; a < lattice.arcs.length; a++) {
                Arc arc = lattice.arcs[a];
                if (arc.isKeep() || !TermCandidates.SOURCE.equals(arc.candidate().candidate().source())) {
                    continue;
                }
                int s = t.doc().tokens().get(lattice.tokenIndex[arc.from()]).start();
                int e = t.doc().tokens().get(lattice.tokenIndex[arc.to() - 1]).end();
                if (s < end && at < e) {
                    b.append(String.format(Locale.ROOT, " [%s -> %s w %.2f ctx %.2f post %.3f%s]", spun.substring(s, e),
                            arc.candidate().original(), arc.fixedWeight(), arc.evidence().contextLog10(), d.posterior()[a],
                            d.best()[a] ? " best" : ""));
                }
            }
        }
        if (b.length() == 0) {
            // why not: the matches over the span, with the gate's score (word by word) or the LM context (one word)
            LatticeBuilder.SentenceWords w = LatticeBuilder.SentenceWords.of(t.doc().tokens(), t.doc().sentences().get(0));
            b.append(" [no term arc]");
            for (TermCandidates.Match m : detector.termCandidates().matches(w)) {
                int s = t.doc().tokens().get(w.tokenIndex[m.from()]).start();
                int e = t.doc().tokens().get(w.tokenIndex[m.to() - 1]).end();
                if (s < end && at < e) {
                    TermCandidates.ArcFacts f = detector.termCandidates().facts(m, w);
                    b.append(String.format(Locale.ROOT, " {%s -> %s rivals %d score %.2f ctx %.2f rarest %.2f/%.2f}",
                            spun.substring(s, e), m.candidate().original(), m.rivals(),
                            detector.settings().termEvidence().score(f), f.get("context"), f.get("observedRarest"),
                            f.get("termRarest")));
                }
            }
        }
        System.out.println("WHY " + (flagged ? "flagged " : "missed  ") + spun + b);
    }

    static void evaluate(Detector detector, SpinThesaurus thesaurus) {
        String list = System.getProperty("terms", "first");
        boolean second = "second".equals(list);
        boolean third = "third".equals(list);
        List<String> terms = second ? SECOND_TERMS : third ? THIRD_TERMS : TERMS;
        List<String> carriers = second ? SECOND_CARRIERS : third ? THIRD_CARRIERS : CARRIERS;
        System.out.println("tortured phrases: " + (second ? "second (confirmation) list"
                : third ? "third (confirmation) list" : "first list (TERMS)"));
        int cases = 0;
        int flagged = 0;
        int restored = 0;
        int cleanSentences = 0;
        int cleanFlagged = 0;
        int seed = 0;
        for (String term : terms) {
            String tortured = null;
            for (int attempt = 0; attempt < 5 && tortured == null; attempt++) {
                SpinResult s = new Spinner(thesaurus, SpinOptions.of(1.0, ++seed).withInsertionRate(0)).spin(term);
                if (!s.edits().isEmpty()) {
                    tortured = s.spunText();
                }
            }
            if (tortured != null && Boolean.getBoolean("termReach")) {
                reach(detector, carriers.get(0), term, tortured);
            }
            for (String carrier : carriers) {
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
                if (Boolean.getBoolean("why")) {
                    why(detector, spun, at, end, r.findings().stream().anyMatch(f -> f.start() < end && at < f.end()));
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
