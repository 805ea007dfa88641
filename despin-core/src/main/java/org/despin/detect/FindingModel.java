package org.despin.detect;

import java.util.Arrays;
import java.util.List;

/**
 * The decision which readings become findings, made with the whole document in view: logistic
 * regression over {@link #FEATURES} of a candidate finding (a substitution on the decode's best
 * path, or a span whose readings together have at least {@link #FLOOR} of the decode's mass),
 * fitted on decoded fit-fold text (FindingFitting in the test sources, docs/detector.md "Finding
 * model"). In every document of at least {@link #MIN_WORDS} words each candidate is weighed by the
 * document's score and rate, its neighbours and its own arc together: by {@link #DEFAULTS} where the
 * uniform {@code spunBoost} does not apply, by {@link #SPUN} over the boosted decode of a document
 * called spun. A candidate is a finding when its
 * confidence, the model's probability shifted by the operating point {@code bias}, is at least one
 * half (and at least the caller's minimum confidence).
 *
 * @param weights intercept, then one weight per {@link #FEATURES} entry (the calibrated fit)
 * @param bias nats added to the log-odds: the operating point, chosen for the clean-text flag budget
 *     ({@code -logit(t)} flags the candidates whose fitted probability reaches t)
 * @param trees boosted trees whose log-odds are added to the weighted features' ({@link FindingTrees}, fitted over these
 *     weights), or null: the logistic model alone
 */
public record FindingModel(double[] weights, double bias, FindingTrees trees) {
    /** What the model reads of a candidate, in the order of {@link #features}. */
    public static final List<String> FEATURES = List.of(
            "arcLogOdds",          // the arc's weight plus its LM context ratio (nats; the arc model's log-odds for word arcs)
            "posterior",           // logit of the reading's posterior in the decode
            "spanMass",            // logit of the span's readings' posteriors summed
            "onBestPath",          // the decode's best path takes this reading
            "spinScore",           // logit of the document's spin score
            "rate",                // logit of the document's re-estimated spin rate
            "neighboursRestored",  // words right before and after that the best path substitutes (0-2)
            "likelySpansNear",     // other spans of the sentence whose readings sum to >= 0.5 (capped at 4)
            "term",                // a phrase-level term arc
            "insertion",           // "X and Y" read as X
            "compound",            // a hyphen compound restored as a whole
            "name",                // a title-case name restored
            "lnReadings",          // ln(1 + readings of the span with posterior >= 0.01)
            // how the observed words themselves fit (word arcs; 0 for the other kinds): a confident clean
            // collocation inside a spun text ("calls for") against a restoration
            "observedFit",         // the arc model's observedFit: log10 P(obs right | left) - log10 P(obs)
            "observedLeftFit",     // log10 P(obs | left) - log10 P(obs)
            "observedUnigram",     // log10 P(observed span) per word
            "candidateUnigram",    // log10 P(candidate) per word
            "gain",                // the evidence gain (log10)
            // the document itself (DocumentWords): the original standing unspun elsewhere in the text, the
            // observed words used again by the writer, the same original restored elsewhere
            "candidateElsewhere",  // ln(1 + the candidate's content words elsewhere in the document, capped at 5), mean over its words
            "observedElsewhere",   // the same for the observed span's content words
            "restoredElsewhere",   // ln(1 + other best-path restorations of the same original, capped at 3)
            // stored order (branch names2): how far the LM stores the span's n-grams with its observed neighbours,
            // the mean of (matched order - 1) over the span's words and the next order - 1 words; a confident
            // clean collocation inside a spun text against a restoration; 0 without the LM (weight 0 in both sets)
            "observedStored",      // the observed words
            "candidateStored",     // the reading's words
            // the lexicon's link from the observed word to the reading (word arcs; 0 for the other kinds; branch flags27):
            // which thesaurus lists it, a WordNet related word, digits for number words
            "mobyOnly",            // only Moby lists the reading
            "wordnetOnly",         // only WordNet's synsets list it
            "similarLink",         // a WordNet similar-to link only
            "genericLink",         // a WordNet hypernym / hyponym link only
            "numberLink",          // a number in digits read as number words or the other way
            // the observed words alone (word arcs; 0 for the other kinds; branch forms28, ObservedForms): an odd
            // inflection a spinner's re-inflection makes, and how much a thesaurus spinner would write the word
            "formShare",           // min over the words of log10 P(word) - log10 P(its lemma's commonest form), <= 0
            "production",          // log10 sum over the span's lexicon originals of P(x) P(span | x) - log10 P(span)
            "productionMax",       // the same with the likeliest original's term alone
            "observedLinks",       // ln(1 + the span's lexicon originals)
            // branch precision30 (a study of the false flags in documents called spun; weight 0 in every set, read only
            // by trees fitted with them): the arc model's own features that arcLogOdds sums (word arcs; 0 for the other
            // kinds but the two lengths), the sentence around the candidate and the two words' spelling
            "arcLeftGain",         // ArcFeatures leftGain: the part of the gain from the left context alone
            "arcContext",          // ArcFeatures context: log10 P(cand right | left) - log10 P(obs right | left)
            "arcChannel",          // ArcFeatures channel: the lexicon's ln P(observed | original, substituted)
            "arcTwoHops",          // ArcFeatures twoHops: a synonym of a synonym
            "arcLnCandidates",     // ArcFeatures lnCandidates: ln(candidates of the observed span)
            "arcBehindBest",       // ArcFeatures behindBestGain: gain minus the span's best gain (<= 0)
            "arcLnAdmitted",       // ArcFeatures lnAdmitted: ln(candidates that passed the evidence gate)
            "arcArticleMismatch",  // ArcFeatures articleMismatch
            "observedWords",       // words in the observed span
            "candidateWords",      // words in the reading
            "atSentenceStart",     // the span starts its sentence
            "sentenceMass",        // the other candidate spans' summed posteriors in the sentence, per word of it
            "sentenceWords",       // ln(words of the sentence)
            "prefixShare",         // characters the observed span and the reading share at their start / the shorter's length
            "capitalInside",       // the observed span starts with a capital letter but not its sentence
            "functionWord",        // the observed span is function words only
            // the context the decode restored (LM; 0 without it): the reading against the observed words between the
            // best path's outputs before and after the span (up to order - 1 words before, two after or the sentence end)
            "restoredContext",     // log10 P(cand right | left) - log10 P(obs right | left) in that context
            "restoredObservedFit"); // log10 P(obs right | left) - the unigrams of obs and right: how well the observed words fit it
    static final int SIZE = FEATURES.size();
    /** Spans whose readings together have less of the decode's mass are no candidates. */
    static final double FLOOR = 0.02;
    /**
     * Documents shorter than this are left to the decode's posteriors: the model was fitted and
     * measured on texts of 100-300 words, and in a sentence or two the re-estimated rate is the
     * prior's, which the model would read as evidence of spin (one-sentence carriers of tortured
     * phrases: 6 of 200 clean ones flagged instead of 1, docs/detector.md "Finding model").
     */
    static final int MIN_WORDS = 100;
    private static final double LN10 = Math.log(10);
    private static final int OBSERVED_FIT = ArcFeatures.NAMES.indexOf("observedFit");
    private static final int OBSERVED_LEFT_FIT = ArcFeatures.NAMES.indexOf("observedLeftFit");
    private static final int OBSERVED_UNIGRAM = ArcFeatures.NAMES.indexOf("observedUnigram");
    private static final int CANDIDATE_UNIGRAM = ArcFeatures.NAMES.indexOf("candidateUnigram");
    private static final int GAIN = ArcFeatures.NAMES.indexOf("gain");
    private static final double MAX_LOGIT = 9;
    private static final int FORM_SHARE = FEATURES.indexOf("formShare");
    private static final int PRODUCTION = FEATURES.indexOf("production");
    private static final int ARC_LEFT_GAIN = FEATURES.indexOf("arcLeftGain");
    static final int OBSERVED_WORDS = FEATURES.indexOf("observedWords");
    static final int SENTENCE_MASS = FEATURES.indexOf("sentenceMass");
    static final int CAPITAL_INSIDE = FEATURES.indexOf("capitalInside");
    private static final int RESTORED_CONTEXT = FEATURES.indexOf("restoredContext");
    private static final int LEFT_GAIN = ArcFeatures.NAMES.indexOf("leftGain");
    private static final int CONTEXT = ArcFeatures.NAMES.indexOf("context");
    private static final int CHANNEL = ArcFeatures.NAMES.indexOf("channel");
    private static final int TWO_HOPS = ArcFeatures.NAMES.indexOf("twoHops");
    private static final int LN_CANDIDATES = ArcFeatures.NAMES.indexOf("lnCandidates");
    private static final int BEHIND_BEST = ArcFeatures.NAMES.indexOf("behindBestGain");
    private static final int LN_ADMITTED = ArcFeatures.NAMES.indexOf("lnAdmitted");
    private static final int ARTICLE_MISMATCH = ArcFeatures.NAMES.indexOf("articleMismatch");

