package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FindingBandsTest {

    private static double t(FindingModel m) {
        return 1 / (1 + Math.exp(m.bias()));
    }

    @Test
    void aDocumentsBandSetsTheThresholdAndKeepsTheWeights() {
        FindingBands b = FindingBands.parse("150:0.45,200:0.42");
        FindingModel m = FindingModel.DEFAULTS_WITH_DOC_COMMENTS;
        int[] words = {100, 149, 150, 199, 200, 1000};
        double[] expected = {0.45, 0.45, 0.42, 0.42, Double.NaN, Double.NaN};
        for (int i = 0; i < words.length; i++) {
            assertEquals(expected[i], b.threshold(words[i]), 0, words[i] + " words");
        }
        assertEquals(0.45, t(b.modelFor(m, 120)), 1e-12);
        assertEquals(-Math.log(0.45 / 0.55), b.modelFor(m, 120).bias(), 1e-12);
        assertArrayEquals(m.weights(), b.modelFor(m, 120).weights(), 0);
        assertEquals(0.42, t(b.modelFor(m, 199)), 1e-12);
        assertSame(m, b.modelFor(m, 200)); // past the last band: the model itself
    }

    @Test
    void settingsWithoutBandsKeepTheirModelAtEveryLength() {
        DetectorSettings s = DetectorSettings.DEFAULTS_WITH_NAMES;
        assertNull(s.findingBands());
        for (int words : new int[] {100, 150, 300}) {
            assertSame(s.findingModel(), s.findingModelFor(words));
        }
        DetectorSettings off = s.with().findingModel(null).findingBands(FindingBands.parse("150:0.5")).build();
        assertNull(off.findingModelFor(120));
    }

    @Test
    void bandsReadWhatTheyWriteAndAreCopiedIn() {
        FindingBands b = FindingBands.parse(" 150:0.45, 200:0.42 ");
        assertEquals("150:0.45,200:0.42", b.toString());
        assertEquals(b, FindingBands.parse(b.toString()));
        assertEquals(b.hashCode(), FindingBands.parse(b.toString()).hashCode());
        assertNotEquals(b, FindingBands.parse("150:0.45,201:0.42"));
        int[] words = {150};
        double[] thresholds = {0.45};
        FindingBands copied = new FindingBands(words, thresholds);
        words[0] = 10;
        thresholds[0] = 0.9;
        assertEquals(0.45, copied.threshold(120), 0);
    }

    @Test
    void badBandsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> FindingBands.parse("200:0.4,150:0.45"));
        assertThrows(IllegalArgumentException.class, () -> FindingBands.parse("0:0.4"));
        assertThrows(IllegalArgumentException.class, () -> FindingBands.parse("150"));
        assertThrows(IllegalArgumentException.class, () -> FindingBands.parse("150:1.0"));
        assertThrows(IllegalArgumentException.class, () -> FindingBands.parse("150:0"));
        assertThrows(IllegalArgumentException.class, () -> new FindingBands(new int[] {150}, new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new FindingBands(new int[0], new double[0]));
    }
}
