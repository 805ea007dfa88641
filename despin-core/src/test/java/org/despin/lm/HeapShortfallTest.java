package org.despin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A model whose n-gram entries (copied to the heap at load) do not fit is refused with what to do. */
class HeapShortfallTest {
    private static final long MB = 1 << 20;

    @Test
    void fitsWhenTheEntriesAreAtMostWhatIsLeft() {
        assertNull(TrieLanguageModel.heapShortfall(60 * MB, 60 * MB, 4096 * MB));
        assertNull(TrieLanguageModel.heapShortfall(0, 0, 64 * MB));
    }

    @Test
    void saysWhatItNeedsWhatIsLeftAndWhatToSet() {
        assertEquals("the language model's n-grams need 60 MB of heap and the JVM has 38 MB left of 46 MB: give it more "
                + "(java -Xmx, or DESPIN_JAVA_OPTS=-Xmx1024m for ./despin)",
                TrieLanguageModel.heapShortfall(60 * MB, 38 * MB, 46 * MB));
        assertEquals("the language model's n-grams need 3000 MB of heap and the JVM has 2000 MB left of 4096 MB: give it "
                + "more (java -Xmx, or DESPIN_JAVA_OPTS=-Xmx6512m for ./despin)",
                TrieLanguageModel.heapShortfall(3000 * MB, 2000 * MB, 4096 * MB));
    }
}
