package org.despin.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultCorporaTest {
    /** Fifty documents named doc-00 ... doc-49. */
    private static final Corpus FIFTY = new Corpus() {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public List<CorpusDocument> read() {
            List<CorpusDocument> docs = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                docs.add(new CorpusDocument("test", String.format("doc-%02d", i), "text " + i));
            }
            return docs;
        }

        @Override
        public Provenance provenance() {
            return new Provenance("test", "0".repeat(64));
        }
    };

    @Test
    void trainingAndHeldOutSplitTheCorpusByTheFixedHash() throws Exception {
        // CRC-32 of "test/doc-NN" modulo 10 is 0 for exactly these three ids
        assertEquals(List.of("doc-24", "doc-38", "doc-47"), DefaultCorpora.heldOut(FIFTY).stream().map(CorpusDocument::id).toList());
        List<CorpusDocument> training = DefaultCorpora.training(FIFTY);
        assertEquals(47, training.size());
        assertEquals(0, training.stream().filter(CorpusDocument::heldOut).count());
    }
}
