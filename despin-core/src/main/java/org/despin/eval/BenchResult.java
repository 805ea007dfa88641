package org.despin.eval;

import java.util.List;
import java.util.Locale;

/**
 * The figures of one {@link Bench} run. Records all the way down, so that the CLI can render
 * them as JSON with Jackson; {@link #toTable()} renders them as plain text.
 *
 * @param spinThesaurus the thesaurus the spinner drew from (say whether the detector reads it too)
 * @param clean the detector on the clean documents
 * @param rates one row per spin rate
 * @param thresholds precision and recall per confidence threshold, over the spun documents of every rate pooled
 * @param speed the detector's throughput in this run (its first pass over the texts)
 * @param performance warm speed, model load time, LM lookups and memory, when measured (else null)
 */
public record BenchResult(String spinThesaurus, CleanFigures clean, List<RateFigures> rates,
        List<ThresholdFigures> thresholds, Speed speed, Performance performance) {
    public BenchResult {
        rates = List.copyOf(rates);
        thresholds = List.copyOf(thresholds);
    }

    /** The figures of a run without the performance measurements. */
    public BenchResult(String spinThesaurus, CleanFigures clean, List<RateFigures> rates, List<ThresholdFigures> thresholds,
            Speed speed) {
        this(spinThesaurus, clean, rates, thresholds, speed, null);
    }

    /** These figures with {@code p} as their performance measurements. */
    public BenchResult withPerformance(Performance p) {
        return new BenchResult(spinThesaurus, clean, rates, thresholds, speed, p);
    }

    /**
     * The detector on clean text.
     *
     * @param documents clean documents checked
     * @param words their word and number tokens
     * @param findings findings on them, all of them false flags
     * @param falseFlagsPer100Words findings per 100 words
     * @param calledSpun share of clean documents with verdict spun
     * @param calledUncertain share of clean documents with verdict uncertain
     */
    public record CleanFigures(int documents, long words, long findings, double falseFlagsPer100Words, double calledSpun,
            double calledUncertain) {
    }

    /**
     * The detector on text spun at one rate.
     *
     * @param rate the spin rate
     * @param documents spun documents (clean documents times seeds; those the spinner left unchanged excluded)
     * @param edits gold edits in them
     * @param precision span precision (tokens, see {@link Metrics})
     * @param recall span recall
     * @param f1 span F1
     * @param exactRestorations share of gold edits restored exactly
     * @param cleanTokensChanged share of unchanged tokens of the spun documents that the detector flags
     * @param auroc document AUROC of the spin score, spun versus clean documents
     * @param verdictF1 F1 of the verdict, spun versus clean documents
     * @param calledSpun share of spun documents with verdict spun
     */
    public record RateFigures(double rate, int documents, long edits, double precision, double recall, double f1,
            double exactRestorations, double cleanTokensChanged, double auroc, double verdictF1, double calledSpun) {
    }

    /**
     * Figures when only findings with confidence at least {@code threshold} count.
     *
     * @param threshold the minimum confidence
     * @param precision span precision
     * @param recall span recall
     * @param f1 span F1
     * @param exactRestorations share of gold edits restored exactly
     * @param falseFlagsPer100Words findings per 100 words on the clean documents
     */
    public record ThresholdFigures(double threshold, double precision, double recall, double f1, double exactRestorations,
            double falseFlagsPer100Words) {
    }

    /**
     * Throughput of the detector function in the quality run, measured around its calls (one
     * thread, wall time): the first pass over every text, so it includes the JIT's warm-up and the
     * first reads of the model. {@link Performance} has the warm figures.
     *
     * @param words word and number tokens checked
     * @param seconds time spent inside the detector
     * @param wordsPerSecond words / seconds
     */
    public record Speed(long words, double seconds, double wordsPerSecond) {
    }

    /**
     * What {@code despin bench} measures about speed and memory besides the quality run.
     *
     * @param modelLoadSeconds wall time to load the model and make the detector
     * @param warm the clean texts checked again on one thread (words per CPU second: one core)
     * @param parallel the clean texts checked by several threads sharing the detector
     * @param lmLookupsPerSecond LM lookups per CPU second, a sliding window over the clean texts, or NaN if not measured
     * @param memory the process's peak memory at the end of the run
     */
    public record Performance(double modelLoadSeconds, Throughput.Warm warm, Throughput.Parallel parallel,
            double lmLookupsPerSecond, MemoryUse memory) {
    }

    /** The figures as a plain-text table. */
    public String toTable() {
        StringBuilder sb = new StringBuilder(2048);
        sb.append("spinner thesaurus: ").append(spinThesaurus).append('\n');
        sb.append(String.format(Locale.ROOT,
                "clean: %d documents, %d words, %.2f false flags per 100 words, %.1f %% called spun, %.1f %% uncertain%n",
                clean.documents(), clean.words(), clean.falseFlagsPer100Words(), 100 * clean.calledSpun(),
                100 * clean.calledUncertain()));
        sb.append(String.format(Locale.ROOT, "%-6s %5s %6s %6s %6s %6s %8s %8s %6s %7s %7s%n", "rate", "docs", "edits",
                "P", "R", "F1", "exact", "cleanChg", "AUROC", "vrdF1", "spun%"));
        for (RateFigures r : rates) {
            sb.append(String.format(Locale.ROOT, "%-6.2f %5d %6d %6.3f %6.3f %6.3f %8.3f %8.4f %6.3f %7.3f %7.1f%n",
                    r.rate(), r.documents(), r.edits(), r.precision(), r.recall(), r.f1(), r.exactRestorations(),
                    r.cleanTokensChanged(), r.auroc(), r.verdictF1(), 100 * r.calledSpun()));
        }
        sb.append("by confidence threshold (spun documents of all rates pooled; false flags on the clean documents):\n");
        sb.append(String.format(Locale.ROOT, "%-6s %6s %6s %6s %8s %10s%n", "min", "P", "R", "F1", "exact", "flags/100w"));
        for (ThresholdFigures t : thresholds) {
            sb.append(String.format(Locale.ROOT, "%-6.2f %6.3f %6.3f %6.3f %8.3f %10.3f%n", t.threshold(), t.precision(),
                    t.recall(), t.f1(), t.exactRestorations(), t.falseFlagsPer100Words()));
        }
        sb.append(String.format(Locale.ROOT, "speed: %d words in %.2f s, %.0f words/s (one thread, first pass, wall)%n",
                speed.words(), speed.seconds(), speed.wordsPerSecond()));
        if (performance != null) {
            appendPerformance(sb, performance);
        }
        return sb.toString();
    }

    private static void appendPerformance(StringBuilder sb, Performance p) {
        sb.append(String.format(Locale.ROOT, "model load: %.2f s%n", p.modelLoadSeconds()));
        Throughput.Warm w = p.warm();
        if (w != null) {
            sb.append(String.format(Locale.ROOT,
                    "warm, clean passages, one core: %.0f words/s (%.2f MB/s) of CPU time, median of %d rounds (%.0f-%.0f), %d words%n",
                    w.medianWordsPerCpuSecond(), w.medianMegabytesPerCpuSecond(), w.rounds(), w.minWordsPerCpuSecond(),
                    w.maxWordsPerCpuSecond(), w.words()));
        }
        Throughput.Parallel t = p.parallel();
        if (t != null) {
            sb.append(String.format(Locale.ROOT, "warm, clean passages, %d threads: %.0f words/s wall, %.0f words/s of their CPU time, %d words%n",
                    t.threads(), t.wordsPerSecond(), t.wordsPerCpuSecond(), t.words()));
        }
        if (!Double.isNaN(p.lmLookupsPerSecond())) {
            sb.append(String.format(Locale.ROOT, "LM lookups: %.2f M/s of CPU time (sliding window over the clean texts)%n",
                    p.lmLookupsPerSecond() / 1e6));
        }
        MemoryUse m = p.memory();
        sb.append(String.format(Locale.ROOT, "peak memory: heap %.0f MB, resident %s%n", m.peakHeapBytes() / 1e6,
                m.peakResidentBytes() < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f MB", m.peakResidentBytes() / 1e6)));
    }
}
