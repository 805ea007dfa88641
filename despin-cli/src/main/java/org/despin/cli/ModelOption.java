package org.despin.cli;

import java.nio.file.Path;
import org.despin.DespinException;
import picocli.CommandLine.Option;

/** {@code --model PATH}, defaulting to {@code $DESPIN_MODEL} (which {@code ./despin} sets to the default model). */
final class ModelOption {
    @Option(names = "--model", paramLabel = "PATH",
            description = "model file (default: $DESPIN_MODEL, which ./despin sets to the default model)")
    Path model;

    /** The model to use: the option, else the environment; an error naming both when neither is set. */
    Path resolve(CliEnvironment env) throws DespinException {
        if (model != null) {
            return model;
        }
        String fromEnv = env.env().get("DESPIN_MODEL");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        throw new DespinException(DespinException.Kind.MODEL,
                "no model given: pass --model FILE or set DESPIN_MODEL (./despin sets it to the default model)");
    }
}
