package org.despin.data.lm;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.despin.data.DataPaths;
import org.despin.data.corpus.Corpus;
import org.despin.data.corpus.CorpusDocument;
import org.despin.data.corpus.DefaultCorpora;
import org.despin.data.spin.SpinThesauri;
import org.despin.spin.SpinOptions;
import org.despin.spin.Spinner;

/**
 * Makes the {@code despin train} benchmark corpus (docs/benchmarks-lm.md): the training documents
 * of the default corpus mix (SOTU, Brown, Europarl English lines, WordNet examples), once as they
 * are and then run through our own spinner (Moby thesaurus) again and again with a new seed and a
 * rate cycling through 0.1-0.5, so every pass adds new n-grams instead of repeating counts. Files
 * per pass (about 17 MB), documents separated by blank lines, until the passes make {@code megabytes} MB.
 *
 * <pre>java -cp ... org.despin.data.lm.MakeTrainCorpus /tmp/train/corpus 520 [threads]</pre>
 */
public final class MakeTrainCorpus {
    private static final double[] RATES = {0.1, 0.2, 0.3, 0.4, 0.5};

    private MakeTrainCorpus() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/train/corpus");
        long target = (args.length > 1 ? Long.parseLong(args[1]) : 520) * 1_000_000L;
        Files.createDirectories(dir);
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        List<String> docs = new ArrayList<>();
        for (Corpus c : DefaultCorpora.all(paths)) {
            for (CorpusDocument d : DefaultCorpora.training(c)) {
                docs.add(d.text());
            }
        }
        Spinner spinner = new Spinner(SpinThesauri.load(SpinThesauri.MOBY, paths), SpinOptions.DEFAULTS);
        long passBytes = 0;
        for (String doc : docs) {
            passBytes += doc.getBytes(StandardCharsets.UTF_8).length + 2;
        }
        int passes = (int) Math.max(1, (target + passBytes - 1) / passBytes);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Long>> done = new ArrayList<>();
        for (int p = 0; p < passes; p++) {
            final int pass = p;
            done.add(pool.submit(() -> writePass(dir, docs, spinner, pass)));
        }
        long written = 0;
        for (Future<Long> f : done) {
            written += f.get();
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "%d passes (one file each), %.1f MB in %s%n", passes, written / 1e6, dir);
    }

    /** One pass over the documents: as they are (pass 0) or spun with seed {@code pass}; one file per pass. */
    private static long writePass(Path dir, List<String> docs, Spinner spinner, int pass) throws IOException {
        Spinner s = spinner.withOptions(SpinOptions.DEFAULTS.withRate(RATES[pass % RATES.length]).withSeed(pass));
        long written = 0;
        Path file = dir.resolve(String.format(Locale.ROOT, "pass-%03d.txt", pass));
        Path partial = dir.resolve(file.getFileName() + ".partial");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            for (String doc : docs) {
                String text = pass == 0 ? doc : s.spin(doc).spunText();
                out.write(text);
                out.write("\n\n");
                written += text.getBytes(StandardCharsets.UTF_8).length + 2;
            }
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.err.printf(Locale.ROOT, "pass %d done: %.1f MB%n", pass, written / 1e6);
        return written;
    }
}
