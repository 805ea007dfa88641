package org.despin.detect;

import java.util.HashMap;
import java.util.Map;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmState;
import org.despin.lm.Vocabulary;

/**
 * log10 unigram probabilities of words and of spans (their words' summed), read from the LM once per word and
 * memoised; a word the LM does not know counts at {@link #UNKNOWN_LOG10}. The observed words' own forms
 * ({@link ObservedForms}) and their summaries for the verdict ({@link VerdictForms}) read them. Not thread-safe: one
 * per check.
 */
final class UnigramMemo {
    /** log10 P of a word the LM does not know. */
    static final double UNKNOWN_LOG10 = -9;

    private final LanguageModel lm;
    private final LmState state;
    private final Map<String, Double> memo = new HashMap<>();
    /** LM reads made (words not yet memoised that the LM knows). */
    private long reads;

    UnigramMemo(LanguageModel lm) {
        this.lm = lm;
        this.state = lm.newState();
    }

    /** log10 P(w) from an empty context. */
    double word(String w) {
        Double v = memo.get(w);
        if (v == null) {
            int id = lm.vocabulary().id(w);
            if (id == Vocabulary.UNKNOWN) {
                v = UNKNOWN_LOG10;
            } else {
                reads++;
                lm.emptyContext(state);
                v = (double) lm.score(state, id, state);
            }
            memo.put(w, v);
        }
        return v;
    }

    /** The unigrams of a normalised span's words (joined by single spaces), summed. */
    double span(String span) {
        if (span.indexOf(' ') < 0) {
            return word(span);
        }
        double sum = 0;
        for (String w : span.split(" ")) {
            sum += word(w);
        }
        return sum;
    }

    long reads() {
        return reads;
    }
}
