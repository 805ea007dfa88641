package org.despin.data.lm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.despin.DespinException;
import org.despin.data.ComponentBuild;
import org.despin.data.DataPaths;
import org.despin.data.corpus.Corpus;
import org.despin.data.corpus.CorpusDocument;
import org.despin.data.corpus.DefaultCorpora;
import org.despin.data.corpus.DocCommentCorpus;
import org.despin.data.corpus.Provenance;
import org.despin.data.sphinx.SphinxTrieModel;
import org.despin.lm.LmFormat;
import org.despin.lm.LmText;
import org.despin.lm.build.BackoffMixer;
import org.despin.lm.build.BackoffSource;
import org.despin.lm.build.KneserNeyEstimator;
import org.despin.text.Tokenizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the default language model: a modified Kneser-Ney model of order {@value #ORDER} over the
 * training documents of the default corpora ({@link DefaultCorpora}; held-out documents are never
 * trained on), statically interpolated with the CMU Sphinx en-us trigram model, the weight chosen
 * by held-out perplexity ({@link MixWeight}).
 *
 * <pre>{@code
 * ComponentBuild lm = DefaultLmBuild.build(new DataPaths(DataPaths.defaultCache()));
 * }</pre>
 *
 * <p>Deterministic: corpora and documents are read in a fixed order, the estimator and the mixer
 * write n-grams in a fixed order, and the metadata is an insertion-ordered map without time stamps.
 */
public final class DefaultLmBuild {
    /** Order of the own model. */
    public static final int ORDER = 4;
    /**
     * The weight of the doc-comment prose ({@link DocCommentCorpus}) in the default mix, taken from the own
     * model's share: 0.65 own + 0.05 doc comments + 0.30 Sphinx (docs/detector.md "Doc comments as a
     * language-model component").
     */
    public static final double DOC_COMMENT_WEIGHT = 0.05;
    private static final Logger LOG = LoggerFactory.getLogger(DefaultLmBuild.class);

    private DefaultLmBuild() {
    }

    /**
     * The "lm" section of the default model and its build metadata: the default corpora, the doc-comment
     * prose at {@link #DOC_COMMENT_WEIGHT} and Sphinx.
     */
    public static ComponentBuild build(DataPaths paths) throws DespinException {
        return build(paths, DefaultCorpora.all(paths), new DocCommentCorpus(), DOC_COMMENT_WEIGHT);
    }

    /** The "lm" section built from the training documents of {@code corpora} (in this order). */
    public static ComponentBuild build(DataPaths paths, List<Corpus> corpora) throws DespinException {
        Components c = components(corpora);
        BackoffSource mixed;
        try {
            mixed = BackoffMixer.mix(c.own(), c.sphinx(), c.choice().lambda());
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.MODEL, "cannot mix the language models: " + e.getMessage(), e);
        }
        Map<String, String> meta = new LinkedHashMap<>(c.metadata());
        putCounts(meta, "lm.ngrams.", mixed);
        return new ComponentBuild(LmFormat.SECTION, LmFormat.section(mixed), meta);
    }

    /**
     * The "lm" section with a third component: the own model of {@code corpora} and the Sphinx model
     * as in {@link #build(DataPaths, List)} (the own model's weight {@code lambda} chosen the same
     * way), and a Kneser-Ney model of the training documents of {@code component} alone, which takes
     * {@code weight} of the own model's share: {@code (lambda - weight) own + weight component +
     * (1 - lambda) sphinx} ({@link #mixThree}). The component's own counts never enter the own
     * model's, so a small weight adds its collocations without diluting the others' statistics.
     *
     * @param weight the component's weight, in (0, lambda)
     */
    public static ComponentBuild build(DataPaths paths, List<Corpus> corpora, Corpus component, double weight)
            throws DespinException {
        Components c = components(corpora);
        Map<String, String> meta = new LinkedHashMap<>(c.metadata());
        double lambda = c.choice().lambda();
        if (!(weight > 0 && weight < lambda)) {
            throw new IllegalArgumentException("component weight must be in (0, " + lambda + "), got " + weight);
        }
        BackoffSource third = componentModel(component, meta);
        putCounts(meta, "lm." + component.name() + ".ngrams.", third);
        BackoffSource mixed;
        try {
            // in two steps, each input dropped once mixed: the own model's counts are most of the heap
            BackoffSource inner = mixComponent(c.own(), third, lambda, weight);
            SphinxTrieModel sphinx = c.sphinx();
            c = null;
            third = null;
            mixed = BackoffMixer.mix(inner, sphinx, lambda);
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.MODEL, "cannot mix the language models: " + e.getMessage(), e);
        }
        meta.put("lm.mix.rule", mixRule(lambda, component.name(), weight));
        meta.put(LmFormat.MIX_COMPONENT_KEY, component.name());
        meta.put(LmFormat.MIX_COMPONENT_KEY + ".weight", format(weight));
        putCounts(meta, "lm.ngrams.", mixed);
        return new ComponentBuild(LmFormat.SECTION, LmFormat.section(mixed), meta);
    }

    /**
     * The third component's model as the default build trains it: a Kneser-Ney model of order {@value #ORDER}
     * over the training documents of {@code component} alone (its held-out documents are never trained on);
     * its corpus figures ({@code lm.corpus.NAME.*}) are put into {@code meta}. Public for the fits' fold
     * language model (despin-data's test sources, {@code FoldModel}), which mixes the same component the same
     * way ({@link #mixComponent}).
     */
    public static BackoffSource componentModel(Corpus component, Map<String, String> meta) throws DespinException {
        KneserNeyEstimator estimator = new KneserNeyEstimator(ORDER);
        train(component, estimator, meta);
        return estimator.estimate();
    }

    /**
     * {@code (lambda - weight) own + weight third + (1 - lambda) sphinx}, mixed statically in two
     * steps: own with the third component at {@code (lambda - weight) / lambda}, then that with Sphinx
     * at {@code lambda} (static mixing of back-off models is exact interpolation of every stored
     * n-gram, so the two steps give the three weights).
     */
    static BackoffSource mixThree(BackoffSource own, BackoffSource third, BackoffSource sphinx, double lambda,
            double weight) throws IOException {
        return BackoffMixer.mix(mixComponent(own, third, lambda, weight), sphinx, lambda);
    }

    /**
     * The first step of {@link #mixThree}: the own model with the third component at
     * {@code (lambda - weight) / lambda}. {@link #build(DataPaths, List, Corpus, double)} takes the two
     * steps itself, so that each input can be dropped once mixed; so does the fits' fold language model
     * (despin-data's test sources, {@code FoldModel}), for which this is public: the second step is
     * {@code BackoffMixer.mix(inner, sphinx, lambda)}.
     */
    public static BackoffSource mixComponent(BackoffSource own, BackoffSource third, double lambda, double weight)
            throws IOException {
        return BackoffMixer.mix(own, third, ownShare(lambda, weight));
    }

    /** The own model's weight in the first step of {@link #mixThree}: its share of {@code lambda}. */
    static double ownShare(double lambda, double weight) {
        return (lambda - weight) / lambda;
    }

    /** The metadata value {@code lm.mix.rule} of a three-way mixture (public for {@code FoldModel}'s metadata). */
    public static String mixRule(double lambda, String component, double weight) {
        return String.format(Locale.ROOT, "%.2f own + %.2f %s + %.2f sphinx; own + %s = lambda, which minimises the"
                + " mean log held-out perplexity of own and sphinx", lambda - weight, weight, component, 1 - lambda,
                component);
    }

    /**
     * The two components, the chosen weight and the metadata so far (everything but the mixture).
     *
     * @param own the Kneser-Ney model over the training documents
     * @param sphinx the Sphinx en-us model
     * @param heldOut the held-out sentences (LM words) of each corpus, by corpus name, in corpus order
     * @param choice the mixture weight and the held-out figures behind it
     * @param metadata inputs, word counts, n-gram counts of the components, weight and perplexities
     */
    public record Components(BackoffSource own, SphinxTrieModel sphinx, Map<String, List<String[]>> heldOut,
            MixWeight.Choice choice, Map<String, String> metadata) {
    }

    /** Reads the corpora, trains the own model, reads the Sphinx model and chooses the weight. */
    public static Components components(DataPaths paths) throws DespinException {
        return components(DefaultCorpora.all(paths));
    }

    /** As {@link #components(DataPaths)}, the own model trained on {@code corpora} (in this order). */
    public static Components components(List<Corpus> corpora) throws DespinException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("lm.order", Integer.toString(ORDER));
        meta.put("lm.smoothing", "interpolated modified Kneser-Ney, back-off form");
        KneserNeyEstimator estimator = new KneserNeyEstimator(ORDER);
        Map<String, List<String[]>> heldOut = new LinkedHashMap<>();
        for (Corpus corpus : corpora) {
            heldOut.put(corpus.name(), train(corpus, estimator, meta));
        }
        BackoffSource own = estimator.estimate();
        putCounts(meta, "lm.own.ngrams.", own);
        SphinxTrieModel sphinx = SphinxTrieModel.loadEnUs();
        Provenance sp = SphinxTrieModel.EN_US.provenance();
        meta.put("lm.sphinx.source", sp.source());
        meta.put("lm.sphinx.sha256", sp.sha256());
        putCounts(meta, "lm.sphinx.ngrams.", sphinx);
        MixWeight.Choice choice = chooseWeight(heldOut, own, sphinx);
        meta.put("lm.mix.lambda", format(choice.lambda()));
        meta.put("lm.mix.rule", "lambda * own + (1 - lambda) * sphinx; lambda minimises the mean log held-out perplexity");
        meta.put("lm.heldOut.rule", "perplexity over the held-out words and sentence ends known to either component;"
                + " mix = exact interpolation at lambda");
        for (MixWeight.CorpusEvaluation e : choice.corpora()) {
            String prefix = "lm.heldOut." + e.corpus() + ".";
            meta.put(prefix + "tokens", Integer.toString(e.tokens()));
            meta.put(prefix + "perplexity.own", format(e.ownPerplexity()));
            meta.put(prefix + "perplexity.sphinx", format(e.sphinxPerplexity()));
            meta.put(prefix + "perplexity.mix", format(e.mix(choice.index())));
        }
        return new Components(own, sphinx, heldOut, choice, meta);
    }

    /**
     * Feeds the training documents of {@code corpus} to the estimator, records the corpus in the
     * metadata, and returns the sentences of its held-out documents.
     */
    private static List<String[]> train(Corpus corpus, KneserNeyEstimator estimator, Map<String, String> meta)
            throws DespinException {
        Provenance p = corpus.provenance();
        String prefix = "lm.corpus." + corpus.name() + ".";
        meta.put(prefix + "source", p.source());
        meta.put(prefix + "sha256", p.sha256());
        long trainingWords = 0;
        long heldOutWords = 0;
        int trainingDocs = 0;
        List<String[]> heldOut = new ArrayList<>();
        List<CorpusDocument> documents = corpus.read();
        for (CorpusDocument d : documents) {
            List<String[]> sentences = LmText.sentenceWords(Tokenizer.DEFAULT.parse(d.text()));
            for (String[] s : sentences) {
                if (d.heldOut()) {
                    heldOut.add(s);
                    heldOutWords += s.length;
                } else {
                    estimator.addSentence(s);
                    trainingWords += s.length;
                }
            }
            trainingDocs += d.heldOut() ? 0 : 1;
        }
        meta.put(prefix + "documents", Integer.toString(trainingDocs));
        meta.put(prefix + "words", Long.toString(trainingWords));
        meta.put(prefix + "heldOutDocuments", Integer.toString(documents.size() - trainingDocs));
        meta.put(prefix + "heldOutWords", Long.toString(heldOutWords));
        LOG.info("{}: {} training words in {} documents, {} held-out words", corpus.name(), trainingWords,
                trainingDocs, heldOutWords);
        return heldOut;
    }

    private static void putCounts(Map<String, String> meta, String prefix, BackoffSource model) {
        for (int n = 1; n <= model.order(); n++) {
            meta.put(prefix + n, Long.toString(model.count(n)));
        }
    }

    private static MixWeight.Choice chooseWeight(Map<String, List<String[]>> heldOut, BackoffSource own,
            SphinxTrieModel sphinx) throws DespinException {
        List<MixWeight.CorpusScores> scores = new ArrayList<>();
        try {
            for (Map.Entry<String, List<String[]>> e : heldOut.entrySet()) {
                HeldOutScorer scorer = new HeldOutScorer(e.getValue(), ORDER);
                scores.add(new MixWeight.CorpusScores(e.getKey(), scorer.score(own), scorer.score(sphinx)));
            }
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.MODEL, "cannot score the held-out text: " + e.getMessage(), e);
        }
        MixWeight.Choice choice = MixWeight.choose(scores);
        LOG.info("mixture weight of the own model: {}", choice.lambda());
        return choice;
    }

    private static String format(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }
}
