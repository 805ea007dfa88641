package org.despin.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.despin.DespinException;
import org.despin.detect.DetectorSettings;
import org.despin.lexicon.LexiconData;
import org.despin.lexicon.LexiconFormat;
import org.despin.lexicon.NameFormat;
import org.despin.lexicon.TitleCaseNames;
import org.despin.lexicon.TitleCasePairs;
import org.despin.model.DataFormatException;
import org.despin.model.Model;
import org.despin.model.Models;
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

    /** The title-case pairs of TEXT: "The Security Council met" once, "in New York" twice (sentence starts never count). */
    private static final Map<String, Integer> TEXT_NAMES = Map.of("new york", 2, "security council", 1);

    @Test
    void writesTheTitleCasePairsOfTheTrainingTextAsTheNamesSection() throws Exception {
        Path in = corpus();
        new LmTrainer(LmTrainer.Options.defaults().withOrder(3)).train(List.of(in), dir.resolve("n.model"),
                LmTrainer.Progress.NONE);
        ModelFile m = ModelFile.open(dir.resolve("n.model"));
        assertEquals(List.of("lm", "names"), m.sectionNames());
        assertEquals(new TreeMap<>(TEXT_NAMES), NameFormat.readCounts(m.section("names"), "n.model"));
        // the same counter as the default model's build, over the same text
        TitleCasePairs direct = new TitleCasePairs();
        direct.add(TEXT);
        assertEquals(direct.counts(), NameFormat.readCounts(m.section("names"), "n.model"));
        Map<String, String> meta = m.info().metadata();
        assertEquals("the training text (1 file): title-case word pairs inside sentences", meta.get("names.inputs"));
        assertEquals("1", meta.get("names.format"));
        assertEquals("2", meta.get("names.count"));
        assertEquals("1", meta.get("names.twiceOrMore"));
        assertEquals("2", meta.get("names.own.count"));
        assertFalse(meta.containsKey("names.base.count"));
    }

    @Test
    void jsonlTextsAreCountedAsDocuments() throws Exception {
        Path in = dir.resolve("d.jsonl");
        Files.writeString(in, "{\"text\": \"Talks at the United Nations ended. The United Nations said so.\"}\n"
                + "{\"text\": \"United Nations talks\"}\n{\"id\": 1}\n", StandardCharsets.UTF_8);
        new LmTrainer(LmTrainer.Options.defaults().withOrder(2)).train(List.of(in), dir.resolve("j.model"),
                LmTrainer.Progress.NONE);
        // "The United Nations": after the sentence start; "United Nations talks" starts its document: not counted
        assertEquals(new TreeMap<>(Map.of("united nations", 2)),
                NameFormat.readCounts(ModelFile.open(dir.resolve("j.model")).section("names"), "j.model"));
    }

    @Test
    void lowerCaseTextHasNoNamesSection() throws Exception {
        Path in = dir.resolve("lower.txt");
        Files.writeString(in, TEXT.toLowerCase(java.util.Locale.ROOT), StandardCharsets.UTF_8);
        new LmTrainer(LmTrainer.Options.defaults().withOrder(2)).train(List.of(in), dir.resolve("l.model"),
                LmTrainer.Progress.NONE);
        ModelFile m = ModelFile.open(dir.resolve("l.model"));
        // no case data: read as a model without names, not as one whose list holds no name
        assertEquals(List.of("lm"), m.sectionNames());
        assertFalse(m.info().metadata().containsKey("names.count"));
        assertSame(TitleCaseNames.UNKNOWN, NameFormat.read(m));
    }

    private Path baseModel(Map<String, Integer> names) throws Exception {
        Path base = dir.resolve("base.model");
        KneserNeyEstimator kn = new KneserNeyEstimator(3);
        LmTestSupport.smallCorpus().forEach(kn::addSentence);
        try (ModelFile.Writer w = new ModelFile.Writer(base)) {
            w.section(LmFormat.SECTION, LmFormat.section(kn.estimate()));
            w.section(LexiconFormat.SECTION, LexiconFormat.section(new LexiconData.Builder().build()));
            if (names != null) {
                w.section(NameFormat.SECTION, NameFormat.section(new TreeMap<>(names)));
            }
            w.finish(Map.of("lexicon.source", "test", "names.count", "17"));
        }
        return base;
    }

    @Test
    void mixesWithABaseModelCopiesItsOtherSectionsAndJoinsItsNamesWithTheText() throws Exception {
        Path in = corpus();
        Path base = baseModel(Map.of("new york", 5, "united nations", 3));
        new LmTrainer(LmTrainer.Options.defaults().withOrder(3).withBaseModel(base, 0.5)).train(List.of(in),
                dir.resolve("mixed.model"), LmTrainer.Progress.NONE);
        ModelFile m = ModelFile.open(dir.resolve("mixed.model"));
        assertEquals(List.of("lm", "lexicon", "names"), m.sectionNames());
        assertEquals(ModelFile.open(base).section("lexicon"), m.section("lexicon"));
        assertEquals("test", m.info().metadata().get("lexicon.source"));
        // the union, counts added: the base's names alone would block restorations to the text's names
        assertEquals(new TreeMap<>(Map.of("new york", 7, "security council", 1, "united nations", 3)),
                NameFormat.readCounts(m.section("names"), "mixed.model"));
        Map<String, String> meta = m.info().metadata();
        assertEquals("the training text (1 file): title-case word pairs inside sentences; with the names of the base"
                + " model base.model added", meta.get("names.inputs"));
        assertEquals("3", meta.get("names.count")); // not the base's 17
        assertEquals("2", meta.get("names.twiceOrMore"));
        assertEquals("2", meta.get("names.own.count"));
        assertEquals("2", meta.get("names.base.count"));
        TrieLanguageModel lm = LmFormat.read(m);
        // words of both corpora are in the mixture's vocabulary
        assertTrue(lm.vocabulary().id("agreed") > 2);
        assertTrue(lm.vocabulary().id("york") > 2);

        // the trained model loads with its names: the detector decides with case data
        Model model = Models.load(dir.resolve("mixed.model"));
        assertTrue(model.names().isKnown());
        assertEquals(3, model.names().size());
        assertTrue(model.names().writtenAsName("Security", "Council"));
        assertTrue(model.names().writtenAsName("United", "Nations"));
        assertFalse(model.names().writtenAsName("Told", "Reporters"));
        assertSame(DetectorSettings.DEFAULTS_WITH_NAMES, DetectorSettings.defaultsFor(model));
    }

    @Test
    void aBaseModelWithoutNamesGivesTheTextsNames() throws Exception {
        Path in = corpus();
        Path base = baseModel(null);
        new LmTrainer(LmTrainer.Options.defaults().withOrder(3).withBaseModel(base, 0)).train(List.of(in),
                dir.resolve("nobase.model"), LmTrainer.Progress.NONE);
        ModelFile m = ModelFile.open(dir.resolve("nobase.model"));
        assertEquals(List.of("lm", "lexicon", "names"), m.sectionNames());
        assertEquals(new TreeMap<>(TEXT_NAMES), NameFormat.readCounts(m.section("names"), "nobase.model"));
        assertEquals("2", m.info().metadata().get("names.count"));
        assertFalse(m.info().metadata().containsKey("names.base.count"));
    }

    @Test
    void aCountBeyondNineDigitsIsWrittenAsTheLargestTheSectionHolds() throws Exception {
        Path in = corpus();
        Path base = baseModel(Map.of("new york", NameFormat.MAX_COUNT));
        new LmTrainer(LmTrainer.Options.defaults().withOrder(2).withBaseModel(base, 0)).train(List.of(in),
                dir.resolve("big.model"), LmTrainer.Progress.NONE);
        // 999,999,999 + 2 would be a ten-digit count the section cannot hold: capped, and the model reads back
        assertEquals(new TreeMap<>(Map.of("new york", 999_999_999, "security council", 1)),
                NameFormat.readCounts(ModelFile.open(dir.resolve("big.model")).section("names"), "big.model"));
    }

    @Test
    void aCorruptBaseNamesSectionIsReportedWithItsLine() throws Exception {
        Path in = corpus();
        Path base = dir.resolve("bad.model");
        KneserNeyEstimator kn = new KneserNeyEstimator(2);
        LmTestSupport.smallCorpus().forEach(kn::addSentence);
        try (ModelFile.Writer w = new ModelFile.Writer(base)) {
            w.section(LmFormat.SECTION, LmFormat.section(kn.estimate()));
            w.section("names", out -> out.writeUtf8("the base's names\n"));
            w.finish(Map.of());
        }
        DataFormatException e = assertThrows(DataFormatException.class, () -> new LmTrainer(LmTrainer.Options.defaults()
                .withOrder(2).withBaseModel(base, 0.5)).train(List.of(in), dir.resolve("x.model"), LmTrainer.Progress.NONE));
        assertTrue(e.getMessage().contains("section 'names'") && e.getMessage().contains("not a names section"),
                e.getMessage());
    }
}
