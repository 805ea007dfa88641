package org.despin.cli.render;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Locale;
import org.despin.cli.CheckedDocument;
import org.despin.cli.input.InputException;
import org.despin.detect.Finding;

/**
 * {@code --format text}: the input with each finding marked and its likely original beside it,
 * then a summary line. On a terminal the span is underlined in red and the original follows in
 * green ({@code Protection→Security}); elsewhere (a pipe, a file) plain brackets mark it
 * ({@code [Protection→Security]}). With several inputs each starts with a {@code ==> name <==}
 * header, like {@code head}.
 */
public final class TextRenderer implements Renderer {
    static final String SPAN_ON = "\u001b[4;31m";
    static final String ORIGINAL_ON = "\u001b[32m";
    static final String OFF = "\u001b[0m";

    private final Writer out;
    private final boolean batch;
    private final boolean colour;
    private boolean first = true;

    /**
     * @param batch whether several inputs were given (adds a header per input)
     * @param colour ANSI colours (only when standard output is a terminal)
     */
    public TextRenderer(Writer out, boolean batch, boolean colour) {
        this.out = out;
        this.batch = batch;
        this.colour = colour;
    }

    @Override
    public void document(CheckedDocument d) throws IOException {
        header(d.source());
        boolean[] endsWithNewline = {true};
        try (Reader text = d.openText()) {
            TextWalk.walk(text, d.findings(), new TextWalk.Visitor() {
                @Override
                public void plain(char[] buf, int off, int len) throws IOException {
                    out.write(buf, off, len);
                    endsWithNewline[0] = buf[off + len - 1] == '\n';
                }

                @Override
                public void finding(Finding f) throws IOException {
                    if (colour) {
                        out.write(SPAN_ON + f.text() + OFF + ORIGINAL_ON + "\u2192" + f.suggestion() + OFF);
                    } else {
                        out.write("[" + f.text() + "\u2192" + f.suggestion() + "]");
                    }
                    endsWithNewline[0] = false;
                }
            });
        }
        if (!endsWithNewline[0]) {
            out.write('\n');
        }
        out.write(summary(d));
        out.write('\n');
        out.flush();
    }

    /** "verdict: spun, spin score 0.97, 3 findings in 412 tokens" */
    static String summary(CheckedDocument d) {
        int n = d.findingCount();
        return String.format(Locale.ROOT, "verdict: %s, spin score %.2f, %d finding%s in %d tokens", d.verdict().label(),
                d.spinScore(), n, n == 1 ? "" : "s", d.tokens());
    }

    private void header(String source) throws IOException {
        if (batch) {
            if (!first) {
                out.write('\n');
            }
            out.write("==> " + source + " <==\n");
        }
        first = false;
    }

    @Override
    public void failure(InputException problem) throws IOException {
        // the one-line message on standard error says it all; standard output shows the header only
        header(problem.source());
        out.write("(not checked: " + problem.problem() + ")\n");
        out.flush();
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
