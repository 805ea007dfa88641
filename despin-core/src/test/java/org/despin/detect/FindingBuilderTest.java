package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.despin.lexicon.Candidate;
import org.despin.text.Document;
import org.junit.jupiter.api.Test;

/**
 * Which spans become findings, on hand-made decodes: a substitution the best path takes with
 * enough posterior, and a span whose readings together are likely although the best path keeps it.
 */
class FindingBuilderTest {
    private static final String TEXT = "The council met today.";
    private static final Document DOC = Document.parse(TEXT);

    /** Arcs and their posteriors and best-path marks, in the lattice's order (by start). */
    private final List<Arc> arcs = new ArrayList<>();
    private final List<Double> posteriors = new ArrayList<>();
    private final List<Boolean> best = new ArrayList<>();
    /** The document the arcs are read over. */
    private Document doc = DOC;

    private void keep(int at, double posterior, boolean onBestPath) {
        arcs.add(new Arc(at, at + 1, new int[] {at}, 0, null, 1, null));
        posteriors.add(posterior);
        best.add(onBestPath);
    }

    private void substitute(int from, int to, String original, double posterior, boolean onBestPath) {
        substitute(from, to, original, posterior, onBestPath, "moby");
    }

    private void substitute(int from, int to, String original, double posterior, boolean onBestPath, String source) {
        PreparedCandidate c = new PreparedCandidate(new Candidate(original, -1f, 1, source), new int[] {100 + arcs.size()},
                -4f, 0);
        double[] features = new double[ArcFeatures.SIZE];
        for (int k = 0; k < features.length; k++) {
            features[k] = -0.25 * (k + 1); // distinct values, so that the finding model's copies can be told apart
        }
        arcs.add(new Arc(from, to, c.ids(), 0, c, 0, new Evidence.Gain(1.5, 2.0, false), features));
        posteriors.add(posterior);
        best.add(onBestPath);
    }

    private List<Finding> findings(double minConfidence) {
        return builder(null).findings(List.of(lattice()), minConfidence);
    }

    private Lattice lattice() {
        LatticeBuilder.SentenceWords words = LatticeBuilder.SentenceWords.of(doc.tokens(), doc.sentences().get(0));
        int[] ids = java.util.stream.IntStream.range(0, words.normal.length).toArray();
        return new Lattice(words, ids, ids.length, arcs);
    }

    /** A finding builder over the arcs so far, decoded at rate 0.1, in a document of spin score 0.5. */
    private FindingBuilder builder(FindingModel model) {
        return builder(model, Double.NaN);
    }

    /** The same with {@link DetectorSettings#termSpanDecision()} {@code termSpanDecision}. */
    private FindingBuilder builder(FindingModel model, double termSpanDecision) {
        SpinRateEstimator.Estimate estimate = new SpinRateEstimator.Estimate(0.1, 1, List.of(builderDecode()), Map.of());
        return new FindingBuilder(doc, estimate, model, 0.5, termSpanDecision);
    }

    /** A finding model whose probability is the span's summed posterior (weight 1 on its logit, nothing else). */
    private static FindingModel spanMassModel(double bias) {
        double[] w = new double[FindingModel.SIZE + 1];
        w[1 + FindingModel.FEATURES.indexOf("spanMass")] = 1;
        return new FindingModel(w, bias);
    }

