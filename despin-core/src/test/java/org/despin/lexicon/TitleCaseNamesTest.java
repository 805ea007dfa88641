package org.despin.lexicon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TitleCaseNamesTest {
    private static final TitleCaseNames NAMES = TitleCaseNames.of(List.of("Security Council", "united nations"));

    @Test
    void pairsAreKeptWhateverTheirCase() {
        assertTrue(NAMES.writtenAsName("security", "council"));
        assertTrue(NAMES.writtenAsName("United", "Nations"));
        assertFalse(NAMES.writtenAsName("council", "security"));
        assertFalse(NAMES.writtenAsName("continuing", "mission"));
    }

    @Test
    void aReadingMustJoinItsTitleCaseNeighboursIntoANameSeen() {
        // "Protection Council" -> "Security Council": the reading "security" (position 0) and its neighbour
        assertTrue(NAMES.joinsAName(new String[] {"security", "council"}, 0, 1));
        // "Permanent Mission" -> "Continuing Mission": no pair touching the reading was written as a name
        assertFalse(NAMES.joinsAName(new String[] {"continuing", "mission"}, 0, 1));
        // "the Allied Nations Security Council": the pair after the reading counts, one far from it does not
        assertTrue(NAMES.joinsAName(new String[] {"united", "nations", "security"}, 0, 1));
        assertFalse(NAMES.joinsAName(new String[] {"allied", "body", "security", "council"}, 1, 2));
        // a reading alone is no pair
        assertTrue(NAMES.joinsAName(new String[] {"mission"}, 0, 1));
    }

    @Test
    void withoutCaseDataEveryPairMayBeAName() {
        assertFalse(TitleCaseNames.UNKNOWN.isKnown());
        assertTrue(TitleCaseNames.UNKNOWN.writtenAsName("continuing", "mission"));
        assertTrue(TitleCaseNames.UNKNOWN.joinsAName(new String[] {"continuing", "mission"}, 0, 1));
        assertTrue(NAMES.isKnown());
    }
}
