package org.despin.source;

import java.util.Set;

/**
 * The closed list of English function words that a synonym spinner cannot change: determiners,
 * prepositions, pronouns, auxiliaries and modals, conjunctions, and a few particles. Together
 * with numbers and names they are the "immutables" of DSpin (Zhang et al., NDSS 2014): a thesaurus
 * offers no synonyms for them, so they survive spinning in place and carry the evidence for
 * finding a spun text's source.
 *
 * <p>Written by hand as a closed class, not derived from a corpus: adding open-class words here
 * (adverbs, common verbs) would make fingerprints break whenever a spinner touches them.
 */
public final class FunctionWords {
    private FunctionWords() {
    }

    private static final Set<String> WORDS = Set.of(
            // determiners and quantifiers
            "a", "an", "the", "this", "that", "these", "those", "each", "every", "either", "neither",
            "some", "any", "no", "all", "both", "few", "many", "much", "more", "most", "less", "least",
            "several", "such", "what", "whatever", "which", "whichever", "another", "other", "own",
            // prepositions
            "about", "above", "across", "after", "against", "along", "amid", "among", "amongst", "around",
            "as", "at", "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond",
            "by", "despite", "down", "during", "except", "for", "from", "in", "inside", "into", "like",
            "near", "of", "off", "on", "onto", "out", "outside", "over", "past", "per", "since", "than",
            "through", "throughout", "till", "to", "toward", "towards", "under", "underneath", "until",
            "unto", "up", "upon", "via", "with", "within", "without",
            // pronouns
            "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your",
            "yours", "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers",
            "herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "who",
            "whom", "whose", "whoever", "one", "oneself", "someone", "somebody", "something", "anyone",
            "anybody", "anything", "everyone", "everybody", "everything", "nobody", "nothing", "none",
            // auxiliaries and modals
            "be", "am", "is", "are", "was", "were", "been", "being", "have", "has", "had", "having",
            "do", "does", "did", "doing", "will", "would", "shall", "should", "can", "could", "may",
            "might", "must", "ought",
            // contracted forms
            "i'm", "i've", "i'll", "i'd", "we're", "we've", "we'll", "we'd", "you're", "you've", "you'll",
            "you'd", "he's", "he'll", "he'd", "she's", "she'll", "she'd", "it's", "it'll", "they're",
            "they've", "they'll", "they'd", "that's", "there's", "what's", "who's", "let's",
            "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "don't", "doesn't",
            "didn't", "won't", "wouldn't", "shan't", "shouldn't", "can't", "cannot", "couldn't",
            "mustn't", "mightn't",
            // conjunctions and subordinators
            "and", "or", "but", "nor", "so", "yet", "if", "because", "although", "though", "while",
            "whereas", "unless", "whether", "when", "whenever", "where", "wherever", "why", "how",
            "once", "then",
            // particles and adverbs of the closed class
            "not", "there", "here", "also", "too", "very", "only", "just", "now");

    /** True when {@code lower} (a lower-cased word, straight apostrophes) is a function word. */
    public static boolean contains(String lower) {
        return WORDS.contains(lower);
    }
}
