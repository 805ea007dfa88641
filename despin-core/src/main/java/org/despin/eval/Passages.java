package org.despin.eval;

import java.util.ArrayList;
import java.util.List;
import org.despin.text.Document;
import org.despin.text.Sentence;
import org.despin.text.Token;

/**
 * Cuts documents into passages of whole sentences, for document-level figures on texts of a
 * given length (the quality bar asks for AUROC on 100-150-word texts).
 */
public final class Passages {
    private Passages() {
    }

    /**
     * Consecutive passages of {@code text}, each of whole sentences holding between
     * {@code minWords} and {@code maxWords} words (a sentence longer than {@code maxWords}
     * makes a passage of its own if it has at least {@code minWords}); leftovers shorter than
     * {@code minWords} are dropped. Each passage is the exact substring of the input from its
     * first to its last token.
     */
    public static List<String> split(String text, int minWords, int maxWords) {
        if (minWords < 1 || maxWords < minWords) {
            throw new IllegalArgumentException("need 1 <= minWords <= maxWords, got " + minWords + ", " + maxWords);
        }
        Document doc = Document.parse(text);
        List<Token> tokens = doc.tokens();
        List<String> out = new ArrayList<>();
        int start = -1;
        int end = -1;
        int words = 0;
        for (Sentence s : doc.sentences()) {
            int w = 0;
            for (int t = s.firstToken(); t < s.endToken(); t++) {
                if (tokens.get(t).isWord() || tokens.get(t).type() == org.despin.text.TokenType.NUMBER) {
                    w++;
                }
            }
            if (words > 0 && words + w > maxWords) {
                if (words >= minWords) {
                    out.add(text.substring(start, end));
                }
                words = 0;
            }
            if (words == 0) {
                start = tokens.get(s.firstToken()).start();
            }
            end = tokens.get(s.endToken() - 1).end();
            words += w;
            if (words >= maxWords) {
                if (words >= minWords) {
                    out.add(text.substring(start, end));
                }
                words = 0;
            }
        }
        if (words >= minWords) {
            out.add(text.substring(start, end));
        }
        return out;
    }
}
