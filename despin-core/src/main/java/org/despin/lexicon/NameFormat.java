package org.despin.lexicon;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import org.despin.DespinException;
import org.despin.model.DataFormatException;
import org.despin.model.ModelFile;

/**
 * The "names" section of a {@link ModelFile}: the word pairs the LM's training documents write as
 * names ({@link TitleCasePairs}), read as {@link TitleCaseNames}. UTF-8 text, one line each:
 *
 * <pre>
 * despin-names 1 17886          header: magic word, format version ({@link #VERSION}), pair count P
 * abraham lincoln\t64           P lines "first second" TAB count: lower-case, two words without
 * ...                           spaces, count &gt;= 1, sorted strictly by String order; every line
 *                               ends with a newline
 * </pre>
 *
 * then zeros up to the model file's 8-byte alignment. The section is optional: a model without it
 * (older model files, models trained on text without a title-case pair) reads as {@link TitleCaseNames#UNKNOWN}. The
 * pair count in the header and the final newline catch a truncated section; a bad line is reported
 * with its line number. Same pairs, same bytes.
 */
public final class NameFormat {
    /** The section's name in the model file. */
    public static final String SECTION = "names";
    public static final int VERSION = 1;
    /** The largest count a line holds (nine digits); {@link TitleCasePairs} counts no higher. */
    public static final int MAX_COUNT = 999_999_999;
    static final String MAGIC = "despin-names";

    private NameFormat() {
    }

    /** The names of a model file, or {@link TitleCaseNames#UNKNOWN} when it has no names section. */
    public static TitleCaseNames read(ModelFile file) throws DespinException {
        if (!file.hasSection(SECTION)) {
            return TitleCaseNames.UNKNOWN;
        }
        Parsed parsed = parse(file.section(SECTION), file.path() + " (section '" + SECTION + "')");
        return TitleCaseNames.ofLowerCase(parsed.pairs());
    }

