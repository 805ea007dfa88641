package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.despin.lexicon.Candidate;
import org.despin.lexicon.MapLexicon;
import org.despin.lexicon.WordClass;
import org.despin.lm.MapLanguageModel;
import org.junit.jupiter.api.Test;

class PoolPriorTest {
    private static final double LN10 = Math.log(10);

    @Test
    void featuresOfOneCandidate() {
        double[] f = new double[PoolPrior.SIZE];
        // a two-hop Moby link, two words for one, rarer than the observed word, another word class
        PoolPrior.features(new Candidate("make up", -3.25f, 2, "moby"), -4.5f, -4.0f, 1, 2,
                WordClass.NOUN.bit(), WordClass.VERB.bit(), f);
        assertArrayEquals(new double[] {-3.25, LN10 * -4.5f, 0, 1, 0, 1, 0, 0, 1, 1, 1}, f, 1e-12);
        // a WordNet hypernym link (the observed word is the generic one), commoner than the observed word, same class
        PoolPrior.features(new Candidate("truck", -2.0f, 1, "wordnet-generic"), -3.0f, -4.0f, 1, 1,
                WordClass.NOUN.bit() | WordClass.VERB.bit(), WordClass.NOUN.bit(), f);
        assertArrayEquals(new double[] {-2.0, LN10 * -3.0f, LN10 * (-3.0f - -4.0f), 0, 0, 0, 0, 1, 0, 0, 0}, f, 1e-12);
        // a synonym in both thesauri; the word classes unknown on one side: no disagreement
        PoolPrior.features(new Candidate("big", -0.5f, 1, "moby+wordnet"), -3.0f, -3.0f, 1, 1, 0, WordClass.ADJECTIVE.bit(), f);
        assertArrayEquals(new double[] {-0.5, LN10 * -3.0f, 0, 0, 1, 1, 0, 0, 0, 0, 0}, f, 1e-12);
        PoolPrior.features(new Candidate("calm", -1.0f, 1, "wordnet-similar"), -3.0f, -3.0f, 1, 1, 0, 0, f);
        assertEquals(1, f[6]);
        assertEquals(0, f[4]); // a related-word link is not a WordNet synonym
    }

    @Test
    void scoreIsTheWeightedSum() {
        double[] f = {-1, -2, 0.5, 1, 0, 1, 0, 0, 1, 0, 1};
        PoolPrior p = new PoolPrior(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertEquals(-1 - 4 + 1.5 + 4 + 6 + 9 + 11, p.score(f), 1e-12);
        assertEquals(-3, PoolPrior.LEGACY.score(f), 1e-12);
    }

    @Test
    void parsesWhatItPrints() {
        PoolPrior p = PoolPrior.parse("1.2634,0.9364,-0.0146,-2.3350,1.5445,-0.0006,2.5436,4.1154,0.6988,0.0499,0.0335");
        assertEquals("1.2634,0.9364,-0.0146,-2.3350,1.5445,-0.0006,2.5436,4.1154,0.6988,0.0499,0.0335", p.toString());
        assertEquals(p, PoolPrior.parse(p.toString()));
        assertThrows(IllegalArgumentException.class, () -> new PoolPrior(1, 2));
        assertThrows(IllegalArgumentException.class, () -> new PoolPrior(1, Double.NaN, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void theDefaultsUseTheFittedPrior() {
        assertEquals("1.2634,0.9364,-0.0146,-2.3350,1.5445,-0.0006,2.5436,4.1154,0.6988,0.0000,0.0335", PoolPrior.FITTED.toString());
        assertEquals(PoolPrior.FITTED, DetectorSettings.DEFAULTS.poolPrior());
        assertEquals(PoolPrior.FITTED, DetectorSettings.DEFAULTS_WITH_NAMES.poolPrior());
        assertEquals(false, PoolPrior.FITTED.readsClasses()); // no word-class lookups
    }

    private static final MapLanguageModel LM = ToyModel.lm(3, ToyModel.NEWS);

    private static MapLexicon lexicon() {
        return new MapLexicon.Builder()
                .add("truce", new Candidate("peace", -1.0f, 1, "moby"))
                .add("truce", new Candidate("security", -0.5f, 1, "moby+wordnet"))
                .add("truce", new Candidate("council", -3.0f, 1, "wordnet-generic"))
                .add("truce", new Candidate("talks", -0.2f, 2, "moby"))
                .knownWord("truce", Set.of(WordClass.NOUN))
                .knownWord("peace", Set.of(WordClass.NOUN))
                .knownWord("security", Set.of(WordClass.NOUN))
                .knownWord("council", Set.of(WordClass.NOUN))
                .knownWord("talks", Set.of(WordClass.NOUN, WordClass.VERB))
                .build();
    }

    private static List<String> order(PoolPrior prior, List<Double> priors) {
        DetectorSettings s = ToyModel.SETTINGS.with().poolPrior(prior).build();
        List<String> out = new ArrayList<>();
        for (PreparedCandidate c : new CandidateTable(lexicon(), LM, s).candidates("truce")) {
            out.add(c.original());
            priors.add(c.prior());
        }
        return out;
    }

    @Test
    void legacyWeightsGiveThePriorOfBefore() {
        List<Double> before = new ArrayList<>();
        List<Double> legacy = new ArrayList<>();
        List<String> a = order(null, before);
        assertEquals(a, order(PoolPrior.LEGACY, legacy));
        assertEquals(before, legacy); // the same doubles, so the same pools
        assertEquals(4, a.size());
    }

    @Test
    void aFittedPriorReordersTheList() {
        List<Double> ignored = new ArrayList<>();
        List<String> before = order(null, ignored);
        // weights that only count the link kind: a generic link first, then WordNet, a two-hop link last
        PoolPrior kinds = new PoolPrior(0, 0, 0, -5, 2, 0, 0, 4, 0, 0, 0);
        assertEquals(List.of("council", "security", "peace", "talks"), order(kinds, ignored));
        assertEquals(Set.copyOf(before), Set.of("council", "security", "peace", "talks"));
    }
}
