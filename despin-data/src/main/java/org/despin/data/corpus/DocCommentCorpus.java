package org.despin.data.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.despin.DespinException;

/**
 * The prose of the doc comments of the source jars of {@link DocumentationJars} (Apache-2.0, MIT or
 * BSD-style, and since branch terms3 one LGPL-2.1 jar, CDK, whose counts this optional corpus would
 * then also hold; the same sentences the term table mines): technical writing about statistics, machine
 * learning, numerics, signal and image processing, geometry, genomics, as language-model text, so that
 * the model knows the collocations of technical prose ("unit root", "weighting matrix", "sparse
 * arrays") that news and speeches never use.
 *
 * <p>Where code or maths was taken out of a sentence ({@link DocCommentProse#BREAK}) the sentence is
 * cut: each piece of at least {@value #MIN_PIECE_WORDS} words is a paragraph of its own, so that the
 * words on either side of a removed formula are never counted as neighbours. Pieces come in groups of
 * {@value #PIECES_PER_DOCUMENT} per document, project by project, with ids {@code p00-000},
 * {@code p00-001}, ...
 */
public final class DocCommentCorpus implements Corpus {
    public static final String NAME = "doc-comments";
    static final int PIECES_PER_DOCUMENT = 500;
    static final int MIN_PIECE_WORDS = 3;
    private static final Pattern BREAK = Pattern.compile("\\s*" + Pattern.quote(DocCommentProse.BREAK) + "\\s*");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CorpusDocument> read() throws DespinException {
        return documents(DocumentationJars.distinctSentencesByProject());
    }

    /** The documents of sentences grouped by project, as {@link #read} makes them. */
    static List<CorpusDocument> documents(List<List<String>> byProject) {
        List<CorpusDocument> out = new ArrayList<>();
        for (int p = 0; p < byProject.size(); p++) {
            List<String> pieces = new ArrayList<>();
            for (String sentence : byProject.get(p)) {
                for (String piece : BREAK.split(sentence)) {
                    if (piece.split("\\s+").length >= MIN_PIECE_WORDS) {
                        pieces.add(piece.strip());
                    }
                }
            }
            out.addAll(WordNetExamples.documents(NAME, String.format("p%02d", p), pieces, PIECES_PER_DOCUMENT));
        }
        return out;
    }

    @Override
    public Provenance provenance() throws DespinException {
        List<Provenance> jars = DocumentationJars.provenance();
        try {
            MessageDigest all = MessageDigest.getInstance("SHA-256");
            for (Provenance jar : jars) {
                all.update(jar.sha256().getBytes(StandardCharsets.US_ASCII));
            }
            return new Provenance("maven " + jars.size() + " source jars of DocumentationJars (doc comments)",
                    HexFormat.of().formatHex(all.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