    /**
     * Fitted by DetectorEvaluation {@code fitfindings} (docs/detector.md, "Finding model"): 600
     * passages of 200-300 words from the arc model's fit fold of the TRAINING documents, read with
     * the LM rebuilt without that fold, each decoded clean and spun once (rates 0.05-0.4, Moby and
     * the WordNet training spinner), no spunBoost; label: the candidate overlaps a spinner's edit;
     * logistic regression on the first half (13,666 candidates, 3,749 positive; L2 1.0), AUROC 0.887
     * on the second (0.871 without the document's own words). A word the writer uses elsewhere in
     * the text is seldom a spinner's pick (observedElsewhere -1.75), an original that stands unspun
     * elsewhere is likelier restored (candidateElsewhere +0.60), and an original the best paths
     * restore again elsewhere is likelier a writer's repeated word read the same wrong way each time
     * (restoredElsewhere -1.07). Refitted on the merged code of branch {@code joint} (its document
     * score is the spinScore feature) in branch {@code defaults2}: the weights moved by at most 0.12.
     * Bias 0.4055 = -logit(0.40): flags the candidates of fitted probability 0.40 and up. 0.33 kept
     * the clean-text flags under 0.42 per 100 words on each of three held-out sets (budget 0.5) for
     * +0.007 F1 more, too thin a margin for text unlike ours; with the one-word term arcs 0.40 keeps
     * them at 0.20-0.28 (modern 0.18-0.30) per 100 words (docs/detector.md "Lemmas and a second
     * DEFAULTS refit" and "Stop 14: the merged operating point").
     * {@code java -Xmx6g -cp $CP -DfoldLm=/tmp/arcs/fold-lm.dspm org.despin.detect.DetectorEvaluation
     * MODEL fitfindings 600}
     */
    public static final FindingModel DEFAULTS = new FindingModel(padded(new double[] {3.4943, 0.1702, -0.1876, 0.6770, 0.1357,
        0.1124, 1.6227, -0.3809, -0.0842, -0.5469, 1.8386, 0.5405, 0.0358, 0.1576, -0.0049, -0.4092, -0.0339, -0.1479,
        -0.1199, 0.6007, -1.7526, -1.0727, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}), 0.4055);

    /**
     * {@link #DEFAULTS} for a model whose language model mixes in the doc-comment prose of the source jars
     * as a third component (metadata {@code lm.mix.component} = {@value DetectorSettings#DOC_COMMENTS}, the
     * default build since branch {@code doclm3}): the same weights, at stop 18 bias 0.6633 = -logit(0.34). That
     * LM knows technical collocations, so it flags less on news at 0.40 (-0.004 to -0.010 F1) and far less
     * on technical prose. At 0.34 news F1 and exact stay within 0.002 / 0.4 points of the model without it
     * on the three held-out sets (first 100: 0.600 against 0.602) with clean news flags 0.28-0.35 per 100
     * words (budget 0.5; 0.19-0.27 before); 0.32 gives +0.003 F1 more for 0.32-0.42 flags (the lead chose
     * the margin to the budget at the merge); technical prose flags 0.14-0.16 per 100 words against 0.45
     * (docs/detector.md "Doc comments as a language-model component"). Since branch {@code refit19}, with the
     * document score refitted on that LM ({@link DocumentScorer.Coefficients#WITH_DOC_COMMENTS}, which calls more
     * spun text spun), bias 0.6190 = -logit(0.35): fewer clean news flags than stop 18's t 0.34 on every
     * held-out set and line (0.27-0.35 per 100 words against 0.28-0.35, modern 0.28-0.38 against 0.29-0.40) at
     * +0.003 F1 on each, technical prose within noise (F1 -0.005 / +0.003 at rates 0.1 / 0.3, its clean flags
     * unchanged); t 0.34 would give +0.003 to +0.005 F1 and technical F1 +0.006 / +0.004 for up to 0.007 more
     * clean news flags per 100 words. The weights refitted on that LM were no better on their own test half and
     * are not adopted (docs/detector.md "Refit on the stop-18 language model"). Since branch {@code gate23} bias
     * 0.4473 = -logit(0.39) with the evidence gate at 0.8 ({@link DetectorSettings#DEFAULTS_WITH_DOC_COMMENTS}; chosen on
     * the first 100 held-out passages by branch {@code gate22}, checked on training passages of 100-150, 150-200 and
     * 200-300 words and technical pages: fewer clean flags than gate 1.0 at t 0.35 at every length; docs/detector.md
     * "The evidence gate at 0.8 with DEFAULTS' threshold by length").
     */
    public static final FindingModel DEFAULTS_WITH_DOC_COMMENTS = new FindingModel(DEFAULTS.weights(), 0.4473);

