package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.despin.lexicon.MapLexicon;
import org.despin.lm.MapLanguageModel;
import org.despin.text.Document;
import org.junit.jupiter.api.Test;

/** {@link VerdictForms}: the observed words' production and links summed over a document, exact on a toy LM and lexicon. */
class VerdictFormsTest {
    private static final MapLanguageModel LM = new MapLanguageModel.Builder(1)
            .add(-1f, 0f, "<s>").add(-1f, 0f, "</s>").add(-7f, 0f, "<unk>")
            .add(-2f, 0f, "the").add(-2f, 0f, "was")
            .add(-3f, 0f, "safe").add(-3.25f, 0f, "careful").add(-6f, 0f, "unadventurous")
            .add(-4f, 0f, "tale").add(-3.5f, 0f, "story").add(-5f, 0f, "ghastly").add(-3f, 0f, "bad")
            .build();
    private static final MapLexicon LEXICON = new MapLexicon.Builder()
            .add("unadventurous", "safe", (float) Math.log(0.1))
            .add("unadventurous", "careful", (float) Math.log(0.01))
            .add("ghastly", "bad", (float) Math.log(0.5))
            .add("tale", "story", (float) Math.log(0.2))
            .build();

    @Test
    void theSummariesOfADocumentsContentWordsWithCandidates() {
        VerdictForms forms = new VerdictForms(LM, LEXICON);
        // "the" and "was" are function words; "safe" has no candidates; "ghastly" counts twice
        double[] v = forms.summarise(Document.parse("The unadventurous tale was ghastly, ghastly and safe."));
        double unadventurous = Math.log10(Math.pow(10, -3) * 0.1 + Math.pow(10, -3.25) * 0.01) + 6; // 2.0315
        double tale = -3.5 + Math.log10(0.2) + 4; // -0.1990
        double ghastly = -3 + Math.log10(0.5) + 5; // 1.6990
        double[] expected = {
            (unadventurous + 2 * ghastly) / 3, // prodTop3
            (unadventurous + tale + 2 * ghastly) / 4, // prodMean
            0, // prodHighPer100: none above 3
            (Math.log(3) + 2 * Math.log(2)) / 3, // linksTop3: two originals, then one each
            (Math.log(3) + 3 * Math.log(2)) / 4, // linksMean
        };
        assertArrayEquals(expected, v, 1e-5);
        assertEquals(5, VerdictForms.NAMES.size());
        // the cost: one lexicon look-up per distinct non-function word (unadventurous, tale, ghastly, and, safe: "and"
        // is a function word), one unigram per distinct word read (the three and their four originals)
        assertEquals(4, forms.lexiconLookups);
        assertEquals(7, forms.lmCalls());
        // per 100 words: a word whose originals' mass is 10^3.5 its own
        MapLanguageModel lm = new MapLanguageModel.Builder(1).add(-1f, 0f, "<s>").add(-1f, 0f, "</s>").add(-7f, 0f, "<unk>")
                .add(-7f, 0f, "lachrymose").add(-3f, 0f, "sad").build();
        MapLexicon lexicon = new MapLexicon.Builder().add("lachrymose", "sad", (float) Math.log(Math.pow(10, -0.5))).build();
        double[] w = VerdictForms.of(Document.parse("A lachrymose man."), lm, lexicon);
        assertEquals(3.5, w[0], 1e-5);
        assertEquals(100.0 / 3, w[2], 1e-9);
        // no content word with candidates: zeros
        assertArrayEquals(new double[5], VerdictForms.of(Document.parse("The man was there."), LM, LEXICON), 0);
    }
}
