package org.despin.detect;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.despin.data.DataPaths;
import org.despin.lm.ForwardingLanguageModel;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmState;
import org.despin.model.Model;
import org.despin.model.Models;

/**
 * Counts the language-model calls of {@code Detector.check} per word, by the part of the pipeline
 * that makes them (a wrapper over the model's LM that walks the stack on every call: slow, for
 * counting only). Runs the passages of {@code DetectorEvaluation speed} twice with one detector
 * and prints the counts of each pass (the first fills the caches, the second is the warm pass):
 * calls per word, those with a context (at least one word before the scored one) and those whose
 * bigram (the context's last word, the scored word) the model stores; a call with a context whose
 * bigram is not stored needs no search beyond the bigram level (and none with the bigram filter).
 *
 * <pre>
 * java -Xmx5g -cp $CP org.despin.detect.DetectorCallCount MODEL 200
 * java -Xmx5g -cp $CP -DspeedSpun=0.3 org.despin.detect.DetectorCallCount MODEL 60   # spun text (widened)
 * </pre>
 */
final class DetectorCallCount {
    private DetectorCallCount() {
    }

    /** Passes every call through, counting it under the caller the stack names. */
    private static final class Counting extends ForwardingLanguageModel {
        final Map<String, long[]> counts = new HashMap<>();
        private static final StackWalker WALKER = StackWalker.getInstance();

        Counting(LanguageModel lm) {
            super(lm);
        }

        @Override
        public float score(LmState in, int word, LmState out) {
            long[] c = counts.computeIfAbsent(caller(), k -> new long[3]);
            c[0]++;
            if (in.length() > 0) {
                c[1]++;
                if (delegate().matchedOrder(in, word) >= 2) {
                    c[2]++;
                }
            }
            return super.score(in, word, out);
        }

        /** The phase (outermost detector step) and the nearest detector method. */
        private static String caller() {
            // the batch queries' default methods (which call score) name the caller's bulk read
            String batch = WALKER.walk(s -> s.skip(2)
                    .filter(f -> f.getClassName().equals("org.despin.lm.LanguageModel"))
                    .map(f -> " " + f.getMethodName()).findFirst().orElse(""));
            List<String> frames = WALKER.walk(s -> s.skip(2)
                    .filter(f -> f.getClassName().startsWith("org.despin.detect"))
                    .map(f -> f.getClassName().substring("org.despin.detect.".length()) + "." + f.getMethodName())
                    .toList());
            String nearest = frames.isEmpty() ? "?" : frames.get(0);
            String phase = "?";
            for (String f : frames) {
                if (f.startsWith("LatticeBuilder.build") || f.startsWith("LatticeBuilder.refine")
                        || f.startsWith("LatticeBuilder.widen")
                        || f.startsWith("SpinRateEstimator.estimate") || f.startsWith("SpinRateEstimator.decodeAgain")
                        || f.startsWith("FindingBuilder") || f.startsWith("Detector.features")) {
                    phase = f;
                }
            }
            String via = "";
            for (String f : frames) {
                if (f.startsWith("TermCandidates.") || f.startsWith("CandidateTable.") || f.equals("Evidence.gain")
                        || f.equals("LatticeBuilder.compound") || f.equals("LatticeBuilder.insertion")) {
                    via += " via " + f;
                }
            }
            return String.format(Locale.ROOT, "%-32s %s%s%s", phase, nearest, batch, via);
        }
    }

    public static void main(String[] args) throws Exception {
        Model loaded = Models.load(Path.of(args[0]));
        Counting lm = new Counting(loaded.lm());
        Model model = new Model(lm, loaded.lexicon(), loaded.info(), loaded.terms(), loaded.names());
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        // -DspeedSpun=R: the passages spun at rate R (MyThes), as DetectorEvaluation speed reads them
        List<String> passages = DetectorEvaluation.speedPassages(DevMyThes.load(paths.cache()),
                DetectorEvaluation.passages(DetectorEvaluation.heldOutText(paths), 200, 300, Integer.parseInt(args[1])));
        Detector detector = new Detector(model);
        for (int pass = 0; pass < 2; pass++) {
            lm.counts.clear();
            long words = 0;
            for (String p : passages) {
                words += detector.check(p, CheckOptions.DEFAULTS).tokens();
            }
            long total = 0;
            for (long[] c : lm.counts.values()) {
                total += c[0];
            }
            System.out.printf(Locale.ROOT, "pass %d: %d words, %d LM calls, %.2f per word%n", pass, words, total,
                    total / (double) words);
            System.out.println("  per word  with context  stored bigram  caller");
            for (Map.Entry<String, long[]> e : new TreeMap<>(lm.counts).entrySet()) {
                long[] c = e.getValue();
                System.out.printf(Locale.ROOT, "  %8.3f  %8.3f  %8.3f  %s%n", c[0] / (double) words, c[1] / (double) words,
                        c[2] / (double) words, e.getKey());
            }
        }
    }
}
