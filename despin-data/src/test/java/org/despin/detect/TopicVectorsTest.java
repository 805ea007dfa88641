package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.despin.text.Document;
import org.junit.jupiter.api.Test;

/** The topic study's co-occurrence vectors (docs/detector.md, branch `topic`). */
class TopicVectorsTest {
    /** Six war documents and six kitchen documents, each word five times or more. */
    private static List<List<String>> corpus() {
        List<List<String>> docs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            docs.add(TopicVectors.contentWords("The army signed a treaty after the war. Peace came to the army, and the war ended."));
            docs.add(TopicVectors.contentWords("She put butter and cheese on the bread. The bread, the cheese and the milk were fresh."));
        }
        return docs;
    }

    private static double cos(float[] a, float[] b) {
        double dot = 0;
        for (int k = 0; k < a.length; k++) {
            dot += a[k] * b[k];
        }
        return dot;
    }

    @Test
    void contentWordsAreStemsWithoutFunctionWords() {
        assertEquals(List.of("council", "met", "councils"), List.of(
                TopicVectors.key("councils"), TopicVectors.key("met"), "councils"));
        assertEquals(List.of("security", "council", "met", "council"),
                TopicVectors.contentWords("The Security Council met; the councils"));
        assertNull(TopicVectors.key("the"));
        assertNull(TopicVectors.key("3d"));
    }

    @Test
    void indexVectorsAreFixedSparseAndSigned() {
        int[] a = TopicVectors.indexVector("treaty");
        assertArrayEquals(a, TopicVectors.indexVector("treaty"));
        assertEquals(TopicVectors.NONZERO, a.length);
        assertEquals(TopicVectors.NONZERO, Arrays.stream(a).map(e -> e >> 1).distinct().count());
        assertTrue(Arrays.stream(a).allMatch(e -> e >> 1 < TopicVectors.DIM));
        assertTrue(!Arrays.equals(a, TopicVectors.indexVector("bread")));
    }

    @Test
    void wordsOfOneTopicAreCloserAndTheBuildIsDeterministic() {
        TopicVectors v = TopicVectors.build(corpus());
        assertEquals(13, v.size()); // army signed treaty war peace came ended / put butter cheese bread milk fresh
        float[] treaty = v.vector("treaty");
        assertNotNull(treaty);
        assertEquals(1.0, cos(treaty, treaty), 1e-5);
        assertTrue(cos(treaty, v.vector("army")) > cos(treaty, v.vector("bread")) + 0.3);
        assertArrayEquals(treaty, TopicVectors.build(corpus()).vector("treaty"));
        assertNull(v.vector("unicorn"));
    }

    @Test
    void aDocumentsTopicFitLeavesTheSpanOut() {
        TopicVectors v = TopicVectors.build(corpus());
        Document doc = Document.parse("The army and the war, then a treaty");
        TopicVectors.Doc topic = v.doc(doc);
        int treaty = doc.tokens().size() - 1;
        double peace = topic.fit("peace", treaty, treaty + 1);
        double bread = topic.fit("bread", treaty, treaty + 1);
        assertTrue(peace > bread + 0.3, peace + " " + bread);
        assertTrue(Double.isNaN(topic.fit("the unicorn", treaty, treaty + 1)));
        // the span's own word is left out of the centroid: "treaty" fits less in its own place than with itself counted
        double own = topic.fit("treaty", treaty, treaty + 1);
        double counted = topic.fit("treaty", 0, 0);
        assertTrue(counted > own, counted + " " + own);
    }
}
