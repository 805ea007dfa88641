package org.despin.detect;

import java.nio.file.Path;
import org.despin.data.DataPaths;
import org.despin.data.DefaultModelBuilder;

/**
 * Builds the default model to the given path, for development runs of {@link DetectorEvaluation};
 * {@code --technical} adds the terms of the Debian technical documentation (an optional model).
 */
final class BuildModel {
    private BuildModel() {
    }

    public static void main(String[] args) throws Exception {
        DefaultModelBuilder.build(new DataPaths(DataPaths.defaultCache()), Path.of(args[0]),
                args.length > 1 && args[1].equals("--technical"));
    }
}
