package org.despin.detect;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.despin.data.DataPaths;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmState;
import org.despin.lm.Vocabulary;
import org.despin.model.Model;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Spinner;
import org.despin.text.Document;
import org.despin.text.Sentence;

/**
 * Candidate document-score features beyond {@link DocumentFeatures}, written as TSV for offline
 * fits (DetectorEvaluation {@code docstudy N}, docs/detector.md "Document score: the finding model's
 * surest candidates"). Every passage is traced with spunBoost 0, so that the lattices and the decode are
 * those the score is computed from (the boost only follows the score).
 *
 * <p>{@code -Dstudy=fit}: N 100-150-word passages of the fit fold of the TRAINING documents, read
 * with the fold LM ({@code -DfoldLm}), each clean and spun once at 0.05/0.1/0.2/0.3 in turn by the
 * Moby and the WordNet training spinner alternately (never MyThes). Otherwise: the N held-out
 * passages of {@code docs} (the same passages and spins: MyThes at 0.1, seeds 100001...).
 */
final class DocumentFeatureStudy {
    /** Unigram log10 bands of the LM-oddness counts: [-inf,-6), [-6,-5), [-5,-4), [-4,-3), [-3, 0]. */
    static final double[] BANDS = {-6, -5, -4, -3};

    private DocumentFeatureStudy() {
    }

    static List<String> columns() {
        List<String> c = new ArrayList<>(List.of("label", "rate", "group", "modern", "train"));
        c.addAll(DocumentScorer.FEATURES);
        c.addAll(List.of("words", "fmSum", "fmAbove05", "fmAbove03", "fmFlags", "fmTop1", "fmTop3",
                "fmBiasedSum", "fmNoisyOr", "fmNegLogNone", "fmTop3Logit", "fmTop1Fixed", "fmTop3Fixed", "fmSumFixed", "posLogOdds", "top3LogOdds", "spansAboveM1", "spansAboveM2", "expShifted2"));
        for (String kind : List.of("all", "elig")) {
            for (int b = 0; b <= BANDS.length; b++) {
                c.add(kind + "N" + b);
                c.add(kind + "Iso" + b);
            }
        }
        c.addAll(List.of("edits", "candidatesOnEdits", "bestOnEdit"));
        return c;
    }

