package org.despin.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.despin.DespinException;
import org.despin.cli.input.InputException;
import org.despin.cli.input.InputStatus;
import org.despin.cli.input.StrictUtf8Reader;
import org.despin.cli.input.TextSource;
import org.despin.spin.Alignment;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.Spinner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code despin spin FILE --rate R --seed S}: a synthetic spinner for evaluation data. */
@Command(name = "spin", sortOptions = false,
        description = {"Spins a text the way article spinners do (word and phrase synonyms, re-inflected), for evaluation data.",
            "Writes the spun text; --alignment writes what was changed as TSV rows start<TAB>end<TAB>spun<TAB>original "
                    + "(offsets into the spun text). The same input, thesaurus, rate and seed give the same output."})
final class SpinCommand implements Callable<Integer> {
    /** Texts to spin are held in memory whole; longer ones should be split first. */
    static final int MAX_CHARS = 64 << 20;

    private final CliEnvironment env;

    @Parameters(paramLabel = "FILE", description = "a text file (UTF-8); - reads standard input")
    String input;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "0.3",
            description = "share of eligible words replaced, 0-1 (default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    SpinThesaurusOption thesaurus;

    @Option(names = "--alignment", paramLabel = "FILE", description = "write the edits as TSV to FILE")
    Path alignment;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the spun text to FILE instead of standard output")
    Path output;

    SpinCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws DespinException {
        SpinOptions options;
        try {
            options = SpinOptions.of(rate, seed);
        } catch (IllegalArgumentException e) {
            throw new DespinException(DespinException.Kind.USAGE, "--rate: " + e.getMessage());
        }
        String text = readWhole(input, env);
        SpinResult result = new Spinner(thesaurus.load(), options).spin(text);
        if (alignment != null) {
            try (Writer w = Files.newBufferedWriter(alignment, StandardCharsets.UTF_8)) {
                Alignment.write(result.edits(), w);
            } catch (IOException e) {
                throw OutputTarget.failed(alignment, e);
            }
        }
        Writer out = OutputTarget.open(output, env);
        try {
            out.write(result.spunText());
            out.close();
        } catch (IOException e) {
            throw OutputTarget.failed(output, e);
        }
        return ExitCode.OK;
    }


    /** Reads a whole input strictly (same checks as {@code check}): for commands that need the text in one piece. */
    static String readWhole(String input, CliEnvironment env) throws DespinException {
        try (TextSource source = TextSource.open(input, env.stdin()); Reader r = source.openReader()) {
            StringWriter w = new StringWriter();
            char[] buf = new char[8192];
            long total = 0;
            for (int n = r.read(buf); n >= 0; n = r.read(buf)) {
                total += n;
                if (total > MAX_CHARS) {
                    throw new InputException(input, InputStatus.TOO_LONG, "too long for this command (more than "
                            + MAX_CHARS + " characters); split it");
                }
                w.write(buf, 0, n);
            }
            String text = w.toString();
            if (text.isBlank()) {
                throw new InputException(input, InputStatus.EMPTY, "empty input (no text to check)");
            }
            return text;
        } catch (StrictUtf8Reader.InputIOException e) {
            throw e.problem();
        } catch (IOException e) {
            throw new InputException(input, InputStatus.UNREADABLE, "cannot read: " + e.getMessage());
        }
    }
}
