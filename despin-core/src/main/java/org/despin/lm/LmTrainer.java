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
import org.despin.DespinException;
import org.despin.io.CountingInputStream;
import org.despin.lm.build.BackoffMixer;
import org.despin.lm.build.BackoffSource;
import org.despin.lm.build.SortedNgramModel;
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
 * <pre>{@code
 * TrainingReport r = new LmTrainer(LmTrainer.Options.defaults().withOrder(4))
 *         .train(List.of(Path.of("news.jsonl")), Path.of("news.despin"), (read, total) -> bar.show(read, total));
 * }</pre>
 */
public final class LmTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(LmTrainer.class);
    /** Longest stretch of plain text tokenised at once when a file has no blank lines. */
    private static final int MAX_BLOCK = 1 << 20;

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
     * @param baseModel a model file whose non-LM sections (the lexicon) are copied into the output
     *                  and whose LM is mixed in when {@code baseWeight > 0} (null: none)
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
        List<Path> used = new ArrayList<>();
        List<TrainingReport.Skipped> skipped = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        Counts counts = new Counts();
        Path tmp = createTempDir();
        try {
            int chunks;
            StreamingKneserNeyEstimator kn;
            try (ChunkCounter counter = new ChunkCounter(options.order(), options.memoryBudgetBytes(), tmp)) {
                long done = 0;
                for (Path p : inputs) {
                    Inspection check = inspect(p);
                    if (check.problem != null) {
                        skipped.add(new TrainingReport.Skipped(p, check.problem));
                        LOG.warn("skipping {}: {}", p, check.problem);
                        done += check.size;
                        progress.update(done, total);
                        continue;
                    }
                    final long before = done;
                    long sentencesBefore = counts.sentences;
                    try {
                        read(p, words, counter, counts, read -> progress.update(before + read, total));
                    } catch (IOException | UncheckedIOException e) {
                        throw new DespinException(DespinException.Kind.INPUT, p + ": cannot read: " + e.getMessage(), e);
                    }
                    done += check.size;
                    progress.update(done, total);
                    if (counts.sentences == sentencesBefore) {
                        skipped.add(new TrainingReport.Skipped(p, isJsonl(p)
                                ? "no line holds a JSON object with a string field '" + options.jsonField() + "'"
                                : "no words"));
                        continue;
                    }
                    int i = used.size();
                    used.add(p);
                    counts.bytes += check.size;
                    meta.put("lm.input." + i, p.toString());
                    meta.put("lm.input." + i + ".bytes", Long.toString(check.size));
                    meta.put("lm.input." + i + ".sha256", check.sha256);
                }
                if (used.isEmpty()) {
                    throw new DespinException(DespinException.Kind.INPUT, "no usable training text: "
                            + (skipped.isEmpty() ? "no inputs" : skipped.get(0).file() + ": " + skipped.get(0).reason()));
                }
                chunks = counter.chunksSpilled();
                // the seam: merged counts -> estimation on disk -> trie writer
                kn = new StreamingKneserNeyEstimator(options.order(), wordList(words.build()), tmp,
                        options.memoryBudgetBytes());
                counter.merge(kn::addNgramCount);
            } catch (IOException e) {
                throw new DespinException(DespinException.Kind.OUTPUT, tmp + ": cannot write count chunks: " + e.getMessage(), e);
            }
            try (kn; SortedNgramModel estimate = kn.estimate()) {
                return finish(estimate, used, skipped, meta, counts, chunks, out);
            } catch (IOException e) {
                throw new DespinException(DespinException.Kind.OUTPUT, tmp + ": cannot write the estimate's temporary files: "
                        + e.getMessage(), e);
            }
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static List<String> wordList(MapVocabulary v) {
        List<String> list = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            list.add(v.word(i));
        }
        return list;
    }

    private TrainingReport finish(SortedNgramModel estimate, List<Path> used, List<TrainingReport.Skipped> skipped,
            Map<String, String> meta, Counts counts, int chunks, Path out) throws DespinException {
        long[] ngrams = new long[estimate.order()];
        StringBuilder sizes = new StringBuilder();
        for (int n = 1; n <= estimate.order(); n++) {
            ngrams[n - 1] = estimate.count(n);
        }
        ModelFile base = options.baseModel() == null ? null : ModelFile.open(options.baseModel());
        try {
            // mixing with a base model goes through the in-memory mixer; on its own the estimate streams
            BackoffSource model = estimate;
            ModelFile.SectionBody lm = LmFormat.section(estimate);
            if (base != null && options.baseWeight() > 0) {
                TrieLanguageModel baseLm = LmFormat.read(base);
                model = BackoffMixer.mix(estimate, baseLm.asBackoffSource(), 1 - options.baseWeight());
                lm = LmFormat.section(model);
            }
            for (int n = 1; n <= model.order(); n++) {
                sizes.append(n == 1 ? "" : " ").append(model.count(n));
            }
            Map<String, String> all = new LinkedHashMap<>();
            all.put("lm.trainer", "despin train: interpolated modified Kneser-Ney, order " + options.order());
            all.put("lm.order", Integer.toString(model.order()));
            all.put("lm.ngrams", sizes.toString());
            all.put("lm.own.ngrams", Arrays.toString(ngrams));
            all.put("lm.sentences", Long.toString(counts.sentences));
            all.put("lm.words", Long.toString(counts.words));
            all.put("lm.inputs", Integer.toString(used.size()));
            all.putAll(meta);
            if (base != null) {
                all.put("lm.base", options.baseModel().getFileName().toString());
                all.put("lm.base.weight", Double.toString(options.baseWeight()));
                for (Map.Entry<String, String> e : base.info().metadata().entrySet()) {
                    if (!e.getKey().startsWith("lm.")) {
                        all.putIfAbsent(e.getKey(), e.getValue());
                    }
                }
            }
            write(lm, base, out, all);
            return new TrainingReport(List.copyOf(used), List.copyOf(skipped), counts.bytes, counts.sentences,
                    counts.words, counts.badLines, ngrams, chunks, Files.size(out));
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.OUTPUT, out + ": cannot write the model: " + e.getMessage(), e);
        }
    }

    private static void write(ModelFile.SectionBody lm, ModelFile base, Path out, Map<String, String> meta)
            throws IOException, DespinException {
        try (ModelFile.Writer w = new ModelFile.Writer(out)) {
            w.section(LmFormat.SECTION, lm);
            if (base != null) {
                // the other sections (the lexicon) come from the base model as they are
                for (String name : base.sectionNames()) {
                    if (!name.equals(LmFormat.SECTION)) {
                        ByteBuffer b = base.section(name);
                        w.section(name, o -> {
                            byte[] chunk = new byte[1 << 16];
                            ByteBuffer d = b.duplicate();
                            while (d.hasRemaining()) {
                                int n = Math.min(chunk.length, d.remaining());
                                d.get(chunk, 0, n);
                                o.writeBytes(chunk, 0, n);
                            }
                        });
                    }
                }
            }
            w.finish(meta);
        }
    }

    private static final class Counts {
        long sentences;
        long words;
        long bytes;
        long badLines;
    }

    private interface ByteProgress {
        void read(long bytes);
    }

    private void read(Path p, MapVocabulary.Builder words, ChunkCounter counter, Counts counts, ByteProgress progress)
            throws IOException {
        int[] ids = new int[64];
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
                        counts.badLines++;
                        continue;
                    }
                    ids = count(text, words, counter, counts, ids);
                } else if (line.isBlank() || block.length() > MAX_BLOCK) {
                    // paragraphs are tokenised one at a time: sentences never cross a blank line
                    ids = count(block.toString(), words, counter, counts, ids);
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
            count(block.toString(), words, counter, counts, ids);
        }
    }

    private static int[] count(String text, MapVocabulary.Builder words, ChunkCounter counter, Counts counts, int[] ids)
            throws IOException {
        if (text.isBlank()) {
            return ids;
        }
        for (String[] sentence : LmText.sentenceWords(Document.parse(text))) {
            int length = sentence.length + 2;
            if (ids.length < length) {
                ids = new int[length * 2];
            }
            ids[0] = Vocabulary.BEGIN_SENTENCE;
            for (int i = 0; i < sentence.length; i++) {
                ids[i + 1] = words.add(sentence[i]);
            }
            ids[length - 1] = Vocabulary.END_SENTENCE;
            counter.addSentence(ids, length);
            counts.sentences++;
            counts.words += sentence.length;
        }
        return ids;
    }

    static boolean isJsonl(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson");
    }

    private record Inspection(long size, String sha256, String problem) {
    }

    /** Checks that a file is a readable UTF-8 text file, and takes its size and SHA-256 on the way. */
    static Inspection inspect(Path p) {
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

    private Path createTempDir() throws DespinException {
        try {
            return options.tempDir() == null ? Files.createTempDirectory("despin-train")
                    : Files.createTempDirectory(Files.createDirectories(options.tempDir()), "despin-train");
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.OUTPUT, "cannot create a temporary folder for count chunks: "
                    + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path dir) {
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
