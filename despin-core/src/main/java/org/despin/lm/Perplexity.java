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
        Vocabulary v = lm.vocabulary();
        LmState s = lm.newState();
        long count = 0;
        long words = 0;
        long oovs = 0;
        double total = 0;
        for (String[] sentence : sentences) {
            lm.beginSentence(s);
            for (String word : sentence) {
                int id = v.id(word);
                float p = lm.score(s, id, s);
                words++;
                // an OOV word is not scored, but it stays in the context (as <unk>)
                if (id == Vocabulary.UNKNOWN && !word.equals("<unk>")) {
                    oovs++;
                } else {
                    total += p;
                }
            }
            total += lm.score(s, Vocabulary.END_SENTENCE, s);
            count++;
        }
        return new Perplexity(count, words, oovs, total);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d sentences, %d words, %d OOVs, logprob= %.2f ppl= %.2f ppl1= %.2f",
                sentences, words, oovs, log10Prob, perplexity(), perplexityWithoutEnds());
    }
}