    /**
     * Boosted trees over {@link #DEFAULTS}' weights (branch {@code trees25}, resource {@code finding-trees-defaults.txt}):
     * 148 trees of depth 3 (shrinkage 0.1, at least 50 candidates a leaf), fitted to the logistic loss's gradient with
     * DEFAULTS' log-odds as the base margin on the first half of the fit fold's candidates of {@code fitfindings 1200}
     * (200-300 words, rates 0.05-0.4) together with those of {@code -DfitWords=100-150 -DfitRates=0.05,0.1 fitfindings
     * 1200} (lightly spun short texts, which {@code trees24}'s trees, fitted without them, suppressed: news bench F1 at
     * rate 0.1 0.444 -> 0.406); the number of trees chosen on a quarter of that half; on the second half AUROC 0.854 ->
     * 0.873, log-loss 0.352 -> 0.324. In {@link #DEFAULTS_WITH_TREES} and {@link #UNCERTAIN_WITH_TREES}, so in the
     * default settings. A constant that reads nothing: the resource is read on first use ({@link
     * FindingTrees#lazyResource}), so start-up does not pay for it.
     */
    public static FindingTrees defaultsTrees() {
        return DEFAULTS_TREES;
    }

    private static final FindingTrees DEFAULTS_TREES = FindingTrees.lazyResource("finding-trees-defaults.txt");

    /**
     * {@link #DEFAULTS_WITH_DOC_COMMENTS}' weights with {@link #defaultsTrees()} at bias 0.8473 = -logit(0.30): the
     * model of a document neither called spun nor widened in {@link DetectorSettings#DEFAULTS_WITH_DOC_COMMENTS} since
     * branch {@code trees25}. With {@link #UNCERTAIN_WITH_TREES} (t 0.37), on the three held-out sets clean flags 62 / 95 /
     * 140 -> 56 / 88 / 122 and F1 +0.007 / +0.005 / +0.002 ({@code findingpoints}), a fourth set 99 -> 86 at +0.003; the news
     * bench's F1 at rate 0.1 0.444 -> 0.450 (docs/detector.md "Boosted trees on the finding model with lightly spun short
     * texts in the fit"). The trees' splits read the document's spin score and rate, so the threshold is the trees'
     * own, not comparable with the logistic model's 0.39.
     */
    public static final FindingModel DEFAULTS_WITH_TREES = new FindingModel(DEFAULTS.weights(), 0.8473, DEFAULTS_TREES);

    /**
     * {@link #DEFAULTS_WITH_TREES} at bias 0.5322 = -logit(0.37), for the widened uncertain documents (as
     * {@link #UNCERTAIN_WITH_DOC_COMMENTS} for the logistic model); see {@link #DEFAULTS_WITH_TREES}.
     */
    public static final FindingModel UNCERTAIN_WITH_TREES = DEFAULTS_WITH_TREES.withBias(0.5322);

    /**
     * Boosted trees over {@link #DEFAULTS}' weights that also read the lexicon link's type ({@code mobyOnly},
     * {@code wordnetOnly}, {@code similarLink}, {@code genericLink}, {@code numberLink}; branch {@code deftrees28}, resource
     * {@code finding-trees-defaults-links.txt}): {@link #defaultsTrees()}' recipe (trees25) on stop 28's code, 197 trees of
     * depth 3 (shrinkage 0.1, at least 50 candidates a leaf), fitted with DEFAULTS' log-odds as the base margin on the first
     * half of the candidates of {@code fitfindings 1200} (200-300 words) and {@code -DfitWords=100-150 -DfitRates=0.05,0.1
     * fitfindings 1200}, the number of trees chosen on a quarter of that half; on the second half AUROC 0.857 -> 0.878,
     * log-loss 0.347 -> 0.316 (the same trees without the five link features 0.875 / 0.319; {@link #defaultsTrees()} on the
     * same candidates 0.875 / 0.319). The dumps' {@code spinScore} column is the routing score the detector gives the finding
     * models (since this branch; from verdict26 to stop 28 FindingFitting wrote the verdict score there). Read on first use
     * ({@link FindingTrees#lazyResource}).
     */
    public static FindingTrees defaultsLinkTrees() {
        return DEFAULTS_LINK_TREES;
    }

    private static final FindingTrees DEFAULTS_LINK_TREES = FindingTrees.lazyResource("finding-trees-defaults-links.txt");

    /**
     * {@link #DEFAULTS}' weights with {@link #defaultsLinkTrees()} at bias 0.7538 = -logit(0.32): the model of a document
     * neither called spun nor widened in {@link DetectorSettings#DEFAULTS_WITH_DOC_COMMENTS} since branch {@code deftrees28}.
     * With {@link #UNCERTAIN_WITH_LINK_TREES} (t 0.37), on the three held-out sets fewer clean flags than
     * {@link #DEFAULTS_WITH_TREES} / {@link #UNCERTAIN_WITH_TREES} at 0.30 / 0.37 at F1 no lower, and the news bench's F1 at
     * rate 0.1 up (docs/detector.md "DEFAULTS' trees refitted with the lexicon link's type"). The threshold is 0.02 above
     * trees25's: the new trees rank the clean candidates of clean 200-300-word text lower, and 0.32 was the highest t at which
     * the news bench's F1 at rate 0.1 stayed at or above stop 28's.
     */
    public static final FindingModel DEFAULTS_WITH_LINK_TREES = new FindingModel(DEFAULTS.weights(), 0.7538,
            DEFAULTS_LINK_TREES);

