package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadingVariantsTest {
    @ParameterizedTest
    @CsvSource({"organisations, organizations", "Organisation, organization", "analysed, analyzed", "colour, color",
        "favourite, favorite", "centres, centers", "travelled, traveled", "defence, defense", "catalogue, catalog",
        "programme, program", "co-operate, cooperate", "anaemia, anemia"})
    void spellingVariantsAreVariants(String observed, String reading) {
        assertTrue(ReadingVariants.isVariant(observed, reading));
        assertTrue(ReadingVariants.isSpelling(observed, reading));
        assertFalse(ReadingVariants.isNumber(observed, reading));
    }

    @ParameterizedTest
    @CsvSource({"12, twelve", "twelve, 12", "5th, fifth", "'1,000', a thousand", "21, twenty-one"})
    void numbersInDigitsAndWordsAreVariants(String observed, String reading) {
        assertTrue(ReadingVariants.isVariant(observed, reading));
        assertTrue(ReadingVariants.isNumber(observed, reading));
        assertFalse(ReadingVariants.isSpelling(observed, reading));
    }

    @ParameterizedTest
    @CsvSource({"12, dozens of", "12, a", "villages, counties", "ambassador, minister", "filled, filed", "called, caled",
        "softened, soften", "word, word", "four, for", "Colour, colour"})
    void synonymsAndLookalikesAreNot(String observed, String reading) {
        assertFalse(ReadingVariants.isVariant(observed, reading));
    }

    @Test
    void theAmericanSpelling() {
        assertEquals("organization", ReadingVariants.spelling("organisation"));
    }
}
