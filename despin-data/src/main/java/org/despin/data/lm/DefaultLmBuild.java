package org.despin.data.lm;

import org.despin.DespinException;
import org.despin.data.ComponentBuild;
import org.despin.data.DataPaths;

/** Builds the default language model from the default corpus mix and the Sphinx trigram model. */
public final class DefaultLmBuild {
    private DefaultLmBuild() {
    }

    public static ComponentBuild build(DataPaths paths) throws DespinException {
        throw new UnsupportedOperationException("not written yet");
    }
}
