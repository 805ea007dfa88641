package org.despin.detect;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.despin.data.DataPaths;
import org.despin.data.spin.SpinThesauri;
import org.despin.model.Model;
import org.despin.model.Models;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Spinner;
import org.despin.text.Document;
import org.despin.text.Sentence;
import org.despin.text.Token;

/**
 * Development study of term arcs on TRAINING text only (the fit fold, read with the LM rebuilt
 * without it when {@code -DfoldLm=PATH}): prints one TSV line per term finding on clean passages
 * ({@code NEG}) and per spun term occurrence ({@code POS}: our spinner, Moby unless
 * {@code -DfitSpinner=wordnet} (WordNetSpinThesaurus), at rate 1 on a table term in a training
 * sentence; found or not), with
 * the features {@link TermCandidates.ArcFacts} computes. For choosing the term-arc evidence
 * (docs/detector.md "Terms"); never run on held-out text.
 *
 * <pre>
 *   java -Xmx6g -cp $CP -DfoldLm=/tmp/arcs/fold-lm.dspm org.despin.detect.TermArcStudy MODEL PASSAGES OCCURRENCES
 * </pre>
 */
final class TermArcStudy {
    private TermArcStudy() {
    }

    public static void main(String[] args) throws Exception {
        Model base = Models.load(Path.of(args[0]));
        int passages = Integer.parseInt(args[1]);
        int wanted = Integer.parseInt(args[2]);
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        String foldLm = System.getProperty("foldLm");
        Model model = FoldModel.forFitting(base, paths);
        Detector detector = new Detector(model, DetectorEvaluation.settingsFromProperties(model));
        List<String> training = ArcFitting.trainingText(paths, foldLm != null);
        System.out.println("kind\tobserved\tterm\tconf\t" + String.join("\t", TermCandidates.ArcFacts.NAMES));
        if (Boolean.getBoolean("torturedFacts")) {
            // diagnostic only: the facts of the evaluation's tortured terms in their first carrier (never fitted on)
            SpinThesaurus mythes = DevMyThes.load(paths.cache());
            int seed = 0;
            for (String term : TorturedPhrases.TERMS) {
                String tortured = null;
                for (int attempt = 0; attempt < 5 && tortured == null; attempt++) {
                    SpinResult s = new Spinner(mythes, SpinOptions.of(1.0, ++seed).withInsertionRate(0)).spin(term);
                    if (!s.edits().isEmpty()) {
                        tortured = s.spunText();
                    }
                }
                if (tortured == null) {
                    continue;
                }
                String carrier = TorturedPhrases.CARRIERS.get(0);
                String text = String.format(Locale.ROOT, carrier, tortured);
                int at = carrier.indexOf("%s");
                Report r = detector.check(text, CheckOptions.DEFAULTS);
                double conf = r.restored().equals(String.format(Locale.ROOT, carrier, term)) ? 1 : 0;
                print(conf > 0 ? "TPOS" : "TMISS", detector, text, at, at + tortured.length(), term, conf);
            }
        }
        if (passages > 0) {
            List<String> clean = DetectorEvaluation.passages(training, 200, 300, passages);
            long words = 0;
            int flags = 0;
            for (String p : clean) {
                Report r = detector.check(p, CheckOptions.DEFAULTS);
                words += r.tokens();
                for (Finding f : r.findings()) {
                    if (f.evidence().contains("term synonym")) {
                        flags++;
                        print("NEG", detector, p, f.start(), f.end(), f.suggestion().toLowerCase(Locale.ROOT), f.confidence());
                    }
                }
            }
            System.out.printf(Locale.ROOT, "# clean: %d passages, %d words, %d term flags (%.2f/100 words)%n", clean.size(),
                    words, flags, 100.0 * flags / words);
        }
        if (wanted > 0) {
            String spinner = System.getProperty("fitSpinner", SpinThesauri.MOBY);
            // "wordnet": the arc fit's WordNet training spinner (synonyms, similar and broader words); never MyThes for fits
            SpinThesaurus thesaurus = spinner.equals("wordnet") ? WordNetSpinThesaurus.load() : SpinThesauri.load(spinner, paths);
            List<TermFitting.Occurrence> occurrences = TermFitting.occurrences(training, model, wanted);
            int spun = 0;
            int found = 0;
            int reached = 0;
            for (int n = 0; n < occurrences.size(); n++) {
                TermFitting.Occurrence o = occurrences.get(n);
                String tortured = TermFitting.torture(thesaurus, o, n);
                if (tortured == null) {
                    continue;
                }
                spun++;
                String text = o.sentence().substring(0, o.start()) + tortured + o.sentence().substring(o.end());
                int end = o.start() + tortured.length();
                Report r = detector.check(text, CheckOptions.DEFAULTS);
                double conf = 0;
                for (Finding f : r.findings()) {
                    if (f.start() == o.start() && f.end() == end && f.suggestion().toLowerCase(Locale.ROOT).equals(o.term())) {
                        conf = f.confidence();
                    }
                }
                found += conf > 0 ? 1 : 0;
                reached += print(conf > 0 ? "POS" : "POSMISS", detector, text, o.start(), end, o.term(), conf) ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "# spun: %d occurrences, %d spun, %d reached, %d found%n", occurrences.size(),
                    spun, reached, found);
        }
    }

    /** Prints the facts of the term match of characters start..end to {@code term}; false when there is no such match. */
    private static boolean print(String kind, Detector detector, String text, int start, int end, String term, double conf) {
        double[] x = matchFacts(detector, text, start, end, term, false);
        if (x == null) {
            return false;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(kind).append('\t').append(text, start, end).append('\t').append(term)
                .append(String.format(Locale.ROOT, "\t%.2f", conf));
        for (double v : x) {
            sb.append(String.format(Locale.ROOT, "\t%.3f", v));
        }
        System.out.println(sb);
        return true;
    }

    /**
     * The facts ({@code TermCandidates.ArcFacts}) of the term match of characters start..end of {@code text} to
     * {@code term}, or null when there is none; {@code wordByWordOnly} leaves out whole-term matches.
     */
    static double[] matchFacts(Detector detector, String text, int start, int end, String term, boolean wordByWordOnly) {
        Document doc = Document.parse(text);
        for (Sentence s : doc.sentences()) {
            LatticeBuilder.SentenceWords w = LatticeBuilder.SentenceWords.of(doc.tokens(), s);
            for (TermCandidates.Match m : detector.termCandidates().matches(w)) {
                Token first = doc.tokens().get(w.tokenIndex[m.from()]);
                Token last = doc.tokens().get(w.tokenIndex[m.to() - 1]);
                if (!(wordByWordOnly && m.whole()) && first.start() == start && last.end() == end
                        && m.candidate().original().equals(term)) {
                    return detector.termCandidates().facts(m, w).values();
                }
            }
        }
        return null;
    }
}
