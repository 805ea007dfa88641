package org.despin.detect;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Readings that restore nothing: the observed words written another way, which no spinner's synonym swap gives
 * (branch {@code flags27}). Two cases, each a rule on the two strings alone (the training spinners never write a number
 * in words for digits or back, yet the finding model flags such readings: of the 207 this rule finds among the candidates
 * of the fit fold's documents called spun none is on an edit; spellings are swapped by the WordNet training spinner, 7 of
 * 28, and by MyThes, the held-out spinner: "honorably" -> "honourably"):
 * <ul>
 * <li>a spelling variant: the same words once case, hyphens and spaces are dropped and the British spellings are
 * made American ("organisations" / "organizations", "colour" / "color", "centre" / "center", "travelled" /
 * "traveled", "defence" / "defense", "catalogue" / "catalog", "programme" / "program", "co-operate" /
 * "cooperate");</li>
 * <li>a number written in digits read as number words or the other way ("12" / "twelve", "5th" / "fifth").</li>
 * </ul>
 */
final class ReadingVariants {
    private static final Set<String> NUMBER_WORDS = Set.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
            "hundred", "thousand", "million", "billion", "trillion", "dozen", "first", "second", "third", "fourth",
            "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
            "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth",
            "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth", "hundredth", "thousandth", "millionth",
            "and", "a");
    private static final Pattern DIGITS = Pattern.compile("[0-9][0-9,.]*(st|nd|rd|th|s)?");
    private static final Pattern[] BRITISH = {
        Pattern.compile("is(?=(e|es|ed|ing|er|ers|ation|ations|ational)$)"), // organise, organisation -> z
        Pattern.compile("ys(?=(e|es|ed|ing|er|ers)$)"),                    // analyse -> analyze
        Pattern.compile("(?<=..)our(?=(s|ed|ing|ite|ites|able|ably|er|ers|ful|less|ism|ist|ists)?$)"), // colour -> color
        Pattern.compile("(?<=[^aeiou])re(?=s?$)"),                        // centre, metres -> center, meters
        Pattern.compile("ogue(?=s?$)"),                                    // catalogue -> catalog
        Pattern.compile("ence(?=s?$)"),                                    // defence -> defense
        Pattern.compile("(?<=.)mme(?=s?$)"),                               // programme -> program
        Pattern.compile("(?<=.[^aeiou][aeo])ll(?=(ed|ing|er|ers|ment|ments)$)"), // travelled, enrollment -> traveled, enrolment
        Pattern.compile("(?<=[^aeiou])ae(?=.)"),                           // anaemia -> anemia
        Pattern.compile("(?<=[^aeiou])oe(?=.)"),                           // manoeuvre, oestrogen (inner) -> e
    };
    private static final String[] AMERICAN = {"iz", "yz", "or", "er", "og", "ense", "m", "l", "e", "e"};

    private ReadingVariants() {
    }

    /** Whether {@code reading} is {@code observed} written another way (see the class comment). */
    static boolean isVariant(String observed, String reading) {
        return isNumber(observed, reading) || isSpelling(observed, reading);
    }

    /** Whether one is a number in digits and the other the same in number words (not checked: the same number). */
    static boolean isNumber(String observed, String reading) {
        String a = observed.toLowerCase(Locale.ROOT).strip();
        String b = reading.toLowerCase(Locale.ROOT).strip();
        return numberVariant(a, b) || numberVariant(b, a);
    }

    /** Whether the two are one spelling's variants (case, hyphens, spaces, British and American spellings). */
    static boolean isSpelling(String observed, String reading) {
        String a = observed.toLowerCase(Locale.ROOT).strip();
        String b = reading.toLowerCase(Locale.ROOT).strip();
        return !a.equals(b) && spelling(a).equals(spelling(b));
    }

    /** Digits on one side, only number words on the other. */
    private static boolean numberVariant(String digits, String words) {
        if (!DIGITS.matcher(digits).matches()) {
            return false;
        }
        String[] w = words.split("[ \\-]+");
        boolean any = false;
        for (String x : w) {
            if (!NUMBER_WORDS.contains(x)) {
                return false;
            }
            any |= !x.equals("and") && !x.equals("a");
        }
        return any;
    }

    /** The words without case, hyphens or spaces, each in its American spelling. */
    static String spelling(String s) {
        StringBuilder out = new StringBuilder();
        for (String w : s.split("[ \\-]+")) {
            String x = w;
            for (int k = 0; k < BRITISH.length; k++) {
                x = BRITISH[k].matcher(x).replaceAll(AMERICAN[k]);
            }
            out.append(x);
        }
        return out.toString();
    }
}
