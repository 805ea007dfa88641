package org.despin.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.despin.DespinException;
import org.despin.cli.render.ReportJson;
import org.despin.data.DataPaths;
import org.despin.data.spin.BenchDocuments;
import org.despin.detect.CheckOptions;
import org.despin.detect.Report;
import org.despin.eval.Bench;
import org.despin.eval.BenchOptions;
import org.despin.eval.BenchResult;
import org.despin.eval.MemoryUse;
import org.despin.eval.Passages;
import org.despin.eval.Throughput;
import org.despin.lm.LanguageModel;
import org.despin.spin.SpinOptions;
import org.despin.spin.Spinner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code despin bench}: quality and speed figures on held-out text spun by our own spinner. */
@Command(name = "bench", sortOptions = false,
        description = {"Measures despin on clean held-out text and on the same text spun at several rates: span precision, "
                + "recall and F1, exact restorations, false flags on clean text, document AUROC and verdict F1, words per second, "
                + "and precision/recall per confidence threshold.",
            "By default the documents are the held-out part of the default corpora (never used to build a model), cut into "
                    + "passages of 100-150 words and taken from each corpus in turn."})
final class BenchCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    ModelOption model;

    @Option(names = "--docs", paramLabel = "FILE", arity = "1..*",
            description = "clean UTF-8 text files to use instead of the held-out corpora (they must not be in the model's training data)")
    List<String> docs;

    @Option(names = "--technical",
            description = "instead of the default held-out corpora, the prose of Debian's scikit-learn, SciPy and statsmodels "
                    + "documentation (scripts/fetch-debian-data --technical): figures on technical writing, a domain the "
                    + "default model's language model has not read")
    boolean technical;

    @Mixin
    SpinThesaurusOption thesaurus;

    @Option(names = "--rates", paramLabel = "R", split = ",", defaultValue = "0.05,0.1,0.2,0.3,0.4",
            description = "spin rates (default ${DEFAULT-VALUE})")
    List<Double> rates;

    @Option(names = "--seeds", paramLabel = "S", split = ",", defaultValue = "1,2", description = "spinner seeds (default ${DEFAULT-VALUE})")
    List<Long> seeds;

    @Option(names = "--passage-words", paramLabel = "MIN-MAX", defaultValue = "100-150",
            description = "cut documents into passages of this many words (default ${DEFAULT-VALUE})")
    String passageWords;

    @Option(names = "--max-docs", paramLabel = "N", defaultValue = "300",
            description = "use at most N passages (default ${DEFAULT-VALUE})")
    int maxDocs;

    @Option(names = "--speed-rounds", paramLabel = "N", defaultValue = "3",
            description = "after the quality run, check the clean passages N more times on one thread and N times with "
                    + "--threads threads, for the warm speed figures; 0 skips them (default ${DEFAULT-VALUE})")
    int speedRounds;

    @Option(names = "--threads", paramLabel = "N", description = "threads for the parallel speed figure (default: the number of cores)")
    Integer threads;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures as JSON to FILE")
    Path json;

    BenchCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws DespinException {
        BenchOptions options;
        int[] words = passageWords();
        try {
            options = new BenchOptions(rates, seeds, BenchOptions.DEFAULTS.thresholds());
        } catch (IllegalArgumentException e) {
            throw new DespinException(DespinException.Kind.USAGE, e.getMessage());
        }
        if (maxDocs < 1) {
            throw new DespinException(DespinException.Kind.USAGE, "--max-docs must be at least 1, got " + maxDocs);
        }
        if (speedRounds < 0) {
            throw new DespinException(DespinException.Kind.USAGE, "--speed-rounds must be at least 0, got " + speedRounds);
        }
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new DespinException(DespinException.Kind.USAGE, "--threads must be at least 1, got " + threadCount);
        }
        long loadStart = System.nanoTime();
        CliEnvironment.TextChecker checker = env.checkers().load(model.resolve(env));
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        List<String> passages = evenly(passages(words[0], words[1]), maxDocs);
        if (passages.isEmpty()) {
            throw new DespinException(DespinException.Kind.INPUT, "no passage of " + passageWords + " words in the documents");
        }
        Spinner spinner = new Spinner(thesaurus.load(), SpinOptions.DEFAULTS);
        Function<String, Report> detector = text -> checker.check(text, CheckOptions.DEFAULTS);
        BenchResult result = new Bench(detector, spinner, options).run(passages);
        if (speedRounds > 0) {
            result = result.withPerformance(performance(checker, detector, passages, loadSeconds, threadCount));
        }
        env.out().print(result.toTable());
        env.out().flush();
        if (json != null) {
            try (Writer w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
                ReportJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(w, result);
            } catch (IOException e) {
                throw OutputTarget.failed(json, e);
            }
        }
        return ExitCode.OK;
    }

    /** The warm figures on the clean passages (the quality run has just warmed the code and the model's pages). */
    private BenchResult.Performance performance(CliEnvironment.TextChecker checker, Function<String, Report> detector,
            List<String> passages, double loadSeconds, int threadCount) {
        Throughput.Warm warm = Throughput.warm(detector, passages, speedRounds);
        Throughput.Parallel parallel = Throughput.parallel(detector, passages, speedRounds, threadCount);
        LanguageModel lm = checker.languageModel();
        double lookups = lm == null ? Double.NaN : Throughput.lmLookups(lm, passages, 1.0);
        return new BenchResult.Performance(loadSeconds, warm, parallel, lookups, MemoryUse.peaks());
    }

    private int[] passageWords() throws DespinException {
        String[] p = passageWords.split("-");
        try {
            int min = Integer.parseInt(p[0].strip());
            int max = Integer.parseInt(p[p.length - 1].strip());
            if (p.length == 2 && min >= 1 && max >= min) {
                return new int[] {min, max};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DespinException(DespinException.Kind.USAGE, "--passage-words must look like 100-150, got " + passageWords);
    }

    /**
     * Passages of {@code --docs}, of the technical documentation ({@code --technical}), or the held-out passages of the
     * default corpora (the same set the evaluation harness uses).
     */
    private List<String> passages(int min, int max) throws DespinException {
        if (technical && docs != null) {
            throw new DespinException(DespinException.Kind.USAGE, "--technical and --docs name different texts: give one");
        }
        if (technical) {
            List<String> prose = BenchDocuments.technicalPassages(new DataPaths(DataPaths.defaultCache()), min, max, maxDocs);
            env.err().println(String.format(Locale.ROOT, "bench: %d passages of %d-%d words of technical documentation",
                    prose.size(), min, max));
            return prose;
        }
        if (docs == null) {
            List<String> heldOut = BenchDocuments.heldOutPassages(new DataPaths(DataPaths.defaultCache()), min, max, maxDocs);
            env.err().println(String.format(Locale.ROOT, "bench: %d held-out passages of %d-%d words", heldOut.size(), min, max));
            return heldOut;
        }
        List<String> out = new ArrayList<>();
        for (String d : docs) {
            out.addAll(Passages.split(SpinCommand.readWhole(d, env), min, max));
        }
        return out;
    }

    /** At most {@code n} items spread evenly over the list, so every corpus is represented. */
    static <T> List<T> evenly(List<T> all, int n) {
        if (all.size() <= n) {
            return all;
        }
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(all.get((int) ((long) i * all.size() / n)));
        }
        return out;
    }

}
