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
     * The order of the longest n-gram the model stores that ends with {@code word} and continues
     * the context of {@code in} (its most recent words): 2 when {@code in}'s last word and
     * {@code word} are a stored bigram but no longer n-gram is, 1 when only the word itself is
     * (or it is unknown). Answers whether a word has been seen in this context without computing
     * its probability: the same searches as {@link #score}, none of its state or back-off work.
     * "Stored" is this model's own entries: a trie built from a pruned model also holds the
     * prefixes and suffixes it added (which change no probability).
     */
    int matchedOrder(LmState in, int word);

    /**
     * log10 P(words[k] | context of {@code in}) into {@code out[k]} for k below {@code count}: what
     * {@code count} calls of {@link #score} from {@code in} give, without their states. An
     * implementation may overlap the searches' memory reads. {@code scratch} is any state of this model.
     */
    default void scoreEach(LmState in, int[] words, int count, float[] out, LmState scratch) {
        for (int k = 0; k < count; k++) {
            out[k] = score(in, words[k], scratch);
        }
    }

    /**
     * log10 P(word | contexts[k]) into {@code out[k]} for k below {@code count}, each context one word
     * (scored from the empty context): what {@link #score} gives after that word. An implementation
     * may overlap the searches' memory reads. {@code scratch} is any state of this model.
     */
    default void scoreAfterEach(int[] contexts, int count, int word, float[] out, LmState scratch) {
        for (int k = 0; k < count; k++) {
            emptyContext(scratch);
            score(scratch, contexts[k], scratch);
            out[k] = score(scratch, word, scratch);
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