    private static String describe(List<Finding> fs) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : fs) {
            sb.append(String.format(java.util.Locale.ROOT, "%s@%d-%d -> %s %.2f %s; ", f.text(), f.start(), f.end(),
                    f.suggestion(), f.confidence(), f.alternatives()));
        }
        return sb.toString();
    }

    @Test
    void aSpanWhoseReadingsTogetherAreLikelyIsFlaggedWithItsLikeliestReading() {
        keep(0, 1, true);
        keep(1, 0.3, true); // the best path keeps "council": no single reading beats keeping it
        substitute(1, 2, "board", 0.4, false);
        substitute(1, 2, "committee", 0.3, false);
        keep(2, 1, true);
        keep(3, 1, true);
        List<Finding> fs = findings(0.5);
        assertEquals(1, fs.size(), describe(fs));
        Finding f = fs.get(0);
        assertEquals("council", f.text());
        assertEquals(TEXT.indexOf("council"), f.start());
        assertEquals(TEXT.indexOf(" met"), f.end());
        assertEquals("board", f.suggestion());
        assertEquals(0.7, f.confidence(), 1e-9);
        assertEquals(List.of(new Alternative("committee", 0.3)), f.alternatives());
        // the span's sum is the confidence, so a stricter minimum drops it
        assertEquals(List.of(), findings(0.75));
    }

    @Test
    void readingsThatTogetherStayBelowOneHalfAreNotFlagged() {
        keep(0, 1, true);
        keep(1, 0.55, true);
        substitute(1, 2, "board", 0.25, false);
        substitute(1, 2, "committee", 0.2, false);
        keep(2, 1, true);
        keep(3, 1, true);
        assertEquals(List.of(), findings(0.5));
        // nor with no minimum: a span is called spun only when that is likelier than not
        assertEquals(List.of(), findings(0));
    }

    @Test
    void aSureSubstitutionOnTheBestPathIsReportedAsBefore() {
        keep(0, 1, true);
        keep(1, 0.1, false);
        substitute(1, 2, "board", 0.8, true);
        substitute(1, 2, "committee", 0.1, false);
        keep(2, 1, true);
        keep(3, 1, true);
        List<Finding> fs = findings(0.5);
        assertEquals(1, fs.size(), describe(fs));
        assertEquals("board", fs.get(0).suggestion());
        assertEquals(0.8, fs.get(0).confidence(), 1e-9);
    }

    @Test
    void aSpanOverlappingAnotherSubstitutionOfTheBestPathIsLeftToIt() {
        keep(0, 1, true);
        keep(1, 0.3, false);
        substitute(1, 2, "board", 0.35, false);
        substitute(1, 2, "committee", 0.3, false);
        substitute(1, 3, "panel convened", 0.05, true); // unsure, but the best path reads "council met" so
        keep(2, 0.95, false);
        keep(3, 1, true);
        assertEquals(List.of(), findings(0.5));
    }

    @Test
    void rivalTermsAreNotSummed() {
        // a span reaching several terms by chance shares one term bonus among them: their sum says nothing
        keep(0, 1, true);
        keep(1, 0.4, true);
        substitute(1, 3, "board meeting", 0.3, false, TermCandidates.SOURCE);
        substitute(1, 3, "panel session", 0.3, false, TermCandidates.SOURCE);
        keep(2, 0.4, true);
        keep(3, 1, true);
        assertEquals(List.of(), findings(0.5));
    }

    @Test
    void withTermSpanDecisionATermSpansReadingsAreSummedApartFromItsWordReadings() {
        keep(0, 1, true);
        keep(1, 0.25, true);
        substitute(1, 3, "board meeting", 0.35, false, TermCandidates.SOURCE);
        substitute(1, 3, "panel session", 0.25, false, TermCandidates.SOURCE);
        substitute(1, 3, "council met", 0.15, false); // a word reading of the same span: not summed with the terms
        keep(2, 0.25, true);
        keep(3, 1, true);
        List<Finding> fs = builder(null, 0.5).findings(List.of(lattice()), 0.5);
        assertEquals(1, fs.size(), describe(fs));
        assertEquals("council met", fs.get(0).text());
        assertEquals("board meeting", fs.get(0).suggestion());
        assertEquals(0.6, fs.get(0).confidence(), 1e-9);
        // a stricter term decision than the sum: nothing; off (NaN): nothing, as rivalTermsAreNotSummed
        assertEquals(List.of(), builder(null, 0.61).findings(List.of(lattice()), 0.5));
        assertEquals(List.of(), builder(null, Double.NaN).findings(List.of(lattice()), 0.5));
    }

    @Test
    void theFindingModelDecidesAndItsProbabilityIsTheConfidence() {
        keep(0, 1, true);
        keep(1, 0.3, true);
        substitute(1, 2, "board", 0.4, false);
        substitute(1, 2, "committee", 0.3, false);
        keep(2, 0.6, true);
        substitute(2, 3, "gathered", 0.4, false); // a span of its own, below the model's threshold
        keep(3, 1, true);
        List<Finding> fs = builder(spanMassModel(0)).findings(List.of(lattice()), 0);
        assertEquals(1, fs.size(), describe(fs));
        assertEquals("board", fs.get(0).suggestion());
        assertEquals(0.7, fs.get(0).confidence(), 1e-9);
        assertEquals(List.of(new Alternative("committee", 0.3)), fs.get(0).alternatives());
        // an operating point that flags probabilities from 0.35 on takes "met" too (0.4), and raises the confidences
        double bias = -Math.log(0.35 / 0.65);
        fs = builder(spanMassModel(bias)).findings(List.of(lattice()), 0);
        assertEquals(2, fs.size(), describe(fs));
        assertEquals(0.8125, fs.get(0).confidence(), 1e-9); // odds 7/3 * 13/7
        assertEquals("gathered", fs.get(1).suggestion());
        // the caller's minimum confidence still applies
        assertEquals(List.of(), builder(spanMassModel(bias)).findings(List.of(lattice()), 0.85));
    }

    @Test
    void theFindingModelsCandidatesAndTheirFeatures() {
        keep(0, 1, true);
        keep(1, 0.2, false);
        substitute(1, 2, "board", 0.6, true);
        substitute(1, 2, "committee", 0.2, false);
        keep(2, 0.3, false);
        substitute(2, 3, "gathered", 0.7, true);
        keep(3, 0.99, true);
        substitute(3, 4, "now", 0.01, false); // below the floor, off the best path: no candidate
        List<FindingBuilder.Candidate> cs = builder(null).candidates(List.of(lattice()));
        assertEquals(2, cs.size());
        // likeliest span first: "council" (0.6 + 0.2), then "met" (0.7)
        assertEquals(2, cs.get(0).arc());
        assertEquals(0.8, cs.get(0).mass(), 1e-12);
        assertEquals(5, cs.get(1).arc());
        double[] expected = {
            0 + Math.log(10) * 2.0,   // arcLogOdds: fixed weight 0 plus the LM context ratio 10^2.0
            Math.log(0.6 / 0.4),      // posterior of "board"
            Math.log(0.8 / 0.2),      // the span's summed posterior
            1,                        // on the best path
            0,                        // spin score 0.5
            Math.log(0.1 / 0.9),      // rate 0.1
            1,                        // "met" is substituted too
            1,                        // one other likely span
            0, 0, 0, 0,               // a word arc, not a name
            Math.log(3),              // two readings
            -1.25,                    // the arc model's observedFit (its 5th feature)
            -1.5,                     // observedLeftFit (6th)
            -1.75,                    // observedUnigram (7th)
            -2.0,                     // candidateUnigram (8th)
            -0.25,                    // gain (1st)
            0,                        // "board" is nowhere else in the document
            0,                        // nor is "council"
            0};                       // "board" is restored only here
        double[] x = cs.get(0).features();
        assertEquals(FindingModel.SIZE, x.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], x[i], 1e-12, FindingModel.FEATURES.get(i));
        }
    }

    @Test
    void theLexiconsLinkIsAFeatureOfAWordCandidate() {
        // branch flags27: which thesaurus lists the reading, a WordNet related word, a number
        String[] sources = {"moby", "wordnet", "moby+wordnet", "wordnet-similar", "wordnet-generic", "wordnet+number"};
        double[][] expected = {{1, 0, 0, 0, 0}, {0, 1, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 0, 1, 0},
            {0, 0, 0, 0, 1}};
        int first = FindingModel.FEATURES.indexOf("mobyOnly");
        assertEquals(List.of("mobyOnly", "wordnetOnly", "similarLink", "genericLink", "numberLink"),
                FindingModel.FEATURES.subList(first, first + 5));
        for (int k = 0; k < sources.length; k++) {
            arcs.clear();
            posteriors.clear();
            best.clear();
            keep(0, 1, true);
            keep(1, 0.2, false);
            substitute(1, 2, "board", 0.8, true, sources[k]);
            keep(2, 1, true);
            keep(3, 1, true);
            double[] x = builder(null).candidates(List.of(lattice())).get(0).features();
            assertEquals(java.util.Arrays.toString(expected[k]),
                    java.util.Arrays.toString(java.util.Arrays.copyOfRange(x, first, first + 5)), sources[k]);
        }
    }

    @Test
    void aNumberReadAsItsDigitsIsNoFindingWithTheFilter() {
        // "The 12 met today." with "12" read as "twelve" and "met" as "gathered" (branch flags27)
        doc = Document.parse("The 12 met today.");
        keep(0, 1, true);
        keep(1, 0.3, false);
        substitute(1, 2, "twelve", 0.7, true, "number");
        keep(2, 0.3, false);
        substitute(2, 3, "gathered", 0.7, true);
        keep(3, 1, true);
        List<Finding> all = builder(spanMassModel(0)).findings(List.of(lattice()), 0);
        assertEquals("12 -> twelve 0.70; met -> gathered 0.70; ", brief(all));
        FindingBuilder filtered = builder(spanMassModel(0)).withoutVariants(1, null);
        assertEquals("met -> gathered 0.70; ", brief(filtered.findings(List.of(lattice()), 0)));
        // the spelling filter (2) takes the number too; a synonym stays
        assertEquals("met -> gathered 0.70; ",
                brief(builder(spanMassModel(0)).withoutVariants(2, null).findings(List.of(lattice()), 0)));
    }

    private static String brief(List<Finding> fs) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : fs) {
            sb.append(String.format(java.util.Locale.ROOT, "%s -> %s %.2f; ", f.text(), f.suggestion(), f.confidence()));
        }
        return sb.toString();
    }

    @Test
    void theDocumentsOwnWordsAreFeaturesOfACandidate() {
        // "council" read as "today", which the document has elsewhere, and so is "met": the same
        // original restored twice on the best path
        keep(0, 1, true);
        keep(1, 0.4, false);
        substitute(1, 2, "today", 0.6, true);
        keep(2, 0.3, false);
        substitute(2, 3, "today", 0.7, true);
        keep(3, 1, true);
        List<FindingBuilder.Candidate> cs = builder(null).candidates(List.of(lattice()));
        assertEquals(2, cs.size());
        assertEquals(4, cs.get(0).arc()); // "met" (0.7) first
        double[] x = cs.get(1).features();
        assertEquals(2, cs.get(1).arc());
        assertEquals(Math.log(2), x[FindingModel.FEATURES.indexOf("candidateElsewhere")], 1e-15); // "today" once
        assertEquals(0, x[FindingModel.FEATURES.indexOf("observedElsewhere")], 1e-15); // "council" only here
        assertEquals(Math.log(2), x[FindingModel.FEATURES.indexOf("restoredElsewhere")], 1e-15); // "met" -> "today"
    }

    @Test
    void aReadingThatRepeatsTheWordBeforeAndIsReadAsAnInsertion() {
        // "conflated" read as "combined" would give "combined and combined": the spinner inserted "and conflated"
        String text = "They Combined and conflated the plans.";
        doc = Document.parse(text);
        keep(0, 1, true);
        keep(1, 1, true);
        keep(2, 1, true);
        keep(3, 0.2, false);
        substitute(3, 4, "combined", 0.7, true);
        substitute(3, 4, "merged", 0.1, false);
        keep(4, 1, true);
        keep(5, 1, true);
        List<Finding> fs = findings(0.5);
        assertEquals(1, fs.size(), describe(fs));
        Finding f = fs.get(0);
        assertEquals("Combined and conflated", f.text());
        assertEquals(text.indexOf("Combined"), f.start());
        assertEquals(text.indexOf(" the"), f.end());
        assertEquals("Combined", f.suggestion()); // the writer's word as written
        assertEquals(0.7, f.confidence(), 1e-9);
        assertEquals(List.of(), f.alternatives());
        assertEquals(true, f.evidence().startsWith("'conflated' inserted beside 'combined' (its reading repeats it); LM: "),
                f.evidence());
        assertEquals("They Combined the plans.", Detector.restore(text, fs));
    }

    @Test
    void aRepeatedWordThatIsRestoredItselfKeepsThePlainSubstitution() {
        // "combined" is read as "merged" too: the pair is no insertion, each word keeps its own reading
        doc = Document.parse("They combined and conflated the plans.");
        keep(0, 1, true);
        keep(1, 0.2, false);
        substitute(1, 2, "merged", 0.8, true);
        keep(2, 1, true);
        keep(3, 0.2, false);
        substitute(3, 4, "combined", 0.8, true);
        keep(4, 1, true);
        keep(5, 1, true);
        List<Finding> fs = findings(0.5);
        assertEquals("combined@5-13 -> merged 0.80 []; conflated@18-27 -> combined 0.80 []; ", describe(fs));
    }

    @Test
    void aFlaggedSynonymRightAfterXAndIsReadAsTheInsertedAndY() {
        // "enclosure" read as "close"; the lexicon lists "chamber" for "enclosure": the spinner's inserted "and enclosure"
        String text = "They sealed the chamber and enclosure today.";
        doc = Document.parse(text);
        // words: they(0) sealed(1) the(2) chamber(3) and(4) enclosure(5) today(6)
        for (int i = 0; i < 5; i++) {
            keep(i, 1, true);
        }
        keep(5, 0.2, false);
        substitute(5, 6, "close", 0.8, true);
        keep(6, 1, true);
        java.util.function.BiPredicate<String, String> lexicon = (observed, original) ->
                observed.equals("enclosure") && original.equals("chamber");
        SpinRateEstimator.Estimate estimate = new SpinRateEstimator.Estimate(0.1, 1, List.of(builderDecode()), Map.of());
        List<Finding> fs = new FindingBuilder(doc, estimate, null, 0.5, Double.NaN, null, lexicon).findings(List.of(lattice()), 0.5);
        assertEquals("chamber and enclosure@16-37 -> chamber 0.80 []; ", describe(fs));
        assertEquals(true, fs.get(0).evidence().startsWith("'enclosure' inserted beside 'chamber' (a synonym of it); LM: "),
                fs.get(0).evidence());
        assertEquals("They sealed the chamber today.", Detector.restore(text, fs));
        // linked the other way round too; not linked, or without the lexicon: the plain substitution
        java.util.function.BiPredicate<String, String> inverse = (observed, original) ->
                observed.equals("chamber") && original.equals("enclosure");
        assertEquals("chamber and enclosure@16-37 -> chamber 0.80 []; ", describe(
                new FindingBuilder(doc, estimate, null, 0.5, Double.NaN, null, inverse).findings(List.of(lattice()), 0.5)));
        assertEquals("enclosure@28-37 -> close 0.80 []; ", describe(
                new FindingBuilder(doc, estimate, null, 0.5, Double.NaN, null, (o, r) -> false).findings(List.of(lattice()), 0.5)));
        assertEquals("enclosure@28-37 -> close 0.80 []; ", describe(findings(0.5)));
    }

    @Test
    void linkedConjunctNeedsAContentWordRightBeforeAnAnd() {
        doc = Document.parse("They made and or conflated, and go through plans and schemes.");
        // words: they(0) made(1) and(2) or(3) conflated(4) and(5) go(6) through(7) plans(8) and(9) schemes(10)
        substitute(3, 4, "also", 0.5, true);        // "made and or": linked below
        substitute(4, 5, "merged", 0.5, true);      // "and or conflated": "or" right before, not "and"
        substitute(6, 8, "undergo", 0.5, true);     // "conflated, and go through": a comma stands between
        substitute(10, 11, "plots", 0.5, true);     // "plans and schemes"
        Lattice lattice = lattice();
        java.util.function.BiPredicate<String, String> all = (o, r) -> true;
        assertEquals(true, FindingBuilder.linkedConjunct(lattice, lattice.arcs[0], all));
        assertEquals(false, FindingBuilder.linkedConjunct(lattice, lattice.arcs[1], all));
        assertEquals(false, FindingBuilder.linkedConjunct(lattice, lattice.arcs[2], all));
        assertEquals(true, FindingBuilder.linkedConjunct(lattice, lattice.arcs[3], all));
        assertEquals(false, FindingBuilder.linkedConjunct(lattice, lattice.arcs[3], (o, r) -> false));
        assertEquals(true, FindingBuilder.linkedConjunct(lattice, lattice.arcs[3], (o, r) -> o.equals("schemes") && r.equals("plans")));
        // a function word before "and" ("this and that") is no writer's word a spinner pads
        doc = Document.parse("They saw this and that.");
        arcs.clear();
        posteriors.clear();
        best.clear();
        substitute(4, 5, "it", 0.5, true);
        Lattice small = lattice();
        assertEquals(false, FindingBuilder.linkedConjunct(small, small.arcs[0], all));
    }

    @Test
    void repeatedConjunctNeedsTheSameWordsRightBeforeAnAnd() {
        doc = Document.parse("They made and or conflated, and go through plans.");
        // words: they(0) made(1) and(2) or(3) conflated(4) and(5) go(6) through(7) plans(8)
        substitute(4, 5, "or", 0.5, true);          // the word before is "or", not "and"
        substitute(4, 5, "made", 0.5, true);        // "made" stands before "and or", not right before
        substitute(6, 8, "conflated", 0.5, true);   // "conflated, and go through": a comma stands between
        substitute(3, 4, "made", 0.5, true);        // "made and or" read as "made and made"
        Lattice lattice = lattice();
        assertEquals(0, FindingBuilder.repeatedConjunct(lattice, lattice.arcs[0]));
        assertEquals(0, FindingBuilder.repeatedConjunct(lattice, lattice.arcs[1]));
        assertEquals(0, FindingBuilder.repeatedConjunct(lattice, lattice.arcs[2]));
        assertEquals(1, FindingBuilder.repeatedConjunct(lattice, lattice.arcs[3]));
    }

    @Test
    void aWordReadingTheModelFlagsIsPreferredToATermArcOverIt() {
        // "council met" reaches a term by chance; "council" alone is likely spun, "met" is clean
        keep(0, 1, true);
        keep(1, 0.1, false);
        substitute(1, 2, "board", 0.6, false);
        substitute(1, 3, "board meeting", 0.3, true, TermCandidates.SOURCE);
        keep(2, 0.7, true);
        keep(3, 1, true);
        List<Finding> fs = builder(spanMassModel(0)).findings(List.of(lattice()), 0);
        assertEquals("council@4-11 -> board 0.60 []; ", describe(fs));
        // the candidates as the model was fitted on them, and the document score reads them: likeliest span first
        List<FindingBuilder.Candidate> cs = builder(null).candidates(List.of(lattice()));
        assertEquals(List.of(2), cs.stream().map(FindingBuilder.Candidate::arc).toList());
    }

    @Test
    void aTermArcOverWordsTheModelDoesNotFlagIsWeighedAsBefore() {
        keep(0, 1, true);
        keep(1, 0.1, false);
        substitute(1, 2, "board", 0.3, false);
        substitute(1, 3, "board meeting", 0.6, true, TermCandidates.SOURCE);
        keep(2, 0.4, true);
        keep(3, 1, true);
        List<Finding> fs = builder(spanMassModel(0)).findings(List.of(lattice()), 0);
        assertEquals("council met@4-15 -> board meeting 0.60 []; ", describe(fs));
    }

    /**
     * "council met" reaches the term "board meeting"; "council" reads "board" on its own (a word of the term), "met"
     * reads {@code metReading} with posterior {@code metPosterior}; the term has 0.8 of the decode and its best path.
     */
    private void termOverWordReadings(double boardPosterior, String metReading, double metPosterior) {
        keep(0, 1, true);
        keep(1, 0.2 - boardPosterior, false);
        substitute(1, 2, "board", boardPosterior, false);
        substitute(1, 3, "board meeting", 0.8, true, TermCandidates.SOURCE);
        keep(2, 0.2 - metPosterior, false);
        substitute(2, 3, metReading, metPosterior, false);
        keep(3, 1, true);
    }

    @Test
    void whereTheModelDecidesATermWhoseWordsReadOtherwiseIsNarrowedToTheirReadings() {
        // "met" reads "gathered", no word of the term: given no term over the span, "board" has 0.12 / 0.2 = 0.6
        // (a finding, with the term's confidence), "gathered" 0.02 / 0.2 = 0.1 ("met" stands as written)
        termOverWordReadings(0.12, "gathered", 0.02);
        assertEquals("council@4-11 -> board 0.80 []; ",
                describe(builder(spanMassModel(0)).findings(List.of(lattice()), 0)));
        // where the decode's posteriors decide (short documents: tortured-phrase carriers) the term as before
        assertEquals("council met@4-15 -> board meeting 0.80 []; ", describe(findings(0.5)));
        // the candidates the document score reads and the model was fitted on are the decode's own
        assertEquals(List.of(3), builder(null).candidates(List.of(lattice())).stream()
                .map(FindingBuilder.Candidate::arc).toList());
    }

    @Test
    void wordReadingsThatBothReachTheDecisionMakeOneFinding() {
        // 0.6 and 0.14 / 0.2 = 0.7: both words restored, in one finding as the term was (a span flags once)
        termOverWordReadings(0.12, "gathered", 0.14);
        assertEquals("council met@4-15 -> board gathered 0.80 []; ",
                describe(builder(spanMassModel(0)).findings(List.of(lattice()), 0)));
    }

    @Test
    void whenNoWordReadingReachesTheDecisionTheLikeliestAloneIsTheFinding() {
        // 0.02 / 0.2 = 0.1 and 0.08 / 0.2 = 0.4: the span is spun (the model's decision), its likeliest reading
        termOverWordReadings(0.02, "gathered", 0.08);
        assertEquals("met@12-15 -> gathered 0.80 []; ",
                describe(builder(spanMassModel(0)).findings(List.of(lattice()), 0)));
    }

    @Test
    void aTermItsWordsReadAlikeStaysTheFinding() {
        // "met" reads "meeting", a word of the term: the words agree with it
        termOverWordReadings(0.12, "meeting", 0.02);
        assertEquals("council met@4-15 -> board meeting 0.80 []; ",
                describe(builder(spanMassModel(0)).findings(List.of(lattice()), 0)));
        Lattice lattice = lattice();
        assertEquals(false, FindingBuilder.disagrees(lattice, builderDecode(), lattice.arcs[3]));
        // "council" read as "committee" instead, no word of the term: they disagree
        Lattice other = withReading(2, "committee");
        assertEquals(true, FindingBuilder.disagrees(other, builderDecode(), other.arcs[3]));
    }

    @Test
    void aNarrowedTermsInsertionReadingNeverOverlapsAnotherOfItsParts() {
        // the term over "grand trust and faith" disagrees with its words; "faith" reads "trust", the word before "and",
        // so its part is the inserted "and faith" over "trust and faith", where "trust" -> "industry" stands already:
        // the parts of one text never overlap (this made a finding with start > end)
        doc = Document.parse("The grand trust and faith met.");
        keep(0, 1, true);
        keep(1, 0.08, false);
        substitute(1, 2, "important", 0.12, false);
        substitute(1, 5, "important part of business", 0.8, true, TermCandidates.SOURCE);
        keep(2, 0.08, false);
        substitute(2, 3, "industry", 0.12, false);
        keep(3, 0.2, false);
        keep(4, 0.08, false);
        substitute(4, 5, "trust", 0.12, false);
        keep(5, 1, true);
        List<Finding> fs = builder(spanMassModel(0)).findings(List.of(lattice()), 0);
        assertEquals("grand trust@4-15 -> important industry 0.80 []; ", describe(fs));
    }

    /** The lattice so far with arc {@code at} (a word arc) reading {@code original} instead. */
    private Lattice withReading(int at, String original) {
        Arc a = arcs.get(at);
        PreparedCandidate c = new PreparedCandidate(new Candidate(original, -1f, 1, "moby"), a.out(), -4f, 0);
        arcs.set(at, new Arc(a.from(), a.to(), a.out(), 0, c, 0, a.evidence(), new double[ArcFeatures.SIZE]));
        posteriors.set(at, 0.12);
        return lattice();
    }

    /** The hand-made decode: the posteriors and best-path marks so far. */
    private Decoder.Decoded builderDecode() {
        double[] p = posteriors.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] b = new boolean[best.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = best.get(i);
        }
        return new Decoder.Decoded(p, b, 0);
    }

    @Test
    void whereTheModelDecidesTheReadingChoiceSuggestsAReadingTheDocumentUsesElsewhere() {
        doc = Document.parse("The council met today, the board said.");
        keep(0, 1, true);
        keep(1, 0.25, false);
        substitute(1, 2, "committee", 0.45, true);
        substitute(1, 2, "board", 0.3, false); // "board" stands later in the sentence: the writer's word
        for (int k = 2; k < 7; k++) {
            keep(k, 1, true);
        }
        // ReadingChoice.DEFAULT: board - committee = 0.3607 (logit 0.3 - logit 0.45) + 0.1755 (off the best
        // path) + 1.6227 ln 2 (elsewhere once) = +1.07; the span and its confidence are the model's as before
        List<Finding> fs = builder(spanMassModel(0)).findings(List.of(lattice()), 0);
        assertEquals("council@4-11 -> board 0.75 [Alternative[text=committee, confidence=0.45]]; ", describe(fs));
        // where the decode's posteriors decide (no finding model: a short document) the best path flags the span
        // with its reading's posterior, and the reading choice picks the reading all the same
        assertEquals("council@4-11 -> board 0.45 [Alternative[text=committee, confidence=0.45]]; ",
                describe(builder(null).findings(List.of(lattice()), 0.4)));
        // as it does for a span whose readings together are likely
        posteriors.set(2, 0.3);
        best.set(1, true);
        best.set(2, false);
        posteriors.set(1, 0.25);
        assertEquals("council@4-11 -> board 0.60 [Alternative[text=committee, confidence=0.3]]; ",
                describe(builder(null).findings(List.of(lattice()), 0.4)));
    }

    @Test
    void whereThePosteriorsDecideATermArcKeepsTheDecodesReading() {
        doc = Document.parse("The council met today, the board said.");
        keep(0, 1, true);
        keep(1, 0.1, false);
        substitute(1, 3, "board meeting", 0.3, false, TermCandidates.SOURCE);
        substitute(1, 3, "committee meeting", 0.6, true, TermCandidates.SOURCE); // "board" stands elsewhere: no matter
        keep(2, 0.1, false);
        for (int k = 3; k < 7; k++) {
            keep(k, 1, true);
        }
        assertEquals("council met@4-15 -> committee meeting 0.60 [Alternative[text=board meeting, confidence=0.3]]; ",
                describe(builder(null).findings(List.of(lattice()), 0.5)));
    }

    /** The evidence text's numbers: {@code appendFixed} writes what {@code String.format("%.1f")} / {@code "%.2f"} write. */
    @Test
    void fixedDecimalsAreThoseOfTheFormatter() {
        java.util.Random random = new java.util.Random(7);
        java.util.List<Double> values = new java.util.ArrayList<>(java.util.List.of(0.0, -0.0, 0.05, 0.15, 0.25, 0.35, -0.05,
                -0.25, 1.45, 2.5, -2.55, 0.005, 0.015, 0.125, 1e-7, -1e-7, 123456.75, 1e20, 9.95, -9.95, 0.95, 0.995,
                Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        for (int k = -2000; k <= 2000; k++) {
            values.add(k / 20.0);
            values.add(k / 200.0);
            values.add(k / 1000.0);
        }
        for (int k = 0; k < 200_000; k++) {
            values.add((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(8) - 3));
            values.add((double) (float) ((random.nextDouble() - 0.5) * 40)); // the gains are floats widened
        }
        for (double x : values) {
            for (int digits = 1; digits <= 2; digits++) {
                StringBuilder sb = new StringBuilder();
                FindingBuilder.appendFixed(sb, x, digits);
                assertEquals(String.format(java.util.Locale.ROOT, "%." + digits + "f", x), sb.toString(), "of " + x);
            }
        }
        StringBuilder sb = new StringBuilder();
        FindingBuilder.appendFixed(sb, -0.04, 1);
        assertEquals("-0.0", sb.toString());
    }
}
