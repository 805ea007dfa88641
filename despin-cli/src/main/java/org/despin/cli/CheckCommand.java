package org.despin.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.despin.DespinException;
import org.despin.cli.input.InputException;
import org.despin.cli.input.InputStatus;
import org.despin.cli.input.TextSource;
import org.despin.cli.render.HtmlRenderer;
import org.despin.cli.render.JsonRenderer;
import org.despin.cli.render.Renderer;
import org.despin.cli.render.TextRenderer;
import org.despin.detect.CheckOptions;
import org.despin.detect.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code despin check FILE...}: finds spun spans, names their likely originals, gives a verdict. */
@Command(name = "check", sortOptions = false,
        description = {"Finds the spans of each input that an article spinner produced, with the likely originals, "
                + "a confidence and the evidence, and a document verdict (spun, clean, uncertain) with a spin score.",
            "Several inputs are checked in order; one that cannot be read gets its own error line and the others still run."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:all inputs checked (with --fail-on-spun: none spun)",
            "1:--fail-on-spun given and some input was called spun",
            "2:bad option or argument",
            "3:no input could be read (missing, directory, binary, invalid UTF-8, empty, too long)",
            "4:model missing, corrupt or of another format version",
            "5:output could not be written",
            "6:several inputs given and some could not be read",
            "70:internal error (run with --debug and report it)"})
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json, html }

    private final CliEnvironment env;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "text files to check (UTF-8); - reads standard input")
    List<String> inputs;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (marked input and a summary), json (the despin.report/1 contract; JSON Lines for several inputs) "
                    + "or html (one self-contained report). Default: ${DEFAULT-VALUE}")
    Format format;

    @Mixin
    ModelOption model;

    @Mixin
    SourceIndexOption sourceIndex; // --index DIR: source-guided restoration (despin-source)

    @Option(names = "--min-confidence", paramLabel = "P",
            description = "report only findings at least this sure (0-1; default: the model's default, 0.5)")
    Double minConfidence;

    @Option(names = "--fail-on-spun", description = "exit with code 1 when some input is called spun (for pipelines)")
    boolean failOnSpun;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the result to FILE instead of standard output")
    Path output;

    CheckCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws DespinException {
        CheckOptions options = Options.check(minConfidence);
        CliEnvironment.TextChecker checker = sourceIndex.guide(env.checkers().load(model.resolve(env)), env);
        DocumentChecker documents = new DocumentChecker(checker);
        boolean batch = inputs.size() > 1;
        int failed = 0;
        boolean spun = false;
        Writer out = OutputTarget.open(output, env);
        try {
            Renderer renderer = switch (format) {
                case json -> new JsonRenderer(out, batch);
                case html -> new HtmlRenderer(out);
                case text -> new TextRenderer(out, batch, output == null && env.colour());
            };
            for (String input : inputs) {
                try (TextSource source = TextSource.open(input, env.stdin());
                        CheckedDocument d = check(documents, source, options, batch)) {
                    renderer.document(d);
                    spun |= d.verdict() == Verdict.SPUN;
                } catch (InputException e) {
                    if (!batch) {
                        throw e;
                    }
                    failed++;
                    env.err().println("despin: " + e.getMessage());
                    env.err().flush();
                    renderer.failure(e);
                }
            }
            renderer.finish();
            out.close();
        } catch (IOException e) {
            throw OutputTarget.failed(output, e);
        }
        if (failed == inputs.size()) {
            return ExitCode.INPUT;
        }
        if (failed > 0) {
            return ExitCode.SOME_INPUTS_FAILED;
        }
        return failOnSpun && spun ? ExitCode.SPUN : ExitCode.OK;
    }

    /**
     * One input checked. In a batch a failure of the check itself (a bug) is that input's result line with status
     * {@code error}, and the other inputs still run; a single input's failure is the run's (exit 70).
     */
    private static CheckedDocument check(DocumentChecker documents, TextSource source, CheckOptions options, boolean batch)
            throws InputException, IOException {
        try {
            return documents.check(source, options);
        } catch (RuntimeException e) {
            if (!batch) {
                throw e;
            }
            throw new InputException(source.name(), InputStatus.ERROR, "check failed (a bug, please report it): " + e);
        }
    }
}