    /**
     * {@link #DEFAULTS_WITH_LINK_TREES} at bias 0.5322 = -logit(0.37), for the widened uncertain documents (as
     * {@link #UNCERTAIN_WITH_TREES} for {@link #defaultsTrees()}, the same threshold); see {@link #DEFAULTS_WITH_LINK_TREES}.
     */
    public static final FindingModel UNCERTAIN_WITH_LINK_TREES = DEFAULTS_WITH_LINK_TREES.withBias(0.5322);

    /**
     * The model of a document not called spun whose lattices are widened ({@code unspunEvidenceGate} 0,
     * {@code spunContextPool} 4, {@code uncertainFloor} 0.65; in {@link DetectorSettings#DEFAULTS_WITH_DOC_COMMENTS}
     * since stop 23): {@link #DEFAULTS_WITH_DOC_COMMENTS}' weights at bias 0.3640 = -logit(0.41), 0.02 above that
     * model's t 0.39 (branch {@code widen22} chose t 0.36 over t 0.35 at the evidence gate 1.0; 0.37 in branch
     * {@code widen21}, which widened from cleanThreshold): the widening adds readings with little evidence, and the
     * raised threshold gives back the clean flags they cost. Chosen on {@code cleanspun 100} among t 0.39 / 0.40 / 0.41
     * (66 / 64 / 63 clean flags against 62 without the widening; F1 0.624 / 0.623 / 0.622 against 0.619), the
     * fewest clean flags (docs/detector.md "The evidence gate at 0.8 and the widening of uncertain documents together").
     */
    public static final FindingModel UNCERTAIN_WITH_DOC_COMMENTS = new FindingModel(DEFAULTS.weights(), 0.3640);

    /**
     * The model for documents called spun (the document score's {@code spunThreshold}), over their
     * boosted decode ({@code spunBoost}) of lattices widened to the context gain
     * {@code spunEvidenceGate} 0 ({@code spunContextPool} 4), where the decode's posteriors decided
     * before: fitted like {@link #DEFAULTS} but with {@code -DfindingBoosted=true}: passages spun at
     * 0.1-0.5 (Moby and the WordNet training spinner), only the documents the score calls spun, their
     * candidates read from the widened boosted decode, exactly as the detector then decides. Inside a
     * spun text the observed words' own fit separates a clean collocation from a restoration a little
     * (observedLeftFit -0.19, gain -0.21), the document's own words more (observedElsewhere -1.64,
     * candidateElsewhere +0.46): test-half AUROC 0.850 (doccontext's fit on unwidened decodes 0.834,
     * spungate's without the document's words 0.835). Bias -0.0800 = -logit(0.52): the lowest
     * threshold at which the bundled example keeps at most 5 false flags since a title-case span is
     * restored only to a name the LM stores (branch spunpoint: 0.50 gives 6; before that rule 0.55,
     * 0.54 gave 7; docs/detector.md "SPUN's operating point after the merges"). A refit on the merged
     * code (branch spunpoint: weights within 0.10, rate 0.13 -> 0.22) was no better held out and is not
     * adopted. {@code java
     * -Xmx6g -cp $CP -DfoldLm=/tmp/arcs/fold-lm.dspm -DfindingBoosted=true
     * org.despin.detect.DetectorEvaluation MODEL fitfindings 600} (at the default widening and the
     * refitted document score of branch joint).
     */
    public static final FindingModel SPUN = new FindingModel(padded(new double[] {-1.0775, 0.3672, -0.4610, 0.8359, 0.1695,
        0.0416, 0.1255, 0.0127, -0.0222, 0.9653, 2.1363, 1.0395, 0.3228, 0.1665, 0.0054, -0.1888, -0.0886, -0.1558,
        -0.2120, 0.4586, -1.6429, 0.2148, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}), -0.0800);

    /**
     * {@link #SPUN} for a model with a names list (its "names" section,
     * {@link org.despin.lexicon.TitleCaseNames}): the same weights at bias 0.0400 = -logit(0.49). The
     * list keeps a title-case span from being restored to a pair no training text writes as a name
     * ("Permanent Mission" -> "Continuing Mission"), which frees the threshold from 0.52 to 0.49 with the
     * bundled example still at 5 false flags (0.48 gives 6) and +0.002 to +0.010 F1 held out; without the
     * list 0.49 gives the example 6 false flags, so {@link #SPUN} stays the operating point of a model
     * without names (docs/detector.md, branches names2 and names3). Since branch {@code channel25} (the arc model's
     * related-word weights refitted, {@link ArcModel#DEFAULTS}) at bias 0 = -logit(0.50): at 0.49 the example has 6
     * false flags, at 0.50 5 (docs/detector.md, "The related-word penalties refitted in the arc model").
     */
    public static final FindingModel SPUN_WITH_NAMES = new FindingModel(SPUN.weights(), 0.0);

    /**
     * {@link #SPUN_WITH_NAMES} with boosted trees (branch {@code trees24}, resource {@code finding-trees-spun.txt}; not in
     * the default settings: with the related words of branch {@code coverage24} it is no better than
     * {@link #SPUN_WITH_NAMES} at the example's 5 false flags, docs/detector.md "Stop 24: the merged
     * defaults"): 175 trees of depth 3
     * (shrinkage 0.1, at least 200 candidates a leaf) fitted to the logistic loss's gradient with {@link #SPUN}'s log-odds
     * as the base margin, on the first half of the fit fold's candidates of {@code -DfindingBoosted=true fitfindings 1200}
     * (the number of trees chosen on a quarter of that half); on the second half AUROC 0.841 -> 0.847, log-loss 0.489 ->
     * 0.478. Bias 0.1603 = -logit(0.46): as for {@link #SPUN}, the lowest threshold measured at which the bundled example
     * keeps at most 5 false flags (0.43 gives 6); on the three held-out sets F1 +0.014 / +0.007 / +0.007 at equal or
     * fewer clean flags (docs/detector.md "Boosted trees on the finding model"). Read on first use.
     */
    public static FindingModel spunWithTrees() {
        return Fitted.SPUN_WITH_TREES;
    }

