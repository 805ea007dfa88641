package org.despin.lm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * Compares the lookup rate of two or more builds of the language model in one JVM, by thread CPU
 * time: each variant (a folder of compiled main classes and a model file) gets its own class
 * loader; the passes of the variants alternate, 0.1-0.2 s each, so that they share the minutes
 * and the load of a shared machine; prints each variant's median rate and the median of the
 * paired ratios (variant / first variant, pass by pass), which is far steadier than rates taken
 * in separate runs. The checksums (a hash of the bits of every score and output state) of the
 * variants are equal when they give the same floats.
 *
 * <pre>
 * scripts/bench-lm ab NAME=CLASSES_DIR:MODEL NAME=CLASSES_DIR:MODEL ...
 * </pre>
 */
public final class ScoreAb {
    private ScoreAb() {
    }

    /** Args: held-out ids file, a file holding the dependency class path, rounds, then NAME=CLASSES_DIR:MODEL... */
    public static void main(String[] args) throws Exception {
        int[] ids = LmScoreBenchmark.readIds(Path.of(args[0]));
        List<URL> deps = new ArrayList<>();
        for (String p : Files.readString(Path.of(args[1])).trim().split(":")) {
            deps.add(Path.of(p).toUri().toURL());
        }
        int rounds = Integer.parseInt(args[2]);
        URL bench = ScorePass.class.getProtectionDomain().getCodeSource().getLocation();
        List<String> names = new ArrayList<>();
        List<IntToDoubleFunction> passes = new ArrayList<>();
        for (int v = 3; v < args.length; v++) {
            String[] nameRest = args[v].split("=", 2);
            String[] classesModel = nameRest[1].split(":", 2);
            List<URL> urls = new ArrayList<>();
            urls.add(Path.of(classesModel[0]).toUri().toURL()); // the variant's main classes first
            urls.add(bench);
            urls.addAll(deps);
            ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            passes.add((IntToDoubleFunction) loader.loadClass(ScorePass.class.getName())
                    .getConstructor(String.class, int[].class).newInstance(classesModel[1], ids));
            names.add(nameRest[0]);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int variants = passes.size();
        double[][][] rate = new double[2][variants][rounds];
        for (int round = -3; round < rounds; round++) { // three rounds of warm-up
            for (int pattern = 0; pattern < 2; pattern++) {
                for (int i = 0; i < variants; i++) {
                    int v = (i + Math.max(round, 0)) % variants; // each variant goes first in turn
                    long cpu = mx.getCurrentThreadCpuTime();
                    double sum = passes.get(v).applyAsDouble(pattern);
                    long ns = mx.getCurrentThreadCpuTime() - cpu;
                    if (round >= 0) {
                        rate[pattern][v][round] = ids.length / (ns / 1e3);
                    } else if (round == -1) {
                        say("%s, pattern %d: checksum %x", names.get(v), pattern, (long) sum);
                    }
                }
            }
        }
        String[] patterns = {"sliding window", "candidates in one slot"};
        for (int pattern = 0; pattern < 2; pattern++) {
            StringBuilder line = new StringBuilder(patterns[pattern]).append(" (M calls per CPU second):");
            for (int v = 0; v < variants; v++) {
                double[] r = rate[pattern][v].clone();
                Arrays.sort(r);
                line.append(String.format(Locale.ROOT, " %s median %.2f, best %.2f;", names.get(v), r[rounds / 2],
                        r[rounds - 1]));
            }
            for (int v = 1; v < variants; v++) {
                double[] q = new double[rounds];
                for (int round = 0; round < rounds; round++) {
                    q[round] = rate[pattern][v][round] / rate[pattern][0][round];
                }
                Arrays.sort(q);
                line.append(String.format(Locale.ROOT, " %s / %s median %.3f (quartiles %.3f-%.3f)", names.get(v),
                        names.get(0), q[rounds / 2], q[rounds / 4], q[3 * rounds / 4]));
            }
            say("%s", line);
        }
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
