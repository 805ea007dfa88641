package org.despin.detect;

import java.util.List;
import java.util.Set;
import org.despin.text.Document;
import org.despin.text.Token;
import org.despin.text.TokenType;

/**
 * Cheap spinner artefacts: a spinner swaps a word but leaves its neighbours, so "a person" becomes
 * "a individual", "the majority" becomes "a the majority", "requested to" becomes "asked for to".
 * Writers rarely make these slips; a spinner makes them often. They raise the document score and
 * make "keep" less likely for the word after a mismatched article.
 */
final class Artefacts {
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the");
    /** Vowel letters that sound like a consonant ("a university", "a one-off", "a European"). */
    private static final String[] CONSONANT_SOUNDING = {"uni", "use", "usu", "uti", "ura", "ure", "eu", "one", "once",
        "ubi", "uku", "ufo", "u.", "ewe"};
    /** Silent h: "an hour", "an honest". */
    private static final String[] VOWEL_SOUNDING = {"hour", "honest", "honor", "honour", "heir", "herb"};

    private Artefacts() {
    }

    /** True when the (lower-case) word begins with a vowel sound, as far as spelling tells. */
    static boolean vowelSound(String w) {
        if (w.isEmpty()) {
            return false;
        }
        for (String p : VOWEL_SOUNDING) {
            if (w.startsWith(p)) {
                return true;
            }
        }
        char c = w.charAt(0);
        if ("aeiou".indexOf(c) < 0) {
            return false;
        }
        for (String p : CONSONANT_SOUNDING) {
            if (w.startsWith(p)) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the article {@code article} ("a"/"an") does not fit {@code next}; false for any
     * other pair. Single letters and numbers are skipped ("a B-52", "an 8").
     */
    static boolean articleMismatch(String article, String next) {
        if (next.length() < 2 || !Character.isLetter(next.charAt(0))) {
            return false;
        }
        if (article.equals("a")) {
            return vowelSound(next);
        }
        if (article.equals("an")) {
            return !vowelSound(next);
        }
        return false;
    }

    /** Counts artefacts in a document: mismatched articles, doubled determiners, "for to". */
    static int count(Document doc) {
        List<Token> tokens = doc.tokens();
        int count = 0;
        Token prev = null;
        for (Token t : tokens) {
            if (t.type() != TokenType.WORD) {
                prev = null; // punctuation, numbers and hyphens break the pair
                continue;
            }
            if (prev != null) {
                String p = prev.normal();
                String w = t.normal();
                if (articleMismatch(p, w) && !isAcronym(t.text())) {
                    count++;
                } else if (DETERMINERS.contains(p) && DETERMINERS.contains(w)) {
                    count++;
                } else if (p.equals("for") && w.equals("to")) {
                    count++;
                }
            }
            prev = t;
        }
        return count;
    }

    /** "an FBI agent", "a NATO summit": letters are read by their names, so spelling says nothing. */
    static boolean isAcronym(String surface) {
        int upper = 0;
        for (int i = 0; i < surface.length(); i++) {
            if (Character.isUpperCase(surface.charAt(i))) {
                upper++;
            }
        }
        return upper >= 2;
    }
}
