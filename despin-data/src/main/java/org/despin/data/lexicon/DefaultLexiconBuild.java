package org.despin.data.lexicon;

import org.despin.DespinException;
import org.despin.data.ComponentBuild;
import org.despin.data.DataPaths;

/** Builds the default reverse lexicon from Moby, WordNet and the LanguageTool dictionaries. */
public final class DefaultLexiconBuild {
    private DefaultLexiconBuild() {
    }

    public static ComponentBuild build(DataPaths paths) throws DespinException {
        throw new UnsupportedOperationException("not written yet");
    }
}
