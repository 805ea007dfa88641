package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.despin.lexicon.TitleCaseNames;
import org.despin.model.Model;
import org.junit.jupiter.api.Test;

/** Exact behaviour of the detector on the toy model: offsets, casing, evidence, the hard cases. */
class DetectorTest {
    private static final Model MODEL = ToyModel.news();
    private static final Detector DETECTOR = new Detector(MODEL, ToyModel.SETTINGS);

    @Test
    void findsTheBrokenNameWithExactOffsetsAndCasing() {
        String text = "The Protection Council met on Tuesday.";
        Report r = DETECTOR.check(text, CheckOptions.DEFAULTS);
        assertEquals(1, r.findings().size(), DetectorExamplesTest.describe(r));
        Finding f = r.findings().get(0);
        assertEquals(4, f.start());
        assertEquals(14, f.end());
        assertEquals("Protection", f.text());
        assertEquals("Security", f.suggestion());
        assertTrue(f.confidence() > 0.9 && f.confidence() <= 1.0, "confidence " + f.confidence());
        assertTrue(f.evidence().startsWith("LM: 'the security council' is 10^"), f.evidence());
        assertTrue(f.evidence().contains("restores a title-case name"), f.evidence());
        assertEquals("The Security Council met on Tuesday.", r.restored());
        assertEquals(6, r.tokens());
    }

    @Test
    void aCompoundFindingCoversTheWholeCompound() {
        String text = "The Secretary-Common told reporters that the talks had failed.";
        Report r = DETECTOR.check(text, CheckOptions.DEFAULTS);
        assertEquals(1, r.findings().size(), DetectorExamplesTest.describe(r));
        Finding f = r.findings().get(0);
        assertEquals("Secretary-Common", f.text());
        assertEquals(text.indexOf("Secretary"), f.start());
        assertEquals(text.indexOf(" told"), f.end());
        assertEquals("Secretary-General", f.suggestion());
    }

    @Test
    void aShortDocumentIsDecidedByTheShortFindingModelWhenTheSettingsHaveOne() {
        String text = "The Secretary-Common told reporters that the talks had failed.";
        DetectorSettings unboosted = ToyModel.SETTINGS.with().spunBoost(0).build();
        // null (the default): the decode's posteriors decide, as before
        assertEquals(List.of("Secretary-General"), suggestions(new Detector(MODEL, unboosted), text));
        // a model that rejects every candidate, and one that takes every candidate (weights 0, bias -/+20)
        FindingModel none = new FindingModel(new double[FindingModel.SIZE + 1], -20);
        assertEquals(List.of(), suggestions(new Detector(MODEL, unboosted.with().shortFindingModel(none).build()), text));
        FindingModel all = new FindingModel(new double[FindingModel.SIZE + 1], 20);
        Report r = new Detector(MODEL, unboosted.with().shortFindingModel(all).build()).check(text, CheckOptions.DEFAULTS);
        assertEquals(List.of("Secretary-General"), r.findings().stream().map(Finding::suggestion).toList());
        assertEquals(1.0, r.findings().get(0).confidence(), 1e-8);
        // documents of 100 words and more keep the long-text model: the short one does not reach them
        String longText = (text + " ").repeat(10).trim();
        assertEquals(java.util.Collections.nCopies(10, "Secretary-General"),
                suggestions(new Detector(MODEL, unboosted.with().shortFindingModel(none).build()), longText));
    }

    @Test
    void theUnspunFindingModelDecidesAtItsDocumentsLengthsThreshold() {
        String text = "The Secretary-Common told reporters that the talks had failed.";
        String longText = (text + " ").repeat(10).trim();
        DetectorSettings unboosted = ToyModel.SETTINGS.with().spunBoost(0).build();
        int words = new Detector(MODEL, unboosted).check(longText, CheckOptions.DEFAULTS).tokens();
        assertTrue(words >= 100 && words < 150, words + " words");
        // weights 0: every candidate's probability is one half; at bias -20 the model flags none of them
        FindingModel none = new FindingModel(new double[FindingModel.SIZE + 1], -20);
        assertEquals(List.of(), suggestions(new Detector(MODEL, unboosted.with().findingModel(none).build()), longText));
        // a band over the document's length at t 0.4 flags every one (confidence 0.6), at t 0.6 none (0.4)
        assertEquals(java.util.Collections.nCopies(10, "Secretary-General"), suggestions(new Detector(MODEL,
                unboosted.with().findingModel(none).findingBands(FindingBands.parse("150:0.4")).build()), longText));
        Report r = new Detector(MODEL, unboosted.with().findingModel(none).findingBands(FindingBands.parse("150:0.4")).build())
                .check(longText, CheckOptions.DEFAULTS);
        assertEquals(0.6, r.findings().get(0).confidence(), 1e-9);
        assertEquals(List.of(), suggestions(new Detector(MODEL,
                unboosted.with().findingModel(none).findingBands(FindingBands.parse("150:0.6")).build()), longText));
        // a band that ends at the document's length (exclusive) does not reach it: the model's own bias decides
        assertEquals(List.of(), suggestions(new Detector(MODEL, unboosted.with().findingModel(none)
                .findingBands(FindingBands.parse(words + ":0.4")).build()), longText));
        // nor does it reach a short document, which the decode's posteriors decide
        assertEquals(List.of("Secretary-General"), suggestions(new Detector(MODEL,
                unboosted.with().findingModel(none).findingBands(FindingBands.parse("150:0.6")).build()), text));
    }

    private static List<String> suggestions(Detector d, String text) {
        return d.check(text, CheckOptions.DEFAULTS).findings().stream().map(Finding::suggestion).toList();
    }

    @Test
    void lowerCaseInputGetsLowerCaseSuggestions() {
        Report r = DETECTOR.check("the secretary-common told reporters that the talks had failed.", CheckOptions.DEFAULTS);
        assertEquals(List.of("secretary-general"), r.findings().stream().map(Finding::suggestion).toList());
    }

