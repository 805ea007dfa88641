package org.despin.data.lm;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.despin.data.DataPaths;
import org.despin.data.corpus.Corpus;
import org.despin.data.corpus.CorpusDocument;
import org.despin.data.corpus.DefaultCorpora;
import org.despin.data.spin.SpinThesauri;
import org.despin.spin.Edit;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.Spinner;

/**
 * Makes the {@code despin train} benchmark corpus (docs/benchmarks-lm.md) from the training
 * documents of the default corpus mix (SOTU, Brown, Europarl English lines, WordNet examples):
 * the documents as they are, then {@code spins} runs of our own spinner (Moby thesaurus, rate 0.5,
 * seed = run) and, from each run, variants that keep a random half of the spinner's edits and put
 * the original back for the others (each variant its own seed), so every file adds n-grams
 * instead of repeating counts; a variant costs a string copy where a spinner run costs a minute
 * of CPU. One file per variant (about 17 MB), documents separated by blank lines, until the files
 * make {@code megabytes} MB.
 *
 * <pre>java -cp ... org.despin.data.lm.MakeTrainCorpus DIR MB [threads] [spins] [first run] [variants per run]</pre>
 * (the benchmark corpus: {@code /tmp/train/corpus 520 2 2 1 5}, then {@code /tmp/train/corpus 520 2 2 3 10}:
 * four spinner runs, 30 variants; see scripts/make-train-corpus)
 */
public final class MakeTrainCorpus {
    private MakeTrainCorpus() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/train/corpus");
        long target = (args.length > 1 ? Long.parseLong(args[1]) : 520) * 1_000_000L;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int spins = args.length > 3 ? Integer.parseInt(args[3]) : 6;
        int firstRun = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        int variants = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        Files.createDirectories(dir);
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        List<String> docs = new ArrayList<>();
        for (Corpus c : DefaultCorpora.all(paths)) {
            for (CorpusDocument d : DefaultCorpora.training(c)) {
                docs.add(d.text());
            }
        }
        long passBytes = 0;
        for (String doc : docs) {
            passBytes += doc.getBytes(StandardCharsets.UTF_8).length + 2;
        }
        long files = Math.max(1, (target + passBytes - 1) / passBytes);
        if (variants == 0) {
            variants = (int) Math.max(1, (files - 1 + spins - 1) / spins);
        }
        final int perRun = variants;
        Spinner spinner = new Spinner(SpinThesauri.load(SpinThesauri.MOBY, paths), SpinOptions.DEFAULTS.withRate(0.5));
        long written = writeFile(dir.resolve("original.txt"), docs);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Long>> done = new ArrayList<>();
        for (int run = firstRun; run < firstRun + spins; run++) {
            final int seed = run;
            done.add(pool.submit(() -> writeSpun(dir, docs, spinner.withOptions(spinner.options().withSeed(seed)), seed,
                    perRun)));
        }
        for (Future<Long> f : done) {
            written += f.get();
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "%d files (the documents, %d spinner runs x %d variants), %.1f MB in %s%n",
                1 + spins * variants, spins, variants, written / 1e6, dir);
    }

    private static long writeFile(Path file, List<String> texts) throws IOException {
        Path partial = dir(file).resolve(file.getFileName() + ".partial");
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            for (String text : texts) {
                out.write(text);
                out.write("\n\n");
                written += text.getBytes(StandardCharsets.UTF_8).length + 2;
            }
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        return written;
    }

    private static Path dir(Path file) {
        return file.toAbsolutePath().getParent();
    }

    /** One spinner run over the documents, written as {@code variants} files with random halves of its edits. */
    private static long writeSpun(Path dir, List<String> docs, Spinner spinner, int run, int variants) throws IOException {
        List<SpinResult> spun = new ArrayList<>(docs.size());
        for (String doc : docs) {
            spun.add(spinner.spin(doc));
        }
        long written = 0;
        for (int v = 0; v < variants; v++) {
            Random random = new Random(run * 1000L + v);
            List<String> texts = new ArrayList<>(spun.size());
            for (SpinResult r : spun) {
                texts.add(someEdits(r, random));
            }
            written += writeFile(dir.resolve(String.format(Locale.ROOT, "spin-%02d-%02d.txt", run, v)), texts);
        }
        System.err.printf(Locale.ROOT, "spinner run %d done: %d variants, %.1f MB%n", run, variants, written / 1e6);
        return written;
    }

    /** The spun text with each edit kept or undone (the original put back) with even odds. */
    static String someEdits(SpinResult r, Random random) {
        String text = r.spunText();
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (Edit e : r.edits()) {
            sb.append(text, at, e.start()).append(random.nextBoolean() ? e.spun() : e.original());
            at = e.end();
        }
        return sb.append(text, at, text.length()).toString();
    }
}
