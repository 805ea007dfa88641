package org.despin.lm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import org.despin.lm.LmFormat;
import org.despin.lm.LmState;
import org.despin.lm.TrieLanguageModel;
import org.despin.lm.Vocabulary;
import org.despin.model.ModelFile;

/**
 * A quick lookup-rate check by thread CPU time (steadier than wall time on a shared machine):
 * {@code java ... org.despin.lm.bench.ScoreRate [dir] [model]} after {@link LmBench}.
 */
public final class ScoreRate {
    private ScoreRate() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/despin-lm-bench");
        String model = args.length > 1 ? args[1] : "bench.model";
        TrieLanguageModel lm = LmFormat.read(ModelFile.open(dir.resolve(model)));
        int[] ids = LmScoreBenchmark.readIds(dir.resolve("heldout.ids"));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        LmState s = lm.newState();
        for (int round = 0; round < 8; round++) {
            long cpu = mx.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            float sum = 0;
            long calls = 0;
            for (int rep = 0; rep < 10; rep++) {
                lm.beginSentence(s);
                for (int id : ids) {
                    sum += lm.score(s, id, s);
                    calls++;
                    if (id == Vocabulary.END_SENTENCE) {
                        lm.beginSentence(s);
                    }
                }
            }
            long cpuNs = mx.getCurrentThreadCpuTime() - cpu;
            long wallNs = System.nanoTime() - wall;
            System.out.println(String.format(Locale.ROOT, "%.1f M calls per CPU second, %.1f M per wall second (checksum %.1f)",
                    calls / (cpuNs / 1e3), calls / (wallNs / 1e3), sum));
        }
    }
}
