package org.despin.detect;

import java.util.List;
import org.despin.text.Document;
import org.despin.text.Token;

/**
 * A study of branch {@code forms28} (not in the detector): {@link ObservedForms}' two features summed over a
 * document's content words that the lexicon has candidates for, as document-level columns of {@code docs
 * -DdocsDump -DformsStudy=true}, to see whether they add to the verdict score's AUROC.
 */
final class FormsSummary {
    static final List<String> NAMES = List.of("prodTop3", "prodMean", "prodHighPer100", "oddPer100", "shareMin", "linksTop3", "linksMean");

    private FormsSummary() {
    }

    static double[] of(Detector detector, String text) {
        ObservedForms forms = new ObservedForms(detector.lm(), detector.lexicon());
        Document doc = Document.parse(text);
        // the production and links summaries are the verdict score's own (VerdictForms: the same words, the same sums)
        double[] v5 = VerdictForms.of(doc, detector.lm(), detector.lexicon());
        int odd = 0;
        double shareMin = 0;
        int words = 0;
        for (Token t : doc.tokens()) {
            if (!t.isWord()) {
                continue;
            }
            words++;
            String w = t.normal();
            if (FunctionWords.contains(w) || !detector.lexicon().hasCandidates(w)) {
                continue;
            }
            double share = forms.of(w)[0];
            odd += share < -1.5 ? 1 : 0;
            shareMin = Math.min(shareMin, share);
        }
        double per100 = 100.0 / Math.max(1, words);
        return new double[] {v5[0], v5[1], v5[2], odd * per100, shareMin, v5[3], v5[4]};
    }
}
