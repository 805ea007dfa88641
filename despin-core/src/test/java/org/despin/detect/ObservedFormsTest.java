package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.despin.lexicon.MapLexicon;
import org.despin.lexicon.WordClass;
import org.despin.lm.MapLanguageModel;
import org.junit.jupiter.api.Test;

/** {@link ObservedForms}: the form share and the production ratio from exact unigrams and channel weights. */
class ObservedFormsTest {
    private static final MapLanguageModel LM = new MapLanguageModel.Builder(1)
            .add(-1f, 0f, "<s>").add(-1f, 0f, "</s>").add(-7f, 0f, "<unk>")
            .add(-3f, 0f, "talk").add(-3.5f, 0f, "talking").add(-6f, 0f, "talkings").add(-4f, 0f, "talks")
            .add(-4f, 0f, "quest").add(-6.5f, 0f, "quested")
            .add(-2f, 0f, "the").add(-5.5f, 0f, "thing")
            .add(-3f, 0f, "safe").add(-3.2f, 0f, "careful").add(-6f, 0f, "unadventurous")
            .build();
    private static final MapLexicon LEXICON = new MapLexicon.Builder()
            .knownWord("talk", Set.of(WordClass.NOUN, WordClass.VERB))
            .knownWord("talking", Set.of(WordClass.NOUN, WordClass.VERB))
            .knownWord("quest", Set.of(WordClass.NOUN, WordClass.VERB))
            .knownWord("the", Set.of(WordClass.FUNCTION_WORD))
            .add("unadventurous", "safe", (float) Math.log(0.1))
            .add("unadventurous", "careful", (float) Math.log(0.01))
            .add("political sciences", "politics", (float) Math.log(0.5))
            .build();

    @Test
    void anOddInflectionIsMeasuredAgainstItsLemmasCommonestForm() {
        ObservedForms forms = new ObservedForms(LM, LEXICON);
        // "talkings" is the plural of the noun "talking" (-3.5): -6 - -3.5
        assertEquals(-2.5, forms.formShare("talkings"), 1e-6);
        // "quested": the verb "quest"'s family (quest, quests, quested, questing) peaks at "quest" (-4)
        assertEquals(-2.5, forms.formShare("quested"), 1e-6);
        // a lemma's commonest form, and a word whose only analysis is itself
        assertEquals(0, forms.formShare("talk"), 1e-9);
        assertEquals(0, forms.formShare("safe"), 1e-9);
        // "thing" is no gerund of "the" (the dictionary gives "the" no verb class)
        assertEquals(0, forms.formShare("thing"), 1e-9);
        // a span: its oddest word
        assertEquals(-2.5, forms.formShare("the talkings"), 1e-6);
    }

    @Test
    void productionIsTheChannelWeightedMassOfTheOriginalsOverTheWordsOwn() {
        ObservedForms forms = new ObservedForms(LM, LEXICON);
        double mass = Math.pow(10, -3) * 0.1 + Math.pow(10, -3.2) * 0.01;
        assertEquals(Math.log10(mass) + 6, forms.production("unadventurous"), 1e-5);
        // no candidates: the floor
        assertEquals(ObservedForms.UNKNOWN_LOG10, forms.production("talk"), 1e-9);
        // unknown words count at the floor's log10 P, a span's words summed
        assertEquals(ObservedForms.UNKNOWN_LOG10 + Math.log10(0.5) - 2 * ObservedForms.UNKNOWN_LOG10,
                forms.production("political sciences"), 1e-5);
        // the likeliest original alone: "safe" (-3 + log10 0.1)
        assertEquals(-4 + 6, forms.productionMax("unadventurous"), 1e-5);
        double[] memo = forms.of("unadventurous");
        assertEquals(4, memo.length);
        assertEquals(0, memo[0], 1e-9);
        assertEquals(forms.production("unadventurous"), memo[1], 1e-12);
        assertEquals(2, memo[2], 1e-5);
        assertEquals(Math.log(3), memo[3], 1e-12); // two originals
        assertEquals(0, forms.of("talk")[3], 1e-12);
    }

    @Test
    void checksOfOneDetectorShareTheSpansValues() {
        ObservedForms.Shared shared = new ObservedForms.Shared();
        ObservedForms first = new ObservedForms(LM, LEXICON, shared);
        double[] v = first.of("unadventurous");
        assertEquals(1, shared.size());
        // a later check reads the same values, not computed again, equal to an unshared instance's
        ObservedForms second = new ObservedForms(LM, LEXICON, shared);
        org.junit.jupiter.api.Assertions.assertSame(v, second.of("unadventurous"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new ObservedForms(LM, LEXICON).of("unadventurous"), v, 0);
        second.of("talkings");
        assertEquals(2, shared.size());
    }
}
