package org.despin.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.despin.data.DataPaths;
import org.despin.data.corpus.Corpus;
import org.despin.data.corpus.CorpusDocument;
import org.despin.data.corpus.DefaultCorpora;
import org.despin.data.corpus.DocCommentCorpus;
import org.despin.data.lm.DefaultLmBuild;
import org.despin.data.sphinx.SphinxTrieModel;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmFormat;
import org.despin.lm.LmText;
import org.despin.lm.build.BackoffMixer;
import org.despin.lm.build.BackoffSource;
import org.despin.lm.build.KneserNeyEstimator;
import org.despin.model.Model;
import org.despin.model.ModelFile;
import org.despin.model.ModelInfo;
import org.despin.text.Tokenizer;

/**
 * Cross-fitting for the arc model. The default LM was trained on every TRAINING document, so on
 * those documents the original n-grams are all stored and the context evidence is far stronger
 * than on unseen text; a classifier fitted there learns to trust the evidence too much. This
 * builds the default LM again (same order, smoothing, Sphinx mixture weight and, since stop 18, the doc-comment
 * component at the base model's weight) without a "fit
 * fold" of the training documents ({@link #inFitFold}); {@link ArcFitting} spins only those
 * documents and reads them with this LM, so the fold is as new to the LM as held-out text is to
 * the default one. Held-out documents are in neither.
 */
final class FoldModel {
    private FoldModel() {
    }

