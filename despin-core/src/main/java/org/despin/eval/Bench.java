package org.despin.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.despin.detect.Finding;
import org.despin.detect.Report;
import org.despin.detect.Verdict;
import org.despin.spin.SpinResult;
import org.despin.spin.Spinner;
import org.despin.text.Document;

/**
 * The evaluation harness behind {@code despin bench}: spins clean held-out documents at several
 * rates and seeds, runs the detector on spun and clean versions, and computes the
 * {@link Metrics}. Pure computation: the caller loads documents and renders the result.
 *
 * <pre>{@code
 * BenchResult r = new Bench(text -> despin.check(text), spinner, BenchOptions.DEFAULTS).run(heldOutTexts);
 * System.out.print(r.toTable());
 * }</pre>
 *
 * <p>The documents must be held out from every model the detector uses, or the figures measure
 * memory. Document {@code i} spun with seed {@code s} uses the spinner seed {@link #documentSeed}.
 */
public final class Bench {
    private final Function<String, Report> detector;
    private final Spinner spinner;
    private final BenchOptions options;

    public Bench(Function<String, Report> detector, Spinner spinner, BenchOptions options) {
        this.detector = detector;
        this.spinner = spinner;
        this.options = options;
    }

    /** A checked document: what the detector said, with the gold edits when it was spun. */
    private record Checked(String text, SpinResult spin, Report report) {
    }

    /** The seed for document {@code index} under bench seed {@code seed}: distinct per document, stable across runs. */
    public static long documentSeed(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Runs the bench over {@code cleanDocuments} (at least one). */
    public BenchResult run(List<String> cleanDocuments) {
        if (cleanDocuments.isEmpty()) {
            throw new IllegalArgumentException("the bench needs at least one clean document");
        }
        Timer timer = new Timer();
        List<Checked> clean = new ArrayList<>(cleanDocuments.size());
        for (String text : cleanDocuments) {
            clean.add(new Checked(text, null, timer.check(text)));
        }
        List<Checked> allSpun = new ArrayList<>();
        List<BenchResult.RateFigures> rates = new ArrayList<>();
        for (double rate : options.rates()) {
            List<Checked> spun = new ArrayList<>();
            for (long seed : options.seeds()) {
                for (int i = 0; i < cleanDocuments.size(); i++) {
                    SpinResult s = spinner.withOptions(spinner.options().withRate(rate).withSeed(documentSeed(seed, i)))
                            .spin(cleanDocuments.get(i));
                    if (!s.edits().isEmpty()) {
                        spun.add(new Checked(s.spunText(), s, timer.check(s.spunText())));
                    }
                }
            }
            rates.add(rateFigures(rate, spun, clean));
            allSpun.addAll(spun);
        }
        List<BenchResult.ThresholdFigures> thresholds = new ArrayList<>();
        for (double t : options.thresholds()) {
            thresholds.add(thresholdFigures(t, allSpun, clean));
        }
        return new BenchResult(spinner.thesaurus().name(), cleanFigures(clean), rates, thresholds, timer.speed());
    }

    private static BenchResult.CleanFigures cleanFigures(List<Checked> clean) {
        long words = 0;
        long findings = 0;
        List<Verdict> verdicts = new ArrayList<>(clean.size());
        for (Checked c : clean) {
            words += Document.parse(c.text()).wordCount();
            findings += c.report().findings().size();
            verdicts.add(c.report().verdict());
        }
        return new BenchResult.CleanFigures(clean.size(), words, findings, Metrics.per100Words(findings, words),
                Metrics.calledSpun(verdicts), Metrics.share(verdicts, Verdict.UNCERTAIN));
    }

    private static BenchResult.RateFigures rateFigures(double rate, List<Checked> spun, List<Checked> clean) {
        SpanCounts counts = SpanCounts.ZERO;
        long edits = 0;
        long exact = 0;
        double[] spunScores = new double[spun.size()];
        List<Verdict> spunVerdicts = new ArrayList<>(spun.size());
        for (int i = 0; i < spun.size(); i++) {
            Checked c = spun.get(i);
            List<Finding> findings = c.report().findings();
            counts = counts.plus(Metrics.spanCounts(c.text(), c.spin().edits(), findings));
            edits += c.spin().edits().size();
            exact += Metrics.exactRestorations(c.text(), c.spin().edits(), findings);
            spunScores[i] = c.report().spinScore();
            spunVerdicts.add(c.report().verdict());
        }
        double[] cleanScores = clean.stream().mapToDouble(c -> c.report().spinScore()).toArray();
        List<Verdict> cleanVerdicts = clean.stream().map(c -> c.report().verdict()).toList();
        double auroc = spun.isEmpty() ? Double.NaN : Metrics.auroc(spunScores, cleanScores);
        return new BenchResult.RateFigures(rate, spun.size(), edits, counts.precision(), counts.recall(), counts.f1(),
                edits == 0 ? 0.0 : (double) exact / edits, counts.cleanTokensFlagged(), auroc,
                Metrics.verdictF1(spunVerdicts, cleanVerdicts), Metrics.calledSpun(spunVerdicts));
    }

    private static BenchResult.ThresholdFigures thresholdFigures(double threshold, List<Checked> spun, List<Checked> clean) {
        SpanCounts counts = SpanCounts.ZERO;
        long edits = 0;
        long exact = 0;
        for (Checked c : spun) {
            List<Finding> findings = Metrics.atLeast(c.report(), threshold);
            counts = counts.plus(Metrics.spanCounts(c.text(), c.spin().edits(), findings));
            edits += c.spin().edits().size();
            exact += Metrics.exactRestorations(c.text(), c.spin().edits(), findings);
        }
        long words = 0;
        long flags = 0;
        for (Checked c : clean) {
            words += Document.parse(c.text()).wordCount();
            flags += Metrics.atLeast(c.report(), threshold).size();
        }
        return new BenchResult.ThresholdFigures(threshold, counts.precision(), counts.recall(), counts.f1(),
                edits == 0 ? 0.0 : (double) exact / edits, Metrics.per100Words(flags, words));
    }

    /** Times the detector calls and counts the words they read. */
    private final class Timer {
        private long nanos;
        private long words;

        Report check(String text) {
            long t0 = System.nanoTime();
            Report r = detector.apply(text);
            nanos += System.nanoTime() - t0;
            words += r.tokens();
            return r;
        }

        BenchResult.Speed speed() {
            double seconds = nanos / 1e9;
            return new BenchResult.Speed(words, seconds, seconds == 0 ? 0.0 : words / seconds);
        }
    }
}
