package org.despin.data.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.despin.data.DataPaths;
import org.despin.lexicon.Candidate;
import org.despin.lexicon.ChannelWeights;
import org.despin.lexicon.Lexicon;
import org.despin.lexicon.LexiconData;
import org.despin.lexicon.LexiconFormat;
import org.despin.lexicon.WordClass;
import org.despin.model.ModelFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spinner substitutions from RESOURCES.md and the issue, looked up the way the detector does:
 * the observed (spun) span must list the original, re-inflected like the observed form. Runs over
 * the real Moby, WordNet and LanguageTool data, building only the observed lemmas it queries
 * (seconds); skipped when the npm data has not been fetched.
 */
class LexiconExamplesTest {
    /** Observed lemmas of the examples (the build expands just these). */
    private static final Set<String> LEMMAS = Set.of("advise", "retailer", "ask for", "protection", "lasting", "common",
            "confront", "encounter", "counterfeit", "consciousness", "five", "5", "state", "make use of", "point out",
            "fifth", "go over", "check out", "outlet", "tell", "big", "phenomenon", "pandemic", "motor vehicle", "northern",
            "increase", "allow", "period", "tool");

    private static Lexicon lexicon;

    @BeforeAll
    static void build(@TempDir Path dir) throws Exception {
        Path moby = DataPaths.defaultCache().resolve("npm").resolve(DataPaths.MOBY).resolve("package").resolve("words.txt");
        assumeTrue(Files.isRegularFile(moby), "Moby not fetched (run scripts/fetch-data): " + moby);
        LexiconData data = DefaultLexiconBuild.data(moby, ChannelWeights.DEFAULT, LexiconBuilder.Limits.DEFAULT,
                LEMMAS::contains);
        Path file = dir.resolve("lexicon.despin");
        try (ModelFile.Writer w = new ModelFile.Writer(file)) {
            w.section(LexiconFormat.SECTION, LexiconFormat.section(data));
            w.finish(Map.of());
        }
        lexicon = LexiconFormat.read(ModelFile.open(file));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource({
        "advised, told",
        "advises, tells",
        "advising, telling",
        "retailers, outlets",
        "retailer, outlet",
        "asked for, requested",
        "asking for, requesting",
        "asks for, requests",
        "protection, security",
        "lasting, permanent",
        "common, general",
        "confront, face",
        "confronted, faced",
        "encounter, face",
        "counterfeit, artificial",
        "consciousness, intelligence",
        "five, 5",
        "5, five",
        "fifth, 5th",
        "stated, said",
        "states, says",
        "make use of, use",
        "made use of, used",
        "point out, indicate",
        "pointed out, indicated",
        "pandemic, general",
        "motor vehicle, truck",
        "motor vehicles, trucks",
        // a common word's synonyms fill the per-key bound; its narrower words have places of their own
        "allow, support",
        "periods, years",
        "tool, plow",
    })
    void observedSpanListsTheOriginal(String observed, String original) {
        List<String> originals = lexicon.candidates(observed).stream().map(Candidate::original).toList();
        assertTrue(originals.contains(original), observed + " -> " + originals);
    }

    @Test
    void reinflectionKeepsTheTag() {
        Set<String> advised = originals("advised");
        assertTrue(advised.contains("told"));
        assertTrue(!advised.contains("tell") && !advised.contains("telling"), advised.toString());
        Set<String> retailers = originals("retailers");
        assertTrue(!retailers.contains("outlet"), retailers.toString());
    }

    @Test
    void originalsAreAttestedFormsAndObservedFormsAreAllForms() {
        Set<String> bigger = originals("bigger");
        assertTrue(bigger.contains("larger"), bigger.toString());
        assertTrue(!bigger.contains("braggier") && !bigger.contains("knightlier"), bigger.toString());
        assertTrue(!lexicon.candidates("phenomena").isEmpty(), "the second plural of phenomenon");
        assertTrue(!lexicon.candidates("phenomenons").isEmpty(), "the first plural of phenomenon");
    }

    @Test
    void wordNetRelatedWordsAreLinksOfTheirOwnKind() {
        // WordNet: "pandemic" is in a synset similar to "general"'s; "motor vehicle" is a hypernym of "truck"
        assertEquals("wordnet-similar", source("pandemic", "general"));
        assertEquals("wordnet-generic", source("motor vehicles", "trucks"));
        // a generic word's originals are its hyponyms, never its own hypernyms
        assertTrue(!originals("motor vehicles").contains("self-propelled vehicles"), originals("motor vehicles").toString());
        // "allow" has more than 150 synonyms: its hyponym "support" (WordNet: support @ allow) is a place of its own
        assertEquals("wordnet-generic", source("allow", "support"));
        assertTrue(originals("allow").size() > LexiconBuilder.Limits.DEFAULT.maxCandidates(), originals("allow").toString());
    }

    @Test
    void wordsOfOppositeMeaningAreNeverCandidates() {
        // Moby's entry for "southern" lists "northern", and "decrease" is in reach of "increase";
        // WordNet calls both pairs antonyms, so neither is a link, while the synonyms stay
        Set<String> northern = originals("northern");
        assertTrue(northern.contains("northerly") && !northern.contains("southern"), northern.toString());
        Set<String> increased = originals("increased");
        assertTrue(increased.contains("augmented") && !increased.contains("decreased"), increased.toString());
    }

    private static String source(String observed, String original) {
        return lexicon.candidates(observed).stream().filter(c -> c.original().equals(original)).map(Candidate::source)
                .findFirst().orElse("none");
    }

    @Test
    void multiWordNounsAreNotInflectedLikeVerbs() {
        Set<String> stated = originals("stated");
        assertTrue(stated.stream().noneMatch(o -> o.startsWith("stated ")), stated.toString());
        assertTrue(!stated.contains("stated of being"), "a noun with an of-complement is not a phrasal verb");
    }

    @Test
    void candidateListsAreBoundedAndSorted() {
        for (String observed : List.of("common", "advised", "stated", "encounter")) {
            List<Candidate> c = lexicon.candidates(observed);
            assertTrue(c.size() <= LexiconBuilder.Limits.DEFAULT.maxCandidates() + LexiconBuilder.Limits.DEFAULT.maxRelated(),
                    observed + ": " + c.size());
            for (int i = 1; i < c.size(); i++) {
                assertTrue(c.get(i - 1).logChannel() >= c.get(i).logChannel());
            }
        }
    }

    @Test
    void knownWordsComeFromTheTaggerDictionary() {
        assertTrue(lexicon.isKnownWord("the"));
        assertTrue(lexicon.isKnownWord("advised"));
        assertTrue(lexicon.isKnownWord("paris"), "names are known in lower case");
        assertTrue(!lexicon.isKnownWord("xqzt"));
        assertEquals(Set.of(WordClass.FUNCTION_WORD), lexicon.wordClasses("the"));
        assertTrue(lexicon.wordClasses("advised").contains(WordClass.VERB));
    }

    private static Set<String> originals(String observed) {
        return lexicon.candidates(observed).stream().map(Candidate::original).collect(Collectors.toCollection(HashSet::new));
    }
}
