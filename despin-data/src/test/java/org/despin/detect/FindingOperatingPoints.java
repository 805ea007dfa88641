package org.despin.detect;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.despin.eval.Metrics;
import org.despin.spin.Alignment;
import org.despin.spin.Edit;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Spinner;

/**
 * The finding model's operating points in one pass (DetectorEvaluation {@code findingpoints N}):
 * every held-out passage is decoded once with the settings given, then its findings are made again
 * for each threshold, t for documents the boost leaves ({@code -Dunboosted="0.36,0.42"}) and t for
 * documents called spun, decided over the boosted decode by the settings' {@code spunFindingModel}
 * (or, when that is null, their {@code findingModel}) at that threshold ({@code -Dboosted="off,0.6,0.8"};
 * off = the boosted decode's posteriors, the detector before branch {@code findings2}). Prints
 * clean flags/100 words (all, modern), spun 0.3 P / R / F1 and exact (the spinner of
 * {@code spun}), and the bundled example, for every pair; the figures match {@code cleanspun}.
 */
final class FindingOperatingPoints {
    private FindingOperatingPoints() {
    }

    /** Counts of one kind of document (called spun or not) for one threshold. */
    private static final class Counts {
        long cleanFlags;
        long modernFlags;
        long tp;
        long fp;
        long fn;
        long exact;
        long exFlagged;
        long exFalse;
        long exExact;
    }

    static void run(Detector detector, SpinThesaurus thesaurus, List<DetectorEvaluation.Labelled> clean,
            List<String> spunPassages, Path example) throws Exception {
        double[] unboosted = parse(System.getProperty("unboosted", "0.30,0.33,0.36,0.39,0.42,0.45"));
        double[] boosted = parse(System.getProperty("boosted", "off,0.5,0.6,0.7,0.8,0.9"));
        // the thresholds of documents the settings widen as uncertain (unspunEvidenceGate, score in [clean, spun)),
        // decided by uncertainFindingModel's weights (or findingModel's); unset: they count with the unboosted ones
        String uncertainList = System.getProperty("uncertain");
        double[] uncertain = uncertainList == null ? null : parse(uncertainList);
        Counts[][] un = new Counts[uncertain == null ? 1 : uncertain.length][];
        for (int k = 0; k < un.length; k++) {
            un[k] = new Counts[1];
            un[k][0] = new Counts();
        }
        Counts[] u = new Counts[unboosted.length];
        Counts[] b = new Counts[boosted.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = new Counts();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = new Counts();
        }
        long cleanWords = 0;
        long modernWords = 0;
        long edits = 0;
        for (DetectorEvaluation.Labelled p : clean) {
            Detector.Trace t = detector.trace(p.text(), CheckOptions.DEFAULTS);
            boolean modern = p.group() != null && p.group().modern;
            cleanWords += t.doc().wordCount();
            modernWords += modern ? t.doc().wordCount() : 0;
            for (Tally x : tally(detector, t, unboosted, boosted, u, b, uncertain, un)) {
                x.counts().cleanFlags += x.findings().size();
                x.counts().modernFlags += modern ? x.findings().size() : 0;
            }
        }
        Spinner spinner = new Spinner(thesaurus, SpinOptions.of(0.3, 7));
        int seed = 0;
        for (String p : spunPassages) {
            SpinResult s = spinner.withOptions(SpinOptions.of(0.3, ++seed)).spin(p);
            Detector.Trace t = detector.trace(s.spunText(), CheckOptions.DEFAULTS);
            edits += s.edits().size();
            for (Tally x : tally(detector, t, unboosted, boosted, u, b, uncertain, un)) {
                Counts c = x.counts();
                org.despin.eval.SpanCounts sc = Metrics.spanCounts(s.spunText(), s.edits(), x.findings());
                c.tp += sc.truePositives();
                c.fp += sc.falsePositives();
                c.fn += sc.falseNegatives();
                c.exact += Metrics.exactRestorations(s.spunText(), s.edits(), x.findings());
            }
        }
        String text = Files.readString(example, StandardCharsets.UTF_8);
        Path tsv = Path.of(example.toString().replaceAll("\\.txt$", ".alignment.tsv"));
        List<Edit> exEdits = Alignment.parse(Files.readString(tsv, StandardCharsets.UTF_8), tsv.toString());
        Detector.Trace t = detector.trace(text, CheckOptions.DEFAULTS);
        for (Tally tally : tally(detector, t, unboosted, boosted, u, b, uncertain, un)) {
            Counts c = tally.counts();
            List<Finding> f = tally.findings();
            c.exFlagged += exEdits.stream().filter(e -> f.stream().anyMatch(x -> x.start() < e.end() && e.start() < x.end())).count();
            c.exFalse += f.stream().filter(x -> exEdits.stream().noneMatch(e -> x.start() < e.end() && e.start() < x.end())).count();
            c.exExact += Metrics.exactRestorations(text, exEdits, f);
        }
        System.out.printf(Locale.ROOT, "%d clean passages (%d words, %d modern), %d spun 0.3 (%d edits), example %d edits%n",
                clean.size(), cleanWords, modernWords, spunPassages.size(), edits, exEdits.size());
        System.out.println("t unboosted  t boosted  clean all  modern   spun P      R      F1     exact   example flagged/false/exact");
        if (uncertain != null) {
            System.out.println("(t uncertain: the widened documents called neither spun nor clean, then the rows below)");
        }
        for (int k = 0; k < un.length; k++) {
          for (int i = 0; i < u.length; i++) {
            for (int j = 0; j < b.length; j++) {
                Counts x = u[i];
                Counts y = b[j];
                Counts z = un[k][0];
                if (uncertain != null && i == 0 && j == 0) {
                    System.out.printf(Locale.ROOT, "t uncertain %s: %d clean flags in uncertain documents%n", label(uncertain[k]),
                            z.cleanFlags);
                }
                long tp = x.tp + y.tp + z.tp;
                long fp = x.fp + y.fp + z.fp;
                long fn = x.fn + y.fn + z.fn;
                double pr = (double) tp / Math.max(1, tp + fp);
                double r = (double) tp / Math.max(1, tp + fn);
                System.out.printf(Locale.ROOT, "%-11s  %-9s  %.3f      %.3f    %.3f  %.3f  %.3f  %5.1f %%   %d / %d / %d%n",
                        label(unboosted[i]), label(boosted[j]), 100.0 * (x.cleanFlags + y.cleanFlags + z.cleanFlags) / cleanWords,
                        100.0 * (x.modernFlags + y.modernFlags + z.modernFlags) / Math.max(1, modernWords), pr, r,
                        pr + r == 0 ? 0 : 2 * pr * r / (pr + r), 100.0 * (x.exact + y.exact + z.exact) / Math.max(1, edits),
                        x.exFlagged + y.exFlagged + z.exFlagged, x.exFalse + y.exFalse + z.exFalse,
                        x.exExact + y.exExact + z.exExact);
            }
          }
        }
    }

