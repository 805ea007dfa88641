package org.despin.model;

import org.despin.lexicon.Lexicon;
import org.despin.lexicon.TermTable;
import org.despin.lm.LanguageModel;

/**
 * Everything despin knows: a language model, the reverse lexicon, the known multi-word terms and
 * how they were built. Immutable, loaded once and shared by all threads.
 *
 * @param lm the language model
 * @param lexicon the reverse thesaurus
 * @param info what the model holds and how it was built
 * @param terms known multi-word terms a spinner may have rewritten word by word
 */
public record Model(LanguageModel lm, Lexicon lexicon, ModelInfo info, TermTable terms) {
    /** A model without terms. */
    public Model(LanguageModel lm, Lexicon lexicon, ModelInfo info) {
        this(lm, lexicon, info, TermTable.EMPTY);
    }
}
