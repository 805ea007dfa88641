package org.despin.data.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.despin.lexicon.TermLinks;
import org.despin.lexicon.TermTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The term words' links: Moby both ways, WordNet synsets and pointers, inflected like the term word. */
class TermLinksBuildTest {
    private static TermLinks links;

    @BeforeAll
    static void build(@TempDir Path dir) throws Exception {
        Path moby = dir.resolve("words.txt");
        // "random" lists "haphazard"; "chance-medley" lists "random" (only the other entry knows the pair)
        Files.writeString(moby, "random,haphazard,aimless\nchance-medley,random\nforest,woodland\n",
                StandardCharsets.UTF_8);
        links = TermLinksBuild.build(Set.of("random", "forest", "tree", "learning"), moby, Morphology.load());
    }

    private static Integer tier(String observed, String termWord) {
        Map<String, Integer> m = links.observed().get(observed);
        return m == null ? null : m.get(termWord);
    }

    @Test
    void mobyLinksGoBothWays() {
        assertEquals(TermTable.SYNONYM, tier("haphazard", "random"));
        assertEquals(TermTable.SYNONYM, tier("chance medley", "random")); // hyphen as the tokenizer splits it
        assertEquals(TermTable.SYNONYM, tier("woodland", "forest"));
    }

    @Test
    void wordNetSynsetsAreSynonymsAndHypernymsAreRelated() {
        assertEquals(TermTable.SYNONYM, tier("tree diagram", "tree")); // synset {tree, tree diagram}
        assertEquals(TermTable.RELATED, tier("woody plant", "tree"));  // hypernym of tree
        assertEquals(TermTable.RELATED, tier("vegetation", "forest")); // hypernym of forest
        assertEquals(TermTable.RELATED, tier("ergodic", "random"));    // similar to random
    }

    @Test
    void anInflectedTermWordLinksItsLemmasRelatedWordsInflectedTheSameWay() {
        // "learning" is also learn/VBG: a spinner writes a synonym of "learn" with -ing
        assertEquals(TermTable.SYNONYM, tier("ascertaining", "learning"));
        assertNull(tier("ascertain", "learning"));
        assertNull(tier("learning", "learning"));
    }

    @Test
    void formsAreLettersOfOneToThreeWordsAndNoLoneFunctionWord() {
        assertTrue(TermLinksBuild.usable("woody plant"));
        assertTrue(TermLinksBuild.usable("o'clock"));
        assertFalse(TermLinksBuild.usable("the"));
        assertFalse(TermLinksBuild.usable("a b c d"));
        assertFalse(TermLinksBuild.usable("x2"));
        assertTrue(links.observed().keySet().stream().allMatch(TermLinksBuild::usable));
    }

    @Test
    void fanOutCountsDistinctLinkedLemmas() {
        assertTrue(links.fanOut().get("random") >= 3, links.fanOut().toString());
        assertEquals(Set.of("random", "forest", "tree", "learning"), links.fanOut().keySet());
    }
}
