package org.despin.lm;

/**
 * A word n-gram language model over integer ids. Implementations are immutable and thread-safe;
 * per-query state lives in {@link LmState} objects the caller owns.
 *
 * <pre>{@code
 * LmState s = lm.newState(), t = lm.newState();
 * lm.beginSentence(s);
 * float lp = lm.score(s, lm.vocabulary().id("the"), t);   // log10 P(the | <s>), t = context "<s> the"
 * }</pre>
 */
public interface LanguageModel {
    /** The highest n-gram order. */
    int order();

    Vocabulary vocabulary();

    /** A new, empty state (no context). */
    LmState newState();

    /** Sets {@code state} to the sentence-start context {@code <s>}. */
    void beginSentence(LmState state);

    /** Sets {@code state} to the empty context. */
    void emptyContext(LmState state);

    /**
     * log10 P(word | context of {@code in}); writes the context extended by {@code word} to
     * {@code out} ({@code out} may be the same object as {@code in}).
     */
    float score(LmState in, int word, LmState out);

    /**
     * Scores {@code words[from..to)} one after another, starting from the context of {@code in}:
     * {@code log10[i]} gets what {@code score(s, words[i], s)} would give in turn (the same
     * floats), and {@code out} gets the final context ({@code out} may be {@code in}; {@code in}
     * is otherwise left as it is). Implementations may read ahead, so that the memory reads of
     * the whole run overlap instead of waiting for one another word by word.
     */
    default void scoreRun(LmState in, int[] words, int from, int to, float[] log10, LmState out) {
        out.copyFrom(in);
        for (int i = from; i < to; i++) {
            log10[i] = score(out, words[i], out);
        }
    }

    /** log10 probability of the sentence {@code <s> words </s>}. */
    default float sentenceLog10(int[] words) {
        LmState s = newState();
        beginSentence(s);
        float sum = 0;
        for (int w : words) {
            sum += score(s, w, s);
        }
        return sum + score(s, Vocabulary.END_SENTENCE, s);
    }
}
