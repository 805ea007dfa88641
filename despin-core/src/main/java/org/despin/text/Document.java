package org.despin.text;

import java.util.List;

/**
 * An input text split into tokens and sentences. Immutable; offsets refer to {@link #text()}, the
 * input exactly as given (no normalisation is applied to the string itself).
 *
 * <pre>{@code
 * Document doc = Document.parse("The U.N. met. It agreed.");
 * doc.sentences().size();           // 2
 * doc.tokens().get(1).text();       // "U.N."
 * }</pre>
 */
public final class Document {
    private final String text;
    private final List<Token> tokens;
    private final List<Sentence> sentences;

    Document(String text, List<Token> tokens, List<Sentence> sentences) {
        this.text = text;
        this.tokens = List.copyOf(tokens);
        this.sentences = List.copyOf(sentences);
    }

    /** Tokenises and sentence-splits {@code text} with the default {@link Tokenizer}. */
    public static Document parse(String text) {
        return Tokenizer.DEFAULT.parse(text);
    }

    public String text() {
        return text;
    }

    public List<Token> tokens() {
        return tokens;
    }

    public List<Sentence> sentences() {
        return sentences;
    }

    /** Number of {@link TokenType#WORD} and {@link TokenType#NUMBER} tokens. */
    public int wordCount() {
        int n = 0;
        for (Token t : tokens) {
            if (t.type() == TokenType.WORD || t.type() == TokenType.NUMBER) {
                n++;
            }
        }
        return n;
    }
}
