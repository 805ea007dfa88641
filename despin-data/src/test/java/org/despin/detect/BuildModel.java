package org.despin.detect;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.despin.data.DataPaths;
import org.despin.data.DefaultModelBuilder;
import org.despin.data.corpus.Corpus;
import org.despin.data.corpus.DefaultCorpora;
import org.despin.data.corpus.DocCommentCorpus;
import org.despin.data.lm.DefaultLmBuild;

/**
 * Builds the default model to the given path, for development runs of {@link DetectorEvaluation};
 * {@code --technical} adds the terms of the Debian technical documentation (an optional model),
 * {@code --definitions} the WordNet definitions to the language model's corpora, {@code --doc-comments}
 * the doc-comment prose of the source jars ({@code DefaultCorpora.withDocComments}) pooled into the own
 * model's counts (two-way mix); without options the default model (the doc-comment prose as a third mixture
 * component at {@code DefaultLmBuild.DOC_COMMENT_WEIGHT}), {@code --doc-component=W} at weight W,
 * {@code --two-way} without it (the default model before branch {@code doclm3}).
 */
final class BuildModel {
    private BuildModel() {
    }

    public static void main(String[] args) throws Exception {
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        List<String> options = Arrays.asList(args).subList(1, args.length);
        List<Corpus> lm = options.contains("--definitions") ? DefaultCorpora.withDefinitions(paths)
                : options.contains("--doc-comments") ? DefaultCorpora.withDocComments(paths) : DefaultCorpora.all(paths);
        double component = options.stream().filter(o -> o.startsWith("--doc-component="))
                .mapToDouble(o -> Double.parseDouble(o.substring("--doc-component=".length()))).findFirst()
                .orElse(options.contains("--doc-comments") || options.contains("--two-way") ? 0 : DefaultLmBuild.DOC_COMMENT_WEIGHT);
        DefaultModelBuilder.build(paths, Path.of(args[0]), options.contains("--technical"), lm,
                component > 0 ? new DocCommentCorpus() : null, component);
    }
}