    /**
     * Reads a names section from a buffer (position 0), checking every line.
     *
     * @param where names the file and section in error messages
     * @return "first second" -> count, in String order
     */
    public static SortedMap<String, Integer> readCounts(ByteBuffer section, String where) throws DataFormatException {
        Parsed parsed = parse(section, where);
        TreeMap<String, Integer> out = new TreeMap<>();
        for (int i = 0; i < parsed.pairs().length; i++) {
            out.put(parsed.pairs()[i], parsed.counts()[i]);
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /** The pairs and their counts, in the section's (String) order. */
    private record Parsed(String[] pairs, int[] counts) {
    }

    /**
     * One pass over the bytes, every line checked: the model is read at every start, so this does the
     * little a cold JVM can do fast (no regular expressions, no decoder for the ASCII pairs).
     */
    private static Parsed parse(ByteBuffer section, String where) throws DataFormatException {
        ByteBuffer b = section.duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        // the model file pads each section with zeros to a multiple of 8 bytes
        int end = bytes.length;
        while (end > 0 && bytes.length - end < 7 && bytes[end - 1] == 0) {
            end--;
        }
        if (end == 0) {
            throw new DataFormatException(where, 0, "empty (no header line)");
        }
        int newlines = 0;
        for (int k = 0; k < end; k++) {
            newlines += bytes[k] == '\n' ? 1 : 0;
        }
        if (bytes[end - 1] != '\n') {
            throw new DataFormatException(where, newlines + 1, "truncated: the last line has no newline");
        }
        int headerEnd = next(bytes, 0, end);
        String headerLine = lenient(bytes, 0, headerEnd);
        String[] header = headerLine.split(" ", -1);
        if (header.length != 3 || !header[0].equals(MAGIC)) {
            throw new DataFormatException(where, 1, "not a names section (the header should be '" + MAGIC
                    + " VERSION PAIRS', found '" + shorten(headerLine) + "')");
        }
        int version = number(header[1], where, 1, "format version");
        if (version != VERSION) {
            throw new DataFormatException(where, 1, "names format version " + version + ", this despin reads version "
                    + VERSION + "; rebuild the model");
        }
        int count = number(header[2], where, 1, "pair count");
        if (newlines - 1 != count) {
            throw new DataFormatException(where, newlines, "truncated or padded: the header says " + count
                    + " pairs, the section holds " + (newlines - 1));
        }
        String[] pairs = new String[count];
        int[] counts = new int[count];
        int from = headerEnd + 1;
        for (int i = 0; i < count; i++) {
            int line = i + 2;
            int to = next(bytes, from, end);
            int tab = -1;
            int space = -1;
            boolean ascii = true;
            boolean shape = true;
            for (int k = from; k < to; k++) {
                byte c = bytes[k];
                if (c == '\t') {
                    shape &= tab < 0;
                    tab = tab < 0 ? k : tab;
                } else if (tab < 0) {
                    if (c == ' ') {
                        shape &= space < 0;
                        space = space < 0 ? k : space;
                    }
                    shape &= c < 'A' || c > 'Z';
                    ascii &= c >= 0;
                }
            }
            String pair = null;
            if (shape && tab > 0 && space > from && space < tab - 1) {
                pair = ascii ? new String(bytes, from, tab - from, StandardCharsets.US_ASCII) : strict(bytes, from, tab);
                if (pair == null) {
                    throw new DataFormatException(where, line, "the pair is not valid UTF-8");
                }
            }
            if (pair == null || (!ascii && !pair.equals(pair.toLowerCase(Locale.ROOT)))) {
                throw new DataFormatException(where, line, "expected 'first second<TAB>count' in lower case, found '"
                        + shorten(lenient(bytes, from, to)) + "'");
            }
            int n = digits(bytes, tab + 1, to);
            if (n < 0) {
                throw new DataFormatException(where, line, "count of '" + pair + "' '" + shorten(lenient(bytes, tab + 1, to))
                        + "' is not a number");
            }
            if (n < 1) {
                throw new DataFormatException(where, line, "count of '" + pair + "' is " + n + ", at least 1 expected");
            }
            if (i > 0 && pairs[i - 1].compareTo(pair) >= 0) {
                throw new DataFormatException(where, line, "pairs are not sorted: '" + pairs[i - 1] + "' before '" + pair
                        + "'");
            }
            pairs[i] = pair;
            counts[i] = n;
            from = to + 1;
        }
        return new Parsed(pairs, counts);
    }

    /** The position of the next newline at or after {@code from} (there is one: the section ends with it). */
    private static int next(byte[] bytes, int from, int end) {
        int k = from;
        while (k < end && bytes[k] != '\n') {
            k++;
        }
        return k;
    }

    /** A decimal count of at most 9 digits ({@link #MAX_COUNT}), or -1. */
    private static int digits(byte[] bytes, int from, int to) {
        if (to <= from || to - from > 9) {
            return -1;
        }
        int n = 0;
        for (int k = from; k < to; k++) {
            if (bytes[k] < '0' || bytes[k] > '9') {
                return -1;
            }
            n = 10 * n + (bytes[k] - '0');
        }
        return n;
    }

    /** Valid UTF-8 as a String, or null. */
    private static String strict(byte[] bytes, int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** For messages: bad bytes shown as replacement characters. */
    private static String lenient(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    /** Writes {@code counts} ("first second" lower-case -> count, as {@link TitleCasePairs#counts}) as a names section. */
    public static ModelFile.SectionBody section(SortedMap<String, Integer> counts) {
        List<String> lines = new ArrayList<>(counts.size() + 1);
        lines.add(MAGIC + " " + VERSION + " " + counts.size());
        counts.forEach((pair, n) -> lines.add(pair + "\t" + n));
        return out -> {
            for (String line : lines) {
                out.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    private static int number(String s, String where, int line, String what) throws DataFormatException {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new DataFormatException(where, line, what + " '" + shorten(s) + "' is not a number");
        }
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
