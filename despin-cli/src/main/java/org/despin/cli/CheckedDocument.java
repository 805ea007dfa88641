package org.despin.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Iterator;
import org.despin.cli.input.InputException;
import org.despin.cli.input.TextSource;
import org.despin.cli.render.RestoringReader;
import org.despin.detect.Finding;
import org.despin.detect.Report;
import org.despin.detect.Verdict;

/**
 * The result of checking one input, of any size: the document figures of the report, its
 * findings in order (offsets into the whole input) and the input text, each readable as a stream
 * as often as a renderer needs.
 */
public final class CheckedDocument implements Closeable {
    private final String source;
    private final Verdict verdict;
    private final double spinScore;
    private final int tokens;
    private final FindingStore findings;
    private final TextSource text;
    private final String restored; // the detector's own restored text when the input was checked in one piece

    CheckedDocument(String source, Verdict verdict, double spinScore, int tokens, FindingStore findings,
            TextSource text, String restored) {
        this.source = source;
        this.verdict = verdict;
        this.spinScore = spinScore;
        this.tokens = tokens;
        this.findings = findings;
        this.text = text;
        this.restored = restored;
    }

    /** A result held in memory: for tests and for renderers fed by the library. */
    public static CheckedDocument of(String source, String input, Report report) {
        FindingStore store = new FindingStore();
        try {
            for (Finding f : report.findings()) {
                store.add(f);
            }
        } catch (IOException e) {
            throw new IllegalStateException("in-memory store cannot fail", e);
        }
        return new CheckedDocument(source, report.verdict(), report.spinScore(), report.tokens(), store,
                TextSource.ofString(source, input), report.restored());
    }

    /** The input's name as given ({@code -} for standard input). */
    public String source() {
        return source;
    }

    public Verdict verdict() {
        return verdict;
    }

    public double spinScore() {
        return spinScore;
    }

    public int tokens() {
        return tokens;
    }

    public int findingCount() {
        return findings.size();
    }

    /** The findings in input order; each call starts again from the first. */
    public Iterator<Finding> findings() throws IOException {
        return findings.iterator();
    }

    /** The input text; each call starts again from the beginning. */
    public Reader openText() throws IOException {
        try {
            return text.openReader();
        } catch (InputException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The restored text: the input with every finding replaced by its suggestion. */
    public Reader openRestored() throws IOException {
        if (restored != null) {
            return new StringReader(restored);
        }
        return new RestoringReader(openText(), findings());
    }

    @Override
    public void close() throws IOException {
        findings.close();
    }
}