    /**
     * {@link #SPUN_WITH_NAMES} with boosted trees that also read the lexicon link's type (branch {@code flags27},
     * resource {@code finding-trees-spun-links.txt}; the default at the start of stop 28, then replaced by
     * {@link #spunWithWideTrees()}): 197 trees of depth 3 (shrinkage 0.1, at
     * least 50 candidates a leaf) fitted like {@link #spunWithTrees()}'s with {@link #SPUN}'s log-odds as the base margin,
     * on the first half of the candidates of {@code -DfindingBoosted=true fitfindings 1200} (stop 26's code and model,
     * fold LM); on the second half AUROC 0.845 -> 0.858 (the same trees without the five link features 0.852). Bias
     * 0.4055 = -logit(0.40): on the three held-out sets F1 +0.019 / +0.010 / +0.013, exact +1.9 / +0.9 / +1.5 points with 26
     * fewer clean flags (264 -> 238) than the defaults, but the bundled example 48 flagged / 7 false / 29 exact (limit 5
     * false; at 0.50 39 / 6 / 24); judged on the held-out sets at stop 28 (docs/detector.md "Clean words in spun
     * documents", "Stop 28: the merged defaults").
     */
    public static FindingModel spunWithLinkTrees() {
        return Fitted.SPUN_WITH_LINK_TREES;
    }

    /**
     * {@link #SPUN_WITH_NAMES} with boosted trees that read the lexicon link's type, fitted like
     * {@link #spunWithLinkTrees()}'s but on the candidates of documents called spun widened at evidence gate -0.6
     * ({@link DetectorSettings#SPUN_EVIDENCE_GATE}; stop 28, resource {@code finding-trees-spun-wide.txt}): 139 trees of
     * depth 3 (shrinkage 0.1, at least 50 candidates a leaf) on the first half of {@code -DfindingBoosted=true fitfindings
     * 1200}'s 48,017 candidates (fold LM), test half AUROC 0.8567 (SPUN's logistic model) -> 0.8698. Bias 0.5108 =
     * -logit(0.375). On the three held-out sets, against {@link #spunWithLinkTrees()} at t 0.40 with the same gate: F1
     * +0.009 / +0.009 / +0.005 and exact +0.6 / +0.8 / +0.4 points for 4 more clean flags (238 -> 242); the default in
     * documents called spun at stop 28 (docs/detector.md "Stop 28: the merged defaults"); since stop 29
     * {@link #spunWithNearTrees()}.
     */
    public static FindingModel spunWithWideTrees() {
        return Fitted.SPUN_WITH_WIDE_TREES;
    }

    /**
     * {@link #SPUN_WITH_NAMES} with boosted trees that also read the observed words' own forms ({@code formShare},
     * {@code production}, {@code productionMax}, {@code observedLinks}; {@link ObservedForms}) besides the link's type
     * (branch {@code forms28}, resource {@code finding-trees-spun-forms.txt}; NOT in the default settings): 199 trees of
     * depth 3 (shrinkage 0.1, at least 200 candidates a leaf) fitted like {@link #spunWithLinkTrees()}'s on the same
     * candidates with the four columns added; on the second half AUROC 0.858 -> 0.865, log-loss 0.463 -> 0.452. Bias
     * 0.2007 = -logit(0.45): on the three held-out sets against {@link #spunWithLinkTrees()} at the same t F1 +0.003 /
     * +0.012 / +0.018 and exact +0.2 / +0.2 / +0.4 points, but 5 more clean flags (235 -> 240); at equal clean flags
     * (the link trees at t 0.40) exact is lower on every set (docs/detector.md "The observed word itself").
     */
    public static FindingModel spunWithFormTrees() {
        return Fitted.SPUN_WITH_FORM_TREES;
    }

    /**
     * {@link #SPUN_WITH_NAMES} with boosted trees fitted like {@link #spunWithWideTrees()}'s (depth 3, shrinkage 0.1, at
     * least 50 candidates a leaf, the link features and {@code forms28}'s four) but on a dump whose {@code spinScore} is
     * the routing score the detector gives them (the wide trees' dump had the verdict score there) and with the clean
     * fit-fold passages the routing score puts at 0.75-0.89, decoded widened as if called spun, as rows of their own
     * (branch {@code spun29}, resource {@code finding-trees-spun-near.txt}; in the default settings since stop 29): 198 trees,
     * 2,464 nodes, on 61,110 candidates (48,017 of documents called spun, 13,093 of 225 such clean passages). Bias
     * 0.5108 = -logit(0.375). On the three held-out sets against the defaults F1 +0.001 / +0.011 / +0.009, exact -0.2 /
     * +0.8 / +0.9 points, a fourth set +0.008 / +0.6 at equal clean flags, the bundled example 50 flagged / 8 false / 31
     * exact (was 9 false); but clean flags 41 / 76 / 104 -> 60 / 76 / 105, the first set's +19 all in one Brown passage
     * the routing score calls spun (0.898), where the wide trees flag 8 words (docs/detector.md "SPUN's trees fitted with
     * the routing score and clean passages near the spun threshold").
     */
    public static FindingModel spunWithNearTrees() {
        return Fitted.SPUN_WITH_NEAR_TREES;
    }

    /**
     * {@link #spunWithNearTrees}' recipe (the same dumps of today's code: 60,857 candidates, 20,108 on an edit) with four
     * more features the trees may split on: the candidate's fit against the observed words' in the context the decode
     * restored ({@code restoredContext}, {@code restoredObservedFit}, LM calls in documents called spun) and the arc
     * model's {@code context} and {@code leftGain} (branch {@code precision30}, resource
     * {@code finding-trees-spun-restored.txt}; in no settings): 199 trees, 2,567 nodes. Fit-fold test half AUROC 0.9111 ->
     * 0.9134 against the same recipe without them. Bias 0.4895 = -logit(0.38), the threshold with the fit fold's test half
     * flagging as many candidates on an edit as the refit without them at 0.375. On the three held-out sets F1 +0.010 /
     * +0.005 / +0.005 and exact +0.6 / +0.3 / +0.2 points, but clean flags 60 / 76 / 105 -> 58 / 76 / 106 and the bundled
     * example 50 flagged / 9 false / 31 exact (8 false now) (docs/detector.md "Precision in documents called spun").
     */
    public static FindingModel spunWithRestoredTrees() {
        return Fitted.SPUN_WITH_RESTORED_TREES;
    }

