package org.despin.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.despin.DespinException;
import org.despin.data.corpus.Corpus;
import org.despin.data.corpus.DefaultCorpora;
import org.despin.data.corpus.DocCommentCorpus;
import org.despin.data.lexicon.DefaultLexiconBuild;
import org.despin.data.lexicon.NameBuild;
import org.despin.data.lexicon.TechnicalTerms;
import org.despin.data.lexicon.TermBuild;
import org.despin.data.lm.DefaultLmBuild;
import org.despin.model.ModelFile;

/**
 * Builds the default model from the pinned packages: same inputs, same bytes (no time stamps,
 * no host names, no iteration over unordered collections in what is written).
 */
public final class DefaultModelBuilder {
    private DefaultModelBuilder() {
    }

    public static void build(DataPaths paths, Path out) throws DespinException {
        build(paths, out, false);
    }

    /**
     * @param technicalTerms also mine multi-word terms from the Debian technical documentation
     *     ({@code scripts/fetch-debian-data --technical}): an optional model, never the default
     */
    public static void build(DataPaths paths, Path out, boolean technicalTerms) throws DespinException {
        build(paths, out, technicalTerms, false);
    }

    /**
     * @param technicalTerms as {@link #build(DataPaths, Path, boolean)}
     * @param definitions also train the own language model on the WordNet definitions
     *     ({@link DefaultCorpora#withDefinitions}): an optional model, measured and not adopted
     *     (docs/benchmarks-corpora.md, "WordNet definitions")
     */
    public static void build(DataPaths paths, Path out, boolean technicalTerms, boolean definitions)
            throws DespinException {
        if (technicalTerms) {
            TechnicalTerms.packages(paths.cache()); // a missing Debian package is reported before the corpora are read
        }
        build(paths, out, technicalTerms, definitions ? DefaultCorpora.withDefinitions(paths) : DefaultCorpora.all(paths),
                new DocCommentCorpus(), DefaultLmBuild.DOC_COMMENT_WEIGHT);
    }

    /**
     * As {@link #build(DataPaths, Path, boolean)}, the language model a two-way mix (no doc-comment
     * component, as before branch {@code doclm3}) of the own model trained on {@code lmCorpora}
     * ({@link DefaultCorpora#all}, or the optional variants {@link DefaultCorpora#withDefinitions} and
     * {@link DefaultCorpora#withDocComments}, the doc comments pooled into the own model's counts).
     */
    public static void build(DataPaths paths, Path out, boolean technicalTerms, List<Corpus> lmCorpora)
            throws DespinException {
        build(paths, out, technicalTerms, lmCorpora, null, 0);
    }

    /**
     * As {@link #build(DataPaths, Path, boolean, List)}; with {@code component} non-null the language
     * model is the three-way mixture of {@link DefaultLmBuild#build(DataPaths, List, Corpus, double)}
     * with that corpus at {@code weight}. The names section counts {@code lmCorpora} only.
     */
    public static void build(DataPaths paths, Path out, boolean technicalTerms, List<Corpus> lmCorpora,
            Corpus component, double weight) throws DespinException {
        // the optional data first: a missing package must not cost the minutes of the LM build
        List<Path> technical = technicalTerms ? TechnicalTerms.packages(paths.cache()) : List.of();
        ComponentBuild lm = component == null ? DefaultLmBuild.build(paths, lmCorpora)
                : DefaultLmBuild.build(paths, lmCorpora, component, weight);
        ComponentBuild lexicon = DefaultLexiconBuild.build(paths);
        ComponentBuild terms = TermBuild.build(TermBuild.Limits.DEFAULT, technical,
                paths.npmPackage(DataPaths.MOBY).resolve("words.txt"));
        ComponentBuild names = NameBuild.build(lmCorpora);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("model", "despin default");
        meta.putAll(lm.metadata());
        meta.putAll(lexicon.metadata());
        meta.putAll(terms.metadata());
        meta.putAll(names.metadata());
        try (ModelFile.Writer w = new ModelFile.Writer(out)) {
            w.section(lm.sectionName(), lm.body());
            w.section(lexicon.sectionName(), lexicon.body());
            w.section(terms.sectionName(), terms.body());
            w.section(names.sectionName(), names.body());
            w.finish(meta);
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.OUTPUT, out + ": cannot write model: " + e.getMessage(), e);
        }
    }
}
