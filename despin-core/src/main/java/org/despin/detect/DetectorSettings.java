package org.despin.detect;

import org.despin.lm.LmFormat;
import org.despin.model.Model;

/**
 * The tunable weights of the detector, in one immutable record so that tuning runs and tests can
 * vary them. {@link #DEFAULTS} are the values chosen on held-out spun and clean text (see
 * docs/detector.md for the commands and data that produced them); {@link #defaultsFor} picks them
 * for a model. Log-probabilities from the
 * language model are log10; channel weights and bonuses are natural logs (nats).
 *
 * @param beamWidth hypotheses kept per lattice position (after recombining equal LM states)
 * @param candidatePool candidate originals per observed span whose evidence is computed, best prior first
 * @param maxCandidatesPerSpan candidates per span that enter the lattice: those passing the evidence
 *     gate with the best context score plus channel weight
 * @param lmWeight weight of the language model score (1 = the plain noisy channel)
 * @param frequencyDiscount share (0-1) of the candidate's frequency advantage over the observed span
 *     removed from its substitution arc: 0 = the plain noisy channel, 1 = only context counts
 * @param channelScale multiplies the lexicon's log P(observed | original, substituted)
 * @param channelOffset nats added to every substitution (a spinner's thesaurus is smaller than ours)
 * @param evidenceGate minimum context gain (log10, see {@link Evidence}) for a candidate to enter the lattice
 * @param nameGate minimum context gain for a candidate inside a title-case name
 * @param nameBonus nats added to a substitution that turns a title-case span into a known name
 * @param variantBonus nats added to an original that distinct observed forms in the document map to
 * @param artefactLogProb nats: log P(an article that does not fit the next word | the writer wrote it)
 * @param priorStrength pseudo-count of the Beta prior on the spin rate
 * @param emIterations re-estimations of the spin rate before the final decode
 * @param minSpinRate lower bound of the re-estimated rate (keeps log r finite)
 * @param spunThreshold routing score at or above which a document is decoded as spun (the spun boost, the spun finding
 *     model) and, without a {@code verdictScore}, called spun (default: the 98th percentile of held-out clean
 *     100-150-word passages, so that at most 2 % of them are called spun)
 * @param cleanThreshold routing score below which a document is called clean without a {@code verdictScore} (default:
 *     about their median), and above which it is widened where {@code uncertainFloor} is NaN
 * @param score the routing score: the document-level logistic model the decode reads (the finding models read it as a
 *     feature, the thresholds above route the document); the report's score and verdict too unless {@code verdictScore}
 *     is given
 * @param restoredContextPass whether to look at the evidence again in the context the first decode restored
 * @param arcModel the calibrated substitution model that scores every substitution arc, or null for the
 *     hand-set noisy channel (channelScale, channelOffset, frequencyDiscount, nameBonus)
 * @param arcBias nats added to every substitution's log-odds under the arc model: the operating point,
 *     chosen so that clean text stays within its flag budget
 * @param termBonus nats added to a substitution that turns a span into a known multi-word term word by
 *     word ({@link TermCandidates}); a chance rewrite of every word landing on a known term is rare
 * @param spunBoost nats added to every substitution's log-odds, in a last decode, in a document whose spin
 *     score reached {@code spunThreshold}: in a text that is spun as a whole a doubtful restoration is
 *     likelier right than the re-estimated rate alone says (0 = off)
 * @param insertionLogOdds log-odds that "X and Y", Y a word a spinner may write for X and the three
 *     words no stored collocation, is a spinner's insertion to be read as X ("information and facts"),
 *     at the arc model's training prior; {@link #INSERTION_OFF} for no insertion arcs
 * @param termEvidence the score a term arc must reach ({@code termGate}) to enter the lattice, or null for
 *     no gate (every span that reaches a term word by word gets its arc)
 * @param termGate the least {@code termEvidence} score of a term arc
 * @param compoundLogOdds log-odds, at the arc model's training prior, that a hyphen compound whose parts
 *     restored together make a stored collocation the observed compound is not ("confront-to-encounter"
 *     -> "face-to-face") is spun; {@link #COMPOUND_OFF} for no joint compound arcs (see LatticeBuilder)
 * @param contextPool 0: the candidates whose evidence is computed are the best {@code candidatePool} by
 *     prior; otherwise this many of the best {@code contextReach} by prior, chosen in context by prior plus
 *     the bigram PMI with each neighbour ({@link ContextPool}; default 8 of 16 since the prior is fitted,
 *     {@link PoolPrior#FITTED}: the quality of 16 of 32 with it, ~1.3x the speed; docs/detector.md
 *     "The context pool cut to 8 of 16")
 * @param contextReach how many candidates by prior {@code contextPool} chooses from (the candidate lists
 *     keep at least this many)
 * @param findingModel the decision which readings become findings, with the document's score, rate and
 *     neighbours in view ({@link FindingModel}), in every document of at least 100 words the boosted
 *     decode does not decide (all of those when {@code spunBoost} is 0), or null: the decode's
 *     posteriors decide (best-path substitutions, then likely spans)
 * @param spunFindingModel the same decision over the boosted decode of a document called spun (of at least
 *     100 words), fitted on such documents ({@link FindingModel#SPUN}), or null: the boosted decode's
 *     posteriors decide
 * @param shortFindingModel the decision in documents shorter than 100 words the boosted decode does not
 *     decide, fitted on short texts (FindingFitting {@code -DfitWords=10-60}), or null (default): the
 *     decode's posteriors decide there (a fitted one was no better, docs/detector.md "Short documents")
 * @param spunEvidenceGate the evidence gate of the boosted decode of a document called spun (of at least 100 words,
 *     where {@code spunFindingModel} decides): before that decode
 *     the lattices are widened with the candidates whose gain reaches this gate (in the context the last decode
 *     restored), so that {@code spunFindingModel} can weigh originals with little evidence in a text that is
 *     spun as a whole; NaN: the boosted decode reads the same lattices as the others (default 0, with
 *     {@link FindingModel#SPUN} fitted on such decodes: docs/detector.md "A lower evidence gate in documents
 *     called spun")
 * @param spunContextPool how many candidates per span the widening tests in context (see {@code contextPool});
 *     0: as many as {@code contextPool}; default 4 (the 4 best in context: as good as 8, 16 or 32, and the cheapest)
 * @param oneWordTermGate the least evidence of a term arc from ONE observed word whose lexicon candidate is the
 *     whole term ("lyceum" -> "high school", {@link TermCandidates}): the log10 LM ratio of the term to the word
 *     in context (a restoration needs positive evidence); NaN: no such arcs (default 1.3, docs/detector.md
 *     "One word back to a term")
 * @param oneWordTermBonus nats added to such an arc in place of {@code termBonus}, shared among the span's arcs
 *     that pass the gate (default 5: with termBonus alone such arcs restore nothing; docs/detector.md "One word
 *     back to a term")
 * @param unspunEvidenceGate the same widening as {@code spunEvidenceGate} (and its {@code spunContextPool}) in a
 *     document of at least 100 words called neither spun nor clean (spinScore in [cleanThreshold, spunThreshold)),
 *     where {@code findingModel} decides, followed by the
 *     unboosted decode once more; NaN (default): those documents keep their lattices (docs/detector.md
 *     "Widening where DEFAULTS decides")
 * @param termSpanDecision where the decode's posteriors decide (documents under 100 words), a span's TERM readings
 *     together, their posteriors summed, flag the span when the sum reaches this (and one half): a span that reaches
 *     several terms has the term bonus shared among them, so the best path may keep the span although it is
 *     surely a rewritten term; default 0.5 (the span decision itself); NaN: term readings stay out of the span
 *     decision, as before (docs/detector.md "Tortured phrases again")
 * @param termToTermGate the least evidence (log10 LM ratio in context, as {@code oneWordTermGate}) of an arc from a
 *     span that is itself a table term to another table term that is its lexicon candidate and shares no word with it
 *     ("vital sign" -> "blood pressure") and is more frequent by 0.5 log10, with {@code oneWordTermBonus}; default 2.5
 *     (1.3-2 cost clean short texts 3 flags more for nothing on the tortured sets); NaN: a term is never
 *     rewritten (docs/detector.md "Tortured phrases again")
 * @param rareSpanTermGate a word-by-word term match that the term evidence gate ({@code termGate}) turns away still
 *     gets its arc when every content word of the observed span is rarer than every word of the term by ten times
 *     ({@link TermCandidates#RARE_SPAN_MARGIN}: a spinner's rare synonyms) and the term explains its context better by this much (log10 LM ratio, as
 *     {@code oneWordTermGate}; default 2, the same figures from 1 to 3); NaN: the evidence gate alone decides
 *     (docs/detector.md "Tortured phrases again")
 * @param spunBands the verdict's spun threshold by length of documents shorter than the 100-150-word passages the score was
 *     fitted on and {@code spunThreshold} chosen on ({@link SpunBands}, {@link #spunThresholdFor}): a short text's
 *     features are noisier, so its clean scores reach higher; each band's threshold is the clean 98 % quantile of short
 *     training passages, anchored to {@code spunThreshold} in log-odds (docs/detector.md "Short documents' spun threshold
 *     by length"); the boosted decode ({@code spunBoost}) keeps {@code spunThreshold} for every length; null
 *     ({@link #DEFAULTS}, {@link #DEFAULTS_WITH_NAMES}): {@code spunThreshold} for every length
 * @param technicalRegister the terms the model's term table gates by register ({@link org.despin.lexicon.TermRegister}:
 *     the LM's everyday collocations below the table's frequency limit) are read only in a document whose register
 *     ({@link TermCandidates#register}: its words' rate in technical prose against the LM, log10) is at least this;
 *     default -0.4 (the lowest at which the held-out clean sets keep main's flags); NaN: never (docs/detector.md "Terms
 *     gated by the document's register")
 * @param poolPrior the prior that ranks a span's candidates before they are cut at {@code contextReach} and chosen in
 *     context ({@link PoolPrior}); default {@link PoolPrior#FITTED} (branch {@code prior22}); null: channelScale * channel
 *     weight + ln10 * log10 P(original), the prior of before
 * @param findingBands the threshold of {@code findingModel} by length of the documents it decides in ({@link FindingBands},
 *     {@link #findingModelFor}): a short document's candidates need a higher fitted probability for the same clean flags;
 *     null: the model's own bias at every length (docs/detector.md "The evidence gate at 0.8 with DEFAULTS' threshold
 *     by length")
 * @param uncertainFindingModel where {@code unspunEvidenceGate} widens a document called neither spun nor clean, the
 *     finding model that decides there (e.g. {@link FindingModel#SPUN}'s weights, or {@code findingModel}'s at a
 *     higher threshold), or null (default): {@code findingModel}, as in the other documents not called spun
 *     (docs/detector.md "Widening uncertain documents")
 * @param uncertainBoost nats added to the spin rate's log-odds of the decode of such a widened document (as
 *     {@code spunBoost} in a document called spun); 0 (default): the unboosted decode once more
 * @param uncertainFloor the least document score at which {@code unspunEvidenceGate} widens a document not called
 *     spun (a cheaper widening: only the documents whose score is near the spun threshold); NaN (default):
 *     {@code cleanThreshold}, every document called neither spun nor clean (branch {@code widen22})
 * @param verdictScore the score, thresholds and bands of the report's {@code spinScore} and verdict, which nothing in
 *     the decode reads ({@link VerdictScore}, branch {@code verdict26}); null: the routing score ({@code score},
 *     {@code spunThreshold}, {@code cleanThreshold}, {@code spunBands}) gives them, as before
 * @param variantFilter which readings that are the observed words written another way are no finding wherever a finding
 *     model decides ({@link ReadingVariants}, branch {@code flags27}): 0 none, 1 a number in digits read as number words
 *     or back, 2 that or a spelling variant, 3 numbers and a British or American spelling read in the other variety
 *     where no other word of the document is in the reading's ({@link SpellingVariety}; the lead, stop 31: the bundled
 *     example 9 -> 8 false flags, but 5 fewer exact restorations over four held-out sets, where MyThes swaps
 *     spellings: off)
 * @param spunReadsVerdict whether {@code spunFindingModel}'s {@code spinScore} feature is the verdict score of the
 *     document ({@code verdictScore}'s, computed from the same first-decode features before the decision) instead of
 *     the routing score (branch {@code spun29}; false before): a model fitted on such dumps
 *     ({@code -DfindingBoosted=true fitfindings} with the setting on) sees in the routed documents how spun the better
 *     document score thinks them
 * @param spunNearThreshold the finding threshold of {@code spunFindingModel} in a document the routing score puts just at
 *     {@code spunThreshold} (branch {@code band29}); it falls linearly in the routing score to the model's own threshold
 *     (its bias) at {@code spunNearTop} and stays there above; NaN (default): the model's own threshold at every
 *     routing score. A document routed just above the spun threshold is more likely clean or lightly spun than one
 *     routed at 0.99, and the trees flag a clean one there freely (docs/detector.md "A higher SPUN threshold just above
 *     the spun threshold")
 * @param spunNearTop the routing score at and above which {@code spunFindingModel} decides at its own threshold when
 *     {@code spunNearThreshold} is set (above {@code spunThreshold})
 * @param spunNearVerdict where {@code spunNearThreshold} is set, the verdict score ({@code verdictScore}'s, computed
 *     before the decision) below which the threshold is raised; NaN: in every document called spun
 * @param compoundWholeLogOdds log-odds, at the arc model's training prior, that a hyphen compound the lexicon lists as a
 *     whole ("well-chosen" for "happy", "self-rule" for "sovereignty": a thesaurus entry that is itself a compound) was
 *     written by a spinner for one of its originals, plus the link's channel (branch {@code coverage30}); the whole
 *     reading passes the evidence gate in context like any candidate; {@link #COMPOUND_OFF}: none (the default; a model
 *     without hyphen keys has none either)
 * @param compoundWholeGate the evidence gate of those whole readings (log10); NaN: {@code evidenceGate}
 */