    /** SPUN's fitted trees, read from their resource when first asked for (a few hundred ms in a cold JVM). */
    private static final class Fitted {
        static final FindingModel SPUN_WITH_TREES = new FindingModel(SPUN.weights(), 0.1603,
                FindingTrees.resource("finding-trees-spun.txt"));
        static final FindingModel SPUN_WITH_LINK_TREES = new FindingModel(SPUN.weights(), 0.4055,
                FindingTrees.resource("finding-trees-spun-links.txt"));
        static final FindingModel SPUN_WITH_WIDE_TREES = new FindingModel(SPUN.weights(), 0.5108,
                FindingTrees.resource("finding-trees-spun-wide.txt"));
        static final FindingModel SPUN_WITH_FORM_TREES = new FindingModel(SPUN.weights(), 0.2007,
                FindingTrees.resource("finding-trees-spun-forms.txt"));
        static final FindingModel SPUN_WITH_NEAR_TREES = new FindingModel(SPUN.weights(), 0.5108,
                FindingTrees.resource("finding-trees-spun-near.txt"));
        static final FindingModel SPUN_WITH_RESTORED_TREES = new FindingModel(SPUN.weights(), 0.4895,
                FindingTrees.resource("finding-trees-spun-restored.txt"));
    }

    /**
     * Weights given for the first features only (the intercept first), the features added after them at weight 0
     * (branch {@code precision30}'s eighteen, read by no fitted set's weights).
     */
    static double[] padded(double[] weights) {
        return java.util.Arrays.copyOf(weights, Math.max(weights.length, SIZE + 1));
    }

    /** The logistic model alone (no trees). */
    public FindingModel(double[] weights, double bias) {
        this(weights, bias, null);
    }