    @Test
    void sentenceInitialSuggestionIsCapitalised() {
        Report r = DETECTOR.check("Asked for to speak, the minister left.", CheckOptions.DEFAULTS);
        assertEquals("Requested to speak, the minister left.", r.restored(), DetectorExamplesTest.describe(r));
    }

    @Test
    void aRareCorrectWordIsNotNormalisedToACommonOne() {
        // no n-gram of the toy corpus holds "truce" or "peace" next to these neighbours: only
        // frequency favours "peace" (7 times against 2). Make substitutions cheap so that the
        // decode falls for it (arc model: a large arcBias; the hand-set channel: a positive
        // offset), then show the evidence gate stops it.
        String text = "Both armies respected truce terms.";
        DetectorSettings cheap = ToyModel.SETTINGS.with().channelScale(1.0).channelOffset(3.0).arcBias(8.0).build();
        Report gated = new Detector(MODEL, cheap).check(text, CheckOptions.DEFAULTS.withMinConfidence(0.0));
        assertEquals(0, gated.findings().size(), DetectorExamplesTest.describe(gated));
        Report ungated = new Detector(MODEL, cheap.withEvidenceGate(-100)).check(text,
                CheckOptions.DEFAULTS.withMinConfidence(0.0));
        assertEquals("Both armies respected peace terms.", ungated.restored(), DetectorExamplesTest.describe(ungated));
    }

    @Test
    void aPlainNameIsNeverACandidate() {
        // "smith" -> "blacksmith" is in the lexicon and "the blacksmith said" in the LM
        Report r = DETECTOR.check("They said Smith said the iron was hot.", CheckOptions.DEFAULTS.withMinConfidence(0));
        assertEquals(0, r.findings().size(), DetectorExamplesTest.describe(r));
        Report lower = DETECTOR.check("They said the smith said the iron was hot.", CheckOptions.DEFAULTS.withMinConfidence(0));
        assertEquals("They said the blacksmith said the iron was hot.", lower.restored(),
                DetectorExamplesTest.describe(lower));
    }

    @Test
    void aNameIsRestoredOnlyToANameTheLmStores() {
        // "permanent responsibility" is no stored bigram of the toy LM, so the candidate "Responsibility" of
        // the title-case "Mission" is left out of the lattice even where substitutions are cheap and every
        // gain passes (without the rule this input reads "The Permanent Responsibility of France issued a
        // statement."); "permanent mission" is stored, so "Lasting Mission" is still restored
        List<String> corpus = new java.util.ArrayList<>(ToyModel.NEWS);
        corpus.add("The responsibility of France is clear.");
        corpus.add("The responsibility of the council is peace.");
        org.despin.lexicon.MapLexicon lexicon = new org.despin.lexicon.MapLexicon.Builder()
                .add("mission", "responsibility", -1.0f)
                .add("lasting", "permanent", -1.0f)
                .build();
        Model model = ToyModel.model(ToyModel.lm(4, corpus), lexicon);
        DetectorSettings cheap = ToyModel.SETTINGS.with().channelScale(1.0).channelOffset(3.0).arcBias(8.0)
                .nameGate(-100).build();
        Detector detector = new Detector(model, cheap);
        String known = "The Permanent Mission of France issued a statement.";
        Report kept = detector.check(known, CheckOptions.DEFAULTS.withMinConfidence(0));
        assertEquals(0, kept.findings().size(), DetectorExamplesTest.describe(kept));
        // a broken name the LM does not store is still restored to the stored one (default toy settings)
        Report broken = new Detector(model, ToyModel.SETTINGS).check("The Lasting Mission of France issued a statement.", CheckOptions.DEFAULTS);
        assertEquals(known, broken.restored(), DetectorExamplesTest.describe(broken));
    }

    @Test
    void withCaseDataANameIsRestoredOnlyToAPairWrittenAsAName() {
        // the toy LM stores "permanent mission"; with case data that never writes "Permanent Mission" as a
        // name, "Lasting Mission" is left as it is, with case data that does it is restored as without any
        Model model = ToyModel.model(ToyModel.lm(4, ToyModel.NEWS), new org.despin.lexicon.MapLexicon.Builder()
                .add("lasting", "permanent", -1.0f).build());
        String spun = "The Lasting Mission of France issued a statement.";
        Report none = new Detector(model, ToyModel.SETTINGS, TitleCaseNames.of(List.of("security council")))
                .check(spun, CheckOptions.DEFAULTS.withMinConfidence(0));
        assertEquals(spun, none.restored(), DetectorExamplesTest.describe(none));
        Report named = new Detector(model, ToyModel.SETTINGS, TitleCaseNames.of(List.of("Permanent Mission")))
                .check(spun, CheckOptions.DEFAULTS);
        assertEquals("The Permanent Mission of France issued a statement.", named.restored(),
                DetectorExamplesTest.describe(named));
    }

    @Test
    void theModelsNamesListDecidesAndSetsSpunsOperatingPoint() {
        // the names come with the model (its "names" section): the public constructors read them
        Model base = ToyModel.model(ToyModel.lm(4, ToyModel.NEWS), new org.despin.lexicon.MapLexicon.Builder()
                .add("lasting", "permanent", -1.0f).build());
        Model withList = new Model(base.lm(), base.lexicon(), base.info(), base.terms(),
                TitleCaseNames.of(List.of("security council")));
        String spun = "The Lasting Mission of France issued a statement.";
        Report kept = new Detector(withList, ToyModel.SETTINGS).check(spun, CheckOptions.DEFAULTS.withMinConfidence(0));
        assertEquals(spun, kept.restored(), DetectorExamplesTest.describe(kept));
        // a model without the section (an older file, a model built without names) keeps the rule without case data
        assertSame(TitleCaseNames.UNKNOWN, base.names());
        Report restored = new Detector(base, ToyModel.SETTINGS).check(spun, CheckOptions.DEFAULTS);
        assertEquals("The Permanent Mission of France issued a statement.", restored.restored(),
                DetectorExamplesTest.describe(restored));
        // SPUN decides at t 0.50 with a names list (0.49 before branch channel25), at 0.52 without one
        assertSame(DetectorSettings.DEFAULTS_WITH_NAMES, new Detector(withList).settings());
        assertSame(DetectorSettings.DEFAULTS, new Detector(base).settings());
        assertEquals(FindingModel.SPUN_WITH_NAMES, DetectorSettings.DEFAULTS_WITH_NAMES.spunFindingModel());
        assertEquals(DetectorSettings.DEFAULTS, DetectorSettings.DEFAULTS_WITH_NAMES.with()
                .spunFindingModel(FindingModel.SPUN).build());
        assertEquals(0.50, 1 / (1 + Math.exp(FindingModel.SPUN_WITH_NAMES.bias())), 1e-4);
        assertEquals(0.52, 1 / (1 + Math.exp(FindingModel.SPUN.bias())), 1e-3);
    }