    static void run(Model model, DetectorSettings settings, SpinThesaurus heldOutThesaurus,
            List<DetectorEvaluation.Labelled> heldOut150, DataPaths paths, int count) throws Exception {
        boolean fit = "fit".equals(System.getProperty("study"));
        Model m = fit ? FoldModel.forFitting(model, paths) : model;
        Detector detector = new Detector(m, settings.with().spunBoost(0).build());
        StringBuilder out = new StringBuilder(String.join("\t", columns())).append('\n');
        if (fit) {
            List<String> passages = DetectorEvaluation.passages(ArcFitting.trainingText(paths,
                    System.getProperty("foldLm") != null), 100, 150, count);
            Spinner[] training = TrainingSpinners.load(paths, model.lm()); // -DtrainSpin: the variant
            double[] rates = {0.05, 0.1, 0.2, 0.3};
            for (int i = 0; i < passages.size(); i++) {
                double rate = rates[i % rates.length];
                Spinner spinner = training[(i / rates.length) % training.length];
                SpinResult s = spinner.withOptions(SpinOptions.of(rate, 1001 + i)).spin(passages.get(i));
                boolean train = i < passages.size() / 2;
                row(out, detector, passages.get(i), List.of(), 0, 0, "fit", false, train);
                row(out, detector, s.spunText(), s.edits(), 1, rate, "fit", false, train);
            }
        } else {
            Spinner spinner = new Spinner(heldOutThesaurus, SpinOptions.of(0.1, 7));
            int seed = 100000;
            for (DetectorEvaluation.Labelled p : heldOut150) {
                SpinResult s = spinner.withOptions(SpinOptions.of(0.1, ++seed)).spin(p.text());
                String group = String.valueOf(p.group());
                boolean modern = p.group() != null && p.group().modern;
                row(out, detector, p.text(), List.of(), 0, 0, group, modern, false);
                row(out, detector, s.spunText(), s.edits(), 1, 0.1, group, modern, false);
            }
        }
        Path file = Path.of(System.getProperty("studyOut", "/tmp/docstudy.tsv"));
        Files.writeString(file, out, StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }

    private static void row(StringBuilder out, Detector detector, String text, List<org.despin.spin.Edit> edits, int label,
            double rate, String group, boolean modern, boolean train) {
        Detector.Trace t = detector.trace(text, CheckOptions.DEFAULTS);
        out.append(label).append('\t').append(rate).append('\t').append(group).append('\t').append(modern)
                .append('\t').append(train);
        for (double v : DocumentScorer.vector(t.features())) {
            out.append('\t').append(v);
        }
        for (double v : extra(detector, t)) {
            out.append('\t').append(String.format(Locale.ROOT, "%.6g", v));
        }
        // reach: the spinner's edits, and the candidate findings on one (and their best probability)
        int onEdit = 0;
        double bestOnEdit = 0;
        FindingBuilder fb = new FindingBuilder(t.doc(), t.estimate(), null, 0.5);
        for (FindingBuilder.Candidate c : fb.candidates(t.lattices())) {
            Lattice lattice = t.lattices().get(c.lattice());
            Arc arc = lattice.arcs[c.arc()];
            int start = t.doc().tokens().get(lattice.tokenIndex[arc.from()]).start();
            int end = t.doc().tokens().get(lattice.tokenIndex[arc.to() - 1]).end();
            boolean hit = false;
            for (org.despin.spin.Edit e : edits) {
                hit |= e.start() < end && start < e.end();
            }
            if (hit) {
                onEdit++;
                bestOnEdit = Math.max(bestOnEdit, FindingModel.DEFAULTS.probability(c.features()));
            }
        }
        out.append('\t').append(edits.size()).append('\t').append(onEdit).append('\t')
                .append(String.format(Locale.ROOT, "%.6g", bestOnEdit));
        out.append('\n');
    }

    /** The candidate features of one traced document, in {@link #columns} order after the scorer's. */
    static double[] extra(Detector detector, Detector.Trace t) {
        int words = t.doc().wordCount();
        double per100 = words == 0 ? 0 : 100.0 / words;
        // second stage: the finding model's probabilities over the unboosted decode's candidates, at a
        // neutral spin score (the score is what they feed)
        FindingModel fm = FindingModel.DEFAULTS;
        FindingBuilder fb = new FindingBuilder(t.doc(), t.estimate(), null, 0.5);
        List<Double> probs = new ArrayList<>();
        List<Double> fixed = new ArrayList<>();
        double sumFixed = 0;
        double none = 0;
        double sum = 0;
        double biasedSum = 0;
        int above05 = 0;
        int above03 = 0;
        int flags = 0;
        for (FindingBuilder.Candidate c : fb.candidates(t.lattices())) {
            double p = fm.probability(c.features());
            double q = fm.confidence(c.features());
            double[] x = c.features().clone();
            x[5] = Math.log(0.05 / 0.95); // the rate's feature at a fixed rate: the candidate's own evidence
            double pf = fm.probability(x);
            fixed.add(pf);
            sumFixed += pf;
            none += -Math.log(Math.max(1e-6, 1 - p));
            probs.add(p);
            sum += p;
            biasedSum += q;
            above05 += p >= 0.5 ? 1 : 0;
            above03 += p >= 0.3 ? 1 : 0;
            flags += q >= 0.5 ? 1 : 0;
        }
        probs.sort(java.util.Collections.reverseOrder());
        double top1 = probs.isEmpty() ? 0 : probs.get(0);
        double top3 = 0;
        for (int k = 0; k < Math.min(3, probs.size()); k++) {
            top3 += probs.get(k);
        }
        fixed.sort(java.util.Collections.reverseOrder());
        double top1Fixed = fixed.isEmpty() ? 0 : fixed.get(0);
        double top3Fixed = 0;
        double top3Logit = 0;
        for (int k = 0; k < 3; k++) {
            top3Fixed += k < fixed.size() ? fixed.get(k) : 0;
            double pk = k < probs.size() ? Math.max(1e-4, Math.min(1 - 1e-4, probs.get(k))) : 0.0025;
            top3Logit += Math.max(-6, Math.log(pk / (1 - pk)));
        }
        // the arc model's log-odds of every span's best candidate (as the scorer's arc summary)
        List<Double> spans = bestSpanLogOdds(t.lattices(), detector.settings().arcModel());
        double pos = 0;
        int aboveM1 = 0;
        int aboveM2 = 0;
        double shifted = 0;
        for (double z : spans) {
            pos += Math.max(0, z);
            aboveM1 += z > -1 ? 1 : 0;
            aboveM2 += z > -2 ? 1 : 0;
            shifted += 1 / (1 + Math.exp(-(z + 2)));
        }
        spans.sort(java.util.Collections.reverseOrder());
        double top3z = 0;
        for (int k = 0; k < 3; k++) {
            top3z += k < spans.size() ? Math.max(-6, spans.get(k)) : -6;
        }
        double[] lm = oddness(detector, t.doc());
        double[] head = {words, sum * per100, above05 * per100, above03 * per100, flags * per100, top1, top3,
            biasedSum * per100, 1 - Math.exp(-none), none, top3Logit, top1Fixed, top3Fixed,
            sumFixed * per100, pos * per100, top3z, aboveM1 * per100, aboveM2 * per100, shifted * per100};
        double[] all = Arrays.copyOf(head, head.length + lm.length);
        System.arraycopy(lm, 0, all, head.length, lm.length);
        return all;
    }

    static List<Double> bestSpanLogOdds(List<Lattice> lattices, ArcModel model) {
        List<Double> out = new ArrayList<>();
        if (model == null) {
            return out;
        }
        for (Lattice lattice : lattices) {
            java.util.Map<Long, Double> best = new java.util.HashMap<>();
            for (Arc arc : lattice.arcs) {
                if (arc.isKeep() || arc.features() == null) {
                    continue;
                }
                best.merge(((long) arc.from() << 32) | arc.to(), model.logOdds(arc.features()), Math::max);
            }
            out.addAll(best.values());
        }
        return out;
    }

    /**
     * Content words (not function words, known to the LM, with a neighbour in the sentence) by
     * unigram band: how many, and how many form a stored bigram with neither neighbour; all content
     * words, then those the lexicon knows (the words a spinner could have replaced).
     */
    static double[] oddness(Detector detector, Document doc) {
        LanguageModel lm = detector.model().lm();
        Vocabulary v = lm.vocabulary();
        int bands = BANDS.length + 1;
        double[] out = new double[4 * bands];
        LmState empty = lm.newState();
        LmState s = lm.newState();
        for (Sentence sentence : doc.sentences()) {
            LatticeBuilder.SentenceWords w = LatticeBuilder.SentenceWords.of(doc.tokens(), sentence);
            int n = w.size();
            if (n < 2) {
                continue;
            }
            int[] ids = w.ids(v);
            for (int i = 0; i < n; i++) {
                String word = w.normal[i];
                if (ids[i] == Vocabulary.UNKNOWN || FunctionWords.contains(word) || !Character.isLetter(word.charAt(0))) {
                    continue;
                }
                boolean stored = false;
                if (i > 0 && ids[i - 1] != Vocabulary.UNKNOWN) {
                    lm.emptyContext(s);
                    lm.score(s, ids[i - 1], s);
                    stored |= lm.matchedOrder(s, ids[i]) >= 2;
                }
                if (i + 1 < n && ids[i + 1] != Vocabulary.UNKNOWN) {
                    lm.emptyContext(s);
                    lm.score(s, ids[i], s);
                    stored |= lm.matchedOrder(s, ids[i + 1]) >= 2;
                }
                lm.emptyContext(empty);
                double uni = lm.score(empty, ids[i], s);
                int band = 0;
                while (band < BANDS.length && uni >= BANDS[band]) {
                    band++;
                }
                boolean eligible = !detector.model().lexicon().candidates(word).isEmpty();
                for (int kind = 0; kind < (eligible ? 2 : 1); kind++) {
                    out[kind * 2 * bands + 2 * band]++;
                    out[kind * 2 * bands + 2 * band + 1] += stored ? 0 : 1;
                }
            }
        }
        return out;
    }
}
