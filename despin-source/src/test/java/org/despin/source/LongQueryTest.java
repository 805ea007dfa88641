package org.despin.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A query with more fingerprints than one Lucene query may hold is sampled, then scored exactly. */
class LongQueryTest {
    @TempDir
    Path tmp;

    static String longText(int sentences, String noun) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            b.append("In ").append(1800 + i).append(" the ").append(noun).append(" of ").append(i % 17)
                    .append(" members met with the board for ").append(i * 7 % 31).append(" days. ");
        }
        return b.toString();
    }

    @Test
    void aVeryLongQueryStillFindsItsSourceWithAnExactScore() throws Exception {
        String source = longText(400, "committee");
        Path dir = tmp.resolve("index");
        try (SourceIndexWriter w = SourceIndexWriter.open(dir, Restorer.IDENTITY)) {
            w.add("long", source);
            w.add("other", longText(50, "council"));
        }
        TextProfile p = TextProfile.of(source, Restorer.IDENTITY);
        FingerprintSettings s = FingerprintSettings.DEFAULT;
        int prints = p.immutableShingles(s).length + p.restoredShingles(s).length;
        assertEquals(true, prints > 1024, "the query must exceed Lucene's clause limit: " + prints);
        try (SourceIndex index = SourceIndex.open(dir)) {
            List<SourceMatch> found = new SourceFinder(index, Restorer.IDENTITY).find(source, 2);
            assertEquals("long", found.get(0).id());
            assertEquals(1.0, found.get(0).score(), 0.0);
            assertEquals(1.0, found.get(0).overlapBefore(), 0.0);
            assertEquals(1.0, found.get(0).coverage(), 0.0);
        }
    }
}
