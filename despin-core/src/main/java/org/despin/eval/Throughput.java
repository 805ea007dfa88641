package org.despin.eval;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.despin.detect.Report;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmState;
import org.despin.lm.LmText;
import org.despin.lm.Vocabulary;
import org.despin.text.Document;

/**
 * How fast a detector runs once the model is loaded and the code is warm, the part of
 * {@code despin bench} that the speed target is read on. The bench's quality run times the
 * first pass over new text (JIT compilation, first reads of the mapped model, candidate lists made
 * for the first time); these figures repeat the same texts:
 *
 * <ul>
 *   <li>{@link #warm}: rounds on the calling thread, words per second of that thread's CPU time
 *       (what one core does, whatever else the machine runs);</li>
 *   <li>{@link #parallel}: the texts shared among threads taking them in turn, words per wall second
 *       (the scaling across documents) and per CPU second of all threads;</li>
 *   <li>{@link #lmLookups}: the language model alone, a sliding window over the texts' words.</li>
 * </ul>
 *
 * <pre>{@code
 * Throughput.Warm w = Throughput.warm(text -> detector.check(text, CheckOptions.DEFAULTS), texts, 3);
 * System.out.printf("%.0f words/s per core%n", w.medianWordsPerCpuSecond());
 * }</pre>
 */
public final class Throughput {
    private Throughput() {
    }

    /**
     * Warm passes on one thread.
     *
     * @param rounds passes over the texts
     * @param words words checked in all rounds
     * @param bytes UTF-8 bytes checked in all rounds
     * @param medianWordsPerCpuSecond the median round's words per second of thread CPU time
     * @param minWordsPerCpuSecond the slowest round
     * @param maxWordsPerCpuSecond the fastest round
     * @param medianMegabytesPerCpuSecond the median round's MB (10^6 bytes of UTF-8) per CPU second
     */
    public record Warm(int rounds, long words, long bytes, double medianWordsPerCpuSecond, double minWordsPerCpuSecond,
            double maxWordsPerCpuSecond, double medianMegabytesPerCpuSecond) {
    }

    /**
     * Several threads sharing one detector.
     *
     * @param threads threads
     * @param words words checked by all of them
     * @param wallSeconds wall time from the first text to the last
     * @param wordsPerSecond words per wall second
     * @param wordsPerCpuSecond words per second of the threads' summed CPU time
     */
    public record Parallel(int threads, long words, double wallSeconds, double wordsPerSecond, double wordsPerCpuSecond) {
    }

