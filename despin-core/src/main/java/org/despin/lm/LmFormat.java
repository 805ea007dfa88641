package org.despin.lm;

import org.despin.DespinException;
import org.despin.lm.build.BackoffSource;
import org.despin.model.ModelFile;

/** Writes and reads the "lm" section of a {@link ModelFile}: a quantised, bit-packed reverse trie. */
public final class LmFormat {
    /** Name of the language-model section. */
    public static final String SECTION = "lm";

    private LmFormat() {
    }

    /** The "lm" section body for {@code src} (read when the section is written). */
    public static ModelFile.SectionBody section(BackoffSource src) {
        throw new UnsupportedOperationException("not written yet");
    }

    /** Maps the "lm" section of {@code file}. */
    public static LanguageModel read(ModelFile file) throws DespinException {
        throw new UnsupportedOperationException("LM format not written yet");
    }
}
