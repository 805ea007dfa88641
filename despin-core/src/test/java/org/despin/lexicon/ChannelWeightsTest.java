package org.despin.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChannelWeightsTest {
    private final ChannelWeights w = new ChannelWeights(0.5, 0.25, 0.5, -1, -2, -0.75, 0.1);

    @Test
    void formulaTermByTerm() {
        int mutual = LinkFeatures.DIRECT | LinkFeatures.INVERSE | LinkFeatures.MOBY;
        // -0.5 ln 100 + 0.25 + 0.1 ln 10
        assertEquals((float) (-0.5 * Math.log(100) + 0.25 + 0.1 * Math.log(10)),
                w.logChannel(new LinkFeatures(100, 1, mutual), 1, 1, 10));
        // inverse only, two words for one: -0.5 ln 100 - 1 - 0.75
        assertEquals((float) (-0.5 * Math.log(100) - 1.75),
                w.logChannel(new LinkFeatures(100, 1, LinkFeatures.INVERSE | LinkFeatures.MOBY), 2, 1, 1));
        // two hops get neither bonus nor the one-sided penalty: -0.5 ln 4 - 2
        assertEquals((float) (-0.5 * Math.log(4) - 2), w.logChannel(new LinkFeatures(4, 2, mutual | LinkFeatures.WORDNET), 1, 1, 1));
        // related words only: -0.5 ln 4 + the default penalties (similar -1, generic -2); with a synonym flag, no penalty
        assertEquals((float) (-0.5 * Math.log(4) - 1), w.logChannel(new LinkFeatures(4, 1, LinkFeatures.SIMILAR), 1, 1, 1));
        assertEquals((float) (-0.5 * Math.log(4) - 2), w.logChannel(new LinkFeatures(4, 1, LinkFeatures.GENERIC), 1, 1, 1));
        assertEquals((float) (-0.5 * Math.log(4) + 0.5),
                w.logChannel(new LinkFeatures(4, 1, LinkFeatures.GENERIC | LinkFeatures.WORDNET), 1, 1, 1));
        // never above zero
        assertEquals(0f, w.logChannel(new LinkFeatures(1, 1, mutual | LinkFeatures.WORDNET), 1, 1, 1));
    }

    @Test
    void badParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ChannelWeights(1.5, 0, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ChannelWeights(0.5, Double.NaN, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new LinkFeatures(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new LinkFeatures(5, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> new LinkFeatures(5, 1, 1 << 5)); // the format's two-hop bit
        assertThrows(IllegalArgumentException.class, () -> new LinkFeatures(5, 1, 1 << 8));
    }
}
