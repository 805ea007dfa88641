package org.despin.lm;

/** Maps normalised words ({@link org.despin.text.Normalizer#lmForm}) to dense integer ids and back. */
public interface Vocabulary {
    /** Id of the unknown word. */
    int UNKNOWN = 0;
    /** Id of the sentence-start marker {@code <s>}. */
    int BEGIN_SENTENCE = 1;
    /** Id of the sentence-end marker {@code </s>}. */
    int END_SENTENCE = 2;

    /** The id of {@code word}, or {@link #UNKNOWN}. */
    int id(String word);

    /** The word with id {@code id}. */
    String word(int id);

    /** Number of ids, including the three reserved ones. */
    int size();
}
