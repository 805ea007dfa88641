package org.despin.data.sphinx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.despin.model.DataFormatException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SphinxTrieModelTest {
    private static SphinxTrieModel model;

    @BeforeAll
    static void load() throws Exception {
        model = SphinxTrieModel.loadEnUs();
    }

    @Test
    void countsPerOrder() {
        assertEquals(3, model.order());
        assertEquals(72_547, model.declaredCount(1));
        assertEquals(2_051_547, model.declaredCount(2));
        assertEquals(1_669_625, model.declaredCount(3));
        // the trie holds six bigrams fewer than its header declares
        assertEquals(72_547, model.count(1));
        assertEquals(2_051_541, model.count(2));
        assertEquals(1_669_625, model.count(3));
        long[] visited = new long[4];
        for (int n = 1; n <= 3; n++) {
            int order = n;
            model.forEach(n, (w, p, b) -> visited[order]++);
            assertEquals(model.count(n), visited[n]);
        }
    }

    @Test
    void exactProbabilitiesReadFromTheFile() {
        // values looked up in the binary file by an independent script (16-bit bins, base 1.0001)
        assertEquals(-1.71549, model.storedLog10Prob("security", "council"), 1e-4);
        assertEquals(-0.02126, model.storedLog10Backoff("security", "council"), 1e-4);
        assertEquals(-99.0, model.storedLog10Prob("<s>"), 1e-3);
        assertEquals(-1.12605, model.storedLog10Prob("</s>"), 1e-4);
        assertTrue(Float.isNaN(model.storedLog10Prob("protection", "council", "said")));
        assertTrue(Float.isNaN(model.storedLog10Prob("no-such-word")));
        assertEquals(-1.20465, model.storedLog10Prob("the", "security", "council"), 1e-4);
        assertEquals(-4.91766, backedOff("protection", "council"), 1e-4);
        // spun vs original: orders of magnitude apart
        assertTrue(model.storedLog10Prob("security", "council") - backedOff("protection", "council") > 2.0);
    }

    @Test
    void namesOfTheSentenceMarkers() {
        List<String> vocabulary = model.vocabulary();
        assertTrue(vocabulary.contains("<s>"));
        assertTrue(vocabulary.contains("</s>"));
        assertEquals("<unk>", SphinxTrieModel.wordName("<UNK>"));
        assertEquals("council", SphinxTrieModel.wordName("council"));
    }

    @Test
    void unigramsSumToOne() {
        double[] sum = new double[1];
        model.forEach(1, (w, p, b) -> sum[0] += Math.pow(10, p));
        assertEquals(1.0, sum[0], 1e-3);
    }

    @Test
    void eachContextsDistributionSumsToOne() {
        Map<String, Float> unigram = new HashMap<>();
        model.forEach(1, (w, p, b) -> unigram.put(w[0], p));
        for (String[] context : new String[][] {{"security"}, {"<s>"}, {"the"}, {"the", "security"}, {"<s>", "i"},
                {"told", "reporters"}}) {
            assertEquals(1.0, distributionSum(context, unigram), 0.02, Arrays.toString(context));
        }
    }

    @Test
    void refusesTruncatedAndForeignFiles() throws Exception {
        byte[] bytes = SphinxTrieModel.EN_US.readAllBytes();
        DataFormatException truncated = assertThrows(DataFormatException.class,
                () -> SphinxTrieModel.read(Arrays.copyOf(bytes, bytes.length / 2), "half.lm.bin"));
        assertEquals("half.lm.bin", truncated.file());
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        byte[] foreign = bytes.clone();
        foreign[0] = 'X';
        assertThrows(DataFormatException.class, () -> SphinxTrieModel.read(foreign, "foreign.bin"));
        assertThrows(DataFormatException.class, () -> SphinxTrieModel.read(new byte[3], "tiny.bin"));
    }

    /** log10 P(w | h) with back-off, from the stored entries only. */
    private static double backedOff(String... gram) {
        float p = model.storedLog10Prob(gram);
        if (!Float.isNaN(p)) {
            return p;
        }
        String[] context = Arrays.copyOf(gram, gram.length - 1);
        float bo = model.storedLog10Backoff(context);
        return (Float.isNaN(bo) ? 0 : bo) + backedOff(Arrays.copyOfRange(gram, 1, gram.length));
    }

    /** Sum over every word w except {@code <s>} of P(w | context), with ARPA back-off. */
    private static double distributionSum(String[] context, Map<String, Float> unigram) {
        double sum = 0;
        for (String w : unigram.keySet()) {
            if (w.equals("<s>")) {
                continue;
            }
            String[] gram = Arrays.copyOf(context, context.length + 1);
            gram[context.length] = w;
            sum += Math.pow(10, backedOff(gram));
        }
        return sum;
    }
}
