package org.despin.detect;

import java.util.ArrayList;
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
        List<Double> production = new ArrayList<>();
        List<Double> links = new ArrayList<>();
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
            double[] v = forms.of(w);
            production.add(v[1]);
            links.add(v[3]);
            odd += v[0] < -1.5 ? 1 : 0;
            shareMin = Math.min(shareMin, v[0]);
        }
        production.sort(java.util.Comparator.reverseOrder());
        double top3 = 0;
        double mean = 0;
        int high = 0;
        for (int i = 0; i < production.size(); i++) {
            top3 += i < 3 ? production.get(i) / Math.min(3, production.size()) : 0;
            mean += production.get(i) / production.size();
            high += production.get(i) > 3 ? 1 : 0;
        }
        links.sort(java.util.Comparator.reverseOrder());
        double linksTop3 = 0;
        double linksMean = 0;
        for (int i = 0; i < links.size(); i++) {
            linksTop3 += i < 3 ? links.get(i) / Math.min(3, links.size()) : 0;
            linksMean += links.get(i) / links.size();
        }
        double per100 = 100.0 / Math.max(1, words);
        return new double[] {top3, mean, high * per100, odd * per100, shareMin, linksTop3, linksMean};
    }
}
