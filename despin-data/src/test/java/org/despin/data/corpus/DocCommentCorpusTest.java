package org.despin.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocCommentCorpusTest {
    @Test
    void sentencesAreCutWhereCodeWasAndShortPiecesDropped() {
        List<List<String>> byProject = List.of(
                List.of("Returns the weighted mean of the samples ; with weights ; as given.",
                        "Fits a random forest to the training data."),
                List.of("Computes the unit root test statistic ; ."));
        List<CorpusDocument> docs = DocCommentCorpus.documents(byProject);
        assertEquals(List.of(
                new CorpusDocument("doc-comments", "p00-000",
                        "Returns the weighted mean of the samples\n\nFits a random forest to the training data.\n"),
                new CorpusDocument("doc-comments", "p01-000", "Computes the unit root test statistic\n")), docs);
    }

    @Test
    void piecesComeInDocumentsOfFiveHundred() {
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            sentences.add("The estimator number " + i + " converges.");
        }
        List<CorpusDocument> docs = DocCommentCorpus.documents(List.of(sentences));
        assertEquals(List.of("p00-000", "p00-001", "p00-002"), docs.stream().map(CorpusDocument::id).toList());
        assertEquals(500, docs.get(0).text().split("\n\n").length);
        assertEquals("The estimator number 1000 converges.\n", docs.get(2).text());
    }
}
