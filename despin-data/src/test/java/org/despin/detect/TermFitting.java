package org.despin.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * Fits the {@link TermArcModel} (docs/detector.md "Terms"): sentences of the fit fold of the
 * TRAINING documents (never held-out text) that hold a term of the model's table (never one of
 * the evaluation's {@link TorturedPhrases#TERMS}), read with the LM rebuilt without that fold
 * ({@link FoldModel}); each sentence once as it is (every match there is false) and once with the
 * term spun by our spinner (Moby unless {@code -DfitSpinner=mythes}) at rate 1, where the match
 * of exactly the spun span to the term is the one true arc. Logistic regression (L2 1.0) on the
 * first half of the occurrences, AUROC and calibration on the second; prints the weights as Java.
 *
 * <pre>
 *   java -Xmx6g -cp $CP -DfoldLm=/tmp/tortured/fold-lm.dspm org.despin.detect.TermFitting MODEL [occurrences]
 * </pre>
 */
final class TermFitting {
    private TermFitting() {
    }

    /** A term occurring in a training sentence: the sentence text and the term's character span in it. */
    record Occurrence(String sentence, int start, int end, String term) {
    }

    public static void main(String[] args) throws Exception {
        Model base = Models.load(Path.of(args[0]));
        int wanted = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        String foldLm = System.getProperty("foldLm");
        Model model = FoldModel.forFitting(base, paths);
        String thesaurusName = System.getProperty("fitSpinner", SpinThesauri.MOBY);
        SpinThesaurus thesaurus = SpinThesauri.load(thesaurusName, paths);
        List<Occurrence> occurrences = occurrences(ArcFitting.trainingText(paths, foldLm != null), model, wanted);
        TermCandidates terms = new TermCandidates(model.terms(), model.lexicon(), model.lm());
        ArcFitting.ArcData train = new ArcFitting.ArcData();
        ArcFitting.ArcData test = new ArcFitting.ArcData();
        int spun = 0;
        int reached = 0;
        int half = occurrences.size() / 2;
        for (int n = 0; n < occurrences.size(); n++) {
            Occurrence o = occurrences.get(n);
            ArcFitting.ArcData out = n < half ? train : test;
            collect(terms, model.lm(), o.sentence(), -1, -1, null, out);
            String tortured = torture(thesaurus, o, n);
            if (tortured == null) {
                continue;
            }
            spun++;
            String text = o.sentence().substring(0, o.start()) + tortured + o.sentence().substring(o.end());
            out.edits++;
            if (collect(terms, model.lm(), text, o.start(), o.start() + tortured.length(), o.term(), out)) {
                reached++;
            }
        }
        System.out.printf(Locale.ROOT, "spinner %s: %d occurrences, %d spun, %d reached by a true match (%.1f %%);"
                + " train: %d arcs, %d positive; test: %d arcs, %d positive%n", thesaurusName, occurrences.size(), spun,
                reached, 100.0 * reached / Math.max(1, spun), train.x.size(), train.positives, test.x.size(),
                test.positives);
        double[] w = Logistic.fit(train.x, train.y, Double.parseDouble(System.getProperty("l2", "1.0")));
        System.out.println("new TermArcModel(" + Logistic.printWeights(w, TermArcModel.NAMES) + ")");
        report(w, test);
    }

    /**
     * The term's words of occurrence {@code n} spun at rate 1 (up to five seeds, the first that
     * changes something), or null when the spinner changes nothing.
     */
    static String torture(SpinThesaurus thesaurus, Occurrence o, int n) {
        for (int attempt = 0; attempt < 5; attempt++) {
            SpinResult s = new Spinner(thesaurus, SpinOptions.of(1.0, 7000 + 5 * n + attempt).withInsertionRate(0))
                    .spin(o.sentence().substring(o.start(), o.end()));
            if (!s.edits().isEmpty()) {
                return s.spunText();
            }
        }
        return null;
    }

    /**
     * Adds the term matches of the first sentence of {@code text} (features, label); a match is
     * true when it covers exactly characters {@code start..end} and names {@code term}. Returns
     * whether a true match was found.
     */
    static boolean collect(TermCandidates terms, org.despin.lm.LanguageModel lm, String text, int start, int end,
            String term, ArcFitting.ArcData out) {
        Document doc = Document.parse(text);
        boolean found = false;
        for (Sentence s : doc.sentences()) {
            LatticeBuilder.SentenceWords w = LatticeBuilder.SentenceWords.of(doc.tokens(), s);
            List<TermCandidates.Match> matches = terms.matches(w);
            List<double[]> features = features(lm, matches, w);
            for (int k = 0; k < matches.size(); k++) {
                TermCandidates.Match m = matches.get(k);
                Token first = doc.tokens().get(w.tokenIndex[m.from()]);
                Token last = doc.tokens().get(w.tokenIndex[m.to() - 1]);
                boolean positive = term != null && first.start() == start && last.end() == end
                        && m.candidate().original().equals(term);
                double[] x = new double[TermArcModel.SIZE + 1];
                x[0] = 1;
                System.arraycopy(features.get(k), 0, x, 1, TermArcModel.SIZE);
                out.x.add(x);
                out.y.add(positive ? 1 : 0);
                out.positives += positive ? 1 : 0;
                found |= positive;
            }
        }
        return found;
    }

