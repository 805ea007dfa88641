package org.despin.lexicon;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Counts the word pairs a text writes as names: two title-case words in a row inside a sentence,
 * not at its start (where every word is capitalised), lower-cased; hyphen parts are words, as the
 * detector reads them. What the model builder counts over the LM's training documents for the
 * "names" section ({@link NameFormat}, read as {@link TitleCaseNames}). A count stops at
 * {@link NameFormat#MAX_COUNT}, the largest the section holds. Not thread-safe: one counter per build.
 */
public final class TitleCasePairs {
    /** Sentence ends (after ". ! ? : ;" or a closing quote) and blank lines. */
    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?:;\"])\\s+|\\n\\s*\\n");
    /** Anything but letters and apostrophes separates words. */
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}']+");

    /** "first second" -> times seen, sorted (a TreeMap: the section's bytes do not depend on hashing). */
    private final TreeMap<String, Integer> counts = new TreeMap<>();

    /** Adds the title-case pairs of {@code text}. */
    public void add(String text) {
        for (String sentence : SENTENCES.split(text)) {
            String[] w = NOT_WORD.split(sentence.trim());
            for (int i = 1; i + 1 < w.length; i++) {
                if (titleCase(w[i]) && titleCase(w[i + 1])) {
                    count((w[i] + " " + w[i + 1]).toLowerCase(Locale.ROOT), 1);
                }
            }
        }
    }

    /** Adds pairs counted elsewhere (another corpus, a base model's section). */
    public void addAll(Map<String, Integer> pairs) {
        pairs.forEach(this::count);
    }

    private void count(String pair, int n) {
        // both counts at most MAX_COUNT: their sum fits an int
        counts.merge(pair, Math.min(n, NameFormat.MAX_COUNT), (a, b) -> Math.min(NameFormat.MAX_COUNT, a + b));
    }

    /** The pairs counted so far, "first second" lower-case -> count, in String order (a read-only view). */
    public SortedMap<String, Integer> counts() {
        return Collections.unmodifiableSortedMap(counts);
    }

    /** The pairs counted so far as a names list. */
    public TitleCaseNames names() {
        return TitleCaseNames.of(counts.keySet());
    }

    /** A capital, then at least one lower-case letter somewhere ("McCain" yes; "UN", "A" no). */
    public static boolean titleCase(String w) {
        return w.length() > 1 && Character.isUpperCase(w.charAt(0)) && w.chars().skip(1).anyMatch(Character::isLowerCase);
    }
}
