package org.despin.model;

import org.despin.lexicon.Lexicon;
import org.despin.lm.LanguageModel;

/**
 * Everything despin knows: a language model, the reverse lexicon and how they were built.
 * Immutable, loaded once and shared by all threads.
 *
 * @param lm the language model
 * @param lexicon the reverse thesaurus
 * @param info what the model holds and how it was built
 */
public record Model(LanguageModel lm, Lexicon lexicon, ModelInfo info) {
}
