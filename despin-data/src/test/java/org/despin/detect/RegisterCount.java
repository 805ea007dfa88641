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
        System.out.printf(Locale.ROOT, "%d of %d passages technical (register >= %.2f)%n", technical, ps.size(),
                d.settings().technicalRegister());
    }
}
