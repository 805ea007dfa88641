package org.despin.detect;

import java.util.Set;

/**
 * Closed-class words: articles, pronouns, prepositions, conjunctions, auxiliaries. Spinners leave
 * them alone (replacing "for" or "the" breaks a sentence at once), so a restoration whose original
 * consists only of these words ("on account of" -> "for") is never proposed: it would only ever
 * explain a writer's own choice of phrase.
 */
public final class FunctionWords {
    private static final Set<String> WORDS = Set.of(
            "a", "an", "the", "this", "that", "these", "those", "some", "any", "each", "every", "no", "all", "both",
            "either", "neither", "such", "what", "which", "who", "whom", "whose", "where", "when", "why", "how",
            "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his", "she",
            "her", "hers", "it", "its", "they", "them", "their", "theirs", "one", "ones", "itself", "himself",
            "herself", "themselves", "ourselves", "myself", "yourself",
            "of", "in", "on", "at", "by", "for", "with", "about", "against", "between", "into", "through", "during",
            "before", "after", "above", "below", "to", "from", "up", "down", "out", "off", "over", "under", "upon",
            "within", "without", "among", "across", "toward", "towards", "onto", "via", "per", "since", "until",
            "till", "unto", "than", "as", "like", "near",
            "and", "or", "but", "nor", "so", "yet", "if", "because", "although", "though", "while", "whether",
            "unless", "whereas", "then", "there", "here", "thus", "hence", "also", "too", "very", "not", "only",
            "just", "even", "still", "already",
            "be", "is", "am", "are", "was", "were", "been", "being", "have", "has", "had", "having", "do", "does",
            "did", "doing", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "ought",
            "'s", "n't");

    private FunctionWords() {
    }

    public static boolean contains(String word) {
        return WORDS.contains(word);
    }

    /** True when every word of the space-separated phrase is a function word. */
    public static boolean onlyFunctionWords(String phrase) {
        int at = 0;
        while (at <= phrase.length()) {
            int space = phrase.indexOf(' ', at);
            int end = space < 0 ? phrase.length() : space;
            if (!WORDS.contains(phrase.substring(at, end))) {
                return false;
            }
            at = end + 1;
        }
        return true;
    }
}