    /** One counter this document adds to and the document's findings at that counter's threshold. */
    private record Tally(Counts counts, List<Finding> findings) {
    }

    /** The document's findings at every threshold of its kind (called spun or not), with the counters they add to. */
    private static List<Tally> tally(Detector detector, Detector.Trace t, double[] unboosted, double[] boosted,
            Counts[] u, Counts[] b, double[] uncertain, Counts[][] un) {
        DetectorSettings s = detector.settings();
        boolean isBoosted = s.spunBoost() != 0 && t.routingScore() >= s.spunThreshold();
        boolean isUncertain = !isBoosted && !Double.isNaN(s.unspunEvidenceGate()) && s.findingModel() != null
                && s.widensUncertain(t.routingScore()) && FindingModel.decidesIn(t.doc().wordCount());
        double[] ts = isBoosted ? boosted : isUncertain && uncertain != null ? uncertain : unboosted;
        Counts[] cs = isBoosted ? b : u;
        if (isUncertain) {
            // every uncertain threshold's counter, or (no list) each unboosted one's
            cs = new Counts[ts.length];
            for (int k = 0; k < ts.length; k++) {
                cs[k] = uncertain != null ? un[k][0] : u[k];
            }
        }
        List<Tally> out = new ArrayList<>(ts.length);
        for (int i = 0; i < ts.length; i++) {
            double th = ts[i];
            FindingModel fitted = isBoosted && s.spunFindingModel() != null ? s.spunFindingModel()
                    : isUncertain && s.uncertainFindingModel() != null ? s.uncertainFindingModel() : s.findingModel();
            FindingModel m = Double.isNaN(th) ? null : fitted.withBias(-Math.log(th / (1 - th)));
            // off: the boosted decode's posteriors in a document called spun, the detector's findings elsewhere
            List<Finding> f = !FindingModel.decidesIn(t.doc().wordCount()) || m == null && !isBoosted ? t.report().findings()
                    : new FindingBuilder(t.doc(), t.estimate(), m, t.routingScore(), Double.NaN, detector.lm()).findings(t.lattices(),
                            CheckOptions.DEFAULTS.minConfidence());
            out.add(new Tally(cs[i], f));
        }
        return out;
    }

    private static double[] parse(String list) {
        return java.util.Arrays.stream(list.split(",")).mapToDouble(v -> v.trim().equals("off") ? Double.NaN
                : Double.parseDouble(v.trim())).toArray();
    }

    private static String label(double t) {
        return Double.isNaN(t) ? "off" : String.format(Locale.ROOT, "%.2f", t);
    }
}
