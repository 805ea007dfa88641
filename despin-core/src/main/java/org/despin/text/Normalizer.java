package org.despin.text;

import java.util.Locale;

/** The one place that says how a surface token maps to the form the models store. */
public final class Normalizer {
    private Normalizer() {
    }

    /** Lower case (root locale) with curly apostrophes made straight. */
    public static String lmForm(String token) {
        String s = token.toLowerCase(Locale.ROOT);
        if (s.indexOf('\u2019') >= 0 || s.indexOf('\u2018') >= 0) {
            s = s.replace('\u2019', '\'').replace('\u2018', '\'');
        }
        return s;
    }

    /** Capitalisation pattern of a surface token, used to re-case a restored word. */
    public static Casing casing(String token) {
        boolean anyLetter = false;
        boolean allUpper = true;
        boolean firstUpper = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLetter(c)) {
                if (!anyLetter) {
                    firstUpper = Character.isUpperCase(c);
                }
                anyLetter = true;
                if (!Character.isUpperCase(c)) {
                    allUpper = false;
                }
            }
        }
        if (!anyLetter) {
            return Casing.LOWER;
        }
        if (allUpper && token.codePointCount(0, token.length()) > 1) {
            return Casing.UPPER;
        }
        return firstUpper ? Casing.TITLE : Casing.LOWER;
    }

    /** Applies a casing pattern to a lower-case word or phrase. */
    public static String applyCasing(String lower, Casing casing) {
        switch (casing) {
            case UPPER:
                return lower.toUpperCase(Locale.ROOT);
            case TITLE:
                return lower.isEmpty() ? lower : lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1);
            default:
                return lower;
        }
    }

    /** How a word is capitalised. */
    public enum Casing { LOWER, TITLE, UPPER }
}
