package org.despin.detect;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.despin.data.DataPaths;
import org.despin.model.Model;
import org.despin.model.Models;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Spinner;

/**
 * Prints everything the detector says about a fixed set of held-out passages (clean, spun at 0.3
 * by the MyThes spinner, and the tortured-phrase carriers): every finding with offsets,
 * suggestion, confidence to 6 digits, alternatives and evidence, and the document's score,
 * verdict and features. Two runs of different code diff to nothing exactly when the detector's
 * output did not change (the check for speed work that must not change results).
 *
 * <pre>
 * java -cp $CP org.despin.detect.DetectorGolden MODEL [passages [FILE...]] &gt; golden.txt
 * </pre>
 *
 * <p>Text files named after the passage count (e.g. the bundled {@code examples/*.txt}) are
 * analysed too, after the passages.
 */
final class DetectorGolden {
    private DetectorGolden() {
    }

    public static void main(String[] args) throws Exception {
        Model model = Models.load(Path.of(args[0]));
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Detector detector = new Detector(model);
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        SpinThesaurus thesaurus = DevMyThes.load(paths.cache());
        List<String> passages = DetectorEvaluation.passages(DetectorEvaluation.heldOutText(paths), 200, 300, count);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int seed = 0;
        for (String p : passages) {
            seed++;
            print(out, "clean " + seed, detector.analyse(p, CheckOptions.DEFAULTS));
            SpinResult s = new Spinner(thesaurus, SpinOptions.of(0.3, seed)).spin(p);
            print(out, "spun " + seed, detector.analyse(s.spunText(), CheckOptions.DEFAULTS));
        }
        int carrierSeed = 0;
        for (String term : TorturedPhrases.TERMS) {
            SpinResult s = new Spinner(thesaurus, SpinOptions.of(1.0, ++carrierSeed).withInsertionRate(0)).spin(term);
            for (String carrier : TorturedPhrases.CARRIERS) {
                print(out, "carrier " + term, detector.analyse(String.format(Locale.ROOT, carrier, term), CheckOptions.DEFAULTS));
                print(out, "tortured " + s.spunText(),
                        detector.analyse(String.format(Locale.ROOT, carrier, s.spunText()), CheckOptions.DEFAULTS));
            }
        }
        for (int i = 2; i < args.length; i++) {
            String text = Files.readString(Path.of(args[i]), StandardCharsets.UTF_8);
            print(out, "file " + args[i], detector.analyse(text, CheckOptions.DEFAULTS));
        }
        out.flush();
    }

    private static void print(PrintStream out, String label, Detector.Analysis a) {
        Report r = a.report();
        DocumentFeatures f = a.features();
        out.printf(Locale.ROOT, "## %s: %s %.6f tokens %d | rate %.6f expected %.6f conf %.6f art %.6f names %d variants %d eligible %d%n",
                label, r.verdict(), r.spinScore(), r.tokens(), f.spinRate(), f.expectedSubstitutions(),
                f.confidencePer100(), f.artefactsPer100(), f.nameFindings(), f.variantGroups(), f.eligibleWords());
        for (Finding x : r.findings()) {
            StringBuilder alts = new StringBuilder();
            for (Alternative alt : x.alternatives()) {
                alts.append(String.format(Locale.ROOT, " %s=%.6f", alt.text(), alt.confidence()));
            }
            out.printf(Locale.ROOT, "%d-%d %s -> %s %.6f [%s ] %s%n", x.start(), x.end(), x.text(), x.suggestion(),
                    x.confidence(), alts, x.evidence());
        }
    }
}
