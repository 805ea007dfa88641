package org.despin.data.corpus;

import java.util.ArrayList;
import java.util.List;
import org.despin.DespinException;
import org.despin.data.DataPaths;

/**
 * The corpora of the default model: modern edited English under permissive licences (no GPL
 * text, not nlp-corpus; see RESOURCES.md). Every build leaves out the documents for which
 * {@link CorpusDocument#heldOut()} is true: they are the project's evaluation text.
 */
public final class DefaultCorpora {
    private DefaultCorpora() {
    }

    /** State of the Union, Brown, Europarl (English lines), WordNet examples, in this order. */
    public static List<Corpus> all(DataPaths paths) throws DespinException {
        return List.of(SotuCorpus.from(paths), BrownCorpus.from(paths), new EuroparlCorpus(), new WordNetExamples());
    }

    /**
     * {@link #all} and the WordNet definitions ({@link WordNetDefinitions}) last: an optional
     * component of the language-model mix.
     */
    public static List<Corpus> withDefinitions(DataPaths paths) throws DespinException {
        return with(all(paths), new WordNetDefinitions());
    }

    /**
     * {@link #all} and the doc-comment prose of the source jars ({@link DocCommentCorpus}) last: an
     * optional language-model corpus of technical writing, measured and not adopted
     * (docs/benchmarks-corpora.md, "Doc comments in the language model").
     */
    public static List<Corpus> withDocComments(DataPaths paths) throws DespinException {
        return with(all(paths), new DocCommentCorpus());
    }

    private static List<Corpus> with(List<Corpus> corpora, Corpus last) {
        List<Corpus> out = new ArrayList<>(corpora);
        out.add(last);
        return List.copyOf(out);
    }

    /** The documents a model may be trained on. */
    public static List<CorpusDocument> training(Corpus corpus) throws DespinException {
        return corpus.read().stream().filter(d -> !d.heldOut()).toList();
    }

    /** The held-out evaluation documents. */
    public static List<CorpusDocument> heldOut(Corpus corpus) throws DespinException {
        return corpus.read().stream().filter(CorpusDocument::heldOut).toList();
    }
}
