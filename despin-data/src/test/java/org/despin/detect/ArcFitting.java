package org.despin.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.despin.data.DataPaths;
import org.despin.data.corpus.Corpus;
import org.despin.data.corpus.CorpusDocument;
import org.despin.data.corpus.DefaultCorpora;
import org.despin.data.spin.SpinThesauri;
import org.despin.model.Model;
import org.despin.spin.Edit;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Spinner;
import org.despin.text.Document;
import org.despin.text.Token;
import org.despin.text.TokenType;

/**
 * Fits the {@link ArcModel} (DetectorEvaluation {@code fitarcs N}): TRAINING passages of the
 * default corpora (never the held-out ones), clean and spun by our spinner with Moby at rates
 * 0.05-0.4 (the fits' TrainingSpinners, or {@code -DfitSpinner}), first-pass lattices built with every admitted candidate kept; an arc is positive when
 * its observed span is exactly an edit's span and its candidate is the edit's original (both
 * normalised). Logistic regression on the first half of the passages, calibration and AUROC on
 * the second half; prints the coefficients as Java for {@link ArcModel#DEFAULTS}.
 */
final class ArcFitting {
    private static final double[] RATES = {0, 0.05, 0.1, 0.2, 0.3, 0.4};

    private static final int[] DROPPED = java.util.Arrays.stream(System.getProperty("dropFeatures", "").split(","))
            .filter(n -> !n.isBlank()).mapToInt(ArcFeatures.NAMES::indexOf).toArray();

    private ArcFitting() {
    }

    /** Features and labels of the arcs of a set of passages, and the prior they carry. */
    static final class ArcData {
        final List<double[]> x = new ArrayList<>();
        final List<Integer> y = new ArrayList<>();
        long eligibleWords;
        long edits;
        long positives;

        double rate() {
            return (double) positives / Math.max(1, eligibleWords);
        }
    }

    static void fit(Model model, DetectorSettings base, DataPaths paths, int passages) throws Exception {
        // -DfitSpinner=NAME (moby, moby+wordnet, ...): the thesauri of before; without it the training
        // spinners of the other fits (TrainingSpinners, -DtrainSpin: plain = Moby and WordNet in turn,
        // the same passages and seeds as -DfitSpinner=moby+wordnet; mix = four spinners of spread rarity)
        String thesaurusName = System.getProperty("fitSpinner");
        Spinner[] spinners = null;
        if (thesaurusName != null) {
            boolean mixed = thesaurusName.equals("moby+wordnet");
            SpinThesaurus thesaurus = SpinThesauri.load(mixed ? SpinThesauri.MOBY : thesaurusName, paths);
            SpinThesaurus second = mixed ? WordNetSpinThesaurus.load() : thesaurus;
            spinners = new Spinner[] {new Spinner(thesaurus, SpinOptions.of(0.1, 1)), new Spinner(second, SpinOptions.of(0.1, 1))};
        } else {
            thesaurusName = "trainSpin " + System.getProperty("trainSpin", "plain");
        }
        // -DfoldLm=PATH (docs/detector.md): read only the fit fold with the LM that never saw it
        String foldLm = System.getProperty("foldLm");
        if (foldLm != null) {
            model = FoldModel.load(model, paths, java.nio.file.Path.of(foldLm));
        }
        List<String> training = DetectorEvaluation.passages(trainingText(paths, foldLm != null), 200, 300, passages);
        // every admitted candidate enters the data, whatever the arc model would rank first
        // (the span features are filled in only under an arc model; its weights do not change the data)
        DetectorSettings settings = base.with().maxCandidatesPerSpan(base.candidatePool())
                .arcModel(base.arcModel() == null ? ArcModel.DEFAULTS : base.arcModel()).build();
        CandidateTable table = new CandidateTable(model.lexicon(), model.lm(), settings);
        LatticeBuilder builder = new LatticeBuilder(model.lm(), table, settings);
        int half = training.size() / 2;
        ArcData train = new ArcData();
        ArcData test = new ArcData();
        if (spinners == null) {
            spinners = TrainingSpinners.load(paths, model.lm());
        }
        for (int i = 0; i < training.size(); i++) {
            double rate = RATES[i % RATES.length];
            String text = training.get(i);
            List<Edit> edits = List.of();
            if (rate > 0) {
                // passages of one rate cycle through the spinners (two: i / 6 odd takes the second)
                Spinner sp = spinners[(i / RATES.length) % spinners.length];
                SpinResult s = sp.withOptions(SpinOptions.of(rate, 5000 + i)).spin(text);
                text = s.spunText();
                edits = s.edits();
            }
            collect(builder, text, edits, i < half ? train : test);
        }
        System.out.printf(Locale.ROOT, "spinner %s, %d training passages; train: %d arcs, %d positive, %d edits, "
                + "%d eligible words (rate of restorable edits %.4f); test: %d arcs, %d positive%n", thesaurusName,
                training.size(), train.x.size(), train.positives, train.edits, train.eligibleWords, train.rate(),
                test.x.size(), test.positives);
        double l2 = Double.parseDouble(System.getProperty("l2", "1.0"));
        String onTop = System.getProperty("fitOnTop");
        if (onTop != null) {
            fitOnTop(settings.arcModel().weights(), onTop, train, test, l2);
            return;
        }
        double[] w = Logistic.fit(train.x, train.y, l2);
        System.out.println("weights:");
        String java = Logistic.printWeights(w, ArcFeatures.NAMES);
        System.out.println("new ArcModel(" + java + String.format(Locale.ROOT, ", %.4f)", train.rate()));
        report(w, test);
        // the same test half under the weights the lattices were built with (ArcModel.DEFAULTS or -DarcModel)
        double[] inUse = settings.arcModel().weights().clone();
        for (int k : DROPPED) {
            inUse[k + 1] = 0;
        }
        System.out.println("weights in use, same test half:");
        report(inUse, test);
    }

