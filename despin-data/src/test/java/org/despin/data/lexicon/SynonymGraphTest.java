package org.despin.data.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.despin.lexicon.LinkFeatures;
import org.junit.jupiter.api.Test;

class SynonymGraphTest {
    @Test
    void forbiddenPairsAreDroppedEitherWayAndOtherLinksKeepTheirFlags() {
        SynonymGraph g = new SynonymGraph();
        g.add("northern", "southern", LinkFeatures.DIRECT | LinkFeatures.MOBY);
        g.add("northern", "southern", LinkFeatures.WORDNET);
        g.add("southern", "northern", LinkFeatures.INVERSE | LinkFeatures.MOBY);
        g.add("northern", "northerly", LinkFeatures.DIRECT | LinkFeatures.MOBY);
        g.add("northern", "northerly", LinkFeatures.WORDNET);
        g.add("southern", "southerly", LinkFeatures.DIRECT | LinkFeatures.MOBY);
        g.forbid("southern", "northern");
        g.forbid("northern", "unheard-of");
        g.freeze();

        int northern = g.find("northern");
        int southern = g.find("southern");
        assertEquals(1, g.linksFrom(northern));
        assertEquals("northerly", g.term(g.original(northern, 0)));
        assertEquals(LinkFeatures.DIRECT | LinkFeatures.MOBY | LinkFeatures.WORDNET, g.flags(northern, 0));
        assertEquals(1, g.linksFrom(southern));
        assertEquals("southerly", g.term(g.original(southern, 0)));
        assertEquals(2, g.droppedLinks());
        assertTrue(g.forbidden(northern, southern) && g.forbidden(southern, northern));
        assertFalse(g.forbidden(northern, g.find("northerly")));
        assertEquals(-1, g.find("unheard-of"), "forbidding a pair does not add its words");
    }
}
