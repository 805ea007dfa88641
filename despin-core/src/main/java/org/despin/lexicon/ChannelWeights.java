package org.despin.lexicon;

/**
 * How the channel weight ln P(observed | original, substituted) is computed from what the
 * thesauri say about a link ({@link LinkFeatures}):
 *
 * <pre>
 * logChannel = min(0, -alpha * ln(originalSynonyms)
 *                     + mutualBonus * [mutual link]          (one-hop links only,
 *                     + wordnetBonus * [WordNet synset link]  these three)
 *                     + inverseOnlyPenalty * [only the observed word's entry lists the original]
 *                     + twoHopPenalty * [synonym of a synonym]
 *                     + similarPenalty * [only a WordNet similar-to / see-also relation]
 *                     + genericPenalty * [only a WordNet hypernym relation: observed is the generic word]
 *                     + lengthChangePenalty * |words(observed) - words(original)|
 *                     + observedPickWeight * ln(observedPicks))
 * </pre>
 *
 * <p>Why not 1/|synonyms(original)|: that is the channel of a spinner that picks uniformly from
 * Moby's list, and Moby lists 100-440 synonyms for common words. Real spinners draw from shorter,
 * hand-made lists that favour close, common synonyms, so the number of choices they really
 * have grows much more slowly than Moby's list: {@code alpha} well below 1 (default 0.35) keeps
 * the length penalty for "say" (436 synonyms) at about -2.1 nats instead of -6.1, and leaves
 * the ranking to the language model, as RESOURCES.md says it must. Closeness of meaning shows in
 * the link itself: a mutual link (each entry lists the other) or a WordNet synset is a much more
 * likely spinner choice than a one-sided Moby association, and a synonym of a synonym is a long
 * shot. Spinners usually keep the length of what they replace, so each word gained or lost costs.
 * {@code observedPicks} is how many originals list the observed word: words that many entries
 * offer are the ones spinners write most often ("how often spinners pick that word"); it is the
 * same for all candidates of one span, so it only moves the keep-or-restore decision.
 *
 * <p>The weights are not normalised over the observed forms of one original (with alpha &lt; 1
 * they sum to more than one); the detector fits them, with the spin rate, on text spun by
 * {@code despin spin}. The lexicon stores the features, not the finished weight, so reading a
 * model with other weights ({@link LexiconFormat#read(org.despin.model.ModelFile, ChannelWeights)})
 * costs nothing. The default parameters are a justified starting point, not a fit.
 *
 * @param alpha exponent of the original's synonym count, 0..1
 * @param mutualBonus added for a mutual link (each Moby entry lists the other)
 * @param wordnetBonus added when WordNet puts the two in one synset
 * @param inverseOnlyPenalty added (negative) when only the observed word's own entry lists the original
 * @param twoHopPenalty added (negative) for two-hop links
 * @param lengthChangePenalty added (negative) per word of length difference between observed and original
 * @param observedPickWeight multiplies ln(number of originals listing the observed lemma)
 * @param similarPenalty added (negative) for a link that is only a WordNet similar-to or see-also
 *        relation ({@link LinkFeatures#SIMILAR}): thesauri list these after the synonyms
 * @param genericPenalty added (negative) for a link that is only a WordNet hypernym relation
 *        ({@link LinkFeatures#GENERIC}): the observed word is broader, and a broad word has many
 *        specific originals
 */
public record ChannelWeights(double alpha, double mutualBonus, double wordnetBonus, double inverseOnlyPenalty,
        double twoHopPenalty, double lengthChangePenalty, double observedPickWeight, double similarPenalty,
        double genericPenalty) {

    /** The defaults the default model is built and read with. */
    public static final ChannelWeights DEFAULT = new ChannelWeights(0.35, 0.5, 0.5, -1.0, -2.5, -0.5, 0.0, -1.0, -2.0);

    /** Weights without related-word links' own penalties (they get {@link #DEFAULT}'s). */
    public ChannelWeights(double alpha, double mutualBonus, double wordnetBonus, double inverseOnlyPenalty,
            double twoHopPenalty, double lengthChangePenalty, double observedPickWeight) {
        this(alpha, mutualBonus, wordnetBonus, inverseOnlyPenalty, twoHopPenalty, lengthChangePenalty, observedPickWeight,
                -1.0, -2.0);
    }

    public ChannelWeights {
        check("alpha", alpha);
        check("mutualBonus", mutualBonus);
        check("wordnetBonus", wordnetBonus);
        check("inverseOnlyPenalty", inverseOnlyPenalty);
        check("twoHopPenalty", twoHopPenalty);
        check("lengthChangePenalty", lengthChangePenalty);
        check("observedPickWeight", observedPickWeight);
        check("similarPenalty", similarPenalty);
        check("genericPenalty", genericPenalty);
        if (alpha < 0 || alpha > 1) {
            throw new IllegalArgumentException("alpha must lie in [0, 1]: " + alpha);
        }
    }

    private static void check(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite: " + v);
        }
    }

    /**
     * The channel weight of one link.
     *
     * @param link what the thesauri say about it
     * @param observedWords words in the observed span
     * @param originalWords words in the original
     * @param observedPicks how many originals list the observed lemma (at least 1)
     */
    public float logChannel(LinkFeatures link, int observedWords, int originalWords, int observedPicks) {
        double w = -alpha * Math.log(link.originalSynonyms());
        if (link.hops() == 2) {
            w += twoHopPenalty;
        } else {
            if (link.mutual()) {
                w += mutualBonus;
            }
            if (link.has(LinkFeatures.WORDNET)) {
                w += wordnetBonus;
            }
            if (link.inverseOnly()) {
                w += inverseOnlyPenalty;
            }
            if (link.relatedOnly()) {
                w += link.has(LinkFeatures.SIMILAR) ? similarPenalty : genericPenalty;
            }
        }
        w += lengthChangePenalty * Math.abs(observedWords - originalWords);
        w += observedPickWeight * Math.log(Math.max(1, observedPicks));
        return (float) Math.min(0.0, w);
    }
}
