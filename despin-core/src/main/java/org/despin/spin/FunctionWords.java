package org.despin.spin;

import java.util.Set;

/**
 * The stop list of the spinner: words no spinner replaces (function words, auxiliaries, number
 * words, days and months). These survive spinning, which is what lets despin find the source.
 */
final class FunctionWords {
    private FunctionWords() {
    }

    private static final Set<String> WORDS = Set.copyOf(java.util.Arrays.asList(
            // articles, determiners, quantifiers
            "a", "an", "the", "this", "that", "these", "those", "some", "any", "no", "every", "each", "all",
            "both", "either", "neither", "few", "many", "much", "more", "most", "less", "least", "several",
            "such", "other", "another", "own", "same", "enough", "whole",
            // pronouns
            "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "yourselves", "he", "him",
            "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "we", "us", "our", "ours",
            "ourselves", "they", "them", "their", "theirs", "themselves", "one", "ones", "oneself", "who",
            "whom", "whose", "which", "what", "whatever", "whoever", "whichever", "someone", "somebody",
            "something", "anyone", "anybody", "anything", "everyone", "everybody", "everything", "nobody",
            "nothing", "none",
            // prepositions and particles
            "about", "above", "across", "after", "against", "along", "among", "amid", "around", "as", "at",
            "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by", "despite",
            "down", "during", "except", "for", "from", "in", "inside", "into", "like", "near", "of", "off", "on",
            "onto", "out", "outside", "over", "past", "per", "since", "than", "through", "throughout", "till",
            "to", "toward", "towards", "under", "underneath", "until", "unto", "up", "upon", "via", "with",
            "within", "without", "according",
            // conjunctions and adverbs of grammar
            "and", "or", "but", "nor", "so", "yet", "if", "then", "else", "because", "although", "though",
            "while", "whereas", "unless", "whether", "when", "whenever", "where", "wherever", "why", "how",
            "not", "also", "too", "very", "just", "only", "even", "still", "already", "again", "ever", "never",
            "here", "there", "now", "once", "thus", "hence", "therefore", "however", "indeed", "rather",
            "quite", "almost", "perhaps", "else", "ago",
            // auxiliaries and modals
            "be", "am", "is", "are", "was", "were", "been", "being", "have", "has", "had", "having", "do",
            "does", "did", "doing", "done", "will", "would", "shall", "should", "can", "could", "may", "might",
            "must", "ought", "get", "gets", "got", "let",
            // number words
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
            "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
            "million", "billion", "trillion", "first", "second", "third", "fourth", "fifth", "half", "dozen",
            "percent",
            // days and months
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
            "february", "march", "april", "june", "july", "august", "september", "october", "november",
            "december", "today", "tomorrow", "yesterday",
            // titles
            "mr", "mrs", "ms", "dr", "sir", "madam"));

    /** True for a lower-case word the spinner must not replace. */
    static boolean contains(String lowerWord) {
        return WORDS.contains(lowerWord);
    }
}
