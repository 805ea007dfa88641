package org.despin.lexicon;

import java.util.Arrays;

/**
 * What a {@link TermTable} knows of register (branch {@code tortured4}): which of its terms are read only in
 * documents that read as technical writing ({@link #gated}: the everyday collocations of the LM below the table's
 * frequency limit, news phrases as often as field terms), and the rate of words in technical prose (the doc
 * comments of the source jars) by which a document's register is judged ({@link #technicalLog10}). Immutable.
 *
 * <pre>{@code
 * TermRegister r = TermRegister.of(new int[] {3, 7}, new String[] {"matrix", "vector"}, new float[] {-3.1f, -3.4f}, 2_000_000);
 * r.gated(7);                 // true
 * r.technicalLog10("matrix"); // -3.1
 * r.technicalLog10("senate"); // log10(0.5 / 2,000,000): a word the technical prose does not write
 * }</pre>
 */
public final class TermRegister {
    /** No gated terms and no technical prose: every term is read everywhere, no document is technical. */
    public static final TermRegister NONE = new TermRegister(new int[0], new String[0], new float[0], 0);

    private final int[] gated;
    private final String[] words;
    private final float[] log10Rates;
    private final long proseWords;
    private final float unseen;

    private TermRegister(int[] gated, String[] words, float[] log10Rates, long proseWords) {
        this.gated = gated;
        this.words = words;
        this.log10Rates = log10Rates;
        this.proseWords = proseWords;
        this.unseen = proseWords <= 0 ? Float.NaN : (float) Math.log10(0.5 / proseWords);
    }

    /**
     * @param gated the gated term ids, sorted strictly
     * @param words the words of the technical prose, sorted strictly
     * @param log10Rates per word, log10 of its count over {@code proseWords}
     * @param proseWords the words of the technical prose (0: none)
     */
    public static TermRegister of(int[] gated, String[] words, float[] log10Rates, long proseWords) {
        for (int k = 1; k < gated.length; k++) {
            if (gated[k] <= gated[k - 1]) {
                throw new IllegalArgumentException("gated terms not sorted strictly at " + k);
            }
        }
        if (words.length != log10Rates.length) {
            throw new IllegalArgumentException(words.length + " words, " + log10Rates.length + " rates");
        }
        for (int k = 1; k < words.length; k++) {
            if (words[k].compareTo(words[k - 1]) <= 0) {
                throw new IllegalArgumentException("words not sorted strictly at " + k);
            }
        }
        return new TermRegister(gated.clone(), words.clone(), log10Rates.clone(), proseWords);
    }

    /** Whether term {@code term} is read only in technical documents. */
    public boolean gated(int term) {
        return gated.length > 0 && Arrays.binarySearch(gated, term) >= 0;
    }

    /** Whether any term is gated. */
    public boolean hasGated() {
        return gated.length > 0;
    }

    /** Whether the register knows technical prose (else no document is judged technical). */
    public boolean hasProse() {
        return proseWords > 0;
    }

    /** log10 of the word's rate in the technical prose, half a count when it does not occur; NaN without prose. */
    public float technicalLog10(String word) {
        int k = Arrays.binarySearch(words, word);
        return k >= 0 ? log10Rates[k] : unseen;
    }

    int[] gatedTerms() {
        return gated;
    }

    String[] words() {
        return words;
    }

    float[] log10Rates() {
        return log10Rates;
    }

    long proseWords() {
        return proseWords;
    }
}