    public FindingModel {
        if (weights.length != SIZE + 1) {
            throw new IllegalArgumentException("a finding model needs " + (SIZE + 1) + " weights, got " + weights.length);
        }
        if (!Double.isFinite(bias)) {
            throw new IllegalArgumentException("bias must be finite, got " + bias);
        }
        weights = weights.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** The same model at another operating point (the trees kept). */
    public FindingModel withBias(double newBias) {
        return new FindingModel(weights, newBias, trees);
    }

    /** The same model with these trees (null: none). */
    public FindingModel withTrees(FindingTrees newTrees) {
        return new FindingModel(weights, bias, newTrees);
    }

    /** Whether the stored orders have a weight or a split (else they need not be computed: see {@link #storedOrder}). */
    boolean readsStoredOrder() {
        int observed = FEATURES.indexOf("observedStored");
        int candidate = FEATURES.indexOf("candidateStored");
        return weights[observed + 1] != 0 || weights[candidate + 1] != 0
                || weights[RESTORED_CONTEXT + 1] != 0 || weights[RESTORED_CONTEXT + 2] != 0
                || trees != null && (trees.reads(observed) || trees.reads(candidate)
                        || trees.maxFeature() >= RESTORED_CONTEXT
                        && (trees.reads(RESTORED_CONTEXT) || trees.reads(RESTORED_CONTEXT + 1)));
    }

    /** Whether {@code formShare} or {@code production} has a weight or a split (else {@link ObservedForms} is not needed). */
    boolean readsObservedForms() {
        return weights[FORM_SHARE + 1] != 0 || weights[PRODUCTION + 1] != 0
                || trees != null && (trees.reads(FORM_SHARE) || trees.reads(PRODUCTION));
    }

    /** Whether the model decides in a document of this many words (see {@link #MIN_WORDS}). */
    static boolean decidesIn(int words) {
        return words >= MIN_WORDS;
    }

    /** The fitted probability that the candidate with these features (see {@link #features}) is on a spinner's edit. */
    double probability(double[] x) {
        return 1 / (1 + Math.exp(-logOdds(x)));
    }

    /** The confidence of a candidate as a finding: the probability at the operating point; a finding needs one half. */
    double confidence(double[] x) {
        return 1 / (1 + Math.exp(-(logOdds(x) + bias)));
    }

    /**
     * The fitted probability of the logistic part alone, without the trees: what the document score reads
     * ({@code topFindingProbability}, whose coefficients were fitted over the logistic model).
     */
    double linearProbability(double[] x) {
        return 1 / (1 + Math.exp(-linearLogOdds(x)));
    }

    /** The log-odds (without the bias): the weighted features plus the trees' leaves. */
    double logOdds(double[] x) {
        double z = linearLogOdds(x);
        return trees == null ? z : z + trees.logOdds(x);
    }

    private double linearLogOdds(double[] x) {
        double z = weights[0];
        for (int i = 0; i < x.length; i++) {
            z += weights[i + 1] * x[i];
        }
        return z;
    }

    /**
     * The features of one candidate finding: arc {@code a} of {@code lattice} read with the decode
     * {@code d}; {@code mass} the span's readings' posteriors summed, {@code readings} how many of
     * them reach 0.01, {@code likelyNear} the other likely spans of the sentence, {@code words} the
     * document's own words.
     */
    static double[] features(Lattice lattice, Decoder.Decoded d, int a, double mass, int readings, int likelyNear,
            double spinScore, double rate, DocumentWords words) {
        return features(lattice, d, a, mass, readings, likelyNear, spinScore, rate, words, null);
    }

    /** The same, with the LM for the stored orders ({@code lm} null: they are 0). */
    static double[] features(Lattice lattice, Decoder.Decoded d, int a, double mass, int readings, int likelyNear,
            double spinScore, double rate, DocumentWords words, org.despin.lm.LanguageModel lm) {
        return features(lattice, d, a, mass, readings, likelyNear, spinScore, rate, words, lm, null);
    }

    /** The same, with the observed words' own forms ({@code forms} null: {@code formShare} and {@code production} are 0). */
    static double[] features(Lattice lattice, Decoder.Decoded d, int a, double mass, int readings, int likelyNear,
            double spinScore, double rate, DocumentWords words, org.despin.lm.LanguageModel lm, ObservedForms forms) {
        Arc arc = lattice.arcs[a];
        Kind kind = kind(arc);
        double[] x = new double[SIZE];
        x[0] = clip(arc.fixedWeight() + LN10 * arc.evidence().contextLog10(), -15, 15);
        x[1] = logit(d.posterior()[a]);
        x[2] = logit(mass);
        x[3] = d.best()[a] ? 1 : 0;
        x[4] = logit(spinScore);
        x[5] = logit(rate);
        x[6] = (substitutedAt(lattice, d, arc.from() - 1) ? 1 : 0) + (substitutedAt(lattice, d, arc.to()) ? 1 : 0);
        x[7] = Math.min(4, likelyNear);
        x[8] = kind == Kind.TERM ? 1 : 0;
        x[9] = kind == Kind.INSERTION ? 1 : 0;
        x[10] = kind == Kind.COMPOUND ? 1 : 0;
        x[11] = arc.isName() ? 1 : 0;
        x[12] = Math.log1p(readings);
        if (kind == Kind.WORD) {
            double[] f = arc.features();
            x[13] = f[OBSERVED_FIT];
            x[14] = f[OBSERVED_LEFT_FIT];
            x[15] = f[OBSERVED_UNIGRAM];
            x[16] = f[CANDIDATE_UNIGRAM];
            x[17] = f[GAIN];
            String source = java.util.Objects.requireNonNullElse(arc.candidate().candidate().source(), "");
            x[23] = source.equals("moby") ? 1 : 0;
            x[24] = source.equals("wordnet") ? 1 : 0;
            x[25] = source.startsWith("wordnet-similar") ? 1 : 0;
            x[26] = source.startsWith("wordnet-generic") ? 1 : 0;
            x[27] = source.contains("number") ? 1 : 0;
            if (forms != null) {
                double[] o = forms.of(lattice.observed(arc.from(), arc.to()));
                x[FORM_SHARE] = o[0];
                x[PRODUCTION] = o[1];
                x[PRODUCTION + 1] = o[2];
                x[PRODUCTION + 2] = o[3];
            }
        }
        String original = arc.candidate().original();
        x[18] = words.elsewhere(original, lattice.normal, arc.from(), arc.to());
        x[19] = words.elsewhere(lattice.observed(arc.from(), arc.to()), lattice.normal, arc.from(), arc.to());
        x[20] = words.restoredElsewhere(original, d.best()[a]);
        if (lm != null) {
            int[] observed = java.util.Arrays.copyOfRange(lattice.ids, arc.from(), arc.to());
            x[21] = storedOrder(lm, lattice.ids, arc.from(), arc.to(), observed);
            x[22] = storedOrder(lm, lattice.ids, arc.from(), arc.to(), arc.out());
        }
        return x;
    }

    /**
     * The mean of (matched order - 1) over {@code span} read in place of words {@code from} to {@code to} of
     * {@code ids} and the order - 1 words after it (or the sentence end), each after up to order - 1 words
     * before it: 0 when no n-gram with a neighbour is stored, order - 1 when every word continues a stored
     * n-gram of the highest order.
     */
    static double storedOrder(org.despin.lm.LanguageModel lm, int[] ids, int from, int to, int[] span) {
        int reach = lm.order() - 1;
        org.despin.lm.LmState state = lm.newState();
        int start = from - reach;
        if (start < 0) {
            lm.beginSentence(state);
            start = 0;
        } else {
            lm.emptyContext(state);
        }
        for (int k = start; k < from; k++) {
            lm.score(state, ids[k], state);
        }
        int sum = 0;
        int count = 0;
        for (int w : span) {
            sum += lm.matchedOrder(state, w) - 1;
            count++;
            lm.score(state, w, state);
        }
        for (int k = to; k < Math.min(ids.length, to + reach); k++) {
            sum += lm.matchedOrder(state, ids[k]) - 1;
            count++;
            lm.score(state, ids[k], state);
        }
        if (to + reach > ids.length) {
            sum += lm.matchedOrder(state, org.despin.lm.Vocabulary.END_SENTENCE) - 1;
            count++;
        }
        return count == 0 ? 0 : (double) sum / count;
    }

    /**
     * Branch {@code precision30}'s features of a candidate into {@code x} (computed only where a model reads them,
     * {@link #readsPrecisionFeatures}, or for a fit): the arc model's own features, the two lengths, the sentence start
     * and length, the shared prefix, function words, and with {@code lm} the two in the restored context.
     * {@code sentenceMass} (the other spans' posteriors) and {@code capitalInside} (the text's case) are the caller's.
     */
    static void precisionFeatures(Lattice lattice, Decoder.Decoded d, int a, double sentenceMass, boolean capitalInside,
            org.despin.lm.LanguageModel lm, double[] x) {
        Arc arc = lattice.arcs[a];
        Kind kind = kind(arc);
        if (kind == Kind.WORD) {
            double[] f = arc.features();
            x[ARC_LEFT_GAIN] = f[LEFT_GAIN];
            x[ARC_LEFT_GAIN + 1] = f[CONTEXT];
            x[ARC_LEFT_GAIN + 2] = f[CHANNEL];
            x[ARC_LEFT_GAIN + 3] = f[TWO_HOPS];
            x[ARC_LEFT_GAIN + 4] = f[LN_CANDIDATES];
            x[ARC_LEFT_GAIN + 5] = f[BEHIND_BEST];
            x[ARC_LEFT_GAIN + 6] = f[LN_ADMITTED];
            x[ARC_LEFT_GAIN + 7] = f[ARTICLE_MISMATCH];
        }
        x[OBSERVED_WORDS] = arc.to() - arc.from();
        x[OBSERVED_WORDS + 1] = arc.out().length;
        x[OBSERVED_WORDS + 2] = arc.from() == 0 ? 1 : 0;
        x[SENTENCE_MASS] = sentenceMass;
        x[OBSERVED_WORDS + 4] = Math.log(Math.max(1, lattice.size()));
        String observedText = lattice.observed(arc.from(), arc.to());
        String original = arc.candidate().original();
        x[OBSERVED_WORDS + 5] = sharedPrefix(observedText, original);
        x[OBSERVED_WORDS + 7] = FunctionWords.onlyFunctionWords(observedText) ? 1 : 0;
        x[CAPITAL_INSIDE] = capitalInside ? 1 : 0;
        if (lm != null) {
            restored(lm, lattice, d, arc, x);
        }
    }

    /** Whether any of branch {@code precision30}'s features has a weight or a split (else they need not be computed). */
    boolean readsPrecisionFeatures() {
        for (int i = ARC_LEFT_GAIN; i < SIZE; i++) {
            if (weights[i + 1] != 0) {
                return true;
            }
        }
        return trees != null && trees.maxFeature() >= ARC_LEFT_GAIN; // they are the last features
    }

    /**
     * {@code restoredContext} and {@code restoredObservedFit} of {@code arc} into {@code x}: the span read between the
     * outputs of the decode's best path (the arcs that end before it and start after it), up to order - 1 words before
     * (the sentence start when the path begins there) and two after (the sentence end when it comes first).
     */
    static void restored(org.despin.lm.LanguageModel lm, Lattice lattice, Decoder.Decoded d, Arc arc, double[] x) {
        // the best path's arcs by where they end and start (the first in arc order, as the decode marks them), in one pass
        Arc[] ending = new Arc[lattice.size() + 1];
        Arc[] starting = new Arc[lattice.size() + 1];
        for (int b = 0; b < lattice.arcs.length; b++) {
            if (d.best()[b]) {
                Arc o = lattice.arcs[b];
                ending[o.to()] = ending[o.to()] == null ? o : ending[o.to()];
                starting[o.from()] = starting[o.from()] == null ? o : starting[o.from()];
            }
        }
        int reach = lm.order() - 1;
        int[] left = new int[reach];
        int leftCount = 0;
        int[] right = new int[3];
        int rightCount = 0;
        // best-path arcs before the span, from the nearest back; after it, from the nearest on
        int at = arc.from();
        while (leftCount < reach && at > 0) {
            Arc b = ending[at];
            if (b == null) {
                break;
            }
            int[] out = b.out();
            for (int k = out.length - 1; k >= 0 && leftCount < reach; k--) {
                left[leftCount++] = out[k];
            }
            at = b.from();
        }
        boolean leftStart = at == 0 && leftCount < reach;
        at = arc.to();
        while (rightCount < 2 && at < lattice.size()) {
            Arc b = starting[at];
            if (b == null) {
                break;
            }
            for (int k = 0; k < b.out().length && rightCount < 2; k++) {
                right[rightCount++] = b.out()[k];
            }
            at = b.to();
        }
        if (rightCount < 2 && at >= lattice.size()) {
            right[rightCount++] = org.despin.lm.Vocabulary.END_SENTENCE;
        }
        int[] observed = java.util.Arrays.copyOfRange(lattice.ids, arc.from(), arc.to());
        org.despin.lm.LmState start = lm.newState();
        org.despin.lm.LmState state = lm.newState();
        double observedScore = sequence(lm, left, leftCount, leftStart, observed, right, rightCount, start);
        double candidateScore = sequence(lm, left, leftCount, leftStart, arc.out(), right, rightCount, start);
        double unigrams = 0;
        for (int w : observed) {
            lm.emptyContext(state);
            unigrams += lm.score(state, w, state);
        }
        for (int k = 0; k < rightCount; k++) {
            if (right[k] != org.despin.lm.Vocabulary.END_SENTENCE) {
                lm.emptyContext(state);
                unigrams += lm.score(state, right[k], state);
            }
        }
        x[RESTORED_CONTEXT] = clip(candidateScore - observedScore, -15, 15);
        x[RESTORED_CONTEXT + 1] = clip(observedScore - unigrams, -15, 15);
    }

    private static double sequence(org.despin.lm.LanguageModel lm, int[] left, int leftCount, boolean leftStart, int[] span,
            int[] right, int rightCount, org.despin.lm.LmState start) {
        if (leftStart) {
            lm.beginSentence(start);
        } else {
            lm.emptyContext(start);
        }
        for (int k = leftCount - 1; k >= 0; k--) {
            lm.score(start, left[k], start);
        }
        double sum = 0;
        for (int w : span) {
            sum += lm.score(start, w, start);
        }
        for (int k = 0; k < rightCount; k++) {
            sum += lm.score(start, right[k], start);
        }
        return sum;
    }

    /** Characters two strings share at their start, over the shorter's length (0 when either is empty). */
    static double sharedPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int k = 0;
        while (k < n && Character.toLowerCase(a.charAt(k)) == Character.toLowerCase(b.charAt(k))) {
            k++;
        }
        return n == 0 ? 0 : (double) k / n;
    }

