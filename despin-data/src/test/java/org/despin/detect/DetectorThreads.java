package org.despin.detect;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.despin.data.DataPaths;
import org.despin.model.Models;

/**
 * How {@code Detector.check} scales across documents: one detector shared by 1..T threads that
 * take the passages in turn; rounds alternate between the thread counts so that they see the same
 * machine load. Per round: words per second of wall time, and words per second of the threads'
 * summed CPU time (on a machine shared with other jobs the wall figure follows the load; the CPU
 * figure falls with threads only when they slow each other down: shared caches, memory bandwidth,
 * contended caches of the detector).
 *
 * <pre>
 * java -Xmx5g -cp $CP org.despin.detect.DetectorThreads MODEL PASSAGES ROUNDS MAX_THREADS
 * </pre>
 */
final class DetectorThreads {
    private DetectorThreads() {
    }

    public static void main(String[] args) throws Exception {
        Detector detector = new Detector(Models.load(Path.of(args[0])));
        List<String> passages = DetectorEvaluation.passages(
                DetectorEvaluation.heldOutText(new DataPaths(DataPaths.defaultCache())), 200, 300,
                Integer.parseInt(args[1]));
        int rounds = Integer.parseInt(args[2]);
        int maxThreads = Integer.parseInt(args[3]);
        List<List<Double>> wall = new ArrayList<>();
        List<List<Double>> cpu = new ArrayList<>();
        for (int t = 0; t < maxThreads; t++) {
            wall.add(new ArrayList<>());
            cpu.add(new ArrayList<>());
        }
        for (int round = -2; round < rounds; round++) { // two warm-up rounds
            for (int t = 1; t <= maxThreads; t++) {
                int threads = round % 2 == 0 ? t : maxThreads + 1 - t;
                double[] r = run(detector, passages, threads);
                System.out.printf(Locale.ROOT, "round %d, %d thread(s): %.0f words/s wall, %.0f words/s of CPU%n", round,
                        threads, r[0], r[1]);
                if (round >= 0) {
                    wall.get(threads - 1).add(r[0]);
                    cpu.get(threads - 1).add(r[1]);
                }
            }
        }
        for (int t = 0; t < maxThreads; t++) {
            System.out.printf(Locale.ROOT, "%d thread(s): median %.0f words/s wall, %.0f words/s of CPU%n", t + 1,
                    median(wall.get(t)), median(cpu.get(t)));
        }
    }

    /** Words per second of wall time and of summed thread CPU time over one pass with {@code threads} threads. */
    private static double[] run(Detector detector, List<String> passages, int threads) throws InterruptedException {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        AtomicInteger next = new AtomicInteger();
        AtomicLong words = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int k = 0; k < threads; k++) {
            Thread w = new Thread(() -> {
                long c0 = bean.getCurrentThreadCpuTime();
                for (int p; (p = next.getAndIncrement()) < passages.size(); ) {
                    words.addAndGet(detector.check(passages.get(p), CheckOptions.DEFAULTS).tokens());
                }
                cpu.addAndGet(bean.getCurrentThreadCpuTime() - c0);
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new double[] {words.get() / seconds, words.get() / (cpu.get() / 1e9)};
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
