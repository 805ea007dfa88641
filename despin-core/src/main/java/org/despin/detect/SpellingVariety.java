package org.despin.detect;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.despin.text.Document;
import org.despin.text.Token;

/**
 * A document's own spelling variety (British or American), read from its words, for a reading that is the observed
 * word in the other variety ("organisations" -> "organizations"; {@code variantFilter} 3). A writer keeps one variety,
 * so a British spelling in a text whose other marked words are British is the writer's, not a spinner's: such a
 * reading is no finding. A spinner's thesaurus may list the other variety as a synonym (MyThes gives "honourably" for
 * "honorably"); where the document's other words are in the reading's variety, the reading stays a candidate.
 *
 * <p>A word is marked when the lexicon lists its other spelling among its synonyms: "colour" (British: the lexicon lists
 * "color"), "defense" (American: it lists "defence"). Spellings that differ only in case, hyphens or spaces ("good
 * will" / "goodwill") have no variety and are left alone.
 *
 * <pre>{@code
 * SpellingVariety v = SpellingVariety.of(Document.parse("The programme's colour."), lexiconLinks);
 * v.unsupported("organisations", "organizations");   // true: no American word elsewhere
 * }</pre>
 */
final class SpellingVariety {
    /** An American spelling's marks and their British forms (the inverse of {@link ReadingVariants}' rules). */
    private static final Pattern[] AMERICAN = {
        Pattern.compile("iz(?=(e|es|ed|ing|er|ers|ation|ations|ational)$)"),
        Pattern.compile("yz(?=(e|es|ed|ing|er|ers)$)"),
        Pattern.compile("(?<=..)or(?=(s|ed|ing|ite|ites|able|ably|er|ers|ful|less|ism|ist|ists)?$)"),
        Pattern.compile("(?<=[^aeiou])er(?=s?$)"),
        Pattern.compile("og(?=s?$)"),
        Pattern.compile("ense(?=s?$)"),
        Pattern.compile("(?<=.)m(?=s?$)"),
        Pattern.compile("(?<=.[^aeiou][aeo])l(?=(ed|ing|er|ers|ment|ments)$)"),
    };
    private static final String[] BRITISH = {"is", "ys", "our", "re", "ogue", "ence", "mme", "ll"};

    private final Set<String> british;
    private final Set<String> american;

    private SpellingVariety(Set<String> british, Set<String> american) {
        this.british = british;
        this.american = american;
    }

    /**
     * The marked words of {@code doc}; {@code synonyms} (observed, original) says whether the lexicon lists the
     * original for the observed word.
     */
    static SpellingVariety of(Document doc, BiPredicate<String, String> synonyms) {
        Set<String> british = new HashSet<>();
        Set<String> american = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (Token t : doc.tokens()) {
            if (!t.isWord()) {
                continue;
            }
            String w = t.normal();
            if (!seen.add(w)) {
                continue;
            }
            String us = ReadingVariants.spelling(w);
            if (!us.equals(w)) {
                if (synonyms.test(w, us)) {
                    british.add(w);
                }
            } else if (britishForms(w).stream().anyMatch(b -> synonyms.test(w, b))) {
                american.add(w);
            }
        }
        return new SpellingVariety(british, american);
    }

    /** The British spellings a word in American spelling may have (each one rule applied once). */
    static List<String> britishForms(String w) {
        List<String> out = new java.util.ArrayList<>(2);
        for (int k = 0; k < AMERICAN.length; k++) {
            Matcher m = AMERICAN[k].matcher(w);
            while (m.find()) {
                String b = w.substring(0, m.start()) + BRITISH[k] + w.substring(m.end());
                if (ReadingVariants.spelling(b).equals(w)) {
                    out.add(b);
                }
            }
        }
        return out;
    }

    /**
     * Whether {@code reading}, a spelling variant of {@code observed}, is in a variety no other marked word of the
     * document has: true for a British reading in a text with no other British word, and the other way round; false
     * for variants of case, hyphens or spaces, which have no variety.
     */
    boolean unsupported(String observed, String reading) {
        String r = reading.toLowerCase(Locale.ROOT).strip();
        String o = observed.toLowerCase(Locale.ROOT).strip();
        boolean readingBritish = !ReadingVariants.spelling(r).equals(r.replaceAll("[ \\-]+", ""));
        boolean observedBritish = !ReadingVariants.spelling(o).equals(o.replaceAll("[ \\-]+", ""));
        if (readingBritish == observedBritish) {
            return false; // no variety between them: case, hyphens, spaces
        }
        Set<String> others = readingBritish ? british : american;
        for (String w : others) {
            if (!o.contains(w)) {
                return false;
            }
        }
        return true;
    }
}
