package org.despin.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import org.despin.data.DataPaths;
import org.junit.jupiter.api.Test;

class SotuCorpusTest {
    @Test
    void oneDocumentPerAddressWithAStableHeldOutSplit() throws Exception {
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        assumeTrue(Files.isDirectory(paths.cache().resolve("npm").resolve(DataPaths.SOTU)), "run scripts/fetch-data");
        List<CorpusDocument> docs = SotuCorpus.from(paths).read();
        assertEquals(233, docs.size());
        assertEquals("1790_george_washington_n.txt", docs.get(0).id());
        assertTrue(docs.get(0).text().startsWith("Fellow-Citizens of the Senate and House of Representatives: In meeting"));
        assertEquals(EXPECTED_HELD_OUT, docs.stream().filter(CorpusDocument::heldOut).count());
    }

    private static final long EXPECTED_HELD_OUT = 27;
}
