package org.despin.model;

import java.nio.file.Path;
import org.despin.DespinException;
import org.despin.lexicon.LexiconFormat;
import org.despin.lexicon.NameFormat;
import org.despin.lexicon.TermFormat;
import org.despin.lm.LmFormat;

/**
 * Loads a model file: the language model and the lexicon, memory-mapped, and the terms and the
 * names when the file has them.
 */
public final class Models {
    private Models() {
    }

    public static Model load(Path path) throws DespinException {
        ModelFile file = ModelFile.open(path);
        return new Model(LmFormat.read(file), LexiconFormat.read(file), file.info(), TermFormat.read(file),
                NameFormat.read(file));
    }
}