    /** The kinds of substitution arcs, which the lattice builder makes in different ways. */
    enum Kind { WORD, TERM, INSERTION, COMPOUND }

    static Kind kind(Arc arc) {
        if (TermCandidates.SOURCE.equals(arc.candidate().candidate().source())) {
            return Kind.TERM;
        }
        if (arc.features() != null) {
            return Kind.WORD; // the lattice builder's word and phrase arcs carry the arc model's features
        }
        // the other two: an insertion drops words ("X and Y" -> X), a compound keeps one word per part
        return arc.out().length < arc.to() - arc.from() ? Kind.INSERTION : Kind.COMPOUND;
    }

    /** True when the best path substitutes a span covering word {@code i} of the lattice. */
    private static boolean substitutedAt(Lattice lattice, Decoder.Decoded d, int i) {
        if (i < 0 || i >= lattice.size()) {
            return false;
        }
        for (int b = 0; b < lattice.arcs.length; b++) {
            Arc other = lattice.arcs[b];
            if (d.best()[b] && !other.isKeep() && other.from() <= i && i < other.to()) {
                return true;
            }
        }
        return false;
    }

    private static double logit(double p) {
        double q = Math.max(1e-4, Math.min(1 - 1e-4, p));
        return clip(Math.log(q / (1 - q)), -MAX_LOGIT, MAX_LOGIT);
    }

    private static double clip(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FindingModel m && Arrays.equals(weights, m.weights) && bias == m.bias
                && java.util.Objects.equals(trees, m.trees);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(weights) * 31 + Double.hashCode(bias)) * 31 + java.util.Objects.hashCode(trees);
    }

    @Override
    public String toString() {
        return "FindingModel" + Arrays.toString(weights) + " bias " + bias + (trees == null ? "" : " + " + trees);
    }
}
