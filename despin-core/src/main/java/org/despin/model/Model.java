package org.despin.model;

import org.despin.lexicon.Lexicon;
import org.despin.lexicon.TermTable;
import org.despin.lexicon.TitleCaseNames;
import org.despin.lm.LanguageModel;

/**
 * Everything despin knows: a language model, the reverse lexicon, the known multi-word terms, the
 * word pairs written as names and how they were built. Immutable, loaded once and shared by all
 * threads.
 *
 * @param lm the language model
 * @param lexicon the reverse thesaurus
 * @param info what the model holds and how it was built
 * @param terms known multi-word terms a spinner may have rewritten word by word
 * @param names word pairs the training text writes as names, or {@link TitleCaseNames#UNKNOWN}
 */
public record Model(LanguageModel lm, Lexicon lexicon, ModelInfo info, TermTable terms, TitleCaseNames names) {
    /** A model without terms or names. */
    public Model(LanguageModel lm, Lexicon lexicon, ModelInfo info) {
        this(lm, lexicon, info, TermTable.EMPTY);
    }

    /** A model without names (no case data: every pair may be a name). */
    public Model(LanguageModel lm, Lexicon lexicon, ModelInfo info, TermTable terms) {
        this(lm, lexicon, info, terms, TitleCaseNames.UNKNOWN);
    }
}
