package org.despin.detect;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.despin.data.DataPaths;
import org.despin.eval.Metrics;
import org.despin.eval.SpanCounts;
import org.despin.model.Model;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.Spinner;

/**
 * The unspun finding model's threshold by document length (DetectorEvaluation mode {@code findingbands N}, branch
 * {@code gate23}): N passages of each length range ({@code -DbandRanges=100-150,150-200,200-300}) of the TRAINING
 * documents (with {@code -DfoldLm=PATH} the fit fold only, read with the fold LM, {@link FoldModel}; never the held-out
 * ones), each checked clean and spun (rates {@code -DbandRates=0.1,0.3} in turn, the training spinners, never MyThes)
 * by the detector at each variant {@code -DbandVariants=GATE:T,...} (the settings given with that
 * {@code evidenceGate} and the finding model's bias -logit(T), {@code findingBands} off; {@code GATE:settings} the
 * settings given as they are): clean flags per 100 words and spun token P / R / F1, exact restorations, exactly as the
 * detector decides (boost, widening, deepening). The same passages and spins for every variant, so the variants'
 * differences are paired. The range {@code technical}: N 100-150-word passages of the technical documentation after the
 * first {@code -DfitTechnicalSkip} (default 600) of {@code BenchDocuments.technicalPassages}' order (the technical
 * bench reads the first 150; docscore21's training pages).
 */
final class FindingBandFitting {

    private FindingBandFitting() {
    }

    static void run(Model model, DetectorSettings settings, DataPaths paths, int count) throws Exception {
        String foldLm = System.getProperty("foldLm");
        Model fitModel = FoldModel.forFitting(model, paths);
        List<String> training = ArcFitting.trainingText(paths, foldLm != null);
        Spinner[] spinners = TrainingSpinners.load(paths, model.lm());
        double[] rates = Arrays.stream(System.getProperty("bandRates", "0.1,0.3").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        String[] variants = System.getProperty("bandVariants", "1.0:0.35,0.8:0.39").split(",");
        Detector[] detectors = new Detector[variants.length];
        double[] weights = settings.findingModel().weights();
        for (int v = 0; v < variants.length; v++) {
            String[] f = variants[v].split(":");
            DetectorSettings.Builder b = settings.with().evidenceGate(Double.parseDouble(f[0]));
            if (!f[1].equals("settings")) {
                double t = Double.parseDouble(f[1]);
                b.findingModel(new FindingModel(weights, -Math.log(t / (1 - t)))).findingBands(null);
            }
            detectors[v] = new Detector(fitModel, b.build());
        }
        System.out.printf(Locale.ROOT, "training passages (%s), %d per range, each clean and spun at %s%n",
                foldLm != null ? "fit fold, fold LM" : "all training documents, the model's own LM", count,
                Arrays.toString(rates));
        int seed = 9000;
        for (String range : System.getProperty("bandRanges", "100-150,200-300").split(",")) {
            List<String> passages;
            if (range.equals("technical")) {
                // 100-150-word passages of the technical documentation after the first -DfitTechnicalSkip (default 600) of
                // BenchDocuments' order (docscore21's training pages; the technical bench reads the first 150)
                int skip = Integer.getInteger("fitTechnicalSkip", 600);
                List<String> tech = org.despin.data.spin.BenchDocuments.technicalPassages(paths, 100, 150, skip + count);
                passages = tech.subList(Math.min(skip, tech.size()), tech.size());
            } else {
                String[] r = range.split("-");
                passages = DetectorEvaluation.passages(training, Integer.parseInt(r[0]), Integer.parseInt(r[1]), count);
            }
            long[][] sums = new long[variants.length][7]; // clean words, clean flags, tp, fp, fn, exact, edits
            long[] boosted = new long[variants.length];
            int failed = 0;
            for (int i = 0; i < passages.size(); i++) {
                String p = passages.get(i);
                Spinner spinner = spinners[(i / rates.length) % spinners.length];
                SpinResult s = spinner.withOptions(SpinOptions.of(rates[i % rates.length], ++seed)).spin(p);
                Report[] cleans = new Report[variants.length];
                Report[] spuns = new Report[variants.length];
                double[] spunRouting = new double[variants.length]; // the routing score: whether the decode was boosted
                try {
                    for (int v = 0; v < variants.length; v++) {
                        cleans[v] = detectors[v].check(p, CheckOptions.DEFAULTS);
                        Detector.Trace spunTrace = detectors[v].trace(s.spunText(), CheckOptions.DEFAULTS);
                        spuns[v] = spunTrace.report();
                        spunRouting[v] = spunTrace.routingScore();
                    }
                } catch (RuntimeException e) { // a detector failure: the passage left out of every variant, reported
                    failed++;
                    System.out.printf(Locale.ROOT, "FAILED passage %d (%s): %s%n", i, range, e);
                    continue;
                }
                for (int v = 0; v < variants.length; v++) {
                    Report clean = cleans[v];
                    sums[v][0] += clean.tokens();
                    sums[v][1] += clean.findings().size();
                    Report spun = spuns[v];
                    SpanCounts sc = Metrics.spanCounts(s.spunText(), s.edits(), spun.findings());
                    sums[v][2] += sc.truePositives();
                    sums[v][3] += sc.falsePositives();
                    sums[v][4] += sc.falseNegatives();
                    sums[v][5] += Metrics.exactRestorations(s.spunText(), s.edits(), spun.findings());
                    sums[v][6] += s.edits().size();
                    boosted[v] += spunRouting[v] >= detectors[v].settings().spunThreshold() ? 1 : 0;
                }
            }
            System.out.printf(Locale.ROOT, "%n## %s words: %d passages (%d failed, left out)%n", range, passages.size() - failed,
                    failed);
            System.out.println("variant (gate:t)   clean words  flags  /100    spun P     R      F1     exact   boosted");
            for (int v = 0; v < variants.length; v++) {
                long[] a = sums[v];
                double pr = (double) a[2] / Math.max(1, a[2] + a[3]);
                double re = (double) a[2] / Math.max(1, a[2] + a[4]);
                System.out.printf(Locale.ROOT, "%-18s %11d %6d  %.3f   %.3f  %.3f  %.4f  %.1f %%  %.1f %%%n", variants[v],
                        a[0], a[1], 100.0 * a[1] / Math.max(1, a[0]), pr, re, pr + re == 0 ? 0 : 2 * pr * re / (pr + re),
                        100.0 * a[5] / Math.max(1, a[6]), 100.0 * boosted[v] / Math.max(1, passages.size()));
            }
            System.out.flush();
        }
    }
}