    @Test
    void theDocCommentComponentOfTheLanguageModelSetsTheFindingModelsOperatingPoint() {
        Model base = ToyModel.model(ToyModel.lm(4, ToyModel.NEWS), new org.despin.lexicon.MapLexicon.Builder().build());
        TitleCaseNames names = TitleCaseNames.of(List.of("security council"));
        Model withComponent = new Model(base.lm(), base.lexicon(), new org.despin.model.ModelInfo(base.info().formatVersion(),
                java.util.Map.of(org.despin.lm.LmFormat.MIX_COMPONENT_KEY, "doc-comments")), base.terms(), names);
        Model otherComponent = new Model(base.lm(), base.lexicon(), new org.despin.model.ModelInfo(base.info().formatVersion(),
                java.util.Map.of(org.despin.lm.LmFormat.MIX_COMPONENT_KEY, "definitions")), base.terms(), names);
        Model componentNoNames = new Model(base.lm(), base.lexicon(), withComponent.info(), base.terms());
        Model namesOnly = new Model(base.lm(), base.lexicon(), base.info(), base.terms(), names);
        assertSame(DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS, new Detector(withComponent).settings());
        assertSame(DetectorSettings.DEFAULTS_WITH_NAMES, new Detector(otherComponent).settings());
        assertSame(DetectorSettings.DEFAULTS_WITH_NAMES, new Detector(namesOnly).settings());
        assertSame(DetectorSettings.DEFAULTS, new Detector(componentNoNames).settings());
        // the finding model's threshold (0.35 instead of 0.40, the same weights; 0.34 at stop 18), the document score refitted on
        // that LM (branch refit19; again with the register, branch docscore21) and its thresholds (spun 0.89, clean 0.25
        // instead of 0.86 / 0.28), the spun thresholds of documents under 100 words by length (branch shortverdict), and
        // the evidence gate 0.8 instead of 1.0 (branch gate23, with the finding model at t 0.39) and the widening of
        // uncertain documents (branch widen22, stop 23: SpunWideningTest), a widening's context pool of 8 (stop 24), and
        // boosted trees on DEFAULTS' weights where DEFAULTS decides (branch trees25: t 0.30, widened uncertain t 0.37), and
        // the verdict's own score (branch verdict26: VerdictScoreTest), and 6 candidates a span in the lattice instead of
        // 4 (stop 26), and no number in digits read as number words (branch flags27, stop 27), and SPUN's link trees in
        // documents called spun, their widening and the uncertain one at gate -0.6 (stop 28), and the verdict's two-piece
        // form and SPUN's trees fitted with clean passages near the spun threshold (stop 29), and hyphen compounds read
        // as a whole (branch coverage30); nothing else
        assertEquals(DetectorSettings.DEFAULTS_WITH_NAMES, DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS.with()
                .spunContextPool(4).verdictScore(null).maxCandidatesPerSpan(4).variantFilter(0)
                .spunFindingModel(FindingModel.SPUN_WITH_NAMES).spunEvidenceGate(0)
                .findingModel(FindingModel.DEFAULTS).score(DocumentScorer.Coefficients.DEFAULTS).cleanThreshold(0.28)
                .spunThreshold(0.86).spunBands(null).evidenceGate(1.0).unspunEvidenceGate(Double.NaN)
                .uncertainFindingModel(null).uncertainFloor(Double.NaN)
                .compoundWholeLogOdds(DetectorSettings.COMPOUND_OFF).compoundWholeGate(Double.NaN).build());
        assertEquals(DetectorSettings.DEFAULTS_WITH_NAMES.with().findingModel(FindingModel.DEFAULTS_WITH_DOC_COMMENTS).score(
                DocumentScorer.Coefficients.WITH_DOC_COMMENTS).spunThreshold(0.89).cleanThreshold(0.25).spunBands(SpunBands.WITH_DOC_COMMENTS)
                .evidenceGate(0.8).spunContextPool(8).build().withUncertainWidening().with()
                .findingModel(FindingModel.DEFAULTS_WITH_LINK_TREES).uncertainFindingModel(FindingModel.UNCERTAIN_WITH_LINK_TREES)
                .verdictScore(VerdictScore.TWO_PIECE).maxCandidatesPerSpan(6).variantFilter(1)
                .spunFindingModel(FindingModel.spunWithRestoredTrees()).spunEvidenceGate(-0.6).unspunEvidenceGate(-0.6)
                .compoundWholeLogOdds(0).compoundWholeGate(1.8).build(),
                DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS);
        assertEquals(0.8, DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS.evidenceGate());
        assertEquals(1.0, DetectorSettings.DEFAULTS.evidenceGate());
        assertEquals(null, DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS.findingBands());
        assertEquals(SpunBands.WITH_DOC_COMMENTS, DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS.spunBands());
        assertEquals(new DocumentScorer.Coefficients(-3.371, 0.778, -0.106, 1.447, 1.030, 0.095, 0.582, 0.482, 7.292, 0.722, 0),
                DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS.score());
        assertEquals(0.25, DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS.cleanThreshold());
        assertEquals(0.89, DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS.spunThreshold());
        assertEquals(DocumentScorer.Coefficients.DEFAULTS, DetectorSettings.DEFAULTS_WITH_NAMES.score());
        assertEquals(0.39, 1 / (1 + Math.exp(FindingModel.DEFAULTS_WITH_DOC_COMMENTS.bias())), 1e-4);
        assertEquals(0.40, 1 / (1 + Math.exp(FindingModel.DEFAULTS.bias())), 1e-4);
        assertEquals(java.util.Arrays.toString(FindingModel.DEFAULTS.weights()),
                java.util.Arrays.toString(FindingModel.DEFAULTS_WITH_DOC_COMMENTS.weights()));
        // spun29: the spun finding model reads the routing score unless told to read the verdict score
        assertFalse(DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS.spunReadsVerdict());
        assertFalse(DetectorSettings.DEFAULTS.spunReadsVerdict());
        assertTrue(DetectorSettings.DEFAULTS.with().spunReadsVerdict(true).build().spunReadsVerdict());
        assertTrue(DetectorSettings.DEFAULTS.with().spunReadsVerdict(1.0).build().spunReadsVerdict());
        assertFalse(DetectorSettings.DEFAULTS.with().spunReadsVerdict(true).build().with().spunReadsVerdict(0.0).build().spunReadsVerdict());
        // band29: SPUN's threshold raised just above the spun threshold, off by default (measured, not adopted)
        DetectorSettings d = DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS;
        assertTrue(Double.isNaN(d.spunNearThreshold()));
        assertTrue(Double.isNaN(DetectorSettings.DEFAULTS.spunNearThreshold()));
        assertSame(d.spunFindingModel(), d.spunFindingModelAt(0.895, 0.99));
        DetectorSettings near = d.with().spunNearThreshold(0.55).spunNearTop(0.92).build();
        assertEquals(0.55, 1 / (1 + Math.exp(near.spunFindingModelAt(0.89, 0.99).bias())), 1e-9);
        assertEquals(0.55, 1 / (1 + Math.exp(near.spunFindingModelAt(0.85, 0.99).bias())), 1e-9);
        assertEquals(0.38 + 0.17 * 0.022 / 0.03, 1 / (1 + Math.exp(near.spunFindingModelAt(0.898, 0.99).bias())), 1e-4);
        assertSame(d.spunFindingModel(), near.spunFindingModelAt(0.92, 0.99));
        assertSame(d.spunFindingModel(), near.spunFindingModelAt(0.99, 0.99));
        assertEquals(d.spunFindingModel().withBias(0.0), near.spunFindingModelAt(0.9, 0.99).withBias(0.0));
        // with a verdict gate: raised only where the verdict score is below it
        assertTrue(Double.isNaN(d.spunNearVerdict()));
        DetectorSettings gated = near.with().spunNearThreshold(0.95).spunNearTop(0.97).spunNearVerdict(0.85).build();
        assertSame(d.spunFindingModel(), gated.spunFindingModelAt(0.89, 0.85));
        assertSame(d.spunFindingModel(), gated.spunFindingModelAt(0.89, 0.95));
        assertEquals(0.95, 1 / (1 + Math.exp(gated.spunFindingModelAt(0.89, 0.849).bias())), 1e-9);
        assertEquals(0.38 + 0.57 * 0.05 / 0.08, 1 / (1 + Math.exp(gated.spunFindingModelAt(0.92, 0.7).bias())), 1e-4);
        assertSame(d.spunFindingModel(), gated.spunFindingModelAt(0.97, 0.7));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> d.with().spunNearThreshold(0.55).spunNearTop(0.89).build());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> d.with().spunNearThreshold(1.5).spunNearTop(0.92).build());
        // stop 30: SPUN's weights with the trees that also read the restored context (FindingTreesTest pins the file) at t 0.38
        assertSame(FindingModel.spunWithRestoredTrees(), DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS.spunFindingModel());
        assertEquals(0.38, 1 / (1 + Math.exp(FindingModel.spunWithRestoredTrees().bias())), 1e-4);
        assertTrue(FindingModel.spunWithRestoredTrees().readsPrecisionFeatures());
        assertEquals(0.375, 1 / (1 + Math.exp(FindingModel.spunWithWideTrees().bias())), 1e-4);
        assertEquals(FindingModel.SPUN_WITH_NAMES, FindingModel.spunWithWideTrees().withTrees(null).withBias(0.0));
        assertEquals(0.40, 1 / (1 + Math.exp(FindingModel.spunWithLinkTrees().bias())), 1e-4);
        assertEquals(FindingModel.SPUN_WITH_NAMES, FindingModel.spunWithLinkTrees().withTrees(null).withBias(0.0));
        assertEquals(0.46, 1 / (1 + Math.exp(FindingModel.spunWithTrees().bias())), 1e-4);
        assertEquals(FindingModel.SPUN_WITH_NAMES, FindingModel.spunWithTrees().withTrees(null).withBias(0.0));
        // deftrees28: DEFAULTS' weights with the trees of finding-trees-defaults-links.txt (FindingTreesTest pins the file)
        assertEquals(FindingModel.DEFAULTS_WITH_LINK_TREES, DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS.findingModel());
        assertEquals(FindingModel.UNCERTAIN_WITH_LINK_TREES, DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS.uncertainFindingModel());
        assertSame(FindingModel.defaultsLinkTrees(), DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS.findingModel().trees());
        assertSame(FindingModel.defaultsLinkTrees(), DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS.uncertainFindingModel().trees());
        assertEquals(0.32, 1 / (1 + Math.exp(FindingModel.DEFAULTS_WITH_LINK_TREES.bias())), 1e-4);
        assertEquals(0.37, 1 / (1 + Math.exp(FindingModel.UNCERTAIN_WITH_LINK_TREES.bias())), 1e-4);
        assertEquals(0.7538, FindingModel.DEFAULTS_WITH_LINK_TREES.bias());
        assertEquals(0.5322, FindingModel.UNCERTAIN_WITH_LINK_TREES.bias());
        assertArrayEquals(FindingModel.DEFAULTS.weights(), FindingModel.DEFAULTS_WITH_LINK_TREES.weights());
        assertArrayEquals(FindingModel.DEFAULTS.weights(), FindingModel.UNCERTAIN_WITH_LINK_TREES.weights());
        // trees25's trees (finding-trees-defaults.txt), the defaults of stops 25-28
        assertSame(FindingModel.defaultsTrees(), FindingModel.DEFAULTS_WITH_TREES.trees());
        assertEquals(0.30, 1 / (1 + Math.exp(FindingModel.DEFAULTS_WITH_TREES.bias())), 1e-4);
        assertEquals(0.37, 1 / (1 + Math.exp(FindingModel.UNCERTAIN_WITH_TREES.bias())), 1e-4);
        assertEquals(0.8473, FindingModel.DEFAULTS_WITH_TREES.bias());
        assertEquals(0.5322, FindingModel.UNCERTAIN_WITH_TREES.bias());
        assertArrayEquals(FindingModel.DEFAULTS.weights(), FindingModel.DEFAULTS_WITH_TREES.weights());
        assertArrayEquals(FindingModel.DEFAULTS.weights(), FindingModel.UNCERTAIN_WITH_TREES.weights());
        assertEquals(8, DetectorSettings.DEFAULTS_WITH_DOC_COMMENTS.spunContextPool());
        assertEquals(4, DetectorSettings.DEFAULTS_WITH_NAMES.spunContextPool());
    }

    @Test
    void anArticleThatDoesNotFitIsEvidenceForTheSubstitution() {
        Report spun = DETECTOR.check("She met a individual who spoke French.", CheckOptions.DEFAULTS);
        assertEquals("She met a person who spoke French.", spun.restored(), DetectorExamplesTest.describe(spun));
        Report clean = DETECTOR.check("She met an individual who spoke French.", CheckOptions.DEFAULTS);
        assertEquals(0, clean.findings().size(), DetectorExamplesTest.describe(clean));
    }

    @Test
    void distinctSpunVariantsOfOneOriginalReinforceEachOther() {
        String one = "The Secretary-Common said the talks would resume. The police asked reporters to leave the building.";
        String two = "The Secretary-Common said the talks would resume. The Secretary-Basic said the talks would resume.";
        Detector.Analysis a1 = DETECTOR.analyse(one, CheckOptions.DEFAULTS.withMinConfidence(0));
        Detector.Analysis a2 = DETECTOR.analyse(two, CheckOptions.DEFAULTS.withMinConfidence(0));
        assertEquals(0, a1.features().variantGroups());
        assertEquals(1, a2.features().variantGroups());
        Finding f1 = a1.report().findings().get(0);
        Finding f2 = a2.report().findings().get(0);
        assertEquals("Secretary-General", f2.suggestion());
        assertTrue(f2.confidence() > f1.confidence(), f1.confidence() + " vs " + f2.confidence());
        assertTrue(f2.evidence().contains("'general' also appears spun as 'basic'"), f2.evidence());
    }

    /** Three sentences of news and the same spun in a name, a compound and a verb (the score's tests). */
    private static final String CLEAN_NEWS = "The Security Council met on Tuesday. The Secretary-General told reporters that "
            + "the talks had failed. The Permanent Mission of France issued a statement.";
    private static final String SPUN_NEWS = "The Protection Council met on Tuesday. The Secretary-Common advised reporters that "
            + "the talks had failed. The Lasting Mission of France issued a statement.";

    @Test
    void aCleanDocumentEndsWithALowSpinRateAndAScoreBelowASpunOne() {
        Detector.Analysis c = DETECTOR.analyse(CLEAN_NEWS, CheckOptions.DEFAULTS);
        Detector.Analysis s = DETECTOR.analyse(SPUN_NEWS, CheckOptions.DEFAULTS);
        assertEquals(0, c.report().findings().size(), DetectorExamplesTest.describe(c.report()));
        assertEquals(4, s.report().findings().size(), DetectorExamplesTest.describe(s.report()));
        assertTrue(c.features().spinRate() < CheckOptions.DEFAULTS.spinRatePrior(), "clean rate " + c.features());
        assertTrue(s.features().spinRate() > c.features().spinRate() * 2, s.features() + " vs " + c.features());
        assertTrue(s.report().spinScore() > ToyModel.SETTINGS.spunThreshold()
                && c.report().spinScore() < ToyModel.SETTINGS.cleanThreshold(),
                s.report().spinScore() + " vs " + c.report().spinScore());
        assertEquals(Verdict.SPUN, s.report().verdict());
        assertEquals(Verdict.CLEAN, c.report().verdict());
    }

    @Test
    void aShortDocumentIsCalledSpunAtItsLengthsThresholdWhileTheBoostKeepsSpunThreshold() {
        Detector.Analysis s = DETECTOR.analyse(SPUN_NEWS, CheckOptions.DEFAULTS);
        double score = s.report().spinScore();
        assertEquals(24, s.report().tokens());
        assertEquals(Verdict.SPUN, s.report().verdict());
        // a band over its 24 words just above its score: no longer called spun, its findings still the boosted decode's
        DetectorSettings above = ToyModel.SETTINGS.with().spunBands(new SpunBands(new int[] {25}, new double[] {Math.nextUp(score)}))
                .build();
        Report notSpun = new Detector(MODEL, above).check(SPUN_NEWS, CheckOptions.DEFAULTS);
        assertEquals(score, notSpun.spinScore(), 0);
        assertEquals(score < ToyModel.SETTINGS.cleanThreshold() ? Verdict.CLEAN : Verdict.UNCERTAIN, notSpun.verdict());
        assertEquals(s.report().findings(), notSpun.findings());
        Report unboosted = new Detector(MODEL, ToyModel.SETTINGS.with().spunBoost(0).build()).check(SPUN_NEWS, CheckOptions.DEFAULTS);
        assertFalse(unboosted.findings().equals(notSpun.findings()), "the boost changes this document's findings");
        // at its score exactly: spun again
        DetectorSettings at = ToyModel.SETTINGS.with().spunBands(new SpunBands(new int[] {25}, new double[] {score})).build();
        assertEquals(Verdict.SPUN, new Detector(MODEL, at).check(SPUN_NEWS, CheckOptions.DEFAULTS).verdict());
        // a band that ends at 24 words (exclusive) does not reach it: spunThreshold decides
        DetectorSettings shorter = ToyModel.SETTINGS.with().spunBands(new SpunBands(new int[] {24}, new double[] {0.999})).build();
        assertEquals(Verdict.SPUN, new Detector(MODEL, shorter).check(SPUN_NEWS, CheckOptions.DEFAULTS).verdict());
    }

    @Test
    void theScoreReadsTheFindingModelsSurestCandidatesOnePerFortyWords() {
        Detector.Analysis c = DETECTOR.analyse(CLEAN_NEWS, CheckOptions.DEFAULTS);
        Detector.Analysis s = DETECTOR.analyse(SPUN_NEWS, CheckOptions.DEFAULTS);
        assertEquals(0.0, c.features().topFindingProbability(), 0); // no candidate finding
        // 23 words: one candidate read (one per 40 words), the surest restoration
        assertEquals(0.9930378835173361, s.features().topFindingProbability(), 1e-12);
        // with two clean copies after it (69 words): the mean of the two surest, all in the spun part
        Detector.Analysis s3 = DETECTOR.analyse(SPUN_NEWS + " " + CLEAN_NEWS + " " + CLEAN_NEWS, CheckOptions.DEFAULTS);
        assertEquals(0.9839451052450281, s3.features().topFindingProbability(), 1e-12);
        // the score's log-odds carry it with the feature's weight
        DocumentScorer.Coefficients d = DocumentScorer.Coefficients.DEFAULTS;
        DocumentScorer.Coefficients without = new DocumentScorer.Coefficients(d.intercept(), d.spinRate(),
                d.confidencePer100(), d.artefactsPer100(), d.names(), d.variants(), d.positiveSpansPer100(),
                d.expectedRestorationsPer100(), 0, d.registerAboveGate(), 0);
        assertEquals(d.topFindingProbability() * 0.9930378835173361, d.logit(s.features()) - without.logit(s.features()),
                1e-12);
    }

    @Test
    void aSecondLookInTheRestoredContextFindsTheNeighbourOfASpunWord() {
        // "advised" has no evidence next to "correspondents" (a word the LM never saw); once
        // "correspondents" is read as "reporters", "told reporters" is a stored collocation
        String text = "He advised correspondents that the council would meet.";
        // (without the widening of a document called spun either: it reads the restored context too)
        Report once = new Detector(MODEL, ToyModel.SETTINGS.with().restoredContextPass(false).spunEvidenceGate(Double.NaN).build())
                .check(text, CheckOptions.DEFAULTS);
        assertEquals("He advised reporters that the council would meet.", once.restored(),
                DetectorExamplesTest.describe(once));
        Report twice = DETECTOR.check(text, CheckOptions.DEFAULTS);
        assertEquals("He told reporters that the council would meet.", twice.restored(),
                DetectorExamplesTest.describe(twice));
    }

    @Test
    void artefactsAreCounted() {
        assertEquals(3, Artefacts.count(org.despin.text.Document.parse(
                "He met a individual. A the man asked for to go. An FBI agent and an hour and a university.")));
        assertTrue(Artefacts.articleMismatch("a", "individual"));
        assertTrue(Artefacts.articleMismatch("an", "person"));
        assertFalse(Artefacts.articleMismatch("a", "university"));
        assertFalse(Artefacts.articleMismatch("an", "hour"));
        assertFalse(Artefacts.articleMismatch("a", "European"));
    }

    @Test
    void emptyAndPunctuationOnlyInputsGiveCleanEmptyReports() {
        for (String text : new String[] {"", "   ", "!!! ... ---", "12 34"}) {
            Report r = DETECTOR.check(text, CheckOptions.DEFAULTS);
            assertEquals(0, r.findings().size());
            assertEquals(text, r.restored());
            assertEquals(Verdict.CLEAN, r.verdict(), text);
        }
    }

    @Test
    void findingsAreInOrderAndTheirTextMatchesTheInput() {
        String text = "The Protection Council met on Tuesday. The Secretary-Common advised reporters that the talks had failed.";
        Report r = DETECTOR.check(text, CheckOptions.DEFAULTS);
        int at = 0;
        for (Finding f : r.findings()) {
            assertTrue(f.start() >= at);
            assertEquals(text.substring(f.start(), f.end()), f.text());
            at = f.end();
        }
        assertEquals("The Security Council met on Tuesday. The Secretary-General told reporters that the talks had failed.",
                r.restored(), DetectorExamplesTest.describe(r));
    }

    /** Insertion arcs made likely enough to show on a one-sentence text (the default weighs them at -2). */
    private static final DetectorSettings INSERTIONS = ToyModel.SETTINGS.with().insertionLogOdds(6).build();

    @Test
    void anInsertedSynonymIsReadAsTheWordItPads() {
        // "peace" is a word a spinner may write for "truce" (toy lexicon), and "truce and peace" is not a stored pair
        String text = "The two sides agreed to a truce and peace.";
        Report r = new Detector(MODEL, INSERTIONS).check(text, CheckOptions.DEFAULTS);
        assertEquals(1, r.findings().size(), DetectorExamplesTest.describe(r));
        Finding f = r.findings().get(0);
        assertEquals("truce and peace", f.text());
        assertEquals(text.indexOf("truce"), f.start());
        assertEquals(text.indexOf("."), f.end());
        assertEquals("truce", f.suggestion());
        assertTrue(f.evidence().contains("'peace' inserted beside it"), f.evidence());
        assertEquals("The two sides agreed to a truce.", r.restored());
        // off (INSERTION_OFF), the same text is left alone
        Report off = new Detector(MODEL, ToyModel.SETTINGS.with().insertionLogOdds(DetectorSettings.INSERTION_OFF).build())
                .check(text, CheckOptions.DEFAULTS);
        assertEquals(text, off.restored(), DetectorExamplesTest.describe(off));
    }

    @Test
    void aStoredPairOfLinkedWordsIsNotAnInsertion() {
        // link "security" to "peace": "peace and security" is then a linked pair, but the LM stores it
        org.despin.lexicon.MapLexicon lexicon = new org.despin.lexicon.MapLexicon.Builder()
                .add("security", "peace", -1.0f).add("peace", "security", -1.0f).build();
        Model model = ToyModel.model(ToyModel.lm(4, ToyModel.NEWS), lexicon);
        String text = "Peace and security are the aims of the council.";
        Report r = new Detector(model, INSERTIONS).check(text, CheckOptions.DEFAULTS);
        assertTrue(r.findings().stream().noneMatch(f -> f.text().contains(" and ")), DetectorExamplesTest.describe(r));
        // the same link outside a stored pair is read as an insertion
        String unstored = "They want security and peace in the region.";
        Report u = new Detector(model, INSERTIONS).check(unstored, CheckOptions.DEFAULTS);
        assertEquals(List.of("security and peace"), u.findings().stream().map(Finding::text).toList(),
                DetectorExamplesTest.describe(u));
    }

    /**
     * Hyphen compounds: "face to face" is stored, the parts' synonyms are not next to each other.
     * Restoring one part of "confront-to-encounter" leaves it beside another spun part, so only the
     * joint reading has evidence.
     */
    private static final Model COMPOUND_MODEL = compoundModel();
    /**
     * In a corpus this small "meet face to" is stored, so a part alone would pass the default gate;
     * a gate of 10^3 rules the parts out ("to face next" is 10^2.8 beyond frequency) as the default
     * model's back-off does for "confront-to-encounter", while the whole compound clears it.
     */
    private static final DetectorSettings COMPOUNDS = ToyModel.SETTINGS.with().evidenceGate(3).build();

    private static Model compoundModel() {
        List<String> corpus = new java.util.ArrayList<>(ToyModel.NEWS);
        corpus.addAll(List.of("The two leaders met face-to-face on Monday.", "We talked face to face about the war.",
                "They will meet face to face next week.", "She will confront the minister.",
                "It was a brief encounter in the region.", "The minister was present at the talks.",
                "It is a well-known problem.", "The long-term goal is peace.", "He is known as a good man."));
        org.despin.lexicon.MapLexicon lexicon = new org.despin.lexicon.MapLexicon.Builder()
                .add("confront", "face", -1.0f).add("encounter", "face", -1.0f).add("present", "face", -1.0f)
                .add("face", "confront", -1.0f).add("well", "good", -1.0f).add("long", "lasting", -1.0f)
                .add("known", "famous", -1.0f).build();
        return ToyModel.model(ToyModel.lm(4, corpus), lexicon);
    }

    @Test
    void aCompoundSpunInEveryPartIsRestoredAsAWhole() {
        String text = "They agreed to meet confront-to-encounter next week.";
        Report r = new Detector(COMPOUND_MODEL, COMPOUNDS).check(text, CheckOptions.DEFAULTS);
        assertEquals(1, r.findings().size(), DetectorExamplesTest.describe(r));
        Finding f = r.findings().get(0);
        assertEquals("confront-to-encounter", f.text());
        assertEquals(text.indexOf("confront"), f.start());
        assertEquals(text.indexOf(" next"), f.end());
        assertEquals("face-to-face", f.suggestion());
        assertTrue(f.evidence().startsWith("LM: 'meet face-to-face next' is 10^"), f.evidence());
        assertEquals("They agreed to meet face-to-face next week.", r.restored());
        // off (COMPOUND_OFF), no part alone has the evidence: the text is left alone
        Report off = new Detector(COMPOUND_MODEL, COMPOUNDS.with().compoundLogOdds(DetectorSettings.COMPOUND_OFF).build())
                .check(text, CheckOptions.DEFAULTS);
        assertEquals(text, off.restored(), DetectorExamplesTest.describe(off));
    }

    @Test
    void aCompoundSpunInOnePartIsRestored() {
        String text = "They agreed to meet face-to-present next week.";
        Report r = new Detector(COMPOUND_MODEL, COMPOUNDS).check(text, CheckOptions.DEFAULTS);
        assertEquals(List.of("face-to-present -> face-to-face"),
                r.findings().stream().map(f -> f.text() + " -> " + f.suggestion()).toList(), DetectorExamplesTest.describe(r));
        assertEquals("They agreed to meet face-to-face next week.", r.restored());
    }

    /**
     * A hyphen compound the lexicon lists as a whole (branch {@code coverage30}): a spinner wrote "well-chosen" for
     * "happy" in one piece, so no part has a link; the whole reading is restored when {@code compoundWholeLogOdds} is
     * set, and a reading that only drops the hyphen ("world-wide" -> "worldwide") is a spelling, never read.
     */
    @Test
    void aCompoundListedAsAWholeIsRestoredAsAWhole() {
        List<String> corpus = new java.util.ArrayList<>(ToyModel.NEWS);
        for (int i = 0; i < 3; i++) {
            corpus.addAll(List.of("It was a happy day for the minister.", "They had a happy day in the region.",
                    "The talks ended on a happy day.", "The news spread worldwide in a day.", "He was chosen as well.",
                    "The world was wide."));
        }
        org.despin.lexicon.MapLexicon lexicon = new org.despin.lexicon.MapLexicon.Builder()
                .add("well-chosen", "happy", -1.0f).add("world-wide", "worldwide", -0.5f).build();
        Model model = ToyModel.model(ToyModel.lm(4, corpus), lexicon);
        String text = "It was a well-chosen day for the minister.";
        DetectorSettings on = ToyModel.SETTINGS.with().compoundWholeLogOdds(3).build();
        Report r = new Detector(model, on).check(text, CheckOptions.DEFAULTS);
        assertEquals(List.of("well-chosen -> happy"),
                r.findings().stream().map(f -> f.text() + " -> " + f.suggestion()).toList(), DetectorExamplesTest.describe(r));
        assertEquals("It was a happy day for the minister.", r.restored());
        // off (the default of DetectorSettings.DEFAULTS), the parts have no links: the text is left alone
        Report off = new Detector(model, ToyModel.SETTINGS).check(text, CheckOptions.DEFAULTS);
        assertEquals(text, off.restored(), DetectorExamplesTest.describe(off));
        // a spelling of the compound without its hyphen is no reading
        String spelling = "The news spread world-wide in a day.";
        assertEquals(spelling, new Detector(model, on).check(spelling, CheckOptions.DEFAULTS).restored());
    }

    @Test
    void aCleanCompoundIsLeftAlone() {
        // "good known" and "lasting term" are no stored collocations
        for (String text : List.of("It is a well-known problem.", "The long-term goal is peace.")) {
            Report r = new Detector(COMPOUND_MODEL, COMPOUNDS).check(text, CheckOptions.DEFAULTS);
            assertEquals(List.of(), r.findings(), DetectorExamplesTest.describe(r));
        }
    }

    /**
     * Term arcs: a toy model where "great deal" and "artificial intelligence" are terms; "heavy foil"
     * reaches "great deal" through links of two broad words (3,000 and 2,000 forms link to them),
     * "counterfeit consciousness" reaches "artificial intelligence" through links of two narrow ones
     * (3 and 4 forms). No lexicon: term arcs are the only candidates.
     */
    private static final List<String> TERM_CORPUS = List.of(
            "It took a great deal of time.", "We learned a great deal of history.", "They spent a great deal of money.",
            "The box was heavy.", "A heavy rain fell.", "The foil was thin.", "They wrapped the fish in foil.",
            "We study artificial intelligence in detail.", "Research on artificial intelligence has grown.",
            "A counterfeit coin was found.", "He lost consciousness after the fall.", "We study the results in detail.");
    private static final Model TERM_MODEL = new Model(ToyModel.lm(3, TERM_CORPUS),
            new org.despin.lexicon.MapLexicon.Builder().build(),
            new org.despin.model.ModelInfo(1, java.util.Map.of("model", "toy")),
            org.despin.lexicon.TermTable.of(List.of("artificial intelligence", "great deal"), new org.despin.lexicon.TermLinks(
                    java.util.Map.of("heavy", java.util.Map.of("great", org.despin.lexicon.TermTable.SYNONYM),
                            "foil", java.util.Map.of("deal", org.despin.lexicon.TermTable.SYNONYM),
                            "counterfeit", java.util.Map.of("artificial", org.despin.lexicon.TermTable.SYNONYM),
                            "consciousness", java.util.Map.of("intelligence", org.despin.lexicon.TermTable.SYNONYM)),
                    java.util.Map.of("great", 3000, "deal", 2000, "artificial", 3, "intelligence", 4))));

    @Test
    void aPhraseThatReachesATermOfBroadWordsFailsTheTermGate() {
        String text = "They carried a heavy foil of gold.";
        Report gated = new Detector(TERM_MODEL, ToyModel.SETTINGS).check(text, CheckOptions.DEFAULTS);
        assertEquals(List.of(), gated.findings(), DetectorExamplesTest.describe(gated));
        // without the gate the same span is restored to the term
        Report open = new Detector(TERM_MODEL, ToyModel.SETTINGS.with().termEvidence(null).build())
                .check(text, CheckOptions.DEFAULTS);
        assertEquals(1, open.findings().size(), DetectorExamplesTest.describe(open));
        Finding f = open.findings().get(0);
        assertEquals("heavy foil", f.text());
        assertEquals(text.indexOf("heavy"), f.start());
        assertEquals(text.indexOf(" of gold"), f.end());
        assertEquals("great deal", f.suggestion());
        assertTrue(f.evidence().contains("; term synonym"), f.evidence());
    }

    @Test
    void aTorturedTermOfNarrowWordsPassesTheTermGate() {
        String text = "We study counterfeit consciousness in detail.";
        Report r = new Detector(TERM_MODEL, ToyModel.SETTINGS).check(text, CheckOptions.DEFAULTS);
        assertEquals(1, r.findings().size(), DetectorExamplesTest.describe(r));
        Finding f = r.findings().get(0);
        assertEquals("counterfeit consciousness", f.text());
        assertEquals(text.indexOf("counterfeit"), f.start());
        assertEquals(text.indexOf(" in detail"), f.end());
        assertEquals("artificial intelligence", f.suggestion());
        assertEquals("We study artificial intelligence in detail.", r.restored());
    }

    @Test
    void theTermGateReadsTheFactsOfTheMatch() {
        Detector d = new Detector(TERM_MODEL, ToyModel.SETTINGS);
        org.despin.text.Document doc = org.despin.text.Document.parse("They carried a heavy foil of gold.");
        LatticeBuilder.SentenceWords w = LatticeBuilder.SentenceWords.of(doc.tokens(), doc.sentences().get(0));
        List<TermCandidates.Match> m = d.termCandidates().matches(w);
        assertEquals(1, m.size());
        TermCandidates.ArcFacts facts = d.termCandidates().facts(m.get(0), w);
        assertEquals(Math.log(3000), facts.get("lnMaxFanout"), 1e-9);
        assertEquals(0.0, facts.get("lnRivals"));
        assertEquals(2.0, facts.get("termWords"));
        assertEquals(2.0, facts.get("observedWords"));
        // two synonym links: -0.35 ln 3000 - 0.35 ln 2000
        assertEquals(-0.35 * (Math.log(3000) + Math.log(2000)), facts.get("channel"), 1e-5);
        double[] x = {facts.get("context"), facts.get("observedRarest"), facts.get("lnMaxFanout"), facts.get("channel")};
        double[] weights = TermEvidence.DEFAULTS.weights();
        double z = weights[0];
        for (int k = 0; k < x.length; k++) {
            z += weights[k + 1] * x[k];
        }
        assertEquals(z, TermEvidence.DEFAULTS.score(facts), 1e-12);
        assertTrue(z < DetectorSettings.DEFAULTS.termGate(), "score " + z);
    }
}