    /**
     * -DfitOnTop=name,name (branch `channel25`): the weights in use kept as one column (their log-odds, scale fitted) and
     * only the intercept and the named features fitted beside it; prints the composed model (scale times the weights in
     * use plus the fitted ones) and its test half beside the weights in use.
     */
    private static void fitOnTop(double[] inUse, String names, ArcData train, ArcData test, double l2) {
        int[] cols = java.util.Arrays.stream(names.split(",")).mapToInt(ArcFeatures.NAMES::indexOf).toArray();
        java.util.function.Function<double[], double[]> reduce = x -> {
            double[] r = new double[2 + cols.length];
            r[0] = 1;
            r[1] = Logistic.predictLogit(inUse, x);
            for (int k = 0; k < cols.length; k++) {
                r[2 + k] = x[cols[k] + 1];
            }
            return r;
        };
        List<double[]> x = new ArrayList<>();
        for (double[] row : train.x) {
            x.add(reduce.apply(row));
        }
        double[] b = Logistic.fit(x, train.y, l2);
        double[] w = new double[inUse.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = b[1] * inUse[k];
        }
        w[0] += b[0];
        for (int k = 0; k < cols.length; k++) {
            w[cols[k] + 1] += b[2 + k];
        }
        System.out.printf(Locale.ROOT, "on top of the weights in use: intercept %+.4f, scale %.4f, %s %s%n", b[0], b[1], names,
                java.util.Arrays.toString(java.util.Arrays.copyOfRange(b, 2, b.length)));
        String java = Logistic.printWeights(w, ArcFeatures.NAMES);
        System.out.println("new ArcModel(" + java + String.format(Locale.ROOT, ", %.4f)", train.rate()));
        report(w, test);
        System.out.println("weights in use, same test half:");
        report(inUse, test);
    }

