package org.despin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.despin.cli.input.TextSource;
import org.despin.detect.CheckOptions;
import org.despin.detect.Finding;
import org.despin.detect.Report;
import org.junit.jupiter.api.Test;

/** A long text checked in chunks gives the findings (offsets into the whole text) of the text checked whole. */
class ChunkedCheckTest {
    static String longText(int paragraphs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < paragraphs; i++) {
            b.append("Paragraph ").append(i).append(": the Protection Council met. Officials advised reporters ")
                    .append(i % 3 == 0 ? "about counterfeit news" : "about the vote").append(".\n\n");
        }
        return b.toString();
    }

    @Test
    void chunkedFindingsEqualWholeFindings() throws IOException, org.despin.cli.input.InputException {
        String text = longText(2000); // > 150,000 characters; more findings than are kept in memory
        Report whole = new FakeChecker().check(text, CheckOptions.DEFAULTS);
        DocumentChecker checker = new DocumentChecker(new FakeChecker(), 4096);
        try (TextSource source = TextSource.ofString("long.txt", text);
                CheckedDocument d = checker.check(source, CheckOptions.DEFAULTS)) {
            List<Finding> chunked = new ArrayList<>();
            for (Iterator<Finding> it = d.findings(); it.hasNext();) {
                chunked.add(it.next());
            }
            assertEquals(whole.findings().size(), d.findingCount());
            assertEquals(true, whole.findings().size() > FindingStore.IN_MEMORY, "the store must spill in this test");
            assertEquals(whole.findings(), chunked);
            assertEquals(whole.tokens(), d.tokens());
            assertEquals(whole.verdict(), d.verdict());
            StringWriter restored = new StringWriter();
            d.openRestored().transferTo(restored);
            assertEquals(whole.restored(), restored.toString());
        }
    }
}
