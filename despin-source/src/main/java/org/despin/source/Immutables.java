package org.despin.source;

import java.util.ArrayList;
import java.util.List;
import org.despin.text.Document;
import org.despin.text.Normalizer;
import org.despin.text.Sentence;
import org.despin.text.Token;
import org.despin.text.TokenType;

/**
 * Decides which tokens no thesaurus can change: function words ({@link FunctionWords}),
 * numbers, and names, taken to be words written with a capital that do not start a sentence
 * (a capital at a sentence start says nothing about the word).
 */
public final class Immutables {
    private Immutables() {
    }

    /** For each token of {@code doc}, whether it is immutable (punctuation and joiners never are). */
    public static boolean[] mask(Document doc) {
        List<Token> tokens = doc.tokens();
        boolean[] out = new boolean[tokens.size()];
        boolean[] sentenceStart = new boolean[tokens.size()];
        for (Sentence s : doc.sentences()) {
            for (int t = s.firstToken(); t < s.endToken(); t++) {
                if (isWordOrNumber(tokens.get(t))) {
                    sentenceStart[t] = true;
                    break;
                }
            }
        }
        for (int t = 0; t < tokens.size(); t++) {
            out[t] = isImmutable(tokens.get(t), sentenceStart[t]);
        }
        return out;
    }

    /** The immutable tokens of {@code text}, lower-cased, in order: the sequence DSpin shingles. */
    public static List<String> sequence(String text) {
        Document doc = Document.parse(text);
        boolean[] mask = mask(doc);
        List<String> out = new ArrayList<>();
        for (int t = 0; t < mask.length; t++) {
            if (mask[t]) {
                out.add(doc.tokens().get(t).normal());
            }
        }
        return out;
    }

    static boolean isImmutable(Token token, boolean startsSentence) {
        if (token.type() == TokenType.NUMBER) {
            return true;
        }
        if (token.type() != TokenType.WORD) {
            return false;
        }
        if (FunctionWords.contains(token.normal())) {
            return true;
        }
        return !startsSentence && Normalizer.casing(token.text()) != Normalizer.Casing.LOWER;
    }

    static boolean isWordOrNumber(Token t) {
        return t.type() == TokenType.WORD || t.type() == TokenType.NUMBER;
    }
}
