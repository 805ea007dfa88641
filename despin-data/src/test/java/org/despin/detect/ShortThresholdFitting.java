package org.despin.detect;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.despin.data.DataPaths;
import org.despin.model.Model;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.Spinner;

/**
 * The document score's spun threshold by length (DetectorEvaluation mode {@code shortfit N}, branch
 * {@code shortverdict}): clean passages of the TRAINING documents (with {@code -DfoldLm=PATH} the fit fold only,
 * read with the fold LM, {@link FoldModel}; never the held-out ones) of 10-60, 60-99 and 100-150 words (N of each),
 * each also spun at 0.3 by the training spinners (never MyThes); prints the clean spin-score quantiles per length
 * band and the share of spun passages at or above each quantile, the threshold a band needs to call at most 2 % of
 * clean text spun, and that quantile moved in log-odds by as much as the settings' {@code spunThreshold} lies above the
 * 100-150-word quantile ("anchored", the rule of {@link SpunBands}). {@code -DshortRanges=10-60,60-99} other ranges; {@code -DshortDump=FILE}: one TSV row per passage (words, label, score) to choose bands offline.
 */
final class ShortThresholdFitting {

    private static final int[][] RANGES = {{10, 60}, {60, 99}, {100, 150}};
    private static final int[][] BANDS = {{10, 19}, {20, 29}, {30, 39}, {40, 49}, {50, 59}, {60, 79}, {80, 99},
            {10, 39}, {40, 59}, {60, 99}, {40, 99}, {10, 49}, {50, 99}, {10, 99}, {100, 150}};

    private ShortThresholdFitting() {
    }

    static void run(Model model, DetectorSettings settings, DataPaths paths, int count) throws Exception {
        String foldLm = System.getProperty("foldLm");
        Model fitModel = FoldModel.forFitting(model, paths);
        Detector detector = new Detector(fitModel, settings);
        List<String> training = ArcFitting.trainingText(paths, foldLm != null);
        Spinner[] spinners = TrainingSpinners.load(paths, model.lm());
        List<double[]> rows = new ArrayList<>(); // words, label, score
        int seed = 5000;
        // -DshortRanges=10-60,60-99: other ranges of passages (N of each)
        int[][] ranges = System.getProperty("shortRanges") == null ? RANGES
                : Arrays.stream(System.getProperty("shortRanges").split(",")).map(r -> r.split("-"))
                        .map(r -> new int[] {Integer.parseInt(r[0]), Integer.parseInt(r[1])}).toArray(int[][]::new);
        for (int[] range : ranges) {
            List<String> passages = DetectorEvaluation.passages(training, range[0], range[1], count);
            for (int i = 0; i < passages.size(); i++) {
                String p = passages.get(i);
                Report clean = detector.check(p, CheckOptions.DEFAULTS);
                rows.add(new double[] {clean.tokens(), 0, clean.spinScore()});
                Spinner spinner = spinners[i % spinners.length];
                SpinResult s = spinner.withOptions(SpinOptions.of(0.3, ++seed)).spin(p);
                Report spun = detector.check(s.spunText(), CheckOptions.DEFAULTS);
                rows.add(new double[] {spun.tokens(), 1, spun.spinScore()});
            }
        }
        System.out.printf(Locale.ROOT, "training passages (%s), %d per range %s, each clean and spun at 0.3; settings spun %.2f%n",
                foldLm != null ? "fit fold, fold LM" : "all training documents, the model's own LM", count,
                Arrays.deepToString(ranges), settings.verdictScoreOrRouting().spunThreshold());
        List<Double> long150 = new ArrayList<>(); // the anchor: the clean 98 % quantile at 100-150 words
        for (double[] r : rows) {
            if (r[0] >= 100 && r[0] <= 150 && r[1] == 0) {
                long150.add(r[2]);
            }
        }
        long150.sort(null);
        double shift = long150.isEmpty() ? Double.NaN : logit(settings.verdictScoreOrRouting().spunThreshold()) - logit(quantile(long150, 0.98));
        System.out.printf(Locale.ROOT, "anchor: 100-150-word clean 98 %% quantile %s, spunThreshold %.2f: shift %.3f log-odds%n",
                long150.isEmpty() ? "(none)" : String.format(Locale.ROOT, "%.3f", quantile(long150, 0.98)), settings.verdictScoreOrRouting().spunThreshold(), shift);
        for (int[] band : BANDS) {
            List<Double> clean = new ArrayList<>();
            List<Double> spun = new ArrayList<>();
            for (double[] r : rows) {
                if (r[0] >= band[0] && r[0] <= band[1]) {
                    (r[1] == 0 ? clean : spun).add(r[2]);
                }
            }
            if (clean.isEmpty()) {
                continue;
            }
            clean.sort(null);
            double q98 = quantile(clean, 0.98);
            System.out.printf(Locale.ROOT, "%3d-%3d words: %4d clean, quantiles 0.50 %.3f 0.90 %.3f 0.95 %.3f 0.98 %.3f 0.99 %.3f;"
                    + " clean >= %.2f: %.1f %%; spun 0.3 (%d) >= %.2f: %.1f %%, >= q98: %.1f %%; anchored q98 %.3f%n",
                    band[0], band[1], clean.size(), quantile(clean, 0.5), quantile(clean, 0.9), quantile(clean, 0.95), q98,
                    quantile(clean, 0.99), settings.verdictScoreOrRouting().spunThreshold(), 100 * share(clean, settings.verdictScoreOrRouting().spunThreshold()), spun.size(),
                    settings.verdictScoreOrRouting().spunThreshold(), 100 * share(spun, settings.verdictScoreOrRouting().spunThreshold()), 100 * share(spun, q98),
                    1 / (1 + Math.exp(-(logit(q98) + shift))));
        }
        String dump = System.getProperty("shortDump");
        if (dump != null) {
            StringBuilder sb = new StringBuilder("words\tlabel\tscore\n");
            for (double[] r : rows) {
                sb.append((int) r[0]).append('\t').append((int) r[1]).append('\t').append(r[2]).append('\n');
            }
            Files.writeString(Path.of(dump), sb, StandardCharsets.UTF_8);
        }
    }

    /** The q quantile of sorted values (the value below which a share q lies, nearest rank). */
    static double quantile(List<Double> sorted, double q) {
        int k = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, k)));
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    private static double share(List<Double> values, double threshold) {
        return values.stream().filter(v -> v >= threshold).count() / (double) Math.max(1, values.size());
    }
}
