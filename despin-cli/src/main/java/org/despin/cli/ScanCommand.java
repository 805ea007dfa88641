package org.despin.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.despin.DespinException;
import org.despin.cli.input.InputException;
import org.despin.cli.input.InputStatus;
import org.despin.cli.scan.ScanStatus;
import org.despin.cli.scan.ScanSummary;
import org.despin.cli.scan.Scanner;
import org.despin.detect.CheckOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code despin scan PATH... --out results.jsonl}: screens a corpus, one JSON line per document, resumable. */
@Command(name = "scan", sortOptions = false,
        description = {"Checks every document of folders of text files, JSONL files (.jsonl, .jsonl.gz) and WARC web archives "
                + "(.warc, .warc.gz; HTML and plain-text responses) on all cores, and writes one JSON line per document "
                + "(id, source, status, verdict, spinScore, words, findings, top findings) in input order.",
            "Resumable: run again with the same --out and the documents already there are skipped. A document that cannot "
                + "be checked gets its status (not-text, too-long, unreadable, invalid-utf8, empty, error) and the run goes on.",
            "A summary goes to standard error at the end."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every document checked",
            "2:bad option or argument",
            "3:a PATH does not exist, or no document could be checked",
            "4:model missing, corrupt or of another format version",
            "5:the output or summary could not be written",
            "6:some documents could not be checked (see their status)",
            "70:internal error (run with --debug and report it)"})
final class ScanCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "folders (read recursively, in sorted order) and files")
    List<Path> paths;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "the results (JSON Lines); appended to when it exists, skipping the documents already in it")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--summary", paramLabel = "FILE", description = "also write the summary as a self-contained HTML page")
    Path summary;

    @Option(names = "--text-field", paramLabel = "F", defaultValue = "text",
            description = "the JSONL field holding the text (default: ${DEFAULT-VALUE})")
    String textField;

    @Option(names = "--id-field", paramLabel = "F", defaultValue = "id",
            description = "the JSONL field holding the id (default: ${DEFAULT-VALUE}; else file:line)")
    String idField;

    @Mixin
    ModelOption model;

    @Option(names = "--min-confidence", paramLabel = "P",
            description = "report only findings at least this sure (0-1; default: the model's default, 0.5)")
    Double minConfidence;

    ScanCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws DespinException {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new DespinException(DespinException.Kind.USAGE, "--threads must be at least 1, got " + n);
        }
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new InputException(p.toString(), InputStatus.MISSING, "no such file or folder");
            }
        }
        CheckOptions options = Options.check(minConfidence);
        DocumentChecker documents = new DocumentChecker(env.checkers().load(model.resolve(env)));
        boolean interactive = env.stdoutIsTerminal();
        ProgressBar bar = new ProgressBar(env.err(), "scanning");
        Scanner scanner = new Scanner(text -> documents.check(text, options),
                new Scanner.Settings(n, textField, idField, Scanner.Settings.DEFAULT_MAX_RECORD_BYTES),
                interactive ? bar::updateDocuments : Scanner.Progress.NONE);
        Scanner.Result result;
        ScanSummary s;
        long started = System.nanoTime();
        try {
            try {
                result = scanner.scan(paths, out);
            } finally {
                if (interactive) {
                    bar.finish();
                }
            }
            s = ScanSummary.of(out);
        } catch (IOException e) {
            throw OutputTarget.failed(out, e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        env.err().println("scanned: " + result.written() + " documents checked now, " + result.skipped()
                + " already in " + out);
        env.err().println(String.format(Locale.ROOT, "time: %.1f s for %,d input bytes (%.1f documents/s, %.2f MB/s, %d threads)",
                seconds, result.inputBytes(), result.written() / Math.max(seconds, 1e-9),
                result.inputBytes() / 1e6 / Math.max(seconds, 1e-9), n));
        env.err().print(s.text());
        env.err().flush();
        if (summary != null) {
            try {
                Files.writeString(summary, s.html(out.getFileName().toString()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw OutputTarget.failed(summary, e);
            }
        }
        long checked = s.count(ScanStatus.OK);
        if (s.documents() > 0 && checked == 0) {
            return ExitCode.INPUT;
        }
        return checked < s.documents() ? ExitCode.SOME_INPUTS_FAILED : ExitCode.OK;
    }
}
