package org.despin.detect;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.despin.data.DataPaths;
import org.despin.data.corpus.Corpus;
import org.despin.data.corpus.CorpusDocument;
import org.despin.data.corpus.DocCommentCorpus;
import org.despin.data.corpus.WordNetDefinitions;
import org.despin.data.lm.DefaultLmBuild;
import org.despin.lm.LmFormat;
import org.despin.lm.LmText;
import org.despin.lm.build.BackoffMixer;
import org.despin.lm.build.BackoffSource;
import org.despin.lm.build.KneserNeyEstimator;
import org.despin.model.ModelFile;
import org.despin.text.Tokenizer;

/**
 * Development variant of the default model with the WordNet definitions as a third component of
 * the language-model mix rather than pooled into the own model's counts: own (default corpora)
 * {@code a}, a Kneser-Ney model of the definitions alone {@code b}, Sphinx {@code 1 - a - b},
 * mixed statically in two steps (own with definitions, then with Sphinx). The other sections and
 * the metadata are copied from a built default model (the lexicon and terms do not depend on the
 * language model). Usage: {@code ThreeWayModel IN OUT a b [doc-comments]}: with {@code doc-comments}
 * the third component is the doc-comment prose of the source jars ({@link DocCommentCorpus}) instead.
 */
final class ThreeWayModel {
    private ThreeWayModel() {
    }

    public static void main(String[] args) throws Exception {
        ModelFile in = ModelFile.open(Path.of(args[0]));
        double a = Double.parseDouble(args[2]);
        double b = Double.parseDouble(args[3]);
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        DefaultLmBuild.Components c = DefaultLmBuild.components(paths);
        KneserNeyEstimator estimator = new KneserNeyEstimator(DefaultLmBuild.ORDER);
        Corpus third = args.length > 4 && args[4].equals("doc-comments") ? new DocCommentCorpus() : new WordNetDefinitions();
        for (CorpusDocument d : third.read()) {
            if (!d.heldOut()) {
                for (String[] s : LmText.sentenceWords(Tokenizer.DEFAULT.parse(d.text()))) {
                    estimator.addSentence(s);
                }
            }
        }
        BackoffSource definitions = estimator.estimate();
        BackoffSource inner = BackoffMixer.mix(c.own(), definitions, a / (a + b));
        BackoffSource mixed = BackoffMixer.mix(inner, c.sphinx(), a + b);
        Map<String, String> meta = new LinkedHashMap<>(in.info().metadata());
        meta.put(LmFormat.MIX_COMPONENT_KEY, third.name());
        meta.put("lm.mix.rule", String.format(Locale.ROOT, "%.2f own + %.2f %s + %.2f sphinx", a, b, third.name(), 1 - a - b));
        for (int n = 1; n <= mixed.order(); n++) {
            meta.put("lm.ngrams." + n, Long.toString(mixed.count(n)));
        }
        try (ModelFile.Writer w = new ModelFile.Writer(Path.of(args[1]))) {
            for (String name : in.sectionNames()) {
                if (name.equals(LmFormat.SECTION)) {
                    w.section(LmFormat.SECTION, LmFormat.section(mixed));
                    continue;
                }
                w.section(name, ModelFile.SectionBody.copyOf(in.section(name)));
            }
            w.finish(meta);
        }
    }
}