    /** The {@link TermArcModel} features of each match of a sentence. */
    static List<double[]> features(org.despin.lm.LanguageModel lm, List<TermCandidates.Match> matches,
            LatticeBuilder.SentenceWords w) {
        int[] ids = new int[w.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = lm.vocabulary().id(w.normal[i]);
        }
        Evidence evidence = new Evidence(lm);
        evidence.sentence(ids, ids);
        List<double[]> out = new ArrayList<>(matches.size());
        for (TermCandidates.Match m : matches) {
            int i = m.from();
            int j = m.to();
            PreparedCandidate c = m.candidate();
            float obsContext = evidence.inContext(i, j, null);
            float obsIntrinsic = evidence.observedIntrinsic(i, j);
            evidence.gain(i, j, c, obsContext, evidence.partial(), obsIntrinsic, Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY);
            double rarest = 0;
            boolean unknown = false;
            for (int k = i; k < j; k++) {
                unknown |= ids[k] == org.despin.lm.Vocabulary.UNKNOWN;
                rarest = Math.min(rarest, unigram(lm, ids[k]));
            }
            int[] observed = java.util.Arrays.copyOfRange(ids, i, j);
            out.add(TermArcModel.features(c.candidate().logChannel(), c.ids().length, m.rivals(),
                    unknown ? 0 : cohesion(lm, observed), cohesion(lm, c.ids()), c.intrinsicLog10() - obsIntrinsic,
                    evidence.lastContext(), rarest, j - i, unknown));
        }
        return out;
    }

    private static double unigram(org.despin.lm.LanguageModel lm, int id) {
        org.despin.lm.LmState a = lm.newState();
        lm.emptyContext(a);
        return lm.score(a, id, lm.newState());
    }

    /** log10 P(phrase) minus its words' log10 P. */
    private static double cohesion(org.despin.lm.LanguageModel lm, int[] ids) {
        org.despin.lm.LmState a = lm.newState();
        org.despin.lm.LmState b = lm.newState();
        lm.emptyContext(a);
        double together = 0;
        double apart = 0;
        for (int id : ids) {
            together += lm.score(a, id, b);
            a.copyFrom(b);
            apart += unigram(lm, id);
        }
        return together - apart;
    }

    /**
     * Up to {@code wanted} sentences that hold a term of the table in plain lower-case words, at
     * most two per term, none of the evaluation's terms; in document order.
     */
    static List<Occurrence> occurrences(List<String> documents, Model model, int wanted) {
        Set<String> evaluation = new HashSet<>(TorturedPhrases.allTerms());
        Map<String, Integer> perTerm = new HashMap<>();
        List<Occurrence> out = new ArrayList<>();
        // every third document first, then the rest: spread over corpora and authors
        List<String> order = new ArrayList<>();
        for (int phase = 0; phase < 3; phase++) {
            for (int d = phase; d < documents.size(); d += 3) {
                order.add(documents.get(d));
            }
        }
        for (String text : order) {
            Document doc = Document.parse(text);
            for (Sentence s : doc.sentences()) {
                LatticeBuilder.SentenceWords w = LatticeBuilder.SentenceWords.of(doc.tokens(), s);
                int n = w.size();
                if (n < 6 || n > 40) {
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    for (int len = 2; len <= 3 && i + len <= n; len++) {
                        if (w.breakBefore[i + len - 1] || w.kind(i, i + len) != LatticeBuilder.SpanKind.PLAIN) {
                            break;
                        }
                        String phrase = String.join(" ", java.util.Arrays.asList(w.normal).subList(i, i + len));
                        if (!model.terms().contains(phrase) || evaluation.contains(phrase)
                                || perTerm.getOrDefault(phrase, 0) >= 2) {
                            continue;
                        }
                        perTerm.merge(phrase, 1, Integer::sum);
                        int sentenceStart = doc.tokens().get(s.firstToken()).start();
                        int sentenceEnd = doc.tokens().get(s.endToken() - 1).end();
                        String sentence = text.substring(sentenceStart, sentenceEnd);
                        int start = doc.tokens().get(w.tokenIndex[i]).start() - sentenceStart;
                        int end = doc.tokens().get(w.tokenIndex[i + len - 1]).end() - sentenceStart;
                        out.add(new Occurrence(sentence, start, end, phrase));
                        if (out.size() >= wanted) {
                            return out;
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void report(double[] w, ArcFitting.ArcData test) {
        List<Double> pos = new ArrayList<>();
        List<Double> neg = new ArrayList<>();
        double[] edges = {0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.0001};
        int[] count = new int[edges.length];
        int[] positive = new int[edges.length];
        double[] sum = new double[edges.length];
        for (int n = 0; n < test.x.size(); n++) {
            double p = Logistic.predict(w, test.x.get(n));
            int y = test.y.get(n);
            (y == 1 ? pos : neg).add(p);
            int b = 0;
            while (p >= edges[b + 1]) {
                b++;
            }
            count[b]++;
            positive[b] += y;
            sum[b] += p;
        }
        System.out.printf(Locale.ROOT, "test: AUROC %.4f over %d true and %d false term arcs%n",
                DetectorEvaluation.auroc(pos, neg), pos.size(), neg.size());
        for (int b = 0; b + 1 < edges.length; b++) {
            System.out.printf(Locale.ROOT, "  predicted %.2f-%.2f: %6d arcs, mean %.3f, observed %.3f%n", edges[b],
                    Math.min(1, edges[b + 1]), count[b], count[b] == 0 ? 0 : sum[b] / count[b],
                    count[b] == 0 ? 0 : (double) positive[b] / count[b]);
        }
    }
}
