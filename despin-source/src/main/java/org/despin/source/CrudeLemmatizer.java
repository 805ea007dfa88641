package org.despin.source;

/**
 * A deliberately crude suffix-stripping lemmatiser for fingerprints. It only has to map the
 * inflections a spinner's re-inflection produces ("councils", "council's", "met"/"meets") to one
 * key consistently on both sides of a comparison; it need not produce dictionary lemmas, and it
 * must not depend on a model, so that an index stays valid whatever model the user loads.
 */
public final class CrudeLemmatizer {
    private CrudeLemmatizer() {
    }

    /** The key of a lower-cased word. Numbers and short words come back unchanged. */
    public static String lemma(String lower) {
        String w = lower;
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("s'")) {
            w = w.substring(0, w.length() - 1);
        }
        int n = w.length();
        if (n <= 3) {
            return w;
        }
        if (w.endsWith("ies") && n > 4) {
            return w.substring(0, n - 3) + "y";
        }
        if (w.endsWith("sses") || w.endsWith("shes") || w.endsWith("ches") || w.endsWith("xes")) {
            return w.substring(0, n - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, n - 1);
        }
        if (w.endsWith("ied") && n > 4) {
            return w.substring(0, n - 3) + "y";
        }
        if (w.endsWith("ed") && n > 4) {
            return undouble(w.substring(0, n - 2));
        }
        if (w.endsWith("ing") && n > 5) {
            return undouble(w.substring(0, n - 3));
        }
        return w;
    }

    /** "stopp" -> "stop", so that "stopped" and "stopping" meet; "fall" stays. */
    private static String undouble(String stem) {
        int n = stem.length();
        if (n >= 3 && stem.charAt(n - 1) == stem.charAt(n - 2) && "lsz".indexOf(stem.charAt(n - 1)) < 0
                && !isVowel(stem.charAt(n - 1))) {
            return stem.substring(0, n - 1);
        }
        return stem;
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}
