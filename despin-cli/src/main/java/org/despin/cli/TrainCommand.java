package org.despin.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.despin.DespinException;
import org.despin.lm.LmTrainer;
import org.despin.lm.TrainingReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code despin train CORPUS... --out MODEL}: a language model from a user's own corpus. */
@Command(name = "train", sortOptions = false,
        description = {"Trains a language model (modified Kneser-Ney) on plain-text or JSONL files, in bounded memory, "
                + "and writes a model file that check, restore and model info read.",
            "The lexicon is copied from the base model (--model or $DESPIN_MODEL, the default model under ./despin); "
                    + "--mix-default also interpolates the base model's language model.",
            "Unreadable, binary or non-UTF-8 files are skipped with a message; a progress bar shows on a terminal."})
final class TrainCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Parameters(arity = "1..*", paramLabel = "CORPUS", description = "plain-text files, or .jsonl/.ndjson files with one JSON object per line")
    List<Path> corpora;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "the model file to write")
    Path out;

    @Option(names = "--order", paramLabel = "N", defaultValue = "4", description = "n-gram order (default ${DEFAULT-VALUE})")
    int order;

    @Option(names = "--text-field", paramLabel = "F", defaultValue = "text",
            description = "the JSONL field that holds the text (default ${DEFAULT-VALUE})")
    String textField;

    @Option(names = "--mix-default", paramLabel = "λ",
            description = "interpolate the base model's language model with this weight, 0-1 (default: not mixed)")
    Double mixDefault;

    @Option(names = "--model", paramLabel = "PATH",
            description = "the base model whose lexicon and terms are copied and whose names are joined with the text's (default: $DESPIN_MODEL; without one the output holds only a language model and the text's names)")
    Path base;

    @Option(names = "--memory", paramLabel = "MB", defaultValue = "512",
            description = "memory for n-gram counts and for each sort buffer of the estimation, which works from "
                    + "sorted files on disk (default ${DEFAULT-VALUE}); the heap needs about twice this plus the vocabulary")
    long memoryMb;

    @Option(names = "--temp-dir", paramLabel = "DIR",
            description = "where the temporary count and estimation files go (default: the system temporary folder); "
                    + "they take a few times the size of the model and are deleted at the end")
    Path tempDir;

    TrainCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws DespinException {
        Path baseModel = base;
        if (baseModel == null && env.env().get("DESPIN_MODEL") != null && !env.env().get("DESPIN_MODEL").isBlank()) {
            baseModel = Path.of(env.env().get("DESPIN_MODEL"));
        }
        if (mixDefault != null && baseModel == null) {
            throw new DespinException(DespinException.Kind.MODEL,
                    "--mix-default needs a base model: pass --model FILE or set DESPIN_MODEL (./despin sets it)");
        }
        LmTrainer.Options options;
        try {
            options = LmTrainer.Options.defaults().withOrder(order).withJsonField(textField)
                    .withMemoryBudget(memoryMb << 20).withTempDir(tempDir);
            if (baseModel != null) {
                options = options.withBaseModel(baseModel, mixDefault == null ? 0 : mixDefault);
            }
        } catch (IllegalArgumentException e) {
            throw new DespinException(DespinException.Kind.USAGE, e.getMessage());
        }
        boolean interactive = env.stdoutIsTerminal();
        ProgressBar bar = new ProgressBar(env.err(), "training");
        long started = System.nanoTime();
        TrainingReport r;
        try {
            r = new LmTrainer(options).train(corpora, out, interactive ? bar::update : LmTrainer.Progress.NONE);
        } finally {
            if (interactive) {
                bar.finish();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        for (TrainingReport.Skipped s : r.skipped()) {
            env.err().println("despin: " + s.file() + ": skipped: " + s.reason());
        }
        var o = env.out();
        o.println("model: " + out + " (" + String.format(Locale.ROOT, "%,d", r.modelBytes()) + " bytes)");
        o.println(String.format(Locale.ROOT, "read: %d file%s, %,d bytes, %,d sentences, %,d words (%d skipped)",
                r.filesRead().size(), r.filesRead().size() == 1 ? "" : "s", r.bytesRead(), r.sentences(), r.words(),
                r.skipped().size()));
        StringBuilder grams = new StringBuilder();
        long[] counts = r.ngramCounts();
        for (int i = 0; i < counts.length; i++) {
            grams.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,d %d-grams", counts[i], i + 1));
        }
        o.println("n-grams: " + grams);
        if (r.badJsonLines() > 0) {
            o.println("JSONL lines without a string field '" + textField + "': " + r.badJsonLines());
        }
        o.println(String.format(Locale.ROOT, "time: %.1f s (%.2f MB/s), %d count chunk%s spilled to disk", seconds,
                seconds > 0 ? r.bytesRead() / 1e6 / seconds : 0, r.chunksSpilled(), r.chunksSpilled() == 1 ? "" : "s"));
        o.flush();
        return ExitCode.OK;
    }
}
