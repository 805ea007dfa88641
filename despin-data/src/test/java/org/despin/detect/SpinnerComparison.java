package org.despin.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.despin.data.DataPaths;
import org.despin.lexicon.Candidate;
import org.despin.model.Model;
import org.despin.model.Models;
import org.despin.spin.Edit;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Spinner;

/**
 * How the training spinners' edits differ from the held-out spinner's on the same passages:
 * fit-fold passages of 100-150 words, each spun at 0.3 with the same seed by every spinner
 * (MyThes only to DESCRIBE the held-out spinner; nothing of it is fitted or kept). Per spinner: edits
 * per 100 words, phrase edits, "X and Y" insertions, the share of edits the model's lexicon lists
 * (and by which link), the replacement's and the original's unigram log10 P (median), and the
 * share of edits whose replacement is 10x rarer than the original.
 *
 * <pre>
 *   java -cp ... org.despin.detect.SpinnerComparison MODEL [passages] [variants, e.g. plain,rare:0.5,rare:1]
 * </pre>
 */
public final class SpinnerComparison {
    private SpinnerComparison() {
    }

    public static void main(String[] args) throws Exception {
        Model model = Models.load(Path.of(args[0]));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        List<String> variants = List.of((args.length > 2 ? args[2] : "plain").split(","));
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        List<String> passages = DetectorEvaluation.passages(ArcFitting.trainingText(paths, true), 100, 150, n);
        ToDoubleFunction<String> unigram = TrainingSpinners.unigrams(model.lm());
        Map<String, Spinner> spinners = new LinkedHashMap<>();
        spinners.put("mythes (held-out; described only)", new Spinner(DevMyThes.load(paths.cache()), SpinOptions.of(0.3, 1)));
        for (String v : variants) {
            System.setProperty("trainSpin", v);
            Spinner[] pair = TrainingSpinners.load(paths, model.lm());
            spinners.put("moby " + v, pair[0]);
            spinners.put("wordnet " + v, pair[1]);
        }
        System.out.printf(Locale.ROOT, "%d fit-fold passages of 100-150 words, rate 0.3, seeds 1..%d%n", passages.size(), n);
        System.out.println("| spinner | edits/100 words | phrase edits | insertions | lexicon lists it | as synonym | as related word | in pool | replacement log10 P (median) | original log10 P (median) | replacement 10x rarer | replacement unknown to LM |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        DetectorSettings settings = DetectorSettings.DEFAULTS;
        CandidateTable pool = new CandidateTable(model.lexicon(), model.lm(), settings);
        for (Map.Entry<String, Spinner> e : spinners.entrySet()) {
            int edits = 0;
            int words = 0;
            int phrase = 0;
            int insertion = 0;
            int listed = 0;
            int synonym = 0;
            int related = 0;
            int inPool = 0;
            int rarer = 0;
            int unknown = 0;
            List<Double> repl = new ArrayList<>();
            List<Double> orig = new ArrayList<>();
            int seed = 0;
            for (String p : passages) {
                words += org.despin.text.Document.parse(p).wordCount();
                SpinResult s = e.getValue().withOptions(SpinOptions.of(0.3, ++seed)).spin(p);
                for (Edit ed : s.edits()) {
                    edits++;
                    String sp = CoverageDiagnostic.normal(ed.spun());
                    String or = CoverageDiagnostic.normal(ed.original());
                    if (sp.startsWith(or + " and ")) {
                        insertion++;
                        continue;
                    }
                    if (sp.indexOf(' ') >= 0 || or.indexOf(' ') >= 0) {
                        phrase++;
                    }
                    for (Candidate c : model.lexicon().candidates(sp)) {
                        if (c.original().equals(or)) {
                            listed++;
                            if (c.source().startsWith(org.despin.lexicon.LinkFeatures.RELATED_SOURCE)) {
                                related++;
                            } else {
                                synonym++;
                            }
                            break;
                        }
                    }
                    for (PreparedCandidate c : pool.candidates(sp)) {
                        if (c.original().equals(or)) {
                            inPool++;
                            break;
                        }
                    }
                    double r = unigram.applyAsDouble(sp);
                    double o = unigram.applyAsDouble(or);
                    if (r == Double.NEGATIVE_INFINITY) {
                        unknown++;
                    }
                    if (sp.indexOf(' ') < 0 && or.indexOf(' ') < 0) {
                        repl.add(Math.max(r, -9));
                        orig.add(Math.max(o, -9));
                        if (r < o - 1) {
                            rarer++;
                        }
                    }
                }
            }
            double words1 = repl.size();
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f %% | %.1f %% | %.1f %% | %.1f %% | %.1f %% | %.1f %% | %.2f | %.2f | %.1f %% | %.1f %% |%n",
                    e.getKey(), 100.0 * edits / words, pct(phrase, edits), pct(insertion, edits), pct(listed, edits),
                    pct(synonym, edits), pct(related, edits), pct(inPool, edits), median(repl), median(orig),
                    pct(rarer, (int) words1), pct(unknown, edits));
        }
    }

    private static double pct(int a, int b) {
        return b == 0 ? 0 : 100.0 * a / b;
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length == 0 ? Double.NaN : a[a.length / 2];
    }
}
