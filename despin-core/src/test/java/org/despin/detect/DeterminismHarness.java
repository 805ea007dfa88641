package org.despin.detect;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.despin.model.Model;
import org.despin.model.Models;

/**
 * Manual harness, not a test: checks texts on several threads, each round from a freshly loaded
 * model and a new detector (cold caches, where the threads race to fill them), and prints every
 * text whose copies did not all get the same report. Args: model threads copies rounds text...
 * {@code -DshareModel=true} loads the model once (warm lexicon caches, a new detector per round),
 * {@code -DshareDetector=true} also keeps one detector.
 *
 * <pre>
 * java -cp ... org.despin.detect.DeterminismHarness /tmp/despin-dev/default.dspm 2 2 100 examples/*.txt
 * </pre>
 */
public final class DeterminismHarness {
    private DeterminismHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path modelPath = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        int copies = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        List<String> names = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            names.add(Path.of(args[i]).getFileName().toString());
            texts.add(Files.readString(Path.of(args[i]), StandardCharsets.UTF_8));
        }
        Model shared = Boolean.getBoolean("shareModel") || Boolean.getBoolean("shareDetector") ? Models.load(modelPath) : null;
        Detector sharedDetector = Boolean.getBoolean("shareDetector") ? new Detector(shared) : null;
        int bad = 0;
        for (int round = 0; round < rounds; round++) {
            Model model = shared != null ? shared : Models.load(modelPath);
            Detector detector = sharedDetector != null ? sharedDetector : new Detector(model);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<String>> out = new ArrayList<>();
            for (int c = 0; c < copies; c++) {
                for (String t : texts) {
                    out.add(pool.submit(() -> signature(detector.check(t, CheckOptions.DEFAULTS))));
                }
            }
            // text -> report -> the copies that got it
            Map<String, Map<String, List<Integer>>> byText = new TreeMap<>();
            for (int k = 0; k < out.size(); k++) {
                byText.computeIfAbsent(names.get(k % texts.size()), x -> new TreeMap<>())
                        .computeIfAbsent(out.get(k).get(), x -> new ArrayList<>()).add(k / texts.size());
            }
            pool.shutdown();
            for (Map.Entry<String, Map<String, List<Integer>>> e : byText.entrySet()) {
                if (e.getValue().size() > 1) {
                    bad++;
                    System.out.println("round " + round + " " + e.getKey() + ": " + e.getValue().size() + " variants");
                    for (Map.Entry<String, List<Integer>> v : e.getValue().entrySet()) {
                        List<Integer> idx = v.getValue();
                        System.out.println("   x" + idx.size() + " copies "
                                + (idx.size() > 5 ? idx.subList(0, 5) + "..." : idx) + " " + v.getKey());
                    }
                } else if (round == 0) {
                    System.out.println("round 0 " + e.getKey() + ": " + e.getValue().keySet().iterator().next());
                }
            }
        }
        System.out.println("texts that differed between copies, over all rounds: " + bad);
    }

    /** The report's figures to the last bit. */
    static String signature(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.verdict()).append(' ').append(r.spinScore()).append(' ').append(r.findings().size());
        for (Finding f : r.findings()) {
            sb.append(" [").append(f.start()).append(' ').append(f.suggestion()).append(' ').append(f.confidence()).append(']');
        }
        return sb.toString();
    }
}
