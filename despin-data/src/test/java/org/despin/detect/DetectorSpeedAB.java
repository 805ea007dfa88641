package org.despin.detect;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.despin.data.DataPaths;

/**
 * Compares the speed of {@code Detector.check} built from different code on a shared, loaded
 * machine: each variant (a directory of despin-core classes, e.g. main's and a branch's
 * {@code despin-core/target/classes} copied aside) is loaded in a class loader of its own, with
 * the same model file, and the variants take turns passage by passage (the order swapped every
 * passage), so that they see the same machine load at millisecond scale. Per round and variant:
 * words per second of this thread's CPU time; at the end the median of each variant and of each
 * variant's per-round ratio to the first. Separate runs of {@code DetectorEvaluation speed} on this
 * machine spread up to 2x; these ratios within about 10 %. (Thread CPU time leaves out the
 * garbage collector's threads.)
 *
 * <p>{@code -DspeedSpun=0.3}: the passages spun at that rate with MyThes (most are then called spun).
 *
 * <p>{@code -Dcold=true}: every round loads the model again and makes new detectors, so that each
 * round fills the caches (the lexicon's candidate lists, the detector's candidate and term caches)
 * with the code already compiled: the cost of the first pass over new text, without the JIT's.
 *
 * <pre>
 * java -Xmx5g -cp $CP org.despin.detect.DetectorSpeedAB MODEL PASSAGES ROUNDS CLASSES_A CLASSES_B ...
 * </pre>
 * A variant written {@code CLASSES@MODEL_FILE} reads that model instead of MODEL (a change of code and model timed
 * together).
 */
final class DetectorSpeedAB {
    private DetectorSpeedAB() {
    }

    /** One variant's detector, called through reflection (its classes are not this loader's). */
    private record Variant(String name, ClassLoader loader, Object[] detector, Method check, Object options,
            Method tokens, List<Double> rates, Path ownModel) {
        int check(String text) throws ReflectiveOperationException {
            return (int) tokens.invoke(check.invoke(detector[0], text, options));
        }

        /** A new detector over a new load of the model: every cache empty. */
        void fresh(Path model) throws ReflectiveOperationException {
            model = ownModel == null ? model : ownModel;
            Object m = loader.loadClass("org.despin.model.Models").getMethod("load", Path.class).invoke(null, model);
            detector[0] = loader.loadClass("org.despin.detect.Detector")
                    .getConstructor(loader.loadClass("org.despin.model.Model")).newInstance(m);
        }
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        // -DspeedSpun=R: the passages spun at rate R (MyThes), to time what documents called spun pay for
        List<String> passages = DetectorEvaluation.speedPassages(DevMyThes.load(paths.cache()),
                DetectorEvaluation.passages(DetectorEvaluation.heldOutText(paths), 200, 300, count));
        URL slf4j = org.slf4j.LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation();
        List<Variant> variants = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            // CLASSES@MODEL: this variant reads a model of its own (a model change timed with its code)
            String[] spec = args[i].split("@", 2);
            ClassLoader loader = new URLClassLoader(new URL[] {Path.of(spec[0]).toUri().toURL(), slf4j},
                    ClassLoader.getPlatformClassLoader());
            Class<?> detector = loader.loadClass("org.despin.detect.Detector");
            Class<?> options = loader.loadClass("org.despin.detect.CheckOptions");
            Variant x = new Variant(args[i], loader, new Object[1], detector.getMethod("check", String.class, options),
                    options.getField("DEFAULTS").get(null), loader.loadClass("org.despin.detect.Report").getMethod("tokens"),
                    new ArrayList<>(), spec.length > 1 ? Path.of(spec[1]) : null);
            x.fresh(model);
            variants.add(x);
        }
        boolean cold = Boolean.getBoolean("cold");
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        int v = variants.size();
        for (int round = -2; round < rounds; round++) { // two warm-up rounds
            if (cold && round > -2) {
                for (Variant x : variants) {
                    x.fresh(model);
                }
            }
            long[] cpu = new long[v];
            long[] words = new long[v];
            for (int p = 0; p < passages.size(); p++) {
                for (int j = 0; j < v; j++) {
                    int k = (p + round) % 2 == 0 ? j : v - 1 - j;
                    long t0 = bean.getCurrentThreadCpuTime();
                    words[k] += variants.get(k).check(passages.get(p));
                    cpu[k] += bean.getCurrentThreadCpuTime() - t0;
                }
            }
            for (int k = 0; k < v; k++) {
                double rate = words[k] / (cpu[k] / 1e9);
                if (round >= 0) {
                    variants.get(k).rates().add(rate);
                }
                System.out.printf(Locale.ROOT, "round %d %s: %.0f words/s of CPU time%n", round, variants.get(k).name(), rate);
            }
        }
        if (rounds == 0) {
            return;
        }
        for (Variant x : variants) {
            List<Double> r = new ArrayList<>(x.rates());
            Collections.sort(r);
            System.out.printf(Locale.ROOT, "%s: median %.0f (min %.0f, max %.0f) words/s of CPU time%n", x.name(),
                    r.get(r.size() / 2), r.get(0), r.get(r.size() - 1));
        }
        for (int k = 1; k < v; k++) {
            List<Double> q = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                q.add(variants.get(k).rates().get(round) / variants.get(0).rates().get(round));
            }
            Collections.sort(q);
            System.out.printf(Locale.ROOT, "%s / %s: median ratio %.3f (min %.3f, max %.3f)%n", variants.get(k).name(),
                    variants.get(0).name(), q.get(q.size() / 2), q.get(0), q.get(q.size() - 1));
        }
    }
}
