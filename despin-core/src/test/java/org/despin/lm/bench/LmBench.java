package org.despin.lm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.despin.lm.LmFormat;
import org.despin.lm.LmState;
import org.despin.lm.Perplexity;
import org.despin.lm.TrieLanguageModel;
import org.despin.lm.Vocabulary;
import org.despin.lm.build.BackoffSource;
import org.despin.lm.build.KneserNeyEstimator;
import org.despin.model.ModelFile;

/**
 * Builds a 4-gram model from the benchmark text (SOTU + Brown, 90 %), writes it quantised and
 * exact, and prints build time, bytes per n-gram, load time, held-out perplexity and a rough
 * single-thread lookup rate. Also leaves the model and the held-out word ids for
 * {@link LmScoreBenchmark} in the folder given as the first argument (default /tmp/despin-lm-bench).
 *
 * <pre>
 * mvn -q -B -o -pl despin-core test-compile
 * mvn -q -B -o -pl despin-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/despin-core.cp
 * java -Xmx4g -cp despin-core/target/test-classes:despin-core/target/classes:$(cat /tmp/despin-core.cp) org.despin.lm.bench.LmBench
 * </pre>
 */
public final class LmBench {
    private LmBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/despin-lm-bench");
        int order = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        BenchCorpus corpus = BenchCorpus.load();
        long t1 = System.nanoTime();
        say("corpus: %d training sentences, %d words; held out %d sentences, %d words (read+tokenised in %.1f s)",
                corpus.train.size(), BenchCorpus.words(corpus.train), corpus.heldOut.size(),
                BenchCorpus.words(corpus.heldOut), (t1 - t0) / 1e9);
        KneserNeyEstimator kn = new KneserNeyEstimator(order);
        corpus.train.forEach(kn::addSentence);
        BackoffSource src = kn.estimate();
        long t2 = System.nanoTime();
        long total = 0;
        StringBuilder counts = new StringBuilder();
        for (int n = 1; n <= order; n++) {
            total += src.count(n);
            counts.append(' ').append(src.count(n));
        }
        say("estimate: order %d, n-grams%s (total %d) in %.1f s", order, counts, total, (t2 - t1) / 1e9);
        Path quantised = dir.resolve("bench.model");
        Path exact = dir.resolve("bench-exact.model");
        long t3 = System.nanoTime();
        write(quantised, src, LmFormat.Quantization.DEFAULT);
        long t4 = System.nanoTime();
        write(exact, src, LmFormat.Quantization.EXACT);
        say("write: %.1f s (quantised)", (t4 - t3) / 1e9);
        for (Path p : List.of(quantised, exact)) {
            ModelFile f = ModelFile.open(p);
            long bytes = f.sectionLength(LmFormat.SECTION);
            say("%s: lm section %d bytes = %.2f bytes per n-gram (file %d bytes)", p.getFileName(), bytes,
                    bytes / (double) total, Files.size(p));
        }
        // load time: open + map + check, as the detector does it
        long best = Long.MAX_VALUE;
        long first = 0;
        for (int i = 0; i < 20; i++) {
            long s = System.nanoTime();
            TrieLanguageModel lm = LmFormat.read(ModelFile.open(quantised));
            lm.vocabulary().id("the");
            long e = System.nanoTime() - s;
            if (i == 0) {
                first = e;
            }
            best = Math.min(best, e);
        }
        say("load: first %.2f ms, best of 20 %.2f ms", first / 1e6, best / 1e6);
        TrieLanguageModel q = LmFormat.read(ModelFile.open(quantised));
        TrieLanguageModel x = LmFormat.read(ModelFile.open(exact));
        say("held-out perplexity, quantised: %s", Perplexity.of(q, corpus.heldOut));
        say("held-out perplexity, exact:     %s", Perplexity.of(x, corpus.heldOut));

        // held-out word ids for the JMH benchmark: words then </s> for each sentence
        int[] ids = ids(q.vocabulary(), corpus.heldOut);
        try (var out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
                Files.newOutputStream(dir.resolve("heldout.ids"))))) {
            out.writeInt(ids.length);
            for (int id : ids) {
                out.writeInt(id);
            }
        }
        // a rough rate (JMH gives the real figure)
        LmState s = q.newState();
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            float sum = 0;
            int calls = 0;
            for (int rep = 0; rep < 10; rep++) {
                q.beginSentence(s);
                for (int id : ids) {
                    sum += q.score(s, id, s);
                    calls++;
                    if (id == Vocabulary.END_SENTENCE) {
                        q.beginSentence(s);
                    }
                }
            }
            long ns = System.nanoTime() - start;
            say("rough rate: %.1f M score calls/s (checksum %.1f)", calls / (ns / 1e3), sum);
        }
    }

    static int[] ids(Vocabulary v, List<String[]> sentences) {
        int n = 0;
        for (String[] s : sentences) {
            n += s.length + 1;
        }
        int[] ids = new int[n];
        int k = 0;
        for (String[] s : sentences) {
            for (String w : s) {
                ids[k++] = v.id(w);
            }
            ids[k++] = Vocabulary.END_SENTENCE;
        }
        return ids;
    }

    private static void write(Path p, BackoffSource src, LmFormat.Quantization q) throws Exception {
        try (ModelFile.Writer w = new ModelFile.Writer(p)) {
            w.section(LmFormat.SECTION, LmFormat.section(src, q));
            w.finish(Map.of("lm.bench", "SOTU + Brown, 90 %"));
        }
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
