package org.despin.data.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.despin.lexicon.ChannelWeights;
import org.despin.lexicon.LexiconData;
import org.despin.lexicon.LinkFeatures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The related words the per-key bound cuts get places of their own ({@link LexiconBuilder.Limits#maxRelated}): a
 * broad word whose synonyms fill the bound still lists its best narrower words, and never a synonym the bound cut.
 */
class RelatedPlacesTest {
    private static Morphology morphology;

    @BeforeAll
    static void load() throws Exception {
        morphology = Morphology.load();
    }

    /**
     * "vehicle": three synonyms (two in a WordNet synset), four hyponyms, of which "truck" and "fire engine" have the
     * shortest lists of words offered for them.
     */
    private static SynonymGraph graph() {
        SynonymGraph g = new SynonymGraph();
        g.add("vehicle", "car", LinkFeatures.DIRECT | LinkFeatures.MOBY | LinkFeatures.WORDNET);
        g.add("vehicle", "auto", LinkFeatures.DIRECT | LinkFeatures.MOBY | LinkFeatures.WORDNET);
        g.add("vehicle", "wagon", LinkFeatures.DIRECT | LinkFeatures.MOBY);
        g.add("vehicle", "truck", LinkFeatures.GENERIC);
        g.add("vehicle", "bus", LinkFeatures.GENERIC);
        g.add("vehicle", "tractor", LinkFeatures.GENERIC);
        g.add("vehicle", "fire engine", LinkFeatures.GENERIC);
        // the originals' own lists: a spinner replacing "bus" or "tractor" has more words to choose from
        for (String w : new String[] {"coach", "omnibus", "charabanc"}) {
            g.add(w, "bus", LinkFeatures.DIRECT | LinkFeatures.MOBY);
            g.add(w, "tractor", LinkFeatures.DIRECT | LinkFeatures.MOBY);
        }
        g.add("minibus", "bus", LinkFeatures.DIRECT | LinkFeatures.MOBY);
        g.freeze();
        return g;
    }

    private static Set<String> originals(int maxCandidates, int maxRelated) {
        LexiconBuilder b = new LexiconBuilder(graph(), morphology, ChannelWeights.DEFAULT,
                new LexiconBuilder.Limits(maxCandidates, 0, 0, 0.0, maxRelated), Set.of(), Set.of());
        LexiconData data = b.build(Map.of(), "vehicle"::equals);
        return data.links().get("vehicle").keySet();
    }

    @Test
    void theBoundCutsRelatedWordsFirstWithoutPlacesOfTheirOwn() {
        assertEquals(Set.of("car", "auto"), originals(2, 0));
        assertEquals(Set.of("car", "auto", "wagon", "truck", "bus", "tractor", "fire engine"), originals(7, 0));
    }

    @Test
    void theBestCutRelatedWordsGetTheirOwnPlaces() {
        // the best related word by channel weight: "truck" (no other word offered for it), then "tractor" (3), "bus" (4),
        // "fire engine" (none, but one word longer than "vehicle"); a phrase gets no place of its own
        assertEquals(Set.of("car", "auto", "truck"), originals(2, 1));
        assertEquals(Set.of("car", "auto", "truck", "tractor"), originals(2, 2));
        // the cut synonym "wagon" gets no place of a related word
        assertEquals(Set.of("car", "auto", "truck", "tractor", "bus"), originals(2, 5));
        // nothing cut, nothing added
        assertEquals(Set.of("car", "auto", "wagon", "truck", "bus", "tractor", "fire engine"), originals(7, 5));
        // within the bound a phrase keeps its place as before (above); cut, it gets none ("bus" does)
        assertEquals(Set.of("car", "auto", "wagon", "truck", "tractor", "bus"), originals(6, 5));
        assertEquals(Set.of("car", "auto", "wagon", "truck", "tractor", "bus"), originals(5, 5));
    }

    /** Branch {@code coverage30}: the synonyms the bound cut, places of their own ({@code maxSynonyms}), best tier first. */
    @Test
    void theCutSynonymsGetTheirOwnPlacesWithMaxSynonyms() {
        LexiconBuilder b = new LexiconBuilder(graph(), morphology, ChannelWeights.DEFAULT,
                new LexiconBuilder.Limits(2, 0, 0, 0.0, 0, 1), Set.of(), Set.of());
        // "wagon" (a one-sided Moby link) is the only synonym the bound of 2 cuts; the related words get none
        assertEquals(Set.of("car", "auto", "wagon"), b.build(Map.of(), "vehicle"::equals).links().get("vehicle").keySet());
        assertEquals(0, LexiconBuilder.Limits.DEFAULT.maxSynonyms());
        assertEquals(0, new LexiconBuilder.Limits(150, 6, 10, 0.3, 100).maxSynonyms());
    }

    /** Branch {@code coverage30}: a hyphen compound is an observed key only in the hyphen-key build. */
    @Test
    void hyphenCompoundsAreKeysOnlyWithHyphenKeys() {
        org.junit.jupiter.api.Assertions.assertTrue(DefaultLexiconBuild.queryable("well-chosen", true));
        org.junit.jupiter.api.Assertions.assertFalse(DefaultLexiconBuild.queryable("well-chosen", false));
        org.junit.jupiter.api.Assertions.assertFalse(DefaultLexiconBuild.queryable("x-ray tube", true));
        org.junit.jupiter.api.Assertions.assertFalse(DefaultLexiconBuild.queryable("-ish", true));
        org.junit.jupiter.api.Assertions.assertTrue(DefaultLexiconBuild.queryable("well chosen", false));
    }

    @Test
    void limitsOfBeforeHaveNoRelatedPlaces() {
        assertEquals(0, new LexiconBuilder.Limits(150, 6, 10, 0.3).maxRelated());
        assertEquals(100, LexiconBuilder.Limits.DEFAULT.maxRelated());
        assertEquals(150, LexiconBuilder.Limits.DEFAULT.maxCandidates());
    }
}
