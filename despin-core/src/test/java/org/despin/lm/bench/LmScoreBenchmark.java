package org.despin.lm.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.despin.DespinException;
import org.despin.lm.LmFormat;
import org.despin.lm.LmState;
import org.despin.lm.TrieLanguageModel;
import org.despin.lm.Vocabulary;
import org.despin.model.ModelFile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * LM lookups per second on one core, on pre-converted ids: a sliding window over held-out text
 * (each word scored from the state the previous word left, {@code </s>} ends a sentence), and
 * the decoder's pattern of many candidate words scored from one state. Needs the files that
 * {@link LmBench} writes ({@code -p dir=...}); {@code -p model=...} names another model in that
 * folder, whose held-out ids ({@link ConvertIds}) must be there too. Besides the calls per wall
 * second, JMH prints the totals {@code calls} and {@code cpuNanos} (the thread's CPU time) of the
 * measured iterations: calls per CPU second = calls / cpuNanos * 1e9, steadier than wall time on a
 * shared machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class LmScoreBenchmark {
    static final int BATCH = 10_000;

    @Param("/tmp/despin-lm-bench")
    public String dir;

    @Param("bench.model")
    public String model;

    private TrieLanguageModel lm;
    private int[] ids;
    private int[] candidates;
    private int position;
    private LmState state;
    private LmState out;

    @Setup
    public void setUp() throws IOException, DespinException {
        lm = LmFormat.read(ModelFile.open(Path.of(dir, model)));
        ids = readIds(Path.of(dir, "heldout.ids"));
        state = lm.newState();
        out = lm.newState();
        lm.beginSentence(state);
        // candidates: held-out words in random order, as a lattice slot would offer them
        candidates = ids.clone();
        Random r = new Random(1);
        for (int i = candidates.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = candidates[i];
            candidates[i] = candidates[j];
            candidates[j] = t;
        }
    }

    /** The benchmark thread's CPU time and calls, totalled by JMH (auxiliary counters). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
        public long cpuNanos;
        public long calls;

        long now() {
            return MX.getCurrentThreadCpuTime();
        }
    }

    static int[] readIds(Path p) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(p)))) {
            int[] a = new int[in.readInt()];
            for (int i = 0; i < a.length; i++) {
                a[i] = in.readInt();
            }
            return a;
        }
    }

    /** Sliding window: BATCH consecutive held-out words, state passed along. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public float slidingWindow(CpuTime cpu) {
        long start = cpu.now();
        float sum = 0;
        int p = position;
        int[] a = ids;
        LmState s = state;
        for (int i = 0; i < BATCH; i++) {
            int w = a[p];
            sum += lm.score(s, w, s);
            if (w == Vocabulary.END_SENTENCE) {
                lm.beginSentence(s);
            }
            if (++p == a.length) {
                p = 0;
            }
        }
        position = p;
        cpu.cpuNanos += cpu.now() - start;
        cpu.calls += BATCH;
        return sum;
    }

    /** Lattice slot: at each held-out position, 10 candidate words scored from the same state. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public float candidatesInOneSlot(CpuTime cpu) {
        long start = cpu.now();
        float sum = 0;
        int p = position;
        int[] a = ids;
        LmState s = state;
        for (int i = 0; i < BATCH / 10; i++) {
            for (int c = 0; c < 10; c++) {
                sum += lm.score(s, candidates[(p * 10 + c) % candidates.length], out);
            }
            int w = a[p];
            lm.score(s, w, s);
            if (w == Vocabulary.END_SENTENCE) {
                lm.beginSentence(s);
            }
            if (++p == a.length) {
                p = 0;
            }
        }
        position = p;
        cpu.cpuNanos += cpu.now() - start;
        cpu.calls += BATCH;
        return sum;
    }
}