    /**
     * Runs {@code rounds} passes over {@code texts} on the calling thread after one pass that warms
     * the code and the caches, and returns the figures of the timed rounds.
     */
    public static Warm warm(Function<String, Report> detector, List<String> texts, int rounds) {
        requireWork(texts, rounds);
        long bytesPerRound = bytes(texts);
        pass(detector, texts);
        double[] wordsPerSecond = new double[rounds];
        double[] bytesPerSecond = new double[rounds];
        long words = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = cpuNanos();
            long w = pass(detector, texts);
            double seconds = Math.max(cpuNanos() - t0, 1) / 1e9;
            words += w;
            wordsPerSecond[r] = w / seconds;
            bytesPerSecond[r] = bytesPerRound / seconds;
        }
        double[] sorted = wordsPerSecond.clone();
        Arrays.sort(sorted);
        return new Warm(rounds, words, bytesPerRound * rounds, median(wordsPerSecond), sorted[0], sorted[rounds - 1],
                median(bytesPerSecond) / 1e6);
    }

    /**
     * Checks every text {@code rounds} times with {@code threads} threads that take the texts in
     * turn from one queue, after one untimed round with the same threads (so that each has warmed
     * what the detector keeps for a thread at work: its lattice builder and decoder); the detector
     * must be thread-safe (a {@code Detector} is).
     */
    public static Parallel parallel(Function<String, Report> detector, List<String> texts, int rounds, int threads) {
        requireWork(texts, rounds);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "despin-bench");
            t.setDaemon(true);
            return t;
        });
        try {
            share(pool, threads, detector, texts, 1);
            long t0 = System.nanoTime();
            long[] wordsAndCpu = share(pool, threads, detector, texts, rounds);
            double wall = Math.max(System.nanoTime() - t0, 1) / 1e9;
            long words = wordsAndCpu[0];
            return new Parallel(threads, words, wall, words / wall, words / (Math.max(wordsAndCpu[1], 1) / 1e9));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every text checked {@code rounds} times by {@code threads} tasks on {@code pool}: words and summed CPU nanoseconds. */
    private static long[] share(ExecutorService pool, int threads, Function<String, Report> detector, List<String> texts,
            int rounds) throws InterruptedException, ExecutionException {
        int jobs = texts.size() * rounds;
        AtomicInteger next = new AtomicInteger();
        List<Future<long[]>> done = new ArrayList<>(threads);
        for (int k = 0; k < threads; k++) {
            done.add(pool.submit(() -> {
                long c0 = cpuNanos();
                long words = 0;
                for (int j = next.getAndIncrement(); j < jobs; j = next.getAndIncrement()) {
                    words += detector.apply(texts.get(j % texts.size())).tokens();
                }
                return new long[] {words, cpuNanos() - c0};
            }));
        }
        long words = 0;
        long cpu = 0;
        for (Future<long[]> f : done) {
            long[] r = f.get();
            words += r[0];
            cpu += r[1];
        }
        return new long[] {words, cpu};
    }

    /**
     * LM lookups per second of thread CPU time: every sentence of the texts scored word by word
     * from its start, the state passed along (the sliding window the detector's sentence pass
     * makes), repeated until at least {@code minSeconds} of CPU time and at least once after one
     * warming pass. Words the vocabulary lacks are looked up as the unknown word, as in the
     * detector.
     */
    public static double lmLookups(LanguageModel lm, List<String> texts, double minSeconds) {
        List<int[]> sentences = new ArrayList<>();
        long perPass = 0;
        for (String text : texts) {
            for (String[] words : LmText.sentenceWords(Document.parse(text))) {
                int[] ids = new int[words.length + 1];
                for (int i = 0; i < words.length; i++) {
                    ids[i] = lm.vocabulary().id(words[i]);
                }
                ids[words.length] = Vocabulary.END_SENTENCE;
                sentences.add(ids);
                perPass += ids.length;
            }
        }
        if (perPass == 0) {
            return Double.NaN;
        }
        LmState state = lm.newState();
        float sink = slide(lm, sentences, state);
        long calls = 0;
        long t0 = cpuNanos();
        long spent;
        do {
            sink += slide(lm, sentences, state);
            calls += perPass;
            spent = cpuNanos() - t0;
        } while (spent < minSeconds * 1e9);
        if (Float.isNaN(sink)) {
            throw new IllegalStateException("the language model scored NaN");
        }
        return calls / (Math.max(spent, 1) / 1e9);
    }

    private static float slide(LanguageModel lm, List<int[]> sentences, LmState state) {
        float sum = 0;
        for (int[] ids : sentences) {
            lm.beginSentence(state);
            for (int id : ids) {
                sum += lm.score(state, id, state);
            }
        }
        return sum;
    }

    private static long pass(Function<String, Report> detector, List<String> texts) {
        long words = 0;
        for (String t : texts) {
            words += detector.apply(t).tokens();
        }
        return words;
    }

    private static long bytes(List<String> texts) {
        long n = 0;
        for (String t : texts) {
            n += t.getBytes(StandardCharsets.UTF_8).length;
        }
        return n;
    }

    private static void requireWork(List<String> texts, int rounds) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no texts to time");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
    }

    /** CPU time of the calling thread, or wall time where the JVM cannot measure it. */
    private static long cpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
