package org.despin.lm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.despin.lm.LmTrainer;
import org.despin.lm.TrainingReport;

/**
 * {@code despin train} throughput: writes the benchmark text (SOTU + Brown) {@code copies} times
 * into plain-text files, one sentence per paragraph (each copy with a letter suffix on every word
 * so the copies add new n-grams instead of repeating counts),
 * trains an order-4 model with a memory budget, and prints MB/s, chunks spilled and peak heap.
 *
 * <pre>java -Xmx2g -cp ... org.despin.lm.bench.TrainBench [dir] [copies] [budgetMB]</pre>
 */
public final class TrainBench {
    private TrainBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/despin-lm-bench/train");
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long budget = (args.length > 2 ? Long.parseLong(args[2]) : 64) << 20;
        Files.createDirectories(dir);
        BenchCorpus c = BenchCorpus.load();
        List<Path> inputs = new ArrayList<>();
        for (int k = 0; k < copies; k++) {
            Path p = dir.resolve("copy-" + k + ".txt");
            StringBuilder sb = new StringBuilder();
            for (String[] s : c.train) {
                for (String w : s) {
                    // a different suffix per copy makes different words, so the copies do not just repeat counts
                    sb.append(w).append(k == 0 ? "" : "q" + (char) ('a' + k)).append(' ');
                }
                sb.append(".\n\n");
            }
            Files.writeString(p, sb, StandardCharsets.UTF_8);
            inputs.add(p);
        }
        long bytes = 0;
        for (Path p : inputs) {
            bytes += Files.size(p);
        }
        long t = System.nanoTime();
        TrainingReport r = new LmTrainer(LmTrainer.Options.defaults().withOrder(4).withMemoryBudget(budget)
                .withTempDir(dir.resolve("tmp"))).train(inputs, dir.resolve("trained.model"), LmTrainer.Progress.NONE);
        double s = (System.nanoTime() - t) / 1e9;
        double cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println(String.format(Locale.ROOT,
                "train: %.1f MB in %.1f s = %.2f MB/s (process CPU %.1f s since JVM start, text generation included);"
                        + " %d sentences, %d words; chunks spilled %d; n-grams %s; model %d bytes;"
                        + " peak heap (sum of pool peaks) %d MB, max heap %d MB",
                bytes / 1e6, s, bytes / 1e6 / s, cpu, r.sentences(), r.words(), r.chunksSpilled(),
                java.util.Arrays.toString(r.ngramCounts()), r.modelBytes(), peak >> 20, Runtime.getRuntime().maxMemory() >> 20));
    }
}
