package org.despin.detect;

import java.util.Arrays;
import java.util.List;

/**
 * Which of a flagged span's readings to suggest: a conditional logit (a softmax over the span's
 * substitution readings) over {@link #FEATURES} of each reading, fitted on decoded fit-fold passages
 * whose span is an edit's and whose original is among the readings (ReadingChoiceFitting in the data
 * module's test sources). It only orders the readings of a span the decision has already flagged;
 * which spans are flagged is not its business (the finding model's, see {@link FindingModel}, or in
 * documents under {@link FindingModel#MIN_WORDS} words the decode's posteriors'; the same weights serve both).
 * Since branch {@code choice26} the score may add boosted regression trees over the same features
 * ({@link FindingTrees} of {@link FindingTrees.Schema#reading()}, fitted on the logit as the base by ReadingTreeFitting;
 * {@link #DEFAULT}'s are the resource {@code reading-trees.txt}, read on first use). Immutable.
 */
final class ReadingChoice {
    static final List<String> FEATURES = List.of(
            "posterior",          // logit of the reading's posterior in the final decode
            "arcLogOdds",         // the arc's fixed weight plus its LM context ratio (nats), as the finding model reads it
            "context",            // log10 LM ratio of the reading against the observed words in their context
            "gain",               // the evidence gain (log10: PMI of the reading with its context minus the observed's)
            "channel",            // the lexicon's ln P(observed | original)
            "twoHops",            // a synonym of a synonym
            "frequency",          // log10 P(reading) per word, from an empty context
            "term",               // a term arc (a phrase reached word by word)
            "sharedPrefix",       // the reading shares the observed word's first four letters ("northerly" -> "northern")
            "candidateElsewhere", // the reading's words standing elsewhere in the document (DocumentWords)
            "restoredElsewhere",  // the same original restored elsewhere on the best path
            "onBestPath",         // the decode's best path takes this reading
            "readingWords",       // words in the reading
            "relatedLink",        // the lexicon link is only a WordNet related word (ArcFeatures; 0 for other arcs)
            "leftGain",           // the part of the gain from the left context alone (ArcFeatures; 0 for other arcs)
            "sameInflection",     // the reading ends like the observed word (-ing, -ed, -ly, -s, or none of them)
            "wordNetLink",        // WordNet has the reading and the observed word in one synset (the lexicon link's source)
            "mobyLink",           // Moby lists them as synonyms (the lexicon link's source)
            "articleMismatch",    // "a"/"an" before the span fits the reading no better than the observed word (ArcFeatures)
            "gainAbove2",         // max(0, gain - 2): a stored collocation, not only a better fit (ArcFeatures)
            "genericLink",        // the observed word is only a WordNet hypernym of the reading ("vehicle" for "truck")
            "wordNetInDocument",  // wordNetLink times the share of the document's restorations with a WordNet link
            "mobyInDocument");    // mobyLink times the share of the document's restorations with a Moby link
    static final int SIZE = FEATURES.size();
    private static final double LN10 = Math.log(10);
    private static final double MAX_LOGIT = 9;
    private static final int RELATED_LINK = ArcFeatures.NAMES.indexOf("relatedLink");
    private static final int LEFT_GAIN = ArcFeatures.NAMES.indexOf("leftGain");
    private static final int ARTICLE_MISMATCH = ArcFeatures.NAMES.indexOf("articleMismatch");
    private static final int GAIN_ABOVE_2 = ArcFeatures.NAMES.indexOf("gainAbove2");
    private static final String[] INFLECTIONS = {"ing", "ed", "ly", "s"};

    /**
     * Fitted by ReadingChoiceFitting (see docs/detector.md, "A fitted choice among a span's readings"), with boosted trees
     * over the same features fitted on top by ReadingTreeFitting (branch {@code choice26}: 400 trees; the resource
     * {@code reading-trees.txt}, read on first use), followed by 120 trees boosted on top of those (branch {@code choice29},
     * {@code -Dwarm=true -DallTrees=120} on a {@code fitchoice} dump of stop 29's defaults: spun documents widened at gate
     * -0.6; docs/detector.md, "Reading trees refitted on stop 29's decodes").
     */
    static final ReadingChoice DEFAULT = new ReadingChoice(new double[] {0.3607, -0.2107, 0.9070, 0.5365, 1.1940, -1.0170,
            0.2284, 0.0000, -0.0882, 1.6227, 1.1969, -0.1755, -1.5128, 2.1553, -0.1344, 0.1012, -0.2145, -0.8836, -1.2005,
            -0.2787, 1.6634, 5.0533, 1.5759}, FindingTrees.lazyResource("reading-trees.txt", FindingTrees.Schema.reading()));

    private final double[] weights;
    /** Boosted trees whose sum adds to the score ({@link FindingTrees.Schema#reading()}), or null. */
    private final FindingTrees trees;

    /** @param weights one weight per {@link #FEATURES} entry (no intercept: it cancels in the softmax) */
    ReadingChoice(double[] weights) {
        this(weights, null);
    }

