package org.despin.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.despin.DespinException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceIndexTest {
    static final String SOURCE = AlignerTest.SOURCE;
    static final String SPUN = AlignerTest.SPUN;
    static final Map<String, String> DOCS = Map.of(
            "un/council.txt", SOURCE,
            "un/geneva.txt", "The Security Council will meet on Friday in Geneva.",
            "news/talks.txt", "Officials in New York said the talks would resume on Tuesday.",
            "news/vote.txt", "The crisis deepened after the vote in the council.");
    static final Restorer FIXES_COUNCIL = new MapRestorer(Map.of("Protection", "Security"));

    @TempDir
    Path tmp;

    private Path corpus() throws IOException {
        Path dir = tmp.resolve("corpus");
        for (var e : DOCS.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    private Path buildIndex(Restorer restorer) throws Exception {
        Path index = tmp.resolve("index");
        try (SourceIndexWriter w = SourceIndexWriter.open(index, restorer)) {
            IndexingSummary summary = new SourceIndexer(w, SourceIndexer.Options.DEFAULT, IndexProgress.NONE)
                    .index(List.of(corpus()));
            assertEquals(4, summary.added());
            assertEquals(0, summary.skippedTotal());
            assertEquals(4, summary.indexSize());
        }
        return index;
    }

    @Test
    void findsTheSpunTextsSourceWithExactScoreAndOverlaps() throws Exception {
        try (SourceIndex index = SourceIndex.open(buildIndex(Restorer.IDENTITY))) {
            List<SourceMatch> found = new SourceFinder(index, Restorer.IDENTITY).find(SPUN, 3);
            SourceMatch best = found.get(0);
            assertEquals("un/council.txt", best.id());
            // immutable 5-grams: 3 of the query's 7 in the source; restored 3-grams: 6 of 12
            assertEquals(9.0 / 19, best.score(), 1e-12);
            assertEquals(6.0 / 12, best.overlapBefore(), 1e-12);
            assertEquals(6.0 / 12, best.overlapAfter(), 1e-12);
            assertEquals(11.0 / 14, best.coverage(), 1e-12);
            assertEquals(1, best.passages().size());
            assertTrue(found.get(1).score() < best.score());
        }
    }

    @Test
    void restorationRaisesTheOverlapAfter() throws Exception {
        try (SourceIndex index = SourceIndex.open(buildIndex(FIXES_COUNCIL))) {
            assertEquals("test-map", index.restorerName());
            SourceMatch best = new SourceFinder(index, FIXES_COUNCIL).find(SPUN, 1).get(0);
            assertEquals("un/council.txt", best.id());
            assertEquals(11.0 / 19, best.score(), 1e-12);
            assertEquals(6.0 / 12, best.overlapBefore(), 1e-12);
            assertEquals(8.0 / 12, best.overlapAfter(), 1e-12);
        }
    }

    @Test
    void jsonOutputMatchesTheGoldenFile() throws Exception {
        try (SourceIndex index = SourceIndex.open(buildIndex(Restorer.IDENTITY))) {
            List<SourceMatch> found = new SourceFinder(index, Restorer.IDENTITY).find(SPUN, 2);
            String golden = new String(getClass().getResourceAsStream("/sources-golden.json").readAllBytes(),
                    StandardCharsets.UTF_8).strip();
            assertEquals(golden, SourcesJson.render(found));
        }
    }

    @Test
    void addingIsIncrementalAndTheSameIdReplaces() throws Exception {
        Path index = buildIndex(Restorer.IDENTITY);
        try (SourceIndexWriter w = SourceIndexWriter.open(index, Restorer.IDENTITY)) {
            w.add("news/vote.txt", "The vote was postponed until March.");
            w.add("extra.txt", "A fifth document about something else entirely.");
        }
        try (SourceIndex opened = SourceIndex.open(index)) {
            assertEquals(5, opened.size());
            assertEquals("The vote was postponed until March.", opened.get("news/vote.txt").text());
            assertEquals(SOURCE, opened.get("un/council.txt").text());
            assertEquals("un/council.txt", new SourceFinder(opened, Restorer.IDENTITY).find(SPUN, 1).get(0).id());
        }
    }

    @Test
    void addingWithAnotherRestorerIsRefused() throws Exception {
        Path index = buildIndex(Restorer.IDENTITY);
        DespinException e = assertThrows(DespinException.class, () -> SourceIndexWriter.open(index, FIXES_COUNCIL));
        assertEquals("source index " + index + " was built with the 'identity' restorer, not 'test-map': add to it"
                + " the same way it was built, or build a new index", e.getMessage());
    }

    @Test
    void aMissingFolderSaysSo() {
        Path missing = tmp.resolve("nothing-here");
        DespinException e = assertThrows(DespinException.class, () -> SourceIndex.open(missing));
        assertEquals(DespinException.Kind.MODEL, e.kind());
        assertEquals("no source index at " + missing + " (no such folder): build one with 'despin index PATH... --out "
                + missing + "'", e.getMessage());
    }

    @Test
    void aFolderWithoutAnIndexSaysSo() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        DespinException e = assertThrows(DespinException.class, () -> SourceIndex.open(empty));
        assertEquals("no source index in " + empty + " (the folder holds no index files): build one with"
                + " 'despin index PATH... --out " + empty + "'", e.getMessage());
    }

    @Test
    void anIndexWithoutDocumentsSaysSo() throws Exception {
        Path index = tmp.resolve("index");
        SourceIndexWriter.open(index, Restorer.IDENTITY).close();
        DespinException e = assertThrows(DespinException.class, () -> SourceIndex.open(index));
        assertEquals("source index " + index + " is empty: add documents with 'despin index PATH... --out " + index
                + "'", e.getMessage());
    }

    @Test
    void anotherFormatVersionIsRefusedWithWhatToDo() throws Exception {
        Path index = tmp.resolve("old");
        writeLuceneIndex(index, Map.of(SourceIndex.FORMAT_KEY, "0"));
        DespinException e = assertThrows(DespinException.class, () -> SourceIndex.open(index));
        assertEquals(DespinException.Kind.MODEL, e.kind());
        assertEquals("source index " + index + " has format version 0, this despin reads version 1: rebuild it with"
                + " 'despin index PATH... --out NEW_DIR' (or use the despin that built it)", e.getMessage());
        assertThrows(DespinException.class, () -> SourceIndexWriter.open(index, Restorer.IDENTITY));
    }

    @Test
    void aForeignLuceneIndexIsRefused() throws Exception {
        Path index = tmp.resolve("foreign");
        writeLuceneIndex(index, Map.of());
        DespinException e = assertThrows(DespinException.class, () -> SourceIndex.open(index));
        assertTrue(e.getMessage().startsWith(index + " holds a Lucene index that despin did not write"), e.getMessage());
    }

    private static void writeLuceneIndex(Path dir, Map<String, String> userData) throws IOException {
        try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
            Document doc = new Document();
            doc.add(new StringField("id", "x", StringField.Store.YES));
            w.addDocument(doc);
            w.setLiveCommitData(userData.entrySet());
            w.commit();
        }
    }

    @Test
    void unusableInputsAreSkippedAndCounted() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("mixed"));
        Files.writeString(dir.resolve("good.txt"), "A perfectly good document.", StandardCharsets.UTF_8);
        Files.write(dir.resolve("binary.txt"), new byte[] {'a', 0, 'b'});
        Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xe9});
        Files.writeString(dir.resolve("blank.txt"), " \n ", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("notes.md"), "not indexed", StandardCharsets.UTF_8);
        byte[] jsonl = ("{\"id\": \"j1\", \"text\": \"First line document.\"}\n"
                + "not json\n"
                + "{\"id\": \"j3\"}\n"
                + "\n"
                + "{\"id\": 4, \"text\": \"Fourth line document.\"}\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] badLine = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xff, '"', '}', '\n'};
        byte[] all = new byte[jsonl.length + badLine.length];
        System.arraycopy(jsonl, 0, all, 0, jsonl.length);
        System.arraycopy(badLine, 0, all, jsonl.length, badLine.length);
        Files.write(dir.resolve("docs.jsonl"), all);
        Path index = tmp.resolve("index");
        long[] lastProgress = new long[3];
        IndexingSummary s;
        try (SourceIndexWriter w = SourceIndexWriter.open(index, Restorer.IDENTITY)) {
            s = new SourceIndexer(w, SourceIndexer.Options.DEFAULT, (done, total, docs) -> {
                lastProgress[0] = done;
                lastProgress[1] = total;
                lastProgress[2] = docs;
            }).index(List.of(dir));
        }
        assertEquals(3, s.added());
        assertEquals(Map.of(SkipReason.BINARY, 1L, SkipReason.INVALID_UTF8, 2L, SkipReason.EMPTY, 1L,
                SkipReason.NOT_TEXT_FILE, 1L, SkipReason.INVALID_JSON, 1L, SkipReason.MISSING_FIELD, 1L), s.skipped());
        assertEquals(7, s.skippedTotal());
        assertTrue(s.examples().contains(dir.resolve("docs.jsonl") + ":2: invalid JSON"), s.examples().toString());
        assertEquals(lastProgress[1], lastProgress[0]);
        assertEquals(3, lastProgress[2]);
        try (SourceIndex opened = SourceIndex.open(index)) {
            assertEquals("Fourth line document.", opened.get("4").text());
            assertEquals("A perfectly good document.", opened.get("good.txt").text());
        }
    }

    @Test
    void aMissingInputAbortsTheRun() throws Exception {
        Path index = tmp.resolve("index");
        try (SourceIndexWriter w = SourceIndexWriter.open(index, Restorer.IDENTITY)) {
            DespinException e = assertThrows(DespinException.class,
                    () -> new SourceIndexer(w, SourceIndexer.Options.DEFAULT, IndexProgress.NONE)
                            .index(List.of(tmp.resolve("nope"))));
            assertEquals(DespinException.Kind.INPUT, e.kind());
        }
    }
}
