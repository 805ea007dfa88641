package org.despin.detect;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.despin.data.DataPaths;
import org.despin.model.Models;
import org.despin.text.Document;

/** Diagnostic: how many held-out passages (MIN-MAX words, the first N) read as technical at the default register gate. */
final class RegisterCount {
    public static void main(String[] args) throws Exception {
        Detector d = new Detector(Models.load(Path.of(args[0])));
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        List<String> ps = args.length > 1 && args[1].equals("technical")
                ? org.despin.data.spin.BenchDocuments.technicalPassages(paths, 100, 150, 150)
                : DetectorEvaluation.passages(DetectorEvaluation.heldOutText(paths), Integer.parseInt(args[1]),
                        Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        int technical = 0;
        for (String p : ps) {
            double r = d.termCandidates().register(Document.parse(p).tokens());
            technical += r >= d.settings().technicalRegister() ? 1 : 0;
            if (Boolean.getBoolean("print") && r >= d.settings().technicalRegister()) {
                System.out.printf(Locale.ROOT, "%.3f %s%n", r, p.substring(0, Math.min(150, p.length())));
            }
        }
        if (Boolean.getBoolean("matches")) { // the matcher's work on the technical passages: matches and time, both tables
            for (boolean full : new boolean[] {false, true, false, true}) {
                long t0 = System.nanoTime();
                long count = 0;
                for (String p : ps) {
                    Document doc = Document.parse(p);
                    if (!(d.termCandidates().register(doc.tokens()) >= d.settings().technicalRegister())) {
                        continue;
                    }
                    for (org.despin.text.Sentence s : doc.sentences()) {
                        LatticeBuilder.SentenceWords w = LatticeBuilder.SentenceWords.of(doc.tokens(), s);
                        count += d.termCandidates().forDocument(full).matches(w, true, full).size();
                    }
                }
                System.out.printf(Locale.ROOT, "%s table: %d matches, %.0f ms%n", full ? "full" : "everyday", count,
                        (System.nanoTime() - t0) / 1e6);
            }
            // the technical ones checked with and without the gated terms, alternating, thread CPU time
            Detector off = new Detector(d.model(), d.settings().with().technicalRegister(Double.NaN).build());
            java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
            List<String> tech = ps.stream().filter(p -> d.termCandidates().register(Document.parse(p).tokens())
                    >= d.settings().technicalRegister()).toList();
            for (int round = 0; round < 8; round++) {
                long[] cpu = new long[2];
                for (String p : tech) {
                    for (int k = 0; k < 2; k++) {
                        int v = (k + round) % 2;
                        long t0 = bean.getCurrentThreadCpuTime();
                        (v == 0 ? off : d).check(p, CheckOptions.DEFAULTS);
                        cpu[v] += bean.getCurrentThreadCpuTime() - t0;
                    }
                }
                System.out.printf(Locale.ROOT, "round %d: technical passages without / with the gated terms: %.0f / %.0f ms%n",
                        round, cpu[0] / 1e6, cpu[1] / 1e6);
            }
        }
        System.out.printf(Locale.ROOT, "%d of %d passages technical (register >= %.2f)%n", technical, ps.size(),
                d.settings().technicalRegister());
    }
}
