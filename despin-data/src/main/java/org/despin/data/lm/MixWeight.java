package org.despin.data.lm;

import java.util.ArrayList;
import java.util.List;
import org.despin.data.lm.HeldOutScorer.Scores;

/**
 * Chooses the weight λ of the own model in the mixture λ·own + (1-λ)·Sphinx by held-out
 * perplexity. The mixture's probability of a token is the linear interpolation of the two
 * components' probabilities (what static interpolation stores for every n-gram either component
 * has), so every λ of the grid is scored from one pass of each component over the held-out text.
 *
 * <p>Tokens whose word neither component knows are left out of every perplexity here, so that the
 * three models are compared on the same tokens; a word only one component knows gets the other's
 * unknown-word probability. λ minimises the mean over corpora of log perplexity: each corpus
 * counts the same, however much held-out text it has.
 */
public final class MixWeight {
    /** The weights tried. */
    public static final double[] GRID = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    private MixWeight() {
    }

    /**
     * Held-out figures of one corpus.
     *
     * @param corpus corpus name
     * @param tokens tokens scored (words and sentence ends known to at least one component)
     * @param unknownToBoth tokens left out: their word is in neither component
     * @param unknownToOwn scored tokens whose word the own model lacks
     * @param unknownToSphinx scored tokens whose word the Sphinx model lacks
     * @param ownPerplexity the own model alone
     * @param sphinxPerplexity the Sphinx model alone
     * @param mixPerplexity the mixture, for each weight of {@link #GRID}
     */
    public record CorpusEvaluation(String corpus, int tokens, int unknownToBoth, int unknownToOwn, int unknownToSphinx,
            double ownPerplexity, double sphinxPerplexity, double[] mixPerplexity) {
        /** Perplexity of the mixture at grid position {@code i}. */
        public double mix(int i) {
            return mixPerplexity[i];
        }
    }

    /**
     * The choice.
     *
     * @param lambda weight of the own model
     * @param corpora figures per corpus
     */
    public record Choice(double lambda, List<CorpusEvaluation> corpora) {
        /** Index of {@link #lambda} in {@link #GRID}. */
        public int index() {
            for (int i = 0; i < GRID.length; i++) {
                if (GRID[i] == lambda) {
                    return i;
                }
            }
            throw new IllegalStateException();
        }
    }

    /** Scores of the held-out text of one corpus under each component. */
    public record CorpusScores(String corpus, Scores own, Scores sphinx) {
    }

    public static Choice choose(List<CorpusScores> corpora) {
        List<CorpusEvaluation> evaluations = new ArrayList<>();
        for (CorpusScores c : corpora) {
            evaluations.add(evaluate(c));
        }
        int best = 0;
        double bestMean = Double.POSITIVE_INFINITY;
        for (int i = 0; i < GRID.length; i++) {
            double mean = 0;
            for (CorpusEvaluation e : evaluations) {
                mean += Math.log(e.mix(i)) / evaluations.size();
            }
            if (mean < bestMean) {
                bestMean = mean;
                best = i;
            }
        }
        return new Choice(GRID[best], evaluations);
    }

    static CorpusEvaluation evaluate(CorpusScores c) {
        double[] a = c.own().log10();
        double[] b = c.sphinx().log10();
        int tokens = 0;
        int unknownToBoth = 0;
        int unknownToOwn = 0;
        int unknownToSphinx = 0;
        double sumOwn = 0;
        double sumSphinx = 0;
        double[] sumMix = new double[GRID.length];
        for (int t = 0; t < a.length; t++) {
            boolean knownA = c.own().known()[t];
            boolean knownB = c.sphinx().known()[t];
            if (!knownA && !knownB) {
                unknownToBoth++;
                continue;
            }
            tokens++;
            unknownToOwn += knownA ? 0 : 1;
            unknownToSphinx += knownB ? 0 : 1;
            sumOwn += a[t];
            sumSphinx += b[t];
            double pa = Math.pow(10, a[t]);
            double pb = Math.pow(10, b[t]);
            for (int i = 0; i < GRID.length; i++) {
                sumMix[i] += Math.log10(GRID[i] * pa + (1 - GRID[i]) * pb);
            }
        }
        double[] mix = new double[GRID.length];
        for (int i = 0; i < GRID.length; i++) {
            mix[i] = perplexity(sumMix[i], tokens);
        }
        return new CorpusEvaluation(c.corpus(), tokens, unknownToBoth, unknownToOwn, unknownToSphinx,
                perplexity(sumOwn, tokens), perplexity(sumSphinx, tokens), mix);
    }

    private static double perplexity(double log10Sum, int tokens) {
        return tokens == 0 ? Double.NaN : Math.pow(10, -log10Sum / tokens);
    }
}
