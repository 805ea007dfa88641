package org.despin.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.EnumMap;
import java.util.Map;
import org.despin.cli.input.InputException;
import org.despin.cli.input.InputStatus;
import org.despin.cli.input.StrictUtf8Reader;
import org.despin.cli.input.TextChunker;
import org.despin.cli.input.TextSource;
import org.despin.detect.CheckOptions;
import org.despin.detect.Finding;
import org.despin.detect.Report;
import org.despin.detect.Verdict;

/**
 * Checks one input of any size in bounded memory: the text is read as a stream, cut into chunks
 * at paragraph or sentence ends ({@link TextChunker}), each chunk is checked, and the findings
 * are shifted back to offsets in the whole input.
 *
 * <p>A text that fits in one chunk gets the detector's report unchanged. For longer texts the
 * document figures are merged: tokens are summed, the spin score is the token-weighted mean of
 * the chunks' scores, and the verdict is the one that covers the most tokens (a tie is
 * "uncertain").
 */
public final class DocumentChecker {
    private final CliEnvironment.TextChecker checker;
    private final int chunkChars;

    DocumentChecker(CliEnvironment.TextChecker checker, int chunkChars) {
        this.checker = checker;
        this.chunkChars = chunkChars;
    }

    public DocumentChecker(CliEnvironment.TextChecker checker) {
        this(checker, TextChunker.DEFAULT_MAX_CHARS);
    }

    /** Checks {@code source}; the caller closes the result. */
    public CheckedDocument check(TextSource source, CheckOptions options) throws InputException, IOException {
        FindingStore findings = new FindingStore();
        try {
            long tokens = 0;
            double weightedScore = 0;
            Map<Verdict, Long> tokensByVerdict = new EnumMap<>(Verdict.class);
            Report first = null; // the whole report, when the text fits in one chunk
            int chunks = 0;
            boolean blank = true;
            try (Reader in = source.openReader()) {
                TextChunker chunker = new TextChunker(in, chunkChars);
                for (TextChunker.Chunk c = chunker.next(); c != null; c = chunker.next()) {
                    chunks++;
                    blank &= c.text().isBlank();
                    Report r = checker.check(c.text(), options);
                    for (Finding f : r.findings()) {
                        findings.add(shift(f, c.offset()));
                    }
                    tokens += r.tokens();
                    weightedScore += r.spinScore() * r.tokens();
                    tokensByVerdict.merge(r.verdict(), (long) r.tokens(), Long::sum);
                    if (chunks == 1) {
                        first = r;
                    }
                }
            } catch (StrictUtf8Reader.InputIOException e) {
                throw e.problem();
            }
            if (blank) {
                throw new InputException(source.name(), InputStatus.EMPTY, "empty input (no text to check)");
            }
            if (chunks == 1) {
                return new CheckedDocument(source.name(), first.verdict(), first.spinScore(), first.tokens(), findings,
                        source, first.restored());
            }
            double score = tokens == 0 ? 0 : weightedScore / tokens;
            return new CheckedDocument(source.name(), majority(tokensByVerdict), score, (int) Math.min(Integer.MAX_VALUE, tokens),
                    findings, source, null);
        } catch (InputException | IOException | RuntimeException e) {
            findings.close();
            throw e;
        }
    }

    private static Verdict majority(Map<Verdict, Long> tokensByVerdict) {
        Verdict best = Verdict.UNCERTAIN;
        long most = -1;
        boolean tie = false;
        for (Map.Entry<Verdict, Long> e : tokensByVerdict.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
                tie = false;
            } else if (e.getValue() == most) {
                tie = true;
            }
        }
        return tie ? Verdict.UNCERTAIN : best;
    }

    private static Finding shift(Finding f, long offset) {
        if (offset == 0) {
            return f;
        }
        int by = Math.toIntExact(offset);
        return new Finding(f.start() + by, f.end() + by, f.text(), f.suggestion(), f.confidence(), f.alternatives(),
                f.evidence());
    }
}
