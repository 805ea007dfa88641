package org.despin.detect;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.despin.data.DataPaths;
import org.despin.model.Models;

/**
 * Two models under the same code, paired: one detector per model, passage by passage in turn
 * (the order swapped every round) in one JVM, so that both see the same machine; per round the
 * words per second of thread CPU time of each and their ratio B / A. The first round is cold
 * (caches filling, code compiling). {@link DetectorSpeedAB} is the same for two builds of the code
 * on one model.
 *
 * <pre>
 * java -Xmx6g -cp $CP org.despin.detect.ModelSpeedAB MODEL_A MODEL_B PASSAGES ROUNDS
 * </pre>
 */
final class ModelSpeedAB {
    private ModelSpeedAB() {
    }

    public static void main(String[] args) throws Exception {
        List<String> passages = DetectorEvaluation.passages(
                DetectorEvaluation.heldOutText(new DataPaths(DataPaths.defaultCache())), 200, 300,
                Integer.parseInt(args[2]));
        Detector[] detectors = {new Detector(Models.load(Path.of(args[0]))), new Detector(Models.load(Path.of(args[1])))};
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int rounds = Integer.parseInt(args[3]);
        for (int r = 0; r < rounds; r++) {
            long[] nanos = new long[2];
            long[] words = new long[2];
            for (String passage : passages) {
                int count = passage.split("\\s+").length;
                for (int i = 0; i < 2; i++) {
                    int k = r % 2 == 0 ? i : 1 - i;
                    long start = mx.getCurrentThreadCpuTime();
                    detectors[k].check(passage, CheckOptions.DEFAULTS);
                    nanos[k] += mx.getCurrentThreadCpuTime() - start;
                    words[k] += count;
                }
            }
            double a = words[0] / (nanos[0] / 1e9);
            double b = words[1] / (nanos[1] / 1e9);
            System.out.printf(Locale.ROOT, "round %d: A %.0f, B %.0f words/s of CPU time, B / A %.3f%n", r, a, b, b / a);
        }
    }
}
