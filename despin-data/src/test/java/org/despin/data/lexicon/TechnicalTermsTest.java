package org.despin.data.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.despin.lexicon.WordClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TechnicalTermsTest {
    private static final int NOUN = WordClass.NOUN.bit();
    private static final int ADJ = WordClass.ADJECTIVE.bit();
    private static final Map<String, Integer> CLASSES = Map.of("random", ADJ, "forest", NOUN, "trees", NOUN,
            "model", NOUN, "fits", NOUN | WordClass.VERB.bit(), "signal", NOUN, "noise", NOUN, "ratio", NOUN,
            "data", NOUN);

    @TempDir
    Path dir;

    @Test
    void paragraphTextLosesTagsAndDecodesEntities() {
        assertEquals("A  random forest  &lt; 2 \u2019s", TechnicalTerms.text("A <em>random forest</em> &amp;lt; 2 &#8217;s"));
    }

    @Test
    void proseParagraphsLeaveOutCodeMathLinksShortOnesAndRepeats() throws Exception {
        String prose = "<p>A random forest averages the votes of many decision trees, each grown on a sample of "
                + "the rows, so that their errors cancel out.</p>\n";
        String other = "<p>The signal to noise ratio of the <em>filtered</em> data is higher than that of the raw "
                + "data &amp; the model fits better.</p>\n";
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.html"), prose + other, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("a.html"), String.join("\n",
                "<p>Call <code>fit</code> with the training data, then the model predicts the labels of new rows.</p>",
                "<p>The estimate converges at the rate \\(n^{-1/2}\\) as the number of samples grows without any bound.</p>",
                "<p>See https://example.org/guide for the full description of every parameter of the model here.</p>",
                "<p>Too short to be prose.</p>",
                prose), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("c.txt"), prose, StandardCharsets.UTF_8);
        List<List<String>> pages = TechnicalTerms.proseParagraphs(dir, 12);
        assertEquals(List.of(
                List.of("A random forest averages the votes of many decision trees, each grown on a sample of the rows, "
                        + "so that their errors cancel out."),
                List.of("The signal to noise ratio of the filtered data is higher than that of the raw data & the model "
                        + "fits better.")), pages, "a.html first; b.html's repeat of a.html's paragraph dropped");
    }

    @Test
    void frequentCohesiveNounPhrasesOfParagraphsAreTerms() throws Exception {
        StringBuilder html = new StringBuilder("<html><pre>random forest random forest</pre>");
        for (int i = 0; i < 10; i++) {
            html.append("<p>A random forest fits trees. The <code>signal-to-noise</code> ratio is low.</p>\n");
            html.append("<p>The model fits the data. Data data data model.</p>\n");
        }
        Files.writeString(dir.resolve("a.html"), html, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("b.txt"), "<p>random forest</p>".repeat(100), StandardCharsets.UTF_8);
        TreeSet<String> terms = TechnicalTerms.mine(List.of(dir), CLASSES, new TechnicalTerms.Limits(8, 0.5));
        // N = 210 words; "random forest": log10(10 * 210 / (10 * 10)) = 1.32; "data model": 0.42 < 0.5;
        // "signal to noise" (hyphens join): (log10 10 + 2 log10 210 - log10 1000) / 2 = 1.32, but a middle
        // "to" is no noun phrase, nor is "fits the data"; "fits" can be a noun (and "fit" is no verb in
        // this dictionary), so the miner keeps "forest fits" and "fits trees"; nothing from <pre> or from
        // a non-HTML file
        assertEquals(List.of("fits trees", "forest fits", "forest fits trees", "model fits", "noise ratio",
                "random forest", "random forest fits"), List.copyOf(terms));
    }

    @Test
    void plainSentencesAreMinedLikeParagraphs() {
        List<String> sentences = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sentences.add("A random forest of trees.");
            sentences.add("The model ; data.");
        }
        // N = 32 words; "random forest" 4 times: log10(4 * 32 / (4 * 4)) = 0.903; "forest of trees":
        // (log10 4 + 2 log10 32 - 3 log10 4) / 2 = 0.903; "model data" never (the break stands between
        // them); at count 5 or PMI 0.91 nothing passes
        assertEquals(List.of("forest of trees", "random forest"), List.copyOf(TechnicalTerms.mineText(sentences, CLASSES,
                new TechnicalTerms.Limits(4, 0.9))));
        assertEquals(List.of(), List.copyOf(TechnicalTerms.mineText(sentences, CLASSES, new TechnicalTerms.Limits(5, 0.9))));
        assertEquals(List.of(), List.copyOf(TechnicalTerms.mineText(sentences, CLASSES, new TechnicalTerms.Limits(4, 0.91))));
    }

    @Test
    void aTermCanBeRequiredInSeveralSources() {
        List<String> a = List.of("A random forest of trees.", "A random forest of trees.", "The signal noise model.");
        List<String> b = List.of("A random forest of trees.", "A random forest of trees.", "The signal noise model.",
                "The signal noise model.");
        List<String> c = List.of("The signal noise model.");
        // over all three: N = 36 words; "random forest" and "forest of trees" 4 times (log10(4 * 36 / 16) = 0.95),
        // in sources a and b; "signal noise", "noise model" and "signal noise model" 4 times, in all three
        assertEquals(List.of("forest of trees", "noise model", "random forest", "signal noise", "signal noise model"),
                List.copyOf(TechnicalTerms.mineSources(List.of(a, b, c), CLASSES, new TechnicalTerms.Limits(4, 0.8, 2))));
        assertEquals(List.of("noise model", "signal noise", "signal noise model"),
                List.copyOf(TechnicalTerms.mineSources(List.of(a, b, c), CLASSES, new TechnicalTerms.Limits(4, 0.8, 3))));
        assertEquals("minCount=4, minPmiLog10=0.8, minSources=3", new TechnicalTerms.Limits(4, 0.8, 3).toString());
        assertEquals("minCount=4, minPmiLog10=1.5", new TechnicalTerms.Limits(4, 1.5).toString());
    }

    @Test
    void nounPhrasesAreToldFromVerbPhrasesAndCutPhrases() {
        int verb = WordClass.VERB.bit();
        Map<String, Integer> classes = Map.ofEntries(Map.entry("feature", NOUN | verb), Map.entry("features", NOUN | verb),
                Map.entry("extraction", NOUN), Map.entry("makes", NOUN | verb), Map.entry("make", NOUN | verb),
                Map.entry("sure", NOUN | ADJ), Map.entry("matches", NOUN | verb), Map.entry("match", NOUN | verb),
                Map.entry("bias", NOUN | verb), Map.entry("correction", NOUN), Map.entry("coordinates", NOUN | verb),
                Map.entry("two", NOUN | ADJ | WordClass.NUMBER.bit()), Map.entry("pixels", NOUN),
                Map.entry("outside", NOUN | ADJ), Map.entry("degrees", NOUN), Map.entry("freedom", NOUN),
                Map.entry("gradient", NOUN | ADJ), Map.entry("boosting", verb), Map.entry("machine", NOUN | verb),
                Map.entry("signal", NOUN | verb), Map.entry("noise", NOUN | verb), Map.entry("array", NOUN),
                Map.entry("empty", NOUN | ADJ), Map.entry("is", verb), Map.entry("random", ADJ), Map.entry("forest", NOUN));
        for (String term : List.of("feature extraction", "bias correction", "degrees of freedom", "gradient boosting machine",
                "random forest")) {
            assertTrue(TechnicalTerms.nounPhrase(term.split(" "), classes), term);
        }
        for (String term : List.of("features extraction", "makes sure", "matches feature", "coordinates of two",
                "pixels outside", "signal to noise", "array is empty", "random boosting", "boosting machine")) {
            assertFalse(TechnicalTerms.nounPhrase(term.split(" "), classes), term);
        }
    }

    @Test
    void aTermHasTwoContentWordsOfLetters() {
        assertTrue(TermBuild.qualifies("signal to noise"));
        assertFalse(TermBuild.qualifies("out of"));
        assertFalse(TermBuild.qualifies("data"));
        assertFalse(TermBuild.qualifies("mp3 player"));
        assertFalse(TermBuild.qualifies("signal to noise ratio"));
    }
}
