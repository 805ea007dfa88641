package org.despin.data.lexicon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.despin.DespinException;
import org.despin.data.ComponentBuild;
import org.despin.data.corpus.Corpus;
import org.despin.data.corpus.CorpusDocument;
import org.despin.data.corpus.DefaultCorpora;
import org.despin.lexicon.NameFormat;
import org.despin.lexicon.TitleCasePairs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the names section ({@link NameFormat#SECTION}): the word pairs the language model's own
 * training documents write as names ({@link TitleCasePairs}: two title-case words in a row inside a
 * sentence), with their counts. The language model and the lexicon are lower-case; this is the
 * model's one piece of case data, read by the detector as {@link org.despin.lexicon.TitleCaseNames}
 * (docs/detector.md, "Names"). Held-out documents are never read. Deterministic: the pairs are
 * written sorted.
 */
public final class NameBuild {
    private static final Logger LOG = LoggerFactory.getLogger(NameBuild.class);

    private NameBuild() {
    }

    /** The names section counted over the training documents of {@code corpora} (the LM's corpora). */
    public static ComponentBuild build(List<Corpus> corpora) throws DespinException {
        long t0 = System.nanoTime();
        TitleCasePairs pairs = new TitleCasePairs();
        int documents = 0;
        StringBuilder inputs = new StringBuilder();
        for (Corpus corpus : corpora) {
            for (CorpusDocument d : DefaultCorpora.training(corpus)) {
                pairs.add(d.text());
                documents++;
            }
            inputs.append(inputs.isEmpty() ? "" : ", ").append(corpus.name());
        }
        Map<String, Integer> counts = pairs.counts();
        long twice = counts.values().stream().filter(n -> n >= 2).count();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("names.inputs", "the language model's training documents (" + inputs
                + "): title-case word pairs inside sentences");
        meta.put("names.format", Integer.toString(NameFormat.VERSION));
        meta.put("names.documents", Integer.toString(documents));
        meta.put("names.count", Integer.toString(counts.size()));
        meta.put("names.twiceOrMore", Long.toString(twice));
        LOG.info("names: {} title-case pairs ({} seen twice or more) in {} training documents ({} ms)", counts.size(),
                twice, documents, (System.nanoTime() - t0) / 1_000_000);
        return new ComponentBuild(NameFormat.SECTION, NameFormat.section(pairs.counts()), meta);
    }
}
