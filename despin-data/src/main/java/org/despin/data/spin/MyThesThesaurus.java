package org.despin.data.spin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.despin.DespinException;
import org.despin.model.DataFormatException;
import org.despin.spin.MapSpinThesaurus;
import org.despin.spin.PartOfSpeech;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Synonym;

/**
 * The spinner's default thesaurus: MyThes en_US v2 ({@code th_en_US_v2.dat} from Debian
 * {@code mythes-en-us}, fetched by {@code scripts/fetch-debian-data}). WordNet-derived, with
 * multi-word entries ("ask for", "talk over"), and different from what the detector reads (Moby,
 * WordNet lemmas), so the benchmark does not measure the detector against its own candidates.
 *
 * <p>Format: the first line names the encoding; then entries {@code word|n} followed by n sense
 * lines {@code (pos)|syn|syn...}, where a synonym may carry a note: {@code (generic term)},
 * {@code (similar term)}, {@code (related term)} or {@code (antonym)}. Weights: a plain or
 * similar term 1, a generic (broader) or related term 0.5, antonyms dropped. A spinner picking a
 * broader term ("council" -> "assembly") is what real ones do; picking an antonym is not. A
 * sense that lists the headword capitalised is a proper name ("nation": Carry Nation; "marsh":
 * Reginald Marsh): it gives no synonyms and marks the key as a name ({@link SpinThesaurus#isName}).
 */
public final class MyThesThesaurus {
    /** The pinned Debian package and version (see scripts/fetch-debian-data). */
    public static final String PACKAGE = "mythes-en-us";
    public static final String VERSION = "1:7.5.0-1";
    private static final String DAT = "usr/share/mythes/th_en_US_v2.dat";

    private MyThesThesaurus() {
    }

    /** The .dat file inside the despin cache, as scripts/fetch-debian-data unpacks it. */
    public static Path defaultFile(Path cache) {
        return cache.resolve("debian").resolve(PACKAGE).resolve(DAT);
    }

    /** Reads the fetched package from the despin cache. */
    public static SpinThesaurus load(Path cache) throws DespinException {
        Path dat = defaultFile(cache);
        if (!Files.isRegularFile(dat)) {
            throw new DespinException(DespinException.Kind.MODEL, "missing the spinner thesaurus " + dat
                    + "; run scripts/fetch-debian-data (it fetches Debian " + PACKAGE + " " + VERSION + ")");
        }
        return read(dat, PACKAGE + " " + VERSION);
    }

    /** Reads a MyThes .dat file. */
    public static SpinThesaurus read(Path dat, String name) throws DespinException {
        try (InputStream in = Files.newInputStream(dat)) {
            return read(in, dat.toString(), name);
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.MODEL, "cannot read " + dat + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads MyThes data from a stream (closed by the caller).
     *
     * @param source the file name for error messages
     */
    public static SpinThesaurus read(InputStream in, String source, String name) throws IOException, DataFormatException {
        byte[] head = in.readNBytes(64);
        int nl = 0;
        while (nl < head.length && head[nl] != '\n') {
            nl++;
        }
        String encoding = new String(head, 0, nl, StandardCharsets.US_ASCII).trim();
        Charset charset = charset(encoding, source);
        BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(
                new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head, Math.min(nl + 1, head.length),
                        Math.max(0, head.length - nl - 1)), in), charset.newDecoder()), 1 << 16);
        MapSpinThesaurus.Builder builder = MapSpinThesaurus.builder(name);
        Map<Synonym, Synonym> shared = new HashMap<>(); // one instance per distinct synonym saves most of the memory
        long lineNo = 1;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            int bar = line.lastIndexOf('|');
            int senses = bar < 0 ? -1 : parseCount(line.substring(bar + 1));
            if (senses < 0) {
                throw new DataFormatException(source, lineNo, "expected an entry 'word|count', got '" + abbreviate(line) + "'");
            }
            String key = line.substring(0, bar);
            for (int s = 0; s < senses; s++) {
                String sense = reader.readLine();
                lineNo++;
                if (sense == null || !sense.startsWith("(")) {
                    throw new DataFormatException(source, lineNo, "entry '" + key + "' promises " + senses
                            + " senses, but line is '" + (sense == null ? "end of file" : abbreviate(sense)) + "'");
                }
                addSense(builder, shared, key, sense);
            }
        }
        return builder.build();
    }

    private static void addSense(MapSpinThesaurus.Builder builder, Map<Synonym, Synonym> shared, String key, String sense) {
        List<String> fields = List.of(sense.split("\\|"));
        for (int i = 1; i < fields.size(); i++) {
            String f = fields.get(i);
            if (f.equalsIgnoreCase(key) && !f.equals(key)) {
                builder.name(key); // a proper-name sense ("Marsh" under "marsh"): no synonyms from it
                return;
            }
        }
        PartOfSpeech pos = pos(fields.get(0));
        for (int i = 1; i < fields.size(); i++) {
            String f = fields.get(i).trim();
            double weight = 1.0;
            int note = f.lastIndexOf(" (");
            if (note > 0 && f.endsWith(")")) {
                String kind = f.substring(note + 2, f.length() - 1);
                f = f.substring(0, note).trim();
                if (kind.equals("antonym")) {
                    continue;
                }
                weight = kind.equals("similar term") ? 1.0 : 0.5;
            }
            if (f.isEmpty()) {
                continue;
            }
            Synonym syn = new Synonym(f, pos, weight);
            builder.add(key, shared.computeIfAbsent(syn, x -> x));
        }
    }

    private static PartOfSpeech pos(String field) {
        switch (field) {
            case "(noun)":
                return PartOfSpeech.NOUN;
            case "(verb)":
                return PartOfSpeech.VERB;
            case "(adj)":
                return PartOfSpeech.ADJECTIVE;
            case "(adv)":
                return PartOfSpeech.ADVERB;
            default:
                return PartOfSpeech.UNKNOWN;
        }
    }

    private static int parseCount(String s) {
        if (s.isEmpty() || s.length() > 4) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(s);
    }

    private static Charset charset(String encoding, String source) throws DataFormatException {
        String e = encoding.toUpperCase(java.util.Locale.ROOT);
        if (e.equals("UTF-8") || e.equals("UTF8")) {
            return StandardCharsets.UTF_8;
        }
        if (e.equals("ISO8859-1") || e.equals("ISO-8859-1")) {
            return StandardCharsets.ISO_8859_1;
        }
        throw new DataFormatException(source, 1, "unsupported encoding line '" + abbreviate(encoding)
                + "' (expected UTF-8 or ISO8859-1)");
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