    /**
     * @param weights one weight per {@link #FEATURES} entry (no intercept: it cancels in the softmax)
     * @param trees   trees over the same features whose sum adds to the score (fitted with the weights as the base), or null
     */
    ReadingChoice(double[] weights, FindingTrees trees) {
        if (weights.length != SIZE) {
            throw new IllegalArgumentException("expected " + SIZE + " weights, got " + weights.length);
        }
        this.weights = weights.clone();
        this.trees = trees;
    }

    /** These weights with these trees (null: none). */
    ReadingChoice withTrees(FindingTrees t) {
        return new ReadingChoice(weights, t);
    }

    /** The trees, or null. */
    FindingTrees trees() {
        return trees;
    }

    /** The reading's score; the span's readings are chosen by the highest (softmax: exp(score) normalised). */
    double score(double[] features) {
        double s = 0;
        for (int i = 0; i < SIZE; i++) {
            s += weights[i] * features[i];
        }
        return trees == null ? s : s + trees.logOdds(features);
    }

    /** The features of substitution arc {@code a} of {@code lattice} read with the decode {@code d}. */
    static double[] features(Lattice lattice, Decoder.Decoded d, int a, DocumentWords words) {
        Arc arc = lattice.arcs[a];
        String original = arc.candidate().original();
        String observed = lattice.observed(arc.from(), arc.to());
        int readingWords = original.split(" ").length;
        double[] x = new double[SIZE];
        double p = Math.max(1e-4, Math.min(1 - 1e-4, d.posterior()[a]));
        x[0] = clip(Math.log(p / (1 - p)), -MAX_LOGIT, MAX_LOGIT);
        x[1] = clip(arc.fixedWeight() + LN10 * arc.evidence().contextLog10(), -15, 15);
        x[2] = clip(arc.evidence().contextLog10(), -10, 10);
        x[3] = clip(arc.evidence().gainLog10(), -10, 10);
        x[4] = clip(arc.candidate().candidate().logChannel(), -15, 0);
        x[5] = arc.candidate().candidate().hops() > 1 ? 1 : 0;
        x[6] = clip(arc.candidate().intrinsicLog10() / readingWords, -10, 0);
        x[7] = FindingModel.kind(arc) == FindingModel.Kind.TERM ? 1 : 0;
        x[8] = sharedPrefix(observed, original) >= 4 ? 1 : 0;
        x[9] = words.elsewhere(original, lattice.normal, arc.from(), arc.to());
        x[10] = words.restoredElsewhere(original, d.best()[a]);
        x[11] = d.best()[a] ? 1 : 0;
        x[12] = readingWords;
        if (arc.features() != null) {
            x[13] = arc.features()[RELATED_LINK];
            x[14] = clip(arc.features()[LEFT_GAIN], -10, 10);
            x[18] = arc.features()[ARTICLE_MISMATCH];
            x[19] = arc.features()[GAIN_ABOVE_2];
        }
        x[15] = inflection(observed).equals(inflection(original)) ? 1 : 0;
        String source = arc.candidate().candidate().source();
        x[16] = isWordNetSynonym(source) ? 1 : 0;
        x[17] = isMobySynonym(source) ? 1 : 0;
        x[20] = source.equals(org.despin.lexicon.LinkFeatures.RELATED_SOURCE + "generic") ? 1 : 0;
        x[21] = x[16] * words.wordNetShare();
        x[22] = x[17] * words.mobyShare();
        return x;
    }

    /** Whether a lexicon link of this source has Moby's synonym link. */
    static boolean isMobySynonym(String source) {
        return source.contains("moby");
    }

    /** Whether a lexicon link of this source has WordNet's synonym link (not only a related word's). */
    static boolean isWordNetSynonym(String source) {
        return source.contains("wordnet") && !source.startsWith(org.despin.lexicon.LinkFeatures.RELATED_SOURCE);
    }

    /**
     * The best-scored of arc {@code chosen}'s rivals: the substitution arcs over the same span with a
     * posterior above zero (term arcs only among term arcs, word readings among the others, as the
     * decision keeps them apart), or {@code chosen} itself when none scores higher.
     */
    int choose(Lattice lattice, Decoder.Decoded d, int chosen, DocumentWords words) {
        Arc arc = lattice.arcs[chosen];
        boolean term = FindingModel.kind(arc) == FindingModel.Kind.TERM;
        int best = chosen;
        double top = score(features(lattice, d, chosen, words));
        for (int b = lattice.firstArc[arc.from()]; b < lattice.firstArc[arc.from() + 1]; b++) {
            Arc other = lattice.arcs[b];
            if (b == chosen || other.isKeep() || other.to() != arc.to() || d.posterior()[b] <= 0
                    || (FindingModel.kind(other) == FindingModel.Kind.TERM) != term) {
                continue;
            }
            double s = score(features(lattice, d, b, words));
            if (s > top) {
                top = s;
                best = b;
            }
        }
        return best;
    }

    /** The regular inflection the word ends with, or "" (the spinner re-inflects its replacements alike). */
    private static String inflection(String w) {
        for (String suffix : INFLECTIONS) {
            if (w.endsWith(suffix)) {
                return suffix;
            }
        }
        return "";
    }

    static int sharedPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    private static double clip(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    double[] weights() {
        return weights.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadingChoice c && Arrays.equals(weights, c.weights) && java.util.Objects.equals(trees, c.trees);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights) * 31 + java.util.Objects.hashCode(trees);
    }
}
