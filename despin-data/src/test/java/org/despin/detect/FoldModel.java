package org.despin.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.despin.data.DataPaths;
import org.despin.data.corpus.Corpus;
import org.despin.data.corpus.CorpusDocument;
import org.despin.data.corpus.DefaultCorpora;
import org.despin.data.sphinx.SphinxTrieModel;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmFormat;
import org.despin.lm.LmText;
import org.despin.lm.build.BackoffMixer;
import org.despin.lm.build.KneserNeyEstimator;
import org.despin.model.Model;
import org.despin.model.ModelFile;
import org.despin.model.ModelInfo;
import org.despin.text.Tokenizer;

/**
 * Cross-fitting for the arc model. The default LM was trained on every TRAINING document, so on
 * those documents the original n-grams are all stored and the context evidence is far stronger
 * than on unseen text; a classifier fitted there learns to trust the evidence too much. This
 * builds the default LM again (same order, smoothing and Sphinx mixture weight) without a "fit
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

    /** The default model with its LM rebuilt without the fit fold (cached at {@code lmFile}). */
    static Model load(Model defaults, DataPaths paths, Path lmFile) throws Exception {
        if (!Files.exists(lmFile)) {
            KneserNeyEstimator estimator = new KneserNeyEstimator(org.despin.data.lm.DefaultLmBuild.ORDER);
            for (Corpus corpus : DefaultCorpora.all(paths)) {
                for (CorpusDocument d : DefaultCorpora.training(corpus)) {
                    if (!inFitFold(d)) {
                        for (String[] s : LmText.sentenceWords(Tokenizer.DEFAULT.parse(d.text()))) {
                            estimator.addSentence(s);
                        }
                    }
                }
            }
            double lambda = Double.parseDouble(defaults.info().metadata().get("lm.mix.lambda"));
            Path tmp = lmFile.resolveSibling(lmFile.getFileName() + ".tmp");
            try (ModelFile.Writer w = new ModelFile.Writer(tmp)) {
                w.section(LmFormat.SECTION, LmFormat.section(
                        BackoffMixer.mix(estimator.estimate(), SphinxTrieModel.loadEnUs(), lambda)));
                w.finish(Map.of("model", "default LM without the arc model's fit fold", "lm.mix.lambda",
                        Double.toString(lambda)));
            }
            Files.move(tmp, lmFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        LanguageModel lm = LmFormat.read(ModelFile.open(lmFile));
        return new Model(lm, defaults.lexicon(), new ModelInfo(1, Map.of("model", "fit fold")));
    }
}
