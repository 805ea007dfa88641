package org.despin.lm;

import java.util.ArrayList;
import java.util.List;
import org.despin.text.Document;
import org.despin.text.Sentence;
import org.despin.text.Token;
import org.despin.text.TokenType;

/**
 * THE rule for how text becomes language-model words, everywhere in despin (training, the
 * default model build, perplexity, detection): sentences from {@link Document#sentences()}, words
 * are the {@link TokenType#WORD} and {@link TokenType#NUMBER} tokens in {@link Token#normal()}
 * form; joiners and punctuation are skipped. Sentence markers are not added here.
 */
public final class LmText {
    private LmText() {
    }

    /** The LM words of each non-empty sentence of {@code doc}, in order. */
    public static List<String[]> sentenceWords(Document doc) {
        List<Token> tokens = doc.tokens();
        List<String[]> out = new ArrayList<>(doc.sentences().size());
        for (Sentence s : doc.sentences()) {
            String[] words = words(tokens, s.firstToken(), s.endToken());
            if (words.length > 0) {
                out.add(words);
            }
        }
        return out;
    }

    /** The LM words of the tokens {@code from} (inclusive) to {@code to} (exclusive). */
    public static String[] words(List<Token> tokens, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (isLmWord(tokens.get(i))) {
                n++;
            }
        }
        String[] words = new String[n];
        int k = 0;
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (isLmWord(t)) {
                words[k++] = t.normal();
            }
        }
        return words;
    }

    /** Whether a token is seen by the language model. */
    public static boolean isLmWord(Token t) {
        return t.type() == TokenType.WORD || t.type() == TokenType.NUMBER;
    }
}
