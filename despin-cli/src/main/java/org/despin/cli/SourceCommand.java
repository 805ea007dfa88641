package org.despin.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.despin.DespinException;
import org.despin.cli.input.InputException;
import org.despin.cli.input.InputStatus;
import org.despin.cli.input.StrictUtf8Reader;
import org.despin.cli.input.TextSource;
import org.despin.detect.CheckOptions;
import org.despin.source.Passage;
import org.despin.source.Restorer;
import org.despin.source.SourceFinder;
import org.despin.source.SourceIndex;
import org.despin.source.SourceMatch;
import org.despin.source.SourcesHtml;
import org.despin.source.SourcesJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code despin source FILE --index DIR}: the documents a text was most likely spun from. */
@Command(name = "source", sortOptions = false,
        description = {"Finds the documents of a source index that a (possibly spun) text was most likely copied "
                + "from, with the aligned passages and the word overlap before and after restoration.",
            "score = share of the text's spin-resistant fingerprints (shingles of immutable words and of "
                + "restored lemmas) found in the source."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (also when nothing matched)", "2:bad option or argument",
            "3:input missing, a directory, binary, not UTF-8 or empty",
            "4:index (or model) missing, empty or of another format version", "5:output could not be written",
            "70:internal error (run with --debug)"})
final class SourceCommand implements Callable<Integer> {
    enum Format { text, json, html }

    private final CliEnvironment env;

    @Parameters(paramLabel = "FILE", description = "a text file (UTF-8); - reads standard input")
    String input;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "the source index ('despin index')")
    Path index;

    @Option(names = "--top", paramLabel = "K", defaultValue = "5", description = "how many candidates (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json (the despin.sources/1 contract) or html (the text and its best source side by "
                    + "side, passages linked). Default: ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "--model", paramLabel = "PATH",
            description = "model that restores the text before matching (default: $DESPIN_MODEL; without one the "
                    + "text is matched as written)")
    Path model;

    @Option(names = "--no-restore", description = "match the text as written, without restoring it first")
    boolean noRestore;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path output;

    SourceCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws DespinException {
        if (top < 1) {
            throw new DespinException(DespinException.Kind.USAGE, "--top must be at least 1, got " + top);
        }
        String text = read();
        Restorer restorer = restorer();
        List<SourceMatch> matches;
        try (SourceIndex opened = SourceIndex.open(index)) {
            matches = new SourceFinder(opened, restorer).find(text, top);
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.MODEL, "cannot close source index " + index + ": " + e.getMessage(), e);
        }
        Writer out = OutputTarget.open(output, env);
        try {
            switch (format) {
                case json -> out.write(SourcesJson.render(matches) + "\n");
                case html -> out.write(SourcesHtml.render(text, matches));
                case text -> out.write(renderText(text, matches));
            }
            out.close();
        } catch (IOException e) {
            throw OutputTarget.failed(output, e);
        }
        return ExitCode.OK;
    }

    private String read() throws DespinException {
        try (TextSource source = TextSource.open(input, env.stdin()); Reader r = source.openReader()) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[1 << 14];
            for (int n = r.read(buf); n >= 0; n = r.read(buf)) {
                sb.append(buf, 0, n);
            }
            String text = sb.toString();
            if (text.isBlank()) {
                throw new InputException(input, InputStatus.EMPTY, "empty input (no text to look up)");
            }
            return text;
        } catch (StrictUtf8Reader.InputIOException e) {
            throw e.problem();
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.INPUT, input + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The detector over the model when there is one (and --no-restore is not given), else none. */
    private Restorer restorer() throws DespinException {
        if (noRestore) {
            return Restorer.IDENTITY;
        }
        Path m = model;
        if (m == null) {
            String fromEnv = env.env().get("DESPIN_MODEL");
            if (fromEnv == null || fromEnv.isBlank()) {
                return Restorer.IDENTITY;
            }
            m = Path.of(fromEnv);
        }
        return detectorRestorer(env.checkers().load(m));
    }

    /** The detector as the fingerprints' restorer: its findings at the default confidence (shared with serve). */
    static Restorer detectorRestorer(CliEnvironment.TextChecker checker) {
        return new Restorer() {
            @Override
            public List<org.despin.detect.Finding> findings(String text) {
                return checker.check(text, CheckOptions.DEFAULTS).findings();
            }

            @Override
            public String name() {
                return "detector";
            }
        };
    }

    static String renderText(String text, List<SourceMatch> matches) {
        if (matches.isEmpty()) {
            return "no source in the index shares this text's fingerprints\n";
        }
        StringBuilder b = new StringBuilder();
        int rank = 1;
        for (SourceMatch m : matches) {
            b.append(String.format(Locale.ROOT, "%d. %s  score %.3f  overlap %.1f %% before, %.1f %% after restoration,"
                    + " %.1f %% of the text aligned%n", rank++, m.id(), m.score(), 100 * m.overlapBefore(),
                    100 * m.overlapAfter(), 100 * m.coverage()));
            int p = 1;
            for (Passage passage : m.passages()) {
                b.append(String.format(Locale.ROOT, "   passage %d: text %d-%d = source %d-%d%n", p++, passage.queryStart(),
                        passage.queryEnd(), passage.sourceStart(), passage.sourceEnd()));
                b.append("     text:   ").append(snippet(text, passage.queryStart(), passage.queryEnd())).append('\n');
                b.append("     source: ").append(snippet(m.source().text(), passage.sourceStart(), passage.sourceEnd()))
                        .append('\n');
            }
        }
        return b.toString();
    }

    /** The passage on one line, cut in the middle when long. */
    private static String snippet(String s, int start, int end) {
        String one = s.substring(start, end).replaceAll("\\s+", " ");
        if (one.length() > 100) {
            one = one.substring(0, 60) + " ... " + one.substring(one.length() - 35);
        }
        return "\"" + one + "\"";
    }
}