public record DetectorSettings(int beamWidth, int candidatePool, int maxCandidatesPerSpan, double lmWeight, double frequencyDiscount,
        double channelScale, double channelOffset, double evidenceGate, double nameGate, double nameBonus,
        double variantBonus, double artefactLogProb, double priorStrength, int emIterations, double minSpinRate,
        double spunThreshold, double cleanThreshold, DocumentScorer.Coefficients score, boolean restoredContextPass,
        ArcModel arcModel, double arcBias, double termBonus, double spunBoost, double insertionLogOdds,
        TermEvidence termEvidence, double termGate, double compoundLogOdds, int contextPool, int contextReach,
        FindingModel findingModel, FindingModel spunFindingModel, FindingModel shortFindingModel,
        double spunEvidenceGate, int spunContextPool, double oneWordTermGate, double oneWordTermBonus,
        double unspunEvidenceGate, double termSpanDecision, double termToTermGate, double rareSpanTermGate,
        SpunBands spunBands, double technicalRegister, PoolPrior poolPrior, FindingBands findingBands,
        FindingModel uncertainFindingModel, double uncertainBoost, double uncertainFloor, VerdictScore verdictScore,
        int variantFilter, boolean spunReadsVerdict, double spunNearThreshold, double spunNearTop,
        double spunNearVerdict, double compoundWholeLogOdds, double compoundWholeGate) {

    /** {@code insertionLogOdds} that turns insertion arcs off. */
    public static final double INSERTION_OFF = Double.NEGATIVE_INFINITY;
    /** {@code compoundLogOdds} that turns joint compound arcs off. */
    public static final double COMPOUND_OFF = Double.NEGATIVE_INFINITY;

    /**
     * The evidence gate of the widening of a document called spun, and of one called uncertain, in
     * {@link #DEFAULTS_WITH_DOC_COMMENTS} (stop 28; 0 before).
     */
    public static final double SPUN_EVIDENCE_GATE = -0.6;

    public static final DetectorSettings DEFAULTS = new DetectorSettings(
            12, 32, 4, 1.0, 0.15, 1.0, -4.5, 1.0, 1.0, 2.0, 2.0, -3.0, 20.0, 2, 0.002, 0.86, 0.28,
            DocumentScorer.Coefficients.DEFAULTS, true, ArcModel.DEFAULTS, 0.0, 3.0, 1.5, -2.0, TermEvidence.DEFAULTS, -1.5, 1.5, 8, 16,
            FindingModel.DEFAULTS, FindingModel.SPUN, null, 0.0, 4, 1.3, 5.0, Double.NaN, 0.5, 2.5, 2.0, null, -0.4, PoolPrior.FITTED,
            null, null, 0.0, Double.NaN, null, 0, false, Double.NaN, Double.NaN, Double.NaN, COMPOUND_OFF, Double.NaN);

    /**
     * {@link #DEFAULTS} for a model with a names section: the spun finding model at its operating point
     * with names, {@link FindingModel#SPUN_WITH_NAMES} (t 0.49 instead of 0.52).
     */
    public static final DetectorSettings DEFAULTS_WITH_NAMES = DEFAULTS.with()
            .spunFindingModel(FindingModel.SPUN_WITH_NAMES).build();

    /** The name of the doc-comment component of a three-way language-model mix (metadata {@code lm.mix.component}). */
    public static final String DOC_COMMENTS = "doc-comments";

    /**
     * {@link #DEFAULTS_WITH_NAMES} for a model whose language model mixes in the doc-comment prose as a
     * third component: the finding model at {@link FindingModel#DEFAULTS_WITH_DOC_COMMENTS} (t 0.35
     * instead of 0.40; 0.34 at stop 18), and since branch {@code refit19} the document score refitted on that language model
     * ({@link DocumentScorer.Coefficients#WITH_DOC_COMMENTS}) with cleanThreshold 0.27 (its clean held-out
     * median; spunThreshold stays 0.86, its clean 98 % quantile; since branch {@code docscore21} that score refitted with
     * the document's register and on technical text besides, spunThreshold 0.89 and cleanThreshold 0.25, its clean
     * 98 % quantile and median rounded up), and since branch {@code shortverdict} the spun
     * threshold of documents under 100 words by length ({@link SpunBands#WITH_DOC_COMMENTS}). The arc model and the finding models' weights
     * were refitted too and kept: no better held out (docs/detector.md "Refit on the stop-18 language model").
     * Since branch {@code gate23} the evidence gate at 0.8 instead of 1.0 with the finding model at t 0.39 (branch
     * {@code gate22}'s operating point): fewer clean flags on the three 200-300-word held-out sets (F1 +0.007 / +0.003 /
     * -0.002), on training passages of every length and on the larger held-out sets of 100-150 words too (the 60- and
     * 150-passage benches: +3 / +6 flags), so no threshold by length ({@code findingBands} null;
     * docs/detector.md "The evidence gate at 0.8 with DEFAULTS' threshold by length"). Since stop 23 with the widening
     * of uncertain documents ({@link #withUncertainWidening}, branch {@code widen22}, its finding model at t 0.41): both
     * together, on the three held-out sets, clean flags 69 / 105 / 141 -> 63 / 98 / 126, F1 +0.010 / +0.005 / -0.001,
     * exact +0.8 / +0.4 / +0.3 points (docs/detector.md "The evidence gate at 0.8 and the widening of uncertain
     * documents together"). Since stop 24 a widening (of a document called spun or uncertain) tests 8 candidates a span in
     * context ({@code spunContextPool} 8, was 4): with the related words of branch {@code coverage24}, F1 on the three
     * held-out sets up at the same clean flags, the bundled example 42 -> 44 flagged with 5 false flags, spun text ~0.91x
     * as fast (docs/detector.md "Stop 24: the merged defaults"). Since branch {@code trees25} the documents not called
     * spun are decided with boosted trees: {@link FindingModel#DEFAULTS_WITH_TREES} (t 0.30)
     * and, in the widened uncertain documents, {@link FindingModel#UNCERTAIN_WITH_TREES} (t 0.37), the trees fitted with
     * lightly spun 100-150-word texts in the fit; on the three held-out sets clean flags 62 / 95 / 140 -> 56 / 88 / 122 at
     * F1 +0.006 / +0.005 / +0.002 ({@code cleanspun}), the news bench's F1 at rate 0.1 0.444 -> 0.450 (docs/detector.md "Boosted trees on
     * the finding model with lightly spun short texts in the fit"). The trees are read on first use. Since branch
     * {@code verdict26} the report's score and verdict come from a verdict score of their own,
     * {@link VerdictScore#WITH_TREE_TOP} (the trees' top in the score, spunThreshold 0.90, cleanThreshold 0.20), which
     * nothing in the decode reads: the score, thresholds and bands above route the decode as before, so every finding is
     * as it was (docs/detector.md "A verdict score apart from the routing score"). Since stop 26 up to 6 candidates a
     * span enter the lattice ({@code maxCandidatesPerSpan}, was 4): on the three held-out sets F1 +0.006 / +0.006 /
     * +0.004 and exact +0.4 / +0.5 / +0.4 points for 22 more clean flags (242 -> 264, at most 0.28 per 100 words), both
     * benches' F1 and exact at rate 0.3 up, short texts, document AUROC and tortured phrases unchanged, no speed cost
     * measured (docs/detector.md "Stop 26: the merged defaults"). Since stop 27 a number in digits read as number words
     * or back is no finding ({@code variantFilter} 1, branch {@code flags27}: 3 fewer clean flags over four held-out sets,
     * F1 the same or up). Since stop 28 documents called spun are decided by {@link FindingModel#spunWithLinkTrees()}
     * (SPUN's boosted trees that read the lexicon link's type, t 0.40, branch {@code flags27}): on the three held-out sets
     * F1 +0.019 / +0.009 / +0.013, exact +2.2 / +1.0 / +1.7 points and 25 fewer clean flags; the bundled example 48 of 62
     * flagged with 7 false flags (was 44 / 5), judged as one more sample of the held-out sets' spinner
     * (docs/detector.md "Stop 28: the merged defaults"). With them a document called spun is widened at evidence gate
     * -0.6 ({@code spunEvidenceGate}, was 0: an original the LM likes a little less than the observed word enters the
     * lattice, and the trees weigh it): F1 +0.007 / +0.009 / +0.004 and exact +0.9 / +0.9 / +1.0 points at the same clean
     * flags, the example 49 / 7 / 30; and the trees refitted on such widened decodes ({@link FindingModel#spunWithWideTrees()},
     * t 0.375): F1 +0.009 / +0.009 / +0.005, exact +0.6 / +0.8 / +0.4 points for 4 more clean flags, the example 50 / 9 /
     * 31.
     * Since branch {@code deftrees28} the documents not called spun are
     * decided by DEFAULTS' trees refitted with the lexicon link's type, {@link FindingModel#DEFAULTS_WITH_LINK_TREES} (t 0.32)
     * and in the widened uncertain documents {@link FindingModel#UNCERTAIN_WITH_LINK_TREES} (t 0.37), and the verdict,
     * which reads those trees' top, by {@link VerdictScore#WITH_LINK_TREE_TOP} (refitted for them): on the three held-out
     * sets fewer clean flags at F1 no lower, the news bench's F1 at rate 0.1 up, pooled AUROC 0.841 -> 0.847 (docs/detector.md
     * "DEFAULTS' trees refitted with the lexicon link's type"). With those trees the widening of uncertain documents reads
     * at the same gate -0.6 ({@code unspunEvidenceGate}, was 0): on the three held-out sets the same 221 clean flags, F1
     * +0.000 / +0.001 / +0.001 and exact +0.1 / +0.1 / +0.2 points, both benches' F1 and exact at rate 0.1 up.
     * Since stop 29 documents called spun are decided by {@link FindingModel#spunWithNearTrees()} (branch {@code spun29}:
     * the wide trees' recipe on a dump with the routing score the detector gives them, with the forms28 features, and
     * with clean fit-fold passages the routing score puts just under the spun threshold, decoded as if called spun):
     * F1 +0.001 / +0.011 / +0.009 and exact -0.2 / +0.8 / +0.9 points on the three held-out sets, +0.008 / +0.6 on a
     * fourth, the example 50 / 8 / 31; clean flags 221 -> 241, +19 of them in one clean passage the routing score calls
     * spun. Since stop 29 the verdict is {@link VerdictScore#TWO_PIECE} (branch {@code verdict29}): the spun calls are
     * {@link VerdictScore#WITH_LINK_TREE_TOP}'s, and the documents below are ranked, and called clean or uncertain, with
     * the observed words' production ratio and lexicon links summed over the document ({@link VerdictForms}): pooled
     * AUROC over six held-out sets 0.847 -> 0.851 with every spun call kept, +0.006 on each of two further held-out sets
     * measured only after the choice (0.888 -> 0.894, 0.881 -> 0.887); the news bench's AUROC at rate 0.3 0.997 ->
     * 0.996. Its one-piece refit ({@link VerdictScore#WITH_FORMS}: pooled +0.003, fewer spun documents called spun at the
     * clean budget) was left out (docs/detector.md "The verdict score with the observed words' production and links").
     * Since branch {@code coverage30} a hyphen compound the lexicon lists as a whole ("well-chosen" for "happy", a model
     * built with hyphen keys) gets a whole reading ({@code compoundWholeLogOdds} 0 at {@code compoundWholeGate} 1.8,
     * chosen on the fit fold): on the three held-out sets F1 +0.003 / +0.004 / +0.001 and exact +0.3 / +0.3 / +0.1 points
     * at identical clean flags; a model without hyphen keys gives the output of before (docs/detector.md "Hyphen
     * compounds read as a whole").
     * Since stop 30 documents called spun are decided by {@link FindingModel#spunWithRestoredTrees()} (branch
     * {@code precision30}: the near trees' recipe with the reading's fit against the observed words' in the context the
     * decode restored, and the arc model's context and left gain, at t 0.38 chosen on the fit fold): with the hyphen
     * keys, on four held-out sets F1 +0.009 / +0.004 / +0.005 / +0.002 and exact +0.5 / +0.3 / +0.2 / +0.1 points over
     * the near trees at about the same clean flags; the example 50 / 9 / 31 (one false flag more).
     */
    public static final DetectorSettings DEFAULTS_WITH_DOC_COMMENTS = DEFAULTS_WITH_NAMES.with()
            .findingModel(FindingModel.DEFAULTS_WITH_DOC_COMMENTS).score(DocumentScorer.Coefficients.WITH_DOC_COMMENTS)
            .spunThreshold(0.89).cleanThreshold(0.25).spunBands(SpunBands.WITH_DOC_COMMENTS).evidenceGate(0.8).spunContextPool(8).build()
            .withUncertainWidening().with()
            .findingModel(FindingModel.DEFAULTS_WITH_LINK_TREES).uncertainFindingModel(FindingModel.UNCERTAIN_WITH_LINK_TREES)
            .verdictScore(VerdictScore.TWO_PIECE).maxCandidatesPerSpan(6).variantFilter(1)
            .spunFindingModel(FindingModel.spunWithRestoredTrees()).spunEvidenceGate(SPUN_EVIDENCE_GATE)
            .unspunEvidenceGate(SPUN_EVIDENCE_GATE).compoundWholeLogOdds(0).compoundWholeGate(1.8).build();

    /** The least document score of the widening of uncertain documents in {@link #withUncertainWidening} (branch widen22). */
    public static final double UNCERTAIN_FLOOR = 0.65;

    /**
     * These settings with the widening of uncertain documents (branches {@code widen21}, {@code widen22}; off in
     * {@link #DEFAULTS} and {@link #DEFAULTS_WITH_NAMES}): a document of at least 100 words not called spun whose score reaches {@link #UNCERTAIN_FLOOR}
     * ({@code uncertainFloor}) widened ({@code unspunEvidenceGate} 0) and decided by
     * {@link FindingModel#UNCERTAIN_WITH_DOC_COMMENTS} (DEFAULTS' weights at t 0.41). Measured by branch {@code widen22}
     * at the evidence gate 1.0 (t 0.36 then): F1 and exact up on the three held-out {@code cleanspun} sets, the news
     * bench's 0.1 F1 0.429 -> 0.449, clean text as fast, but the third set's clean flags up (docs/detector.md "Widening
     * uncertain documents near the spun threshold"); part of {@link #DEFAULTS_WITH_DOC_COMMENTS} since stop 23, with
     * the evidence gate 0.8.
     */
    public DetectorSettings withUncertainWidening() {
        return with().unspunEvidenceGate(0).uncertainFindingModel(FindingModel.UNCERTAIN_WITH_DOC_COMMENTS)
                .uncertainFloor(UNCERTAIN_FLOOR).build();
    }

    /**
     * These settings with the routing score (what the decode reads) that reads the finding model's fitted trees besides
     * its logistic part; since branch {@code verdict26} the default puts the trees' top into the verdict score instead
     * ({@link VerdictScore#WITH_TREE_TOP}), which moves no finding. This one moves findings (the finding models read the
     * routing score); it also sets the routing thresholds, and the verdict keeps the settings' {@code verdictScore}. The
     * document score that reads the finding model's fitted trees besides its logistic part
     * ({@link DocumentScorer.Coefficients#WITH_TREE_TOP}, branch {@code docscore25}) and its thresholds read on the
     * first 400 held-out clean 100-150-word passages as before: spunThreshold 0.87 (clean 98 % quantile 0.865),
     * cleanThreshold 0.24 (median 0.238). For models with the doc-comment component (the coefficients were fitted with
     * {@link FindingModel#DEFAULTS_WITH_DOC_COMMENTS}' candidates). docs/detector.md "The document score with the
     * finding model's trees".
     */
    public DetectorSettings withTreeTopScore() {
        return with().score(DocumentScorer.Coefficients.WITH_TREE_TOP).spunThreshold(0.87).cleanThreshold(0.24).build();
    }

    /**
     * The default settings for {@code model}: {@link #DEFAULTS_WITH_DOC_COMMENTS} when it has a names list
     * ({@link Model#names}) and its language model the doc-comment component (metadata
     * {@value LmFormat#MIX_COMPONENT_KEY} = {@value #DOC_COMMENTS}, the default build), else
     * {@link #DEFAULTS_WITH_NAMES} when it has a names list, else {@link #DEFAULTS} (older model files,
     * trained models without one). A model trained by {@code despin train} on such a base does not carry
     * the key (the base's {@code lm.} metadata is not copied): its LM holds the component at a smaller
     * weight, and it keeps the threshold measured without it.
     */
    public static DetectorSettings defaultsFor(Model model) {
        if (!model.names().isKnown()) {
            return DEFAULTS;
        }
        return DOC_COMMENTS.equals(model.info().metadata().get(LmFormat.MIX_COMPONENT_KEY))
                ? DEFAULTS_WITH_DOC_COMMENTS : DEFAULTS_WITH_NAMES;
    }

    public DetectorSettings {
        if (beamWidth < 1 || candidatePool < 1 || maxCandidatesPerSpan < 1 || emIterations < 0) {
            throw new IllegalArgumentException("beamWidth, maxCandidatesPerSpan must be >= 1, emIterations >= 0");
        }
        if (contextPool < 0 || (contextPool > 0 && contextReach < contextPool)) {
            throw new IllegalArgumentException("contextPool must be >= 0 and at most contextReach");
        }
        if (spunContextPool < 0 || spunContextPool > contextReach) {
            throw new IllegalArgumentException("spunContextPool must be >= 0 and at most contextReach");
        }
        if (spunBands != null && !(cleanThreshold <= spunBands.lowest())) {
            throw new IllegalArgumentException("every spunBands threshold must be >= cleanThreshold");
        }
        if (!Double.isNaN(spunNearThreshold) && !(spunNearThreshold > 0 && spunNearThreshold < 1 && spunNearTop > spunThreshold)) {
            throw new IllegalArgumentException("spunNearThreshold must be in (0, 1) and spunNearTop above spunThreshold");
        }
        if (!(minSpinRate > 0 && minSpinRate < 0.5) || !(cleanThreshold <= spunThreshold)
                || !(frequencyDiscount >= 0 && frequencyDiscount <= 1)) {
            throw new IllegalArgumentException("bad minSpinRate, frequencyDiscount or thresholds");
        }
    }

    /**
     * The routing score at or above which a document of {@code words} words is called spun where the settings have no
     * {@code verdictScore}: its band's in {@code spunBands}, else {@code spunThreshold}. The boosted decode reads
     * {@code spunThreshold} at every length.
     */
    public double spunThresholdFor(int words) {
        return spunBands == null ? spunThreshold : spunBands.threshold(words, spunThreshold);
    }

    /**
     * The score, thresholds and bands the report's {@code spinScore} and verdict read: {@code verdictScore}, or the
     * routing score's where it is null.
     */
    public VerdictScore verdictScoreOrRouting() {
        return verdictScore != null ? verdictScore : VerdictScore.sameAsRouting(this);
    }

    /**
     * The finding model that decides in a document of {@code words} words the boosted decode leaves: {@code findingModel}
     * at its band's threshold in {@code findingBands}, else {@code findingModel} itself (also when it is null).
     */
    public FindingModel findingModelFor(int words) {
        return findingBands == null || findingModel == null ? findingModel : findingBands.modelFor(findingModel, words);
    }

    /**
     * Whether a document of this score (below {@code spunThreshold}) is one that {@code unspunEvidenceGate} widens:
     * at least {@code uncertainFloor}, or {@code cleanThreshold} where that is NaN.
     */
    boolean widensUncertain(double spinScore) {
        return spinScore >= (Double.isNaN(uncertainFloor) ? cleanThreshold : uncertainFloor);
    }

    /**
     * The finding model that decides in a document called spun at this routing score: {@code spunFindingModel}, at a
     * threshold raised toward {@code spunNearThreshold} as the score falls from {@code spunNearTop} to
     * {@code spunThreshold} where {@code spunNearThreshold} is set (linear in the threshold, not its logit), in a
     * document whose verdict score is below {@code spunNearVerdict} (or in every one where that is NaN).
     */
    FindingModel spunFindingModelAt(double routingScore, double verdictScore) {
        if (Double.isNaN(spunNearThreshold) || spunFindingModel == null || !(routingScore < spunNearTop)
                || verdictScore >= spunNearVerdict) {
            return spunFindingModel;
        }
        double own = 1 / (1 + Math.exp(spunFindingModel.bias()));
        double share = Math.min(1, (spunNearTop - routingScore) / (spunNearTop - spunThreshold));
        double t = own + (spunNearThreshold - own) * share;
        return spunFindingModel.withBias(-Math.log(t / (1 - t)));
    }

    /** The context pool of a widening: {@code spunContextPool}, or {@code contextPool} when that is 0. */
    int widenContextPool() {
        return spunContextPool > 0 ? spunContextPool : contextPool;
    }

    /** A copy to change one setting at a time: {@code s.with().evidenceGate(2).build()}. */
    public Builder with() {
        return new Builder(this);
    }

    public DetectorSettings withEvidenceGate(double gate) {
        return with().evidenceGate(gate).build();
    }

    public DetectorSettings withChannel(double scale, double offset) {
        return with().channelScale(scale).channelOffset(offset).build();
    }

    /** Changes settings one at a time; {@link #build()} validates. */
    public static final class Builder {
        private int beamWidth;
        private int candidatePool;
        private int maxCandidatesPerSpan;
        private double lmWeight;
        private double frequencyDiscount;
        private double channelScale;
        private double channelOffset;
        private double evidenceGate;
        private double nameGate;
        private double nameBonus;
        private double variantBonus;
        private double artefactLogProb;
        private double priorStrength;
        private int emIterations;
        private double minSpinRate;
        private double spunThreshold;
        private double cleanThreshold;
        private DocumentScorer.Coefficients score;
        private boolean restoredContextPass;
        private ArcModel arcModel;
        private double arcBias;
        private double termBonus;
        private double spunBoost;
        private double insertionLogOdds;
        private TermEvidence termEvidence;
        private double termGate;
        private double oneWordTermGate;
        private double oneWordTermBonus;
        private double compoundLogOdds;
        private int contextPool;
        private int contextReach;
        private FindingModel findingModel;
        private FindingModel spunFindingModel;
        private FindingModel shortFindingModel;
        private double spunEvidenceGate;
        private int spunContextPool;
        private double unspunEvidenceGate;
        private double termSpanDecision;
        private double termToTermGate;
        private double rareSpanTermGate;
        private SpunBands spunBands;
        private double technicalRegister;
        private PoolPrior poolPrior;
        private FindingBands findingBands;
        private FindingModel uncertainFindingModel;
        private double uncertainBoost;
        private double uncertainFloor;
        private VerdictScore verdictScore;
        private int variantFilter;
        private boolean spunReadsVerdict;
        private double spunNearThreshold;
        private double spunNearTop;
        private double spunNearVerdict;
        private double compoundWholeLogOdds;
        private double compoundWholeGate;

        private Builder(DetectorSettings s) {
            beamWidth = s.beamWidth;
            candidatePool = s.candidatePool;
            maxCandidatesPerSpan = s.maxCandidatesPerSpan;
            lmWeight = s.lmWeight;
            frequencyDiscount = s.frequencyDiscount;
            channelScale = s.channelScale;
            channelOffset = s.channelOffset;
            evidenceGate = s.evidenceGate;
            nameGate = s.nameGate;
            nameBonus = s.nameBonus;
            variantBonus = s.variantBonus;
            artefactLogProb = s.artefactLogProb;
            priorStrength = s.priorStrength;
            emIterations = s.emIterations;
            minSpinRate = s.minSpinRate;
            spunThreshold = s.spunThreshold;
            cleanThreshold = s.cleanThreshold;
            score = s.score;
            restoredContextPass = s.restoredContextPass;
            arcModel = s.arcModel;
            arcBias = s.arcBias;
            termBonus = s.termBonus;
            spunBoost = s.spunBoost;
            insertionLogOdds = s.insertionLogOdds;
            termEvidence = s.termEvidence;
            termGate = s.termGate;
            compoundLogOdds = s.compoundLogOdds;
            contextPool = s.contextPool;
            contextReach = s.contextReach;
            findingModel = s.findingModel;
            spunFindingModel = s.spunFindingModel;
            shortFindingModel = s.shortFindingModel;
            spunEvidenceGate = s.spunEvidenceGate;
            spunContextPool = s.spunContextPool;
            oneWordTermGate = s.oneWordTermGate;
            oneWordTermBonus = s.oneWordTermBonus;
            unspunEvidenceGate = s.unspunEvidenceGate;
            termSpanDecision = s.termSpanDecision;
            termToTermGate = s.termToTermGate;
            rareSpanTermGate = s.rareSpanTermGate;
            spunBands = s.spunBands;
            technicalRegister = s.technicalRegister;
            poolPrior = s.poolPrior;
            findingBands = s.findingBands;
            uncertainFindingModel = s.uncertainFindingModel;
            uncertainBoost = s.uncertainBoost;
            uncertainFloor = s.uncertainFloor;
            verdictScore = s.verdictScore;
            variantFilter = s.variantFilter;
            spunReadsVerdict = s.spunReadsVerdict;
            spunNearThreshold = s.spunNearThreshold;
            spunNearTop = s.spunNearTop;
            spunNearVerdict = s.spunNearVerdict;
            compoundWholeLogOdds = s.compoundWholeLogOdds;
            compoundWholeGate = s.compoundWholeGate;
        }

        public Builder beamWidth(int v) { beamWidth = v; return this; }
        public Builder candidatePool(int v) { candidatePool = v; return this; }
        public Builder maxCandidatesPerSpan(int v) { maxCandidatesPerSpan = v; return this; }
        public Builder lmWeight(double v) { lmWeight = v; return this; }
        public Builder frequencyDiscount(double v) { frequencyDiscount = v; return this; }
        public Builder channelScale(double v) { channelScale = v; return this; }
        public Builder channelOffset(double v) { channelOffset = v; return this; }
        public Builder evidenceGate(double v) { evidenceGate = v; return this; }
        public Builder nameGate(double v) { nameGate = v; return this; }
        public Builder nameBonus(double v) { nameBonus = v; return this; }
        public Builder variantBonus(double v) { variantBonus = v; return this; }
        public Builder artefactLogProb(double v) { artefactLogProb = v; return this; }
        public Builder priorStrength(double v) { priorStrength = v; return this; }
        public Builder emIterations(int v) { emIterations = v; return this; }
        public Builder minSpinRate(double v) { minSpinRate = v; return this; }
        public Builder spunThreshold(double v) { spunThreshold = v; return this; }
        public Builder cleanThreshold(double v) { cleanThreshold = v; return this; }
        public Builder score(DocumentScorer.Coefficients v) { score = v; return this; }
        public Builder restoredContextPass(boolean v) { restoredContextPass = v; return this; }
        /** For tuning tools that set every option from a number: non-zero is true. */
        public Builder restoredContextPass(double v) { restoredContextPass = v != 0; return this; }
        /** The arc model, or null for the hand-set channel. */
        public Builder arcModel(ArcModel v) { arcModel = v; return this; }
        public Builder arcBias(double v) { arcBias = v; return this; }
        public Builder termBonus(double v) { termBonus = v; return this; }
        public Builder spunBoost(double v) { spunBoost = v; return this; }
        public Builder insertionLogOdds(double v) { insertionLogOdds = v; return this; }
        /** The term-arc gate's score, or null for no gate. */
        public Builder termEvidence(TermEvidence v) { termEvidence = v; return this; }
        public Builder termGate(double v) { termGate = v; return this; }
        public Builder compoundLogOdds(double v) { compoundLogOdds = v; return this; }
        public Builder contextPool(int v) { contextPool = v; return this; }
        public Builder contextReach(int v) { contextReach = v; return this; }
        /** The finding model, or null: the decode's posteriors decide. */
        public Builder findingModel(FindingModel v) { findingModel = v; return this; }
        public Builder spunFindingModel(FindingModel v) { spunFindingModel = v; return this; }
        /** The finding model of short documents, or null: the decode's posteriors decide there. */
        public Builder shortFindingModel(FindingModel v) { shortFindingModel = v; return this; }
        /** The evidence gate of the boosted decode's widened lattices, or NaN: no widening. */
        public Builder spunEvidenceGate(double v) { spunEvidenceGate = v; return this; }
        public Builder spunContextPool(int v) { spunContextPool = v; return this; }
        /** The gate of one-word term arcs, or NaN: none. */
        public Builder oneWordTermGate(double v) { oneWordTermGate = v; return this; }
        public Builder oneWordTermBonus(double v) { oneWordTermBonus = v; return this; }
        /** The evidence gate of the widened lattices of a document not called spun, or NaN: no widening there. */
        public Builder unspunEvidenceGate(double v) { unspunEvidenceGate = v; return this; }
        public Builder termSpanDecision(double v) { termSpanDecision = v; return this; }
        public Builder termToTermGate(double v) { termToTermGate = v; return this; }
        public Builder rareSpanTermGate(double v) { rareSpanTermGate = v; return this; }
        /** The spun thresholds of short documents by length, or null: {@code spunThreshold} for every length. */
        public Builder spunBands(SpunBands v) { spunBands = v; return this; }
        /** The least register of a document whose gated terms are read, or NaN: never. */
        public Builder technicalRegister(double v) { technicalRegister = v; return this; }
        /** The prior that ranks a span's candidates before the pool, or null: channel plus frequency ({@link PoolPrior}). */
        public Builder poolPrior(PoolPrior v) { poolPrior = v; return this; }
        public Builder findingBands(FindingBands v) { findingBands = v; return this; }
        /** The finding model of a widened document called neither spun nor clean, or null: {@code findingModel}. */
        public Builder uncertainFindingModel(FindingModel v) { uncertainFindingModel = v; return this; }
        /** The boost (nats) of the decode of a widened document called neither spun nor clean; 0: unboosted. */
        public Builder uncertainBoost(double v) { uncertainBoost = v; return this; }
        /** The least score of a document {@code unspunEvidenceGate} widens, or NaN: {@code cleanThreshold}. */
        public Builder uncertainFloor(double v) { uncertainFloor = v; return this; }
        /** The report's score and verdict ({@link VerdictScore}), or null: the routing score's. */
        public Builder verdictScore(VerdictScore v) { verdictScore = v; return this; }
        /** Which readings that are the observed words written another way are no finding (0, 1 numbers, 2 and spellings). */
        public Builder variantFilter(int v) { variantFilter = v; return this; }
        /** Whether the spun finding model's {@code spinScore} is the verdict score (else the routing score). */
        public Builder spunReadsVerdict(boolean v) { spunReadsVerdict = v; return this; }
        /** For tuning tools that set every option from a number: non-zero is true. */
        public Builder spunReadsVerdict(double v) { spunReadsVerdict = v != 0; return this; }
        public Builder spunNearThreshold(double v) { spunNearThreshold = v; return this; }
        public Builder spunNearTop(double v) { spunNearTop = v; return this; }
        public Builder spunNearVerdict(double v) { spunNearVerdict = v; return this; }
        public Builder compoundWholeLogOdds(double v) { compoundWholeLogOdds = v; return this; }
        public Builder compoundWholeGate(double v) { compoundWholeGate = v; return this; }

        public DetectorSettings build() {
            return new DetectorSettings(beamWidth, candidatePool, maxCandidatesPerSpan, lmWeight, frequencyDiscount, channelScale,
                    channelOffset, evidenceGate, nameGate, nameBonus, variantBonus, artefactLogProb, priorStrength,
                    emIterations, minSpinRate, spunThreshold, cleanThreshold, score, restoredContextPass,
                    arcModel, arcBias, termBonus, spunBoost, insertionLogOdds, termEvidence, termGate, compoundLogOdds,
                    contextPool, contextReach, findingModel, spunFindingModel, shortFindingModel, spunEvidenceGate, spunContextPool,
                    oneWordTermGate, oneWordTermBonus, unspunEvidenceGate, termSpanDecision, termToTermGate, rareSpanTermGate,
                    spunBands, technicalRegister, poolPrior, findingBands, uncertainFindingModel, uncertainBoost, uncertainFloor,
                    verdictScore, variantFilter, spunReadsVerdict, spunNearThreshold, spunNearTop,
                    spunNearVerdict, compoundWholeLogOdds, compoundWholeGate);
        }
    }
}
