package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SpunBandsTest {

    @Test
    void theDefaultModelsSpunThresholdByLength() {
        DetectorSettings s = DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS;
        int[] words = {1, 10, 39, 40, 59, 60, 99, 100, 150, 1000};
        double[] expected = {0.98, 0.98, 0.98, 0.96, 0.96, 0.95, 0.95, 0.89, 0.89, 0.89}; // spunThreshold 0.89 since docscore21
        for (int i = 0; i < words.length; i++) {
            assertEquals(expected[i], s.spunThresholdFor(words[i]), 0, words[i] + " words");
        }
        assertEquals("40:0.98,60:0.96,100:0.95", SpunBands.WITH_DOC_COMMENTS.toString());
    }

    @Test
    void modelsWithoutTheDocCommentComponentKeepOneThresholdForEveryLength() {
        for (DetectorSettings s : new DetectorSettings[] {DetectorSettings.DEFAULTS, DetectorSettings.DEFAULTS_WITH_NAMES}) {
            assertNull(s.spunBands());
            for (int words : new int[] {1, 20, 60, 99, 100, 150}) {
                assertEquals(0.86, s.spunThresholdFor(words), 0);
            }
        }
    }

    @Test
    void bandsReadWhatTheyWriteAndAreCopiedIn() {
        SpunBands b = SpunBands.parse(" 30:0.9, 80:0.88 ");
        assertEquals("30:0.9,80:0.88", b.toString());
        assertEquals(b, SpunBands.parse(b.toString()));
        assertEquals(b.hashCode(), SpunBands.parse(b.toString()).hashCode());
        assertNotEquals(b, SpunBands.parse("30:0.9,81:0.88"));
        assertEquals(0.9, b.threshold(29, 0.5), 0);
        assertEquals(0.88, b.threshold(30, 0.5), 0);
        assertEquals(0.5, b.threshold(80, 0.5), 0);
        int[] words = {50};
        double[] thresholds = {0.9};
        SpunBands copied = new SpunBands(words, thresholds);
        words[0] = 10;
        thresholds[0] = 0.1;
        assertEquals(0.9, copied.threshold(20, 0.5), 0);
    }

    @Test
    void badBandsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SpunBands.parse("60:0.9,40:0.95"));
        assertThrows(IllegalArgumentException.class, () -> SpunBands.parse("0:0.9"));
        assertThrows(IllegalArgumentException.class, () -> SpunBands.parse("40"));
        assertThrows(IllegalArgumentException.class, () -> new SpunBands(new int[] {40}, new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new SpunBands(new int[0], new double[0]));
        // a band's threshold below cleanThreshold would call a document both
        assertThrows(IllegalArgumentException.class, () -> DetectorSettings.DEFAULTS.with()
                .spunBands(SpunBands.parse("50:0.2")).build());
    }
}
