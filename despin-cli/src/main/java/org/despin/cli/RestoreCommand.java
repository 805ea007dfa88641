package org.despin.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.despin.DespinException;
import org.despin.cli.input.TextSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code despin restore FILE}: the text with the likely originals put back, and nothing else. */
@Command(name = "restore", sortOptions = false,
        description = "Prints the input with the likely originals of its spun spans put back (only the text).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad option or argument", "3:input missing, a directory, binary, not UTF-8 or empty",
            "4:model missing or corrupt", "5:output could not be written", "70:internal error (run with --debug)"})
final class RestoreCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Parameters(paramLabel = "FILE", description = "a text file (UTF-8); - reads standard input")
    String input;

    @Mixin
    ModelOption model;

    @Mixin
    SourceIndexOption sourceIndex; // --index DIR: source-guided restoration (despin-source)

    @Option(names = "--min-confidence", paramLabel = "P",
            description = "restore only spans at least this sure (0-1; default 0.5)")
    Double minConfidence;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path output;

    RestoreCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws DespinException {
        var options = Options.check(minConfidence);
        DocumentChecker documents = new DocumentChecker(sourceIndex.guide(env.checkers().load(model.resolve(env)), env));
        try (TextSource source = TextSource.open(input, env.stdin());
                CheckedDocument d = documents.check(source, options)) {
            Writer out = OutputTarget.open(output, env);
            try (Reader restored = d.openRestored()) {
                restored.transferTo(out);
                out.close();
            } catch (IOException e) {
                throw OutputTarget.failed(output, e);
            }
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.INPUT, input + ": cannot read: " + e.getMessage(), e);
        }
        return ExitCode.OK;
    }
}