    /** AUROC, log-loss and a calibration table (predicted vs observed by decile of prediction) on held-back arcs. */
    private static void report(double[] w, ArcData test) {
        List<Double> pos = new ArrayList<>();
        List<Double> neg = new ArrayList<>();
        double logLoss = 0;
        double[] p = new double[test.x.size()];
        for (int n = 0; n < p.length; n++) {
            p[n] = Logistic.predict(w, test.x.get(n));
            int y = test.y.get(n);
            (y == 1 ? pos : neg).add(p[n]);
            logLoss -= Math.log(Math.max(1e-12, y == 1 ? p[n] : 1 - p[n]));
        }
        System.out.printf(Locale.ROOT, "test arcs: AUROC %.4f, log-loss %.4f per arc (prior only: %.4f)%n",
                DetectorEvaluation.auroc(pos, neg), logLoss / p.length, priorLoss(pos.size(), neg.size()));
        double[] edges = {0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.0001};
        for (int b = 0; b + 1 < edges.length; b++) {
            int count = 0;
            int positive = 0;
            double sum = 0;
            for (int n = 0; n < p.length; n++) {
                if (p[n] >= edges[b] && p[n] < edges[b + 1]) {
                    count++;
                    positive += test.y.get(n);
                    sum += p[n];
                }
            }
            System.out.printf(Locale.ROOT, "  predicted %.2f-%.2f: %6d arcs, mean predicted %.3f, observed %.3f%n",
                    edges[b], Math.min(1, edges[b + 1]), count, count == 0 ? 0 : sum / count,
                    count == 0 ? 0 : (double) positive / count);
        }
    }

    private static double priorLoss(int pos, int neg) {
        double q = (double) pos / (pos + neg);
        return -(q * Math.log(q) + (1 - q) * Math.log(1 - q));
    }

    /** Adds the substitution arcs of the first-pass lattices of {@code text}, labelled by {@code edits}. */
    static void collect(LatticeBuilder builder, String text, List<Edit> edits, ArcData out) {
        Document doc = Document.parse(text);
        LatticeBuilder.Result result = builder.build(doc);
        out.eligibleWords += result.eligibleWords();
        out.edits += edits.size();
        for (Lattice lattice : result.lattices()) {
            for (Arc arc : lattice.arcs) {
                if (arc.isKeep() || arc.features() == null) {
                    continue;
                }
                int start = doc.tokens().get(lattice.tokenIndex[arc.from()]).start();
                int end = doc.tokens().get(lattice.tokenIndex[arc.to() - 1]).end();
                boolean positive = false;
                for (Edit e : edits) {
                    if (e.start() == start && e.end() == end && normal(e.original()).equals(arc.candidate().original())) {
                        positive = true;
                        break;
                    }
                }
                double[] x = new double[ArcFeatures.SIZE + 1];
                x[0] = 1;
                System.arraycopy(arc.features(), 0, x, 1, ArcFeatures.SIZE);
                for (int k : DROPPED) {
                    x[k + 1] = 0; // a zero column keeps a zero weight (-DdropFeatures=name,name: ablation)
                }
                out.x.add(x);
                out.y.add(positive ? 1 : 0);
                out.positives += positive ? 1 : 0;
            }
        }
    }

    static String normal(String phrase) {
        return String.join(" ", Document.parse(phrase).tokens().stream()
                .filter(t -> t.type() == TokenType.WORD || t.type() == TokenType.NUMBER).map(Token::normal).toList());
    }

    /** The TRAINING documents of SOTU, Brown and Europarl (the model was built from these; never the held-out ones). */
    static List<String> trainingText(DataPaths paths, boolean fitFoldOnly) throws Exception {
        List<String> out = new ArrayList<>();
        for (Corpus c : DefaultCorpora.all(paths)) {
            if (c.name().startsWith("wordnet")) {
                continue;
            }
            for (CorpusDocument d : DefaultCorpora.training(c)) {
                if (!fitFoldOnly || FoldModel.inFitFold(d)) {
                    out.add(d.text());
                }
            }
        }
        return out;
    }
}
