package org.despin.detect;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.despin.data.DataPaths;
import org.despin.data.DefaultModelBuilder;

/**
 * Builds the default model to the given path, for development runs of {@link DetectorEvaluation};
 * {@code --technical} adds the terms of the Debian technical documentation (an optional model),
 * {@code --definitions} the WordNet definitions to the language model's corpora.
 */
final class BuildModel {
    private BuildModel() {
    }

    public static void main(String[] args) throws Exception {
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        List<String> options = Arrays.asList(args).subList(1, args.length);
        DefaultModelBuilder.build(paths, Path.of(args[0]), options.contains("--technical"),
                options.contains("--definitions"));
    }
}
