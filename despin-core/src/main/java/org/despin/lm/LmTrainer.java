package org.despin.lm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import org.despin.DespinException;
import org.despin.io.CountingInputStream;
import org.despin.lexicon.NameFormat;
import org.despin.lexicon.TitleCasePairs;
import org.despin.lm.build.BackoffSource;
import org.despin.lm.build.SortedNgramModel;
import org.despin.lm.build.StreamingBackoffMixer;
import org.despin.lm.build.StreamingKneserNeyEstimator;
import org.despin.model.ModelFile;
import org.despin.text.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an n-gram model ({@code despin train CORPUS... --out MODEL}) from plain-text or JSONL
 * files with bounded memory: n-grams are counted in chunks that fit {@link Options#memoryBudgetBytes},
 * spilled as sorted files to a temporary folder and merged on disk; the merged counts are smoothed
 * with interpolated modified Kneser-Ney by sorted passes over files in the same budget
 * ({@link StreamingKneserNeyEstimator}), and the trie is written from the sorted files
 * ({@link LmFormat#section(SortedNgramModel)}). Memory is the budget plus the vocabulary, whatever
 * the corpus size. Optionally the model is interpolated with the language model of a base model
 * (in memory: that path holds every n-gram of both).
 *
 * <p>While it reads the text the trainer also counts the word pairs it writes as names
 * ({@link TitleCasePairs}, the counter of the default model's build, over the same paragraphs and
 * JSONL texts the tokeniser reads) and writes them as the model's names section ({@link NameFormat}),
 * joined with the base model's names when it has some. These distinct pairs are held in memory
 * beside the vocabulary (a corpus's names, not its size, set how many there are).
 *
 * <pre>{@code
 * TrainingReport r = new LmTrainer(LmTrainer.Options.defaults().withOrder(4))
 *         .train(List.of(Path.of("news.jsonl")), Path.of("news.despin"), (read, total) -> bar.show(read, total));
 * }</pre>
 */
public final class LmTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(LmTrainer.class);
    /** Longest stretch of plain text tokenised at once when a file has no blank lines. */
    private static final int MAX_BLOCK = 1 << 20;
    /** The names section ({@link NameFormat}): written from the training text's pairs and the base model's. */
    private static final String NAMES = NameFormat.SECTION;

    private final Options options;

    public LmTrainer(Options options) {
        this.options = options;
    }

    /** Reports how far training has got; called from the training thread. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (read, total) -> { };

        /** @param bytesRead input bytes consumed so far  @param bytesTotal total input bytes */
        void update(long bytesRead, long bytesTotal);
    }

    /**
     * Training options.
     *
     * @param order n-gram order (>= 1)
     * @param jsonField the JSONL field holding the text (files ending .jsonl or .ndjson)
     * @param memoryBudgetBytes memory for n-gram counts before a sorted chunk is spilled to disk, and
     *                          for each sort buffer of the estimation
     * @param tempDir where chunk and estimation files go (null: the system temporary folder); they
     *                are deleted when training ends, whether it succeeded or not
     * @param baseModel a model file whose other sections (the lexicon, the terms) are copied into the output, whose
     *                  names are joined with the text's, and whose LM is mixed in when {@code baseWeight > 0} (null: none)
     * @param baseWeight weight of the base model's LM in the mixture (0: not mixed)
     */
    public record Options(int order, String jsonField, long memoryBudgetBytes, Path tempDir, Path baseModel,
            double baseWeight) {
        public Options {
            if (order < 1) {
                throw new IllegalArgumentException("order must be >= 1, got " + order);
            }
            if (baseWeight < 0 || baseWeight >= 1) {
                throw new IllegalArgumentException("base model weight must be in [0, 1), got " + baseWeight);
            }
            if (memoryBudgetBytes < 1) {
                throw new IllegalArgumentException("memory budget must be positive");
            }
        }

        public static Options defaults() {
            return new Options(4, "text", 512L << 20, null, null, 0);
        }

        public Options withOrder(int o) {
            return new Options(o, jsonField, memoryBudgetBytes, tempDir, baseModel, baseWeight);
        }

        public Options withJsonField(String f) {
            return new Options(order, f, memoryBudgetBytes, tempDir, baseModel, baseWeight);
        }

        public Options withMemoryBudget(long bytes) {
            return new Options(order, jsonField, bytes, tempDir, baseModel, baseWeight);
        }

        public Options withTempDir(Path dir) {
            return new Options(order, jsonField, memoryBudgetBytes, dir, baseModel, baseWeight);
        }

        public Options withBaseModel(Path model, double weight) {
            return new Options(order, jsonField, memoryBudgetBytes, tempDir, model, weight);
        }
    }

    /**
     * Trains on {@code inputs} and writes the model to {@code out}. Unreadable, binary or
     * non-UTF-8 files are skipped and listed in the report; if none is usable the run fails.
     */
    public TrainingReport train(List<Path> inputs, Path out, Progress progress) throws DespinException {
        long totalBytes = 0;
        for (Path p : inputs) {
            try {
                totalBytes += Files.isRegularFile(p) ? Files.size(p) : 0;
            } catch (IOException e) {
                // counted as skipped below
            }
        }
        final long total = totalBytes;
        MapVocabulary.Builder words = new MapVocabulary.Builder();
        List<UsedInput> used = new ArrayList<>();
        List<TrainingReport.Skipped> skipped = new ArrayList<>();
        Counts counts = new Counts();
        TitleCasePairs names = new TitleCasePairs();
        Path tmp = newTempDir();
        try {
            int chunks;
            StreamingKneserNeyEstimator kn;
            try (ChunkCounter counter = new ChunkCounter(options.order(), options.memoryBudgetBytes(), tmp)) {
                long done = 0;
                for (Path p : inputs) {
                    Inspection check = inspect(p);
                    if (check.problem() != null) {
                        skipped.add(new TrainingReport.Skipped(p, check.problem()));
                        LOG.warn("skipping {}: {}", p, check.problem());
                        done += check.size();
                        progress.update(done, total);
                        continue;
                    }
                    final long before = done;
                    long sentencesBefore = counts.sentences;
                    try {
                        read(p, words, counter, counts, names, read -> progress.update(before + read, total));
                    } catch (IOException | UncheckedIOException e) {
                        throw new DespinException(DespinException.Kind.INPUT, p + ": cannot read: " + e.getMessage(), e);
                    }
                    done += check.size();
                    progress.update(done, total);
                    if (counts.sentences == sentencesBefore) {
                        skipped.add(new TrainingReport.Skipped(p, noSentences(p)));
                        continue;
                    }
                    used.add(new UsedInput(p, check.size(), check.sha256()));
                }
                if (used.isEmpty()) {
                    throw noUsableText(skipped);
                }
                chunks = counter.chunksSpilled();
                // the seam: merged counts -> estimation on disk -> trie writer
                kn = new StreamingKneserNeyEstimator(options.order(), wordList(words.build()), tmp,
                        options.memoryBudgetBytes());
                try {
                    counter.merge(kn::addNgramCount);
                } catch (IOException | RuntimeException e) {
                    closeQuietly(kn); // its files are in a folder of its own inside tmp
                    throw e;
                }
            } catch (IOException e) {
                throw new DespinException(DespinException.Kind.OUTPUT, tmp + ": cannot write count chunks: " + e.getMessage(), e);
            }
            try (kn; SortedNgramModel estimate = kn.estimate()) {
                return writeModel(estimate, new Counted(used, skipped, counts.sentences, counts.words, counts.badLines, chunks,
                        names.counts()), out);
            } catch (IOException e) {
                throw new DespinException(DespinException.Kind.OUTPUT, tmp + ": cannot write the estimate's temporary files: "
                        + e.getMessage(), e);
            }
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static void closeQuietly(StreamingKneserNeyEstimator kn) {
        if (kn != null) {
            try {
                kn.close();
            } catch (IOException e) {
                LOG.warn("could not delete the estimator's temporary files: {}", e.getMessage());
            }
        }
    }

    private static List<String> wordList(MapVocabulary v) {
        List<String> list = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            list.add(v.word(i));
        }
        return list;
    }

    /** An input that gave sentences: its path as given, size and SHA-256 (the model's metadata names it). */
    public record UsedInput(Path file, long bytes, String sha256) {
    }

    /**
     * What counting saw, however it was done (here, or the Spark job): the inputs used, in input
     * order, and skipped; the sentences and words counted; JSONL lines without text; count chunks
     * spilled; the title-case pairs of the text ("first second" lower-case -> count, as
     * {@link TitleCasePairs#counts}).
     */
    public record Counted(List<UsedInput> used, List<TrainingReport.Skipped> skipped, long sentences, long words,
            long badLines, int chunks, SortedMap<String, Integer> names) {
    }

    /** Why a readable file gave no sentence (it is listed as skipped). */
    public String noSentences(Path p) {
        return isJsonl(p) ? "no line holds a JSON object with a string field '" + options.jsonField() + "'" : "no words";
    }

    /** The error when no input gave a sentence. */
    public static DespinException noUsableText(List<TrainingReport.Skipped> skipped) {
        return new DespinException(DespinException.Kind.INPUT, "no usable training text: "
                + (skipped.isEmpty() ? "no inputs" : skipped.get(0).file() + ": " + skipped.get(0).reason()));
    }

    /**
     * The last step of training, the same whoever counted (here, or the Spark job): mixes the
     * estimate with the base model if asked and writes the model file with its metadata. The
     * bytes depend only on the estimate (itself a function of the counts, whatever their order
     * and ids) and {@code counted}.
     */
    public TrainingReport writeModel(SortedNgramModel estimate, Counted counted, Path out) throws DespinException {
        Map<String, String> meta = new LinkedHashMap<>();
        List<Path> used = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < counted.used().size(); i++) {
            UsedInput u = counted.used().get(i);
            used.add(u.file());
            bytes += u.bytes();
            meta.put("lm.input." + i, u.file().toString());
            meta.put("lm.input." + i + ".bytes", Long.toString(u.bytes()));
            meta.put("lm.input." + i + ".sha256", u.sha256());
        }
        long[] ngrams = new long[estimate.order()];
        StringBuilder sizes = new StringBuilder();
        for (int n = 1; n <= estimate.order(); n++) {
            ngrams[n - 1] = estimate.count(n);
        }
        ModelFile base = options.baseModel() == null ? null : ModelFile.open(options.baseModel());
        SortedNgramModel mixed = null;
        try {
            // both the estimate and its mixture with the base model stay on disk (bounded memory)
            SortedNgramModel model = estimate;
            if (base != null && options.baseWeight() > 0) {
                TrieLanguageModel baseLm = LmFormat.read(base);
                mixed = StreamingBackoffMixer.mix(estimate, baseLm, 1 - options.baseWeight(), options.tempDir(),
                        options.memoryBudgetBytes());
                model = mixed;
            }
            ModelFile.SectionBody lm = LmFormat.section(model);
            for (int n = 1; n <= model.order(); n++) {
                sizes.append(n == 1 ? "" : " ").append(model.count(n));
            }
            Map<String, String> all = new LinkedHashMap<>();
            all.put("lm.trainer", "despin train: interpolated modified Kneser-Ney, order " + options.order());
            all.put("lm.order", Integer.toString(model.order()));
            all.put("lm.ngrams", sizes.toString());
            all.put("lm.own.ngrams", Arrays.toString(ngrams));
            all.put("lm.sentences", Long.toString(counted.sentences()));
            all.put("lm.words", Long.toString(counted.words()));
            all.put("lm.inputs", Integer.toString(used.size()));
            all.putAll(meta);
            if (base != null) {
                all.put("lm.base", options.baseModel().getFileName().toString());
                all.put("lm.base.weight", Double.toString(options.baseWeight()));
                for (Map.Entry<String, String> e : base.info().metadata().entrySet()) {
                    if (!e.getKey().startsWith("lm.") && !e.getKey().startsWith(NAMES + ".")) {
                        all.putIfAbsent(e.getKey(), e.getValue());
                    }
                }
            }
            SortedMap<String, Integer> baseNames = base != null && base.hasSection(NAMES)
                    ? NameFormat.readCounts(base.section(NAMES), base.path() + " (section '" + NAMES + "')") : null;
            SortedMap<String, Integer> names = names(counted, baseNames);
            // a text without a single title-case pair (lower-cased text) has no case data: no section, and the
            // detector reads the model as it reads one without names, rather than as one whose list holds no name
            ModelFile.SectionBody namesSection = null;
            if (!names.isEmpty()) {
                all.putAll(namesMetadata(counted, baseNames, names));
                namesSection = NameFormat.section(names);
            }
            write(lm, base, namesSection, out, all);
            return new TrainingReport(List.copyOf(used), List.copyOf(counted.skipped()), bytes, counted.sentences(),
                    counted.words(), counted.badLines(), ngrams, counted.chunks(), Files.size(out));
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.OUTPUT, out + ": cannot write the model: " + e.getMessage(), e);
        } finally {
            if (mixed != null) {
                try {
                    mixed.close();
                } catch (IOException e) {
                    LOG.warn("could not delete the mixture's temporary files: {}", e.getMessage());
                }
            }
        }
    }

    /**
     * The model's names: the training text's pairs, with the base model's added (counts summed). The base's
     * names alone would keep the detector from restoring a title-case span to a name of the new corpus (a
     * reading must join its neighbours into a listed pair); with the new corpus's pairs in the list they
     * block nothing of it, and a name either text writes is a name. A base name the trained LM does not
     * store still fails the LM's cohesion test, so the union adds no restoration the LM cannot back.
     */
    private static SortedMap<String, Integer> names(Counted counted, SortedMap<String, Integer> baseNames) {
        TitleCasePairs union = new TitleCasePairs(); // counts stop at what the section holds
        union.addAll(counted.names());
        if (baseNames != null) {
            union.addAll(baseNames);
        }
        return union.counts();
    }

    /** The names.* metadata, in the style of the default build's ({@code org.despin.data.lexicon.NameBuild}). */
    private Map<String, String> namesMetadata(Counted counted, SortedMap<String, Integer> baseNames,
            SortedMap<String, Integer> counts) {
        Map<String, String> meta = new LinkedHashMap<>();
        int files = counted.used().size();
        meta.put("names.inputs", "the training text (" + files + (files == 1 ? " file" : " files")
                + "): title-case word pairs inside sentences"
                + (baseNames != null ? "; with the names of the base model " + options.baseModel().getFileName() + " added"
                        : ""));
        meta.put("names.format", Integer.toString(NameFormat.VERSION));
        meta.put("names.count", Integer.toString(counts.size()));
        meta.put("names.twiceOrMore", Long.toString(counts.values().stream().filter(n -> n >= 2).count()));
        meta.put("names.own.count", Integer.toString(counted.names().size()));
        if (baseNames != null) {
            meta.put("names.base.count", Integer.toString(baseNames.size()));
        }
        return meta;
    }

    /** Writes the model: its LM, the base model's other sections, the names section (null: none). */
    private static void write(ModelFile.SectionBody lm, ModelFile base, ModelFile.SectionBody names, Path out,
            Map<String, String> meta) throws IOException, DespinException {
        try (ModelFile.Writer w = new ModelFile.Writer(out)) {
            w.section(LmFormat.SECTION, lm);
            if (base != null) {
                // the other sections (the lexicon, the terms) come from the base model as they are; its
                // names are in the new names section, joined with the training text's
                for (String name : base.sectionNames()) {
                    if (!name.equals(LmFormat.SECTION) && !name.equals(NAMES)) {
                        w.section(name, ModelFile.SectionBody.copyOf(base.section(name)));
                    }
                }
            }
            if (names != null) {
                w.section(NAMES, names);
            }
            w.finish(meta);
        }
    }

    private static final class Counts {
        long sentences;
        long words;
        long badLines;
    }

    private interface ByteProgress {
        void read(long bytes);
    }

    private void read(Path p, MapVocabulary.Builder words, ChunkCounter counter, Counts counts, TitleCasePairs names,
            ByteProgress progress) throws IOException {
        int[][] ids = {new int[64]};
        counts.badLines += readSentences(p, sentence -> {
            int length = sentence.length + 2;
            if (ids[0].length < length) {
                ids[0] = new int[length * 2];
            }
            int[] g = ids[0];
            g[0] = Vocabulary.BEGIN_SENTENCE;
            for (int i = 0; i < sentence.length; i++) {
                g[i + 1] = words.add(sentence[i]);
            }
            g[length - 1] = Vocabulary.END_SENTENCE;
            counter.addSentence(g, length);
            counts.sentences++;
            counts.words += sentence.length;
        }, names, progress);
    }

    /** Receives the LM words of each sentence of a training file, in order (no sentence markers). */
    @FunctionalInterface
    public interface SentenceSink {
        void sentence(String[] words) throws IOException;
    }

    /**
     * The sentences of one training file as {@code despin train} reads it: plain text a paragraph
     * (or {@value #MAX_BLOCK} characters) at a time, JSONL ({@link #isJsonl}) a line's text field
     * at a time, tokenised by {@link LmText}. Call after {@link #inspect} found the file usable.
     *
     * @return the JSONL lines without a string text field
     */
    public long readSentences(Path p, SentenceSink sink) throws IOException {
        return readSentences(p, sink, null, bytes -> { });
    }

    /**
     * {@link #readSentences(Path, SentenceSink)}, and counts into {@code names} the title-case pairs of
     * each text it tokenises (a paragraph, a JSONL text): the names section's counts, from the same reading.
     */
    public long readSentences(Path p, SentenceSink sink, TitleCasePairs names) throws IOException {
        return readSentences(p, sink, names, bytes -> { });
    }

    private long readSentences(Path p, SentenceSink sink, TitleCasePairs names, ByteProgress progress) throws IOException {
        long badLines = 0;
        boolean json = isJsonl(p);
        try (CountingInputStream in = new CountingInputStream(Files.newInputStream(p));
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            StringBuilder block = new StringBuilder();
            String line;
            boolean first = true;
            long lastReport = 0;
            while ((line = r.readLine()) != null) {
                if (first && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                first = false;
                if (json) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String text;
                    try {
                        text = JsonField.extract(line, options.jsonField());
                    } catch (IllegalArgumentException e) {
                        text = null;
                    }
                    if (text == null) {
                        badLines++;
                        continue;
                    }
                    sentences(text, sink, names);
                } else if (line.isBlank() || block.length() > MAX_BLOCK) {
                    // paragraphs are tokenised one at a time: sentences never cross a blank line
                    sentences(block.toString(), sink, names);
                    block.setLength(0);
                    block.append(line).append('\n');
                } else {
                    block.append(line).append('\n');
                }
                if (in.count() - lastReport > (1 << 20)) {
                    lastReport = in.count();
                    progress.read(in.count());
                }
            }
            sentences(block.toString(), sink, names);
        }
        return badLines;
    }

    private static void sentences(String text, SentenceSink sink, TitleCasePairs names) throws IOException {
        if (text.isBlank()) {
            return;
        }
        if (names != null) {
            // the raw text: the tokeniser's words are lower-case. A plain-text block cut at MAX_BLOCK starts a
            // sentence for both, so the counter and the LM see the same sentence starts
            names.add(text);
        }
        for (String[] sentence : LmText.sentenceWords(Document.parse(text))) {
            sink.sentence(sentence);
        }
    }

    /** Whether a training file is read as JSON Lines (by its name). */
    public static boolean isJsonl(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson");
    }

    /** A training file looked at before reading: its size, SHA-256, and why it cannot be used (null: it can). */
    public record Inspection(long size, String sha256, String problem) {
    }

    /** Checks that a file is a readable UTF-8 text file, and takes its size and SHA-256 on the way. */
    public static Inspection inspect(Path p) {
        if (!Files.exists(p)) {
            return new Inspection(0, null, "no such file");
        }
        if (!Files.isRegularFile(p)) {
            return new Inspection(0, null, "not a regular file");
        }
        long size = 0;
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
            CharBuffer chars = CharBuffer.allocate(1 << 16);
            byte[] buf = bytes.array();
            while (true) {
                int n = in.read(buf, bytes.position(), bytes.remaining());
                boolean end = n < 0;
                if (n > 0) {
                    sha.update(buf, bytes.position(), n);
                    for (int i = bytes.position(); i < bytes.position() + n; i++) {
                        if (buf[i] == 0) {
                            return new Inspection(Files.size(p), null, "binary file (NUL byte at offset " + (size + i - bytes.position()) + ")");
                        }
                    }
                    size += n;
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                CoderResult cr = utf8.decode(bytes, chars, end);
                if (cr.isError()) {
                    return new Inspection(Files.size(p), null, "not valid UTF-8 (near byte " + (size - bytes.remaining()) + ")");
                }
                chars.clear();
                bytes.compact();
                if (end) {
                    break;
                }
            }
            return new Inspection(size, HexFormat.of().formatHex(sha.digest()), null);
        } catch (IOException e) {
            return new Inspection(size, null, "cannot read: " + e.getMessage());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** A new temporary folder for count chunks and the estimate's files, under the options' folder if set. */
    public Path newTempDir() throws DespinException {
        try {
            return options.tempDir() == null ? Files.createTempDirectory("despin-train")
                    : Files.createTempDirectory(Files.createDirectories(options.tempDir()), "despin-train");
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.OUTPUT, "cannot create a temporary folder for count chunks: "
                    + e.getMessage(), e);
        }
    }

    /** Deletes a folder made by {@link #newTempDir} and the files in it; a failure is only logged. */
    public static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.warn("could not delete the temporary folder {}: {}", dir, e.getMessage());
        }
    }

    public Options options() {
        return options;
    }
}
