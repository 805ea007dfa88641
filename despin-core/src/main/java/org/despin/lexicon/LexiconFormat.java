package org.despin.lexicon;

import org.despin.DespinException;
import org.despin.model.ModelFile;

/** Reads the lexicon section of a {@link ModelFile}. */
public final class LexiconFormat {
    private LexiconFormat() {
    }

    public static Lexicon read(ModelFile file) throws DespinException {
        throw new UnsupportedOperationException("lexicon format not written yet");
    }
}
