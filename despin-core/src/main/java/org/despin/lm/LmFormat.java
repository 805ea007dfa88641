package org.despin.lm;

import org.despin.DespinException;
import org.despin.model.ModelFile;

/** Reads the language model section(s) of a {@link ModelFile}. */
public final class LmFormat {
    private LmFormat() {
    }

    public static LanguageModel read(ModelFile file) throws DespinException {
        throw new UnsupportedOperationException("LM format not written yet");
    }
}
