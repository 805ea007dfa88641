package org.despin.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.despin.DespinException;
import org.despin.source.IndexProgress;
import org.despin.source.IndexingSummary;
import org.despin.source.Restorer;
import org.despin.source.SkipReason;
import org.despin.source.SourceIndexWriter;
import org.despin.source.SourceIndexer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code despin index PATH... --out DIR}: builds or extends a source index over a reference collection. */
@Command(name = "index", sortOptions = false,
        description = {"Builds a source index for 'despin source' and '--index' over folders of .txt files "
                + "(id = path inside the folder), text files (id = file name) and JSON Lines files (.jsonl: one "
                + "object per line with an id and a text field).",
            "Adds to an existing index: a document whose id is already there replaces it. Files that cannot be "
                + "indexed (binary, not UTF-8, empty, bad JSON) are skipped and counted."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (some inputs may have been skipped: see the summary)", "2:bad option or argument",
            "3:an input path does not exist, or nothing could be indexed",
            "4:the folder holds an index of another format version", "5:the index could not be written",
            "70:internal error (run with --debug)"})
final class IndexCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "folders, text files or .jsonl files")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the index folder (created when new)")
    Path out;

    @Option(names = "--id-field", paramLabel = "NAME", defaultValue = "id",
            description = "JSON Lines field holding the id (default: ${DEFAULT-VALUE})")
    String idField;

    @Option(names = "--text-field", paramLabel = "NAME", defaultValue = "text",
            description = "JSON Lines field holding the text (default: ${DEFAULT-VALUE})")
    String textField;

    IndexCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws DespinException {
        ProgressBar bar = env.stdoutIsTerminal() ? new ProgressBar(env.err(), "indexing") : null;
        IndexingSummary summary;
        // sources are fingerprinted as written: they are the clean originals (see docs/benchmarks-source.md)
        try (SourceIndexWriter writer = SourceIndexWriter.open(out, Restorer.IDENTITY)) {
            summary = new SourceIndexer(writer, new SourceIndexer.Options(idField, textField),
                    bar == null ? IndexProgress.NONE : (done, total, documents) -> bar.update(done, total)).index(inputs);
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.OUTPUT, "cannot write source index " + out + ": " + e.getMessage(), e);
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
        for (String example : summary.examples()) {
            env.err().println("despin: skipped " + example);
        }
        env.err().flush();
        env.out().println("indexed " + summary.added() + " document" + (summary.added() == 1 ? "" : "s") + " into " + out
                + " (the index holds " + summary.indexSize() + ")" + skippedText(summary.skipped()));
        env.out().flush();
        if (summary.added() == 0 && summary.skippedTotal() > 0) {
            throw new DespinException(DespinException.Kind.INPUT, "nothing could be indexed: every input was skipped");
        }
        return ExitCode.OK;
    }

    private static String skippedText(Map<SkipReason, Long> skipped) {
        if (skipped.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("; skipped ");
        long total = 0;
        for (long v : skipped.values()) {
            total += v;
        }
        b.append(total).append(": ");
        boolean first = true;
        for (Map.Entry<SkipReason, Long> e : skipped.entrySet()) {
            b.append(first ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey().description());
            first = false;
        }
        return b.toString();
    }
}
