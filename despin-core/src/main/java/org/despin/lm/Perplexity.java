package org.despin.lm;

/**
 * Perplexity of a language model over sentences of normalised words, as SRILM's {@code -ppl}
 * reports it: out-of-vocabulary words are not scored and are counted separately.
 *
 * @param sentences sentences scored
 * @param words words in them (OOV included)
 * @param oovs words not in the model's vocabulary
 * @param log10Prob total log10 probability of the scored words and the sentence ends
 */
public record Perplexity(long sentences, long words, long oovs, double log10Prob) {
    /** Perplexity counting sentence ends: 10^(-log10Prob / (words - oovs + sentences)). */
    public double perplexity() {
        return Math.pow(10, -log10Prob / (words - oovs + sentences));
    }

    /** Perplexity without sentence ends: 10^(-log10Prob / (words - oovs)). */
    public double perplexityWithoutEnds() {
        return Math.pow(10, -log10Prob / (words - oovs));
    }

    /** Scores every sentence ({@code <s>} and {@code </s>} are added). */
    public static Perplexity of(LanguageModel lm, Iterable<String[]> sentences) {
        throw new UnsupportedOperationException("not written yet");
    }
}
