package org.despin.lm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.despin.lm.LmFormat;
import org.despin.lm.LmState;
import org.despin.lm.TrieLanguageModel;
import org.despin.lm.Vocabulary;
import org.despin.model.ModelFile;

/**
 * A quick lookup-rate check by thread CPU time (steadier than wall time on a shared machine):
 * {@code java ... org.despin.lm.bench.ScoreRate [dir] [model] [words]} after {@link LmBench}.
 * Runs the two patterns of {@link LmScoreBenchmark} (sliding window, ten candidates in one slot)
 * for several rounds and prints each round and the best; with {@code words}, only the first that
 * many held-out words over and over (the cache-resident rate: compute cost only).
 */
public final class ScoreRate {
    private static final int ROUNDS = 8;

    private ScoreRate() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/despin-lm-bench");
        String model = args.length > 1 ? args[1] : "bench.model";
        TrieLanguageModel lm = LmFormat.read(ModelFile.open(dir.resolve(model)));
        int[] ids = LmScoreBenchmark.readIds(dir.resolve("heldout.ids"));
        if (args.length > 2) {
            ids = java.util.Arrays.copyOf(ids, Integer.parseInt(args[2]));
        }
        int[] candidates = ids.clone();
        Random r = new Random(1);
        for (int i = candidates.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = candidates[i];
            candidates[i] = candidates[j];
            candidates[j] = t;
        }
        int reps = Math.max(10, 3_000_000 / ids.length);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double bestWindow = 0;
        double bestSlot = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long cpu = mx.getCurrentThreadCpuTime();
            long calls = 0;
            float sum = 0;
            for (int rep = 0; rep < reps; rep++) {
                sum += window(lm, ids);
                calls += ids.length;
            }
            double window = calls / ((mx.getCurrentThreadCpuTime() - cpu) / 1e3);
            cpu = mx.getCurrentThreadCpuTime();
            calls = 0;
            for (int rep = 0; rep < reps / 10 + 1; rep++) {
                sum += slot(lm, ids, candidates);
                calls += 10L * ids.length;
            }
            double slot = calls / ((mx.getCurrentThreadCpuTime() - cpu) / 1e3);
            bestWindow = Math.max(bestWindow, window);
            bestSlot = Math.max(bestSlot, slot);
            System.out.println(String.format(Locale.ROOT,
                    "M calls per CPU second: sliding window %.2f, candidates in one slot %.2f (checksum %.1f)",
                    window, slot, sum));
        }
        System.out.println(String.format(Locale.ROOT,
                "best of %d: sliding window %.2f M/s, candidates in one slot %.2f M/s (thread CPU time)",
                ROUNDS, bestWindow, bestSlot));
    }

    private static float window(TrieLanguageModel lm, int[] ids) {
        LmState s = lm.newState();
        lm.beginSentence(s);
        float sum = 0;
        for (int id : ids) {
            sum += lm.score(s, id, s);
            if (id == Vocabulary.END_SENTENCE) {
                lm.beginSentence(s);
            }
        }
        return sum;
    }

    private static float slot(TrieLanguageModel lm, int[] ids, int[] candidates) {
        LmState s = lm.newState();
        LmState out = lm.newState();
        lm.beginSentence(s);
        float sum = 0;
        for (int p = 0; p < ids.length; p++) {
            for (int c = 0; c < 10; c++) {
                sum += lm.score(s, candidates[(p * 10 + c) % candidates.length], out);
            }
            int w = ids[p];
            lm.score(s, w, s);
            if (w == Vocabulary.END_SENTENCE) {
                lm.beginSentence(s);
            }
        }
        return sum;
    }
}