    /** About one training document in five, by a hash of corpus and id different from the held-out split's. */
    static boolean inFitFold(CorpusDocument d) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(("fit-fold/" + d.corpus() + "/" + d.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return !d.heldOut() && crc.getValue() % 5 == 0;
    }

    /**
     * {@code -DfoldDrop=N} (2 to 5; default 1, the fit fold alone): the fold LM also leaves out the training documents of
     * the next N - 1 folds of the same hash, for a learning curve of the LM's own data read on the held-out sets
     * ({@code DetectorEvaluation -DevalFoldLm=true}; lead, stop 31). Never for a fit.
     */
    static boolean inDroppedFolds(CorpusDocument d) {
        int drop = Integer.getInteger("foldDrop", 1);
        if (drop <= 1) {
            return false;
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(("fit-fold/" + d.corpus() + "/" + d.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return !d.heldOut() && crc.getValue() % 5 < drop;
    }

    /**
     * The model a fit reads its training passages with: with {@code -DfoldLm=PATH} the model's
     * lexicon and terms with the fold LM ({@link #load}); without it the model itself, after a
     * warning (its LM stored the passages' n-grams, so the evidence looks stronger than on new text).
     */
    static Model forFitting(Model model, DataPaths paths) throws Exception {
        String foldLm = System.getProperty("foldLm");
        if (foldLm == null) {
            System.out.println("WARNING: no -DfoldLm: training passages read with the LM that stored their n-grams");
            return model;
        }
        Model fold = load(model, paths, Path.of(foldLm));
        return new Model(fold.lm(), model.lexicon(), fold.info(), model.terms(), model.names());
    }

    /**
     * The default model with its LM rebuilt without the fit fold (cached at {@code lmFile}), mixed as the base
     * model's LM was ({@link #mixture}): own model without the fold and Sphinx at the base's {@code lm.mix.lambda};
     * when the base names the doc-comment component ({@code lm.mix.component = doc-comments}, the default build
     * since stop 18), that component at the base's weight too, trained and mixed by {@link DefaultLmBuild}'s own
     * steps. The cache file's metadata records the mixture ({@link #metadata}); a cache whose metadata does not
     * match the base's is refused, not silently used.
     */
    static Model load(Model defaults, DataPaths paths, Path lmFile) throws Exception {
        Map<String, String> base = defaults.info().metadata();
        Map<String, String> expected = metadata(base);
        if (!Files.exists(lmFile)) {
            KneserNeyEstimator estimator = new KneserNeyEstimator(DefaultLmBuild.ORDER);
            for (Corpus corpus : DefaultCorpora.all(paths)) {
                for (CorpusDocument d : DefaultCorpora.training(corpus)) {
                    if (!inFitFold(d) && !inDroppedFolds(d)) {
                        for (String[] s : LmText.sentenceWords(Tokenizer.DEFAULT.parse(d.text()))) {
                            estimator.addSentence(s);
                        }
                    }
                }
            }
            BackoffSource own = estimator.estimate();
            estimator = null; // the counts are not needed any more
            Corpus component = component(base);
            BackoffSource third = component == null ? null : DefaultLmBuild.componentModel(component, new LinkedHashMap<>());
            BackoffSource mixed = mixture(own, third, SphinxTrieModel.loadEnUs(), lambda(base), componentWeight(base));
            Path tmp = lmFile.resolveSibling(lmFile.getFileName() + ".tmp");
            try (ModelFile.Writer w = new ModelFile.Writer(tmp)) {
                w.section(LmFormat.SECTION, LmFormat.section(mixed));
                w.finish(expected);
            }
            Files.move(tmp, lmFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        ModelFile file = ModelFile.open(lmFile);
        Map<String, String> cached = file.info().metadata();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            if (!e.getValue().equals(cached.get(e.getKey()))) {
                throw new IllegalStateException("fold LM " + lmFile + " was built for another mixture: " + e.getKey() + " = "
                        + cached.get(e.getKey()) + ", the base model needs " + e.getValue() + " (delete it to rebuild)");
            }
        }
        LanguageModel lm = LmFormat.read(file);
        return new Model(lm, defaults.lexicon(), new ModelInfo(1, Map.of("model", "fit fold")));
    }

    /** The base model's own-model weight {@code lm.mix.lambda}. */
    static double lambda(Map<String, String> base) {
        return Double.parseDouble(base.get("lm.mix.lambda"));
    }

    /**
     * The third component the base model's LM mixes in: the doc-comment prose ({@link DocCommentCorpus}) when its
     * metadata says {@code lm.mix.component = doc-comments}, null when it has no component; another component
     * is refused (the fold LM could not match it).
     */
    static Corpus component(Map<String, String> base) {
        String name = base.get(LmFormat.MIX_COMPONENT_KEY);
        if (name == null) {
            return null;
        }
        if (!name.equals(DetectorSettings.DOC_COMMENTS)) {
            throw new IllegalArgumentException("fold LM: no recipe for the LM component " + name);
        }
        return new DocCommentCorpus();
    }

    /**
     * The component's weight: the base's {@code lm.mix.component.weight} (the default build writes it), else
     * {@link DefaultLmBuild#DOC_COMMENT_WEIGHT}; NaN without a component.
     */
    static double componentWeight(Map<String, String> base) {
        if (base.get(LmFormat.MIX_COMPONENT_KEY) == null) {
            return Double.NaN;
        }
        String w = base.get(LmFormat.MIX_COMPONENT_KEY + ".weight");
        return w == null ? DefaultLmBuild.DOC_COMMENT_WEIGHT : Double.parseDouble(w);
    }

    /**
     * The fold LM's mixture: {@code lambda own + (1 - lambda) sphinx} without a component ({@code third} null), else
     * {@code (lambda - weight) own + weight third + (1 - lambda) sphinx} in the default build's two steps
     * ({@link DefaultLmBuild#mixComponent}, then Sphinx at {@code lambda}).
     */
    static BackoffSource mixture(BackoffSource own, BackoffSource third, BackoffSource sphinx, double lambda,
            double weight) throws java.io.IOException {
        BackoffSource inner = third == null ? own : DefaultLmBuild.mixComponent(own, third, lambda, weight);
        return BackoffMixer.mix(inner, sphinx, lambda);
    }

    /** The metadata of the fold LM built for a base model with metadata {@code base} (what the cache must carry). */
    static Map<String, String> metadata(Map<String, String> base) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("model", "default LM without the arc model's fit fold");
        meta.put("lm.mix.lambda", Double.toString(lambda(base)));
        if (Integer.getInteger("foldDrop", 1) > 1) {
            meta.put("fold.drop", Integer.toString(Integer.getInteger("foldDrop", 1)));
        }
        Corpus component = component(base);
        if (component != null) {
            double weight = componentWeight(base);
            meta.put(LmFormat.MIX_COMPONENT_KEY, component.name());
            meta.put(LmFormat.MIX_COMPONENT_KEY + ".weight", String.format(java.util.Locale.ROOT, "%.2f", weight));
            meta.put("lm.mix.rule", DefaultLmBuild.mixRule(lambda(base), component.name(), weight));
        } else {
            meta.put("lm.mix.rule", "lambda * own + (1 - lambda) * sphinx");
        }
        return meta;
    }
}
