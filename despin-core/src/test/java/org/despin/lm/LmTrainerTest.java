package org.despin.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.despin.DespinException;
import org.despin.lm.build.KneserNeyEstimator;
import org.despin.model.ModelFile;
import org.despin.text.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmTrainerTest {
    @TempDir
    Path dir;

    private static final String TEXT = "The Security Council met on Monday. It told reporters that the meeting was over.\n"
            + "Officials told reporters on Monday that the council had met!\n\n"
            + "The meeting in New York was over on Monday; reporters asked the council about it.\n"
            + "The security council asked for a new meeting in New York. Officials agreed.\n";

    private Path corpus() throws Exception {
        Path p = dir.resolve("corpus.txt");
        Files.writeString(p, TEXT, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void spilledChunksGiveTheSameModelBytesAsOneChunk() throws Exception {
        Path in = corpus();
        LmTrainer.Options o = LmTrainer.Options.defaults().withOrder(4).withTempDir(dir.resolve("tmp"));
        TrainingReport one = new LmTrainer(o).train(List.of(in), dir.resolve("one.model"), LmTrainer.Progress.NONE);
        TrainingReport many = new LmTrainer(o.withMemoryBudget(1)).train(List.of(in), dir.resolve("many.model"),
                LmTrainer.Progress.NONE);
        assertEquals(0, one.chunksSpilled());
        assertTrue(many.chunksSpilled() > 3, "chunks: " + many.chunksSpilled());
        assertArrayEquals(Files.readAllBytes(dir.resolve("one.model")), Files.readAllBytes(dir.resolve("many.model")));
        assertArrayEquals(one.ngramCounts(), many.ngramCounts());
        assertEquals(6, one.sentences());
        // the temporary chunk files are gone
        try (var s = Files.list(dir.resolve("tmp"))) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void trainsTheSameModelAsTheInMemoryEstimator() throws Exception {
        Path in = corpus();
        new LmTrainer(LmTrainer.Options.defaults().withOrder(3).withMemoryBudget(1)).train(List.of(in),
                dir.resolve("t.model"), LmTrainer.Progress.NONE);
        KneserNeyEstimator kn = new KneserNeyEstimator(3);
        LmText.sentenceWords(Document.parse(TEXT.substring(0, TEXT.indexOf("\n\n")))).forEach(kn::addSentence);
        LmText.sentenceWords(Document.parse(TEXT.substring(TEXT.indexOf("\n\n") + 2))).forEach(kn::addSentence);
        try (ModelFile.Writer w = new ModelFile.Writer(dir.resolve("e.model"))) {
            w.section(LmFormat.SECTION, LmFormat.section(kn.estimate()));
            w.finish(Map.of());
        }
        ModelFile trained = ModelFile.open(dir.resolve("t.model"));
        ModelFile expected = ModelFile.open(dir.resolve("e.model"));
        assertEquals(expected.section("lm"), trained.section("lm"));
        assertEquals("3", trained.info().metadata().get("lm.order"));
        assertEquals(in.toString(), trained.info().metadata().get("lm.input.0"));
        assertEquals(64, trained.info().metadata().get("lm.input.0.sha256").length());
    }

    @Test
    void skipsBinaryAndInvalidUtf8FilesWithReasons() throws Exception {
        Path good = corpus();
        Path binary = dir.resolve("image.bin");
        Files.write(binary, new byte[] {'P', 'N', 'G', 0, 1, 2, 3});
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, "caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1));
        Path missing = dir.resolve("missing.txt");
        List<long[]> progress = new ArrayList<>();
        TrainingReport r = new LmTrainer(LmTrainer.Options.defaults().withOrder(3)).train(
                List.of(binary, good, latin1, missing), dir.resolve("m.model"), (read, total) -> progress.add(new long[] {read, total}));
        assertEquals(List.of(good), r.filesRead());
        assertEquals(3, r.skipped().size());
        assertTrue(r.skipped().get(0).reason().startsWith("binary file"), r.skipped().get(0).reason());
        assertTrue(r.skipped().get(1).reason().startsWith("not valid UTF-8"), r.skipped().get(1).reason());
        assertEquals("no such file", r.skipped().get(2).reason());
        long total = Files.size(good) + Files.size(binary) + Files.size(latin1);
        assertArrayEquals(new long[] {total, total}, progress.get(progress.size() - 1));
    }

    @Test
    void failsWhenNoInputIsUsable() throws Exception {
        Path binary = dir.resolve("x.bin");
        Files.write(binary, new byte[] {0, 0, 0});
        DespinException e = assertThrows(DespinException.class, () -> new LmTrainer(LmTrainer.Options.defaults())
                .train(List.of(binary), dir.resolve("m.model"), LmTrainer.Progress.NONE));
        assertTrue(e.getMessage().contains("binary file"), e.getMessage());
    }

    @Test
    void readsTheConfiguredJsonlField() throws Exception {
        Path in = dir.resolve("news.jsonl");
        Files.writeString(in, "{\"id\": 1, \"body\": \"The council met.\", \"meta\": {\"body\": \"no\"}}\n"
                + "not json\n"
                + "{\"id\": 2, \"body\": \"The council \\\"met\\\" again.\"}\n"
                + "{\"id\": 3}\n", StandardCharsets.UTF_8);
        TrainingReport r = new LmTrainer(LmTrainer.Options.defaults().withOrder(2).withJsonField("body")).train(
                List.of(in), dir.resolve("j.model"), LmTrainer.Progress.NONE);
        assertEquals(2, r.sentences());
        assertEquals(7, r.words());
        assertEquals(2, r.badJsonLines());
        TrieLanguageModel lm = LmFormat.read(ModelFile.open(dir.resolve("j.model")));
        assertTrue(lm.vocabulary().id("again") > 2);
        assertEquals(Vocabulary.UNKNOWN, lm.vocabulary().id("no"));
    }

    @Test
    void mixesWithABaseModelAndCopiesItsOtherSectionsButNotItsNames() throws Exception {
        Path in = corpus();
        Path base = dir.resolve("base.model");
        KneserNeyEstimator kn = new KneserNeyEstimator(3);
        LmTestSupport.smallCorpus().forEach(kn::addSentence);
        try (ModelFile.Writer w = new ModelFile.Writer(base)) {
            w.section(LmFormat.SECTION, LmFormat.section(kn.estimate()));
            w.section("lexicon", out -> out.writeUtf8("a lexicon"));
            w.section("names", out -> out.writeUtf8("the base's names"));
            w.finish(Map.of("lexicon.source", "test", "names.count", "1"));
        }
        new LmTrainer(LmTrainer.Options.defaults().withOrder(3).withBaseModel(base, 0.5)).train(List.of(in),
                dir.resolve("mixed.model"), LmTrainer.Progress.NONE);
        ModelFile m = ModelFile.open(dir.resolve("mixed.model"));
        // the base's names describe its own training text: the trained model has none (read without case data)
        assertEquals(List.of("lm", "lexicon"), m.sectionNames());
        assertEquals(ModelFile.open(base).section("lexicon"), m.section("lexicon"));
        assertEquals("test", m.info().metadata().get("lexicon.source"));
        assertFalse(m.info().metadata().containsKey("names.count"));
        TrieLanguageModel lm = LmFormat.read(m);
        // words of both corpora are in the mixture's vocabulary
        assertTrue(lm.vocabulary().id("agreed") > 2);
        assertTrue(lm.vocabulary().id("york") > 2);
    }
}
