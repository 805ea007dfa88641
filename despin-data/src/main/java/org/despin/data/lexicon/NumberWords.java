package org.despin.data.lexicon;

import java.util.ArrayList;
import java.util.List;

/** Number words and their digits, both ways ("five" / "5", "fifth" / "5th"), cardinal and ordinal. */
public final class NumberWords {
    private static final String[] UNITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty"};
    private static final String[] UNIT_ORDINALS = {"zeroth", "first", "second", "third", "fourth", "fifth", "sixth",
        "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
        "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"};
    private static final String[] TENS = {"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    private static final String[] TENS_ORDINALS = {"thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
        "eightieth", "ninetieth"};

    /** A number word and its digit form. */
    public record Pair(String word, String digits) {
    }

    private NumberWords() {
    }

    /** All pairs, in a fixed order. */
    public static List<Pair> pairs() {
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < UNITS.length; i++) {
            out.add(new Pair(UNITS[i], Integer.toString(i)));
            out.add(new Pair(UNIT_ORDINALS[i], i + suffix(i)));
        }
        for (int i = 0; i < TENS.length; i++) {
            int n = 30 + 10 * i;
            out.add(new Pair(TENS[i], Integer.toString(n)));
            out.add(new Pair(TENS_ORDINALS[i], n + "th"));
        }
        out.add(new Pair("hundred", "100"));
        out.add(new Pair("thousand", "1,000"));
        out.add(new Pair("thousand", "1000"));
        out.add(new Pair("million", "1,000,000"));
        out.add(new Pair("billion", "1,000,000,000"));
        out.add(new Pair("hundredth", "100th"));
        out.add(new Pair("thousandth", "1000th"));
        return out;
    }

    private static String suffix(int n) {
        if (n % 100 >= 11 && n % 100 <= 13) {
            return "th";
        }
        switch (n % 10) {
            case 1:
                return "st";
            case 2:
                return "nd";
            case 3:
                return "rd";
            default:
                return "th";
        }
    }
}
