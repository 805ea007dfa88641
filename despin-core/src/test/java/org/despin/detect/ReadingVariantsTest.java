package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReadingVariantsTest {
    @Test
    void spellingVariantsAreVariants() {
        assertTrue(ReadingVariants.isVariant("organisations", "organizations"));
        assertTrue(ReadingVariants.isVariant("Organisation", "organization"));
        assertTrue(ReadingVariants.isVariant("analysed", "analyzed"));
        assertTrue(ReadingVariants.isVariant("colour", "color"));
        assertTrue(ReadingVariants.isVariant("favourite", "favorite"));
        assertTrue(ReadingVariants.isVariant("centres", "centers"));
        assertTrue(ReadingVariants.isVariant("travelled", "traveled"));
        assertTrue(ReadingVariants.isVariant("defence", "defense"));
        assertTrue(ReadingVariants.isVariant("catalogue", "catalog"));
        assertTrue(ReadingVariants.isVariant("programme", "program"));
        assertTrue(ReadingVariants.isVariant("co-operate", "cooperate"));
        assertTrue(ReadingVariants.isVariant("anaemia", "anemia"));
    }

    @Test
    void numbersInDigitsAndWordsAreVariants() {
        assertTrue(ReadingVariants.isVariant("12", "twelve"));
        assertTrue(ReadingVariants.isVariant("twelve", "12"));
        assertTrue(ReadingVariants.isVariant("5th", "fifth"));
        assertTrue(ReadingVariants.isVariant("1,000", "a thousand"));
        assertTrue(ReadingVariants.isVariant("21", "twenty-one"));
        assertFalse(ReadingVariants.isVariant("12", "dozens of"));
        assertFalse(ReadingVariants.isVariant("12", "a"));
    }

    @Test
    void synonymsAndLookalikesAreNot() {
        assertFalse(ReadingVariants.isVariant("villages", "counties"));
        assertFalse(ReadingVariants.isVariant("ambassador", "minister"));
        assertFalse(ReadingVariants.isVariant("filled", "filed"));
        assertFalse(ReadingVariants.isVariant("called", "caled"));
        assertFalse(ReadingVariants.isVariant("softened", "soften"));
        assertFalse(ReadingVariants.isVariant("word", "word"));
        assertFalse(ReadingVariants.isVariant("four", "for"));
        assertEquals("organization", ReadingVariants.spelling("organisation"));
    }

    @Test
    void numbersAndSpellingsApart() {
        assertTrue(ReadingVariants.isNumber("12", "twelve"));
        assertFalse(ReadingVariants.isSpelling("12", "twelve"));
        assertTrue(ReadingVariants.isSpelling("organisations", "organizations"));
        assertFalse(ReadingVariants.isNumber("organisations", "organizations"));
        assertFalse(ReadingVariants.isSpelling("Colour", "colour"));
    }
}
