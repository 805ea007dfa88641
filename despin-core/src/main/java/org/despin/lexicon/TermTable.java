package org.despin.lexicon;

import java.util.Collection;

/**
 * Known multi-word terms ("artificial intelligence", "signal to noise", "data mining") that a
 * spinner may have rewritten word by word ("counterfeit consciousness"). Words have ids (their rank
 * in sorted order); terms are sequences of 2-{@link #MAX_WORDS} word ids, sorted, so the terms
 * that start with one word form a contiguous range. Immutable and thread-safe.
 *
 * <pre>{@code
 * TermTable terms = TermTable.of(List.of("artificial intelligence", "data mining"));
 * int w = terms.wordId("artificial");                       // -1 when no term uses the word
 * for (int t = terms.firstStartingWith(w); t < terms.endStartingWith(w); t++) {
 *     terms.length(t); terms.word(t, 1); terms.text(t);     // 2, id of "intelligence", "artificial intelligence"
 * }
 * }</pre>
 */
public interface TermTable {
    /** Longest term, in words. */
    int MAX_WORDS = 3;

    /** A table without terms (a model built before terms existed). */
    TermTable EMPTY = of(java.util.List.of());

    /** A table of the given terms (normalised words joined by single spaces, 2-3 words each). */
    static TermTable of(Collection<String> terms) {
        return ArrayTermTable.of(terms, TermLinks.NONE);
    }

    /**
     * A table of the given terms with links from observed forms to the term words they may stand
     * for ({@link #reach}); links to words no term uses are dropped.
     */
    static TermTable of(Collection<String> terms, TermLinks links) {
        return ArrayTermTable.of(terms, links);
    }

    /** Link tier: a synonym (Moby either way, a WordNet synset). */
    int SYNONYM = 0;
    /** Link tier: a broader or similar word (WordNet hypernym, similar-to, see-also). */
    int RELATED = 1;

    /**
     * The term words an observed form (1-{@value TermLinks#MAX_OBSERVED_WORDS} normalised words
     * joined by single spaces) may stand for, as packed links ({@link #linkWord}, {@link #linkTier}),
     * sorted by word id; empty when none or when the table has no links. A new array per call
     * (callers cache what they look up).
     */
    default int[] reach(String observed) {
        return TermLinks.EMPTY;
    }

    /**
     * False only when no observed form of two words or more ({@link #reach}) starts with the normalised words
     * {@code first second}: then every span that starts with them reaches nothing through the links. True may be wrong
     * (a filter).
     */
    default boolean mayStartObserved(String first, String second) {
        return true;
    }

    /** Whether the table holds links (a model built before them holds none: {@link #reach} is always empty). */
    default boolean hasLinks() {
        return false;
    }

    /** How many distinct lemmas a term word is linked from (its fan-out, for the channel weight); 0 without links. */
    default int linkCount(int wordId) {
        return 0;
    }

    /** The term word id of a packed link. */
    static int linkWord(int link) {
        return link & 0xFFFFFF;
    }

    /** The tier ({@link #SYNONYM}, {@link #RELATED}) of a packed link. */
    static int linkTier(int link) {
        return link >>> 24;
    }

    /**
     * Which terms are read only in technical documents, and the technical prose's word rates that judge a
     * document's register ({@link TermRegister}); {@link TermRegister#NONE} for a table without (every term
     * read everywhere).
     */
    default TermRegister register() {
        return TermRegister.NONE;
    }

    /**
     * The table without the terms its register gates ({@link TermRegister#gated}) and without the words and links only
     * they use: the same terms, words, links and fan-outs as a table built of the other terms alone, without a
     * register; this table when it gates none.
     */
    default TermTable withoutGated() {
        return this;
    }

    /** The same table with this register (the gated ids must be term ids of this table). */
    default TermTable withRegister(TermRegister register) {
        throw new UnsupportedOperationException("a register needs an array term table");
    }

    /** Number of terms. */
    int size();

    /** Number of distinct words the terms use. */
    int wordCount();

    /** The id of a word some term uses, or -1. */
    int wordId(String word);

    /** The word with this id. */
    String wordText(int wordId);

    /** The first term whose first word is {@code wordId}; equals {@link #endStartingWith} when none. */
    int firstStartingWith(int wordId);

    /** One past the last term whose first word is {@code wordId}. */
    int endStartingWith(int wordId);

    /** Words in term {@code term}. */
    int length(int term);

    /** The id of word {@code k} of term {@code term}. */
    int word(int term, int k);

    /** The index of the term made of these word ids, or -1. */
    int find(int[] wordIds, int from, int to);

    /** The term's words joined by single spaces. */
    default String text(int term) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < length(term); k++) {
            if (k > 0) {
                sb.append(' ');
            }
            sb.append(wordText(word(term, k)));
        }
        return sb.toString();
    }

    /** True when {@code phrase} (normalised words joined by single spaces) is a term. */
    default boolean contains(String phrase) {
        String[] words = phrase.split(" ");
        if (words.length < 2 || words.length > MAX_WORDS) {
            return false;
        }
        int[] ids = new int[words.length];
        for (int k = 0; k < words.length; k++) {
            ids[k] = wordId(words[k]);
            if (ids[k] < 0) {
                return false;
            }
        }
        return find(ids, 0, ids.length) >= 0;
    }
}
