package org.despin.lexicon;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
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
 * (older model files, models trained without one) reads as {@link TitleCaseNames#UNKNOWN}. The
 * pair count in the header and the final newline catch a truncated section; a bad line is reported
 * with its line number. Same pairs, same bytes.
 */
public final class NameFormat {
    /** The section's name in the model file. */
    public static final String SECTION = "names";
    public static final int VERSION = 1;
    static final String MAGIC = "despin-names";

    private NameFormat() {
    }

    /** The names of a model file, or {@link TitleCaseNames#UNKNOWN} when it has no names section. */
    public static TitleCaseNames read(ModelFile file) throws DespinException {
        if (!file.hasSection(SECTION)) {
            return TitleCaseNames.UNKNOWN;
        }
        return TitleCaseNames.of(readCounts(file.section(SECTION), file.path() + " (section '" + SECTION + "')").keySet());
    }

    /**
     * Reads a names section from a buffer (position 0), checking every line.
     *
     * @param where names the file and section in error messages
     * @return "first second" -> count, in String order
     */
    public static SortedMap<String, Integer> readCounts(ByteBuffer section, String where) throws DataFormatException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(section.duplicate()).toString();
        } catch (CharacterCodingException e) {
            throw new DataFormatException(where, 0, "not valid UTF-8");
        }
        // the model file pads each section with zeros to a multiple of 8 bytes
        int end = text.length();
        while (end > 0 && text.length() - end < 7 && text.charAt(end - 1) == '\0') {
            end--;
        }
        text = text.substring(0, end);
        if (text.isEmpty()) {
            throw new DataFormatException(where, 0, "empty (no header line)");
        }
        if (!text.endsWith("\n")) {
            throw new DataFormatException(where, text.split("\n", -1).length,
                    "truncated: the last line has no newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        String[] header = lines[0].split(" ", -1);
        if (header.length != 3 || !header[0].equals(MAGIC)) {
            throw new DataFormatException(where, 1, "not a names section (the header should be '" + MAGIC
                    + " VERSION PAIRS', found '" + shorten(lines[0]) + "')");
        }
        int version = number(header[1], where, 1, "format version");
        if (version != VERSION) {
            throw new DataFormatException(where, 1, "names format version " + version + ", this despin reads version "
                    + VERSION + "; rebuild the model");
        }
        int pairs = number(header[2], where, 1, "pair count");
        if (lines.length - 1 != pairs) {
            throw new DataFormatException(where, lines.length, "truncated or padded: the header says " + pairs
                    + " pairs, the section holds " + (lines.length - 1));
        }
        java.util.TreeMap<String, Integer> out = new java.util.TreeMap<>();
        String previous = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int tab = line.indexOf('\t');
            String pair = tab < 0 ? line : line.substring(0, tab);
            int space = pair.indexOf(' ');
            if (tab < 0 || space <= 0 || space == pair.length() - 1 || pair.indexOf(' ', space + 1) >= 0
                    || pair.indexOf('\t') >= 0 || !pair.equals(pair.toLowerCase(Locale.ROOT))) {
                throw new DataFormatException(where, i + 1, "expected 'first second<TAB>count' in lower case, found '"
                        + shorten(line) + "'");
            }
            int count = number(line.substring(tab + 1), where, i + 1, "count of '" + pair + "'");
            if (count < 1) {
                throw new DataFormatException(where, i + 1, "count of '" + pair + "' is " + count + ", at least 1 expected");
            }
            if (previous != null && previous.compareTo(pair) >= 0) {
                throw new DataFormatException(where, i + 1, "pairs are not sorted: '" + previous + "' before '" + pair + "'");
            }
            out.put(pair, count);
            previous = pair;
        }
        return java.util.Collections.unmodifiableSortedMap(out);
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
