package org.despin.data.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.despin.DespinException;
import org.despin.model.DataFormatException;
import org.despin.text.Normalizer;

/**
 * Reads the Moby thesaurus ({@code words.txt} of npm {@code moby}): one entry a line,
 * {@code headword,synonym,synonym,...}. Terms are normalised ({@link Normalizer#lmForm}).
 * Trailing empty fields occur in the real file and are ignored; any other malformed field is an
 * error naming file, line and token.
 */
public final class MobyReader {
    /** Receives one thesaurus entry. */
    @FunctionalInterface
    public interface EntryHandler {
        void entry(String headword, List<String> synonyms);
    }

    private MobyReader() {
    }

    /**
     * Reads every entry.
     *
     * @param name the file name for messages
     */
    public static int read(InputStream in, String name, EntryHandler handler) throws DespinException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int entries = 0;
        long lineNo = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, decoder))) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                int last = fields.length - 1;
                while (last > 0 && fields[last].isEmpty()) {
                    last--;
                }
                String head = term(fields[0], name, lineNo, "headword");
                if (last < 1) {
                    throw new DataFormatException(name, lineNo, "entry '" + fields[0] + "' lists no synonyms");
                }
                List<String> synonyms = new ArrayList<>(last);
                for (int i = 1; i <= last; i++) {
                    synonyms.add(term(fields[i], name, lineNo, "synonym " + i));
                }
                handler.entry(head, synonyms);
                entries++;
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DataFormatException(name, lineNo + 1, "not UTF-8 text: " + e.getMessage());
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.MODEL, name + ": cannot read: " + e.getMessage(), e);
        }
        return entries;
    }

    /** A checked, normalised term: letters, digits and a little punctuation, single spaces. */
    static String term(String raw, String name, long line, String what) throws DataFormatException {
        if (raw.isEmpty()) {
            throw new DataFormatException(name, line, "empty " + what);
        }
        if (!raw.strip().equals(raw) || raw.contains("  ")) {
            throw new DataFormatException(name, line, "stray spaces in " + what + " '" + raw + "'");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == ' ' || c == '-' || c == '\'' || c == '.' || c == '/' || c == '$'
                    || c == '&')) {
                throw new DataFormatException(name, line, "unexpected character U+" + String.format("%04X", (int) c)
                        + " in " + what + " '" + raw + "'");
            }
        }
        return Normalizer.lmForm(raw);
    }
}
