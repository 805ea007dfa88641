package org.despin.spin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.despin.model.DataFormatException;

/**
 * The alignment file of {@code despin spin --alignment FILE} (contract, ARCHITECTURE.md): one row
 * per {@link Edit}, in text order, {@code start<TAB>end<TAB>spun<TAB>original}, offsets into the
 * spun text (UTF-16 code units, end exclusive), rows ended by a line feed, no header.
 *
 * <p>The text fields are escaped so that any string survives the round trip: a backslash is
 * written {@code \\}, a tab {@code \t}, a line feed {@code \n}, a carriage return {@code \r}.
 * Spans the spinner writes never hold these characters; an original may (a phrase split across
 * a line break).
 */
public final class Alignment {
    private Alignment() {
    }

    /** Writes the rows of {@code edits} to {@code out}. */
    public static void write(List<Edit> edits, Appendable out) throws IOException {
        for (Edit e : edits) {
            out.append(Integer.toString(e.start())).append('\t').append(Integer.toString(e.end())).append('\t');
            escape(e.spun(), out);
            out.append('\t');
            escape(e.original(), out);
            out.append('\n');
        }
    }

    /** The rows of {@code edits} as one string. */
    public static String toTsv(List<Edit> edits) {
        StringBuilder sb = new StringBuilder(edits.size() * 32);
        try {
            write(edits, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return sb.toString();
    }

    /**
     * Reads rows written by {@link #write}. Empty lines are skipped.
     *
     * @param source the file name for error messages
     * @throws DataFormatException naming the line when a row is malformed or rows overlap
     */
    public static List<Edit> read(BufferedReader in, String source) throws IOException, DataFormatException {
        List<Edit> edits = new ArrayList<>();
        String line;
        long lineNo = 0;
        int lastEnd = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            Edit e = parseRow(line, source, lineNo);
            if (e.start() < lastEnd) {
                throw new DataFormatException(source, lineNo, "edit at " + e.start() + " overlaps or precedes the previous one (ending at " + lastEnd + ")");
            }
            lastEnd = e.end();
            edits.add(e);
        }
        return edits;
    }

    /** Reads rows from a string (see {@link #read(BufferedReader, String)}). */
    public static List<Edit> parse(String tsv, String source) throws DataFormatException {
        try {
            return read(new BufferedReader(new java.io.StringReader(tsv)), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not throw
        }
    }

    /** {@code spunText} with every edit's original put back. Edits must be in order and inside the text. */
    public static String restore(String spunText, List<Edit> edits) {
        StringBuilder sb = new StringBuilder(spunText.length() + 16);
        int at = 0;
        for (Edit e : edits) {
            sb.append(spunText, at, e.start()).append(e.original());
            at = e.end();
        }
        return sb.append(spunText, at, spunText.length()).toString();
    }

    /**
     * Checks that edits fit {@code spunText}: in order, not overlapping, inside the text, and that
     * each {@code spun} field is the text at its offsets.
     *
     * @throws IllegalArgumentException naming the first bad edit
     */
    public static void checkEdits(String spunText, List<Edit> edits, String what) {
        int lastEnd = 0;
        for (int i = 0; i < edits.size(); i++) {
            Edit e = edits.get(i);
            if (e.start() < lastEnd || e.end() > spunText.length()
                    || !spunText.regionMatches(e.start(), e.spun(), 0, e.spun().length())) {
                throw new IllegalArgumentException(what + ": edit " + i + " " + e + " does not fit the spun text");
            }
            lastEnd = e.end();
        }
    }

    private static Edit parseRow(String line, String source, long lineNo) throws DataFormatException {
        int t1 = line.indexOf('\t');
        int t2 = t1 < 0 ? -1 : line.indexOf('\t', t1 + 1);
        int t3 = t2 < 0 ? -1 : line.indexOf('\t', t2 + 1);
        if (t3 < 0 || line.indexOf('\t', t3 + 1) >= 0) {
            throw new DataFormatException(source, lineNo, "expected 4 tab-separated fields start, end, spun, original");
        }
        int start = parseOffset(line.substring(0, t1), source, lineNo);
        int end = parseOffset(line.substring(t1 + 1, t2), source, lineNo);
        String spun = unescape(line.substring(t2 + 1, t3), source, lineNo);
        String original = unescape(line.substring(t3 + 1), source, lineNo);
        if (end < start || spun.length() != end - start) {
            throw new DataFormatException(source, lineNo, "offsets " + start + ".." + end + " do not fit the spun text '" + spun + "'");
        }
        return new Edit(start, end, spun, original);
    }

    private static int parseOffset(String s, String source, long lineNo) throws DataFormatException {
        try {
            int v = Integer.parseInt(s);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DataFormatException(source, lineNo, "bad offset '" + s + "' (a non-negative integer)");
    }

    private static void escape(String s, Appendable out) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static String unescape(String s, String source, long lineNo) throws DataFormatException {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (++i >= s.length()) {
                throw new DataFormatException(source, lineNo, "a field ends in a lone backslash");
            }
            switch (s.charAt(i)) {
                case '\\' -> sb.append('\\');
                case 't' -> sb.append('\t');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                default -> throw new DataFormatException(source, lineNo, "unknown escape '\\" + s.charAt(i) + "'");
            }
        }
        return sb.toString();
    }
}
