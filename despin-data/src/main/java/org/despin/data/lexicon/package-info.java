/**
 * Builds the default lexicon: {@link org.despin.data.lexicon.MobyReader} and
 * {@link org.despin.data.lexicon.WordNetReader} read the thesauri, {@link org.despin.data.lexicon.NumberWords}
 * adds number words, {@code SynonymGraph} holds the lemma-level links,
 * {@link org.despin.data.lexicon.Morphology} (LanguageTool's dictionaries) inflects,
 * {@link org.despin.data.lexicon.LexiconBuilder} expands to surface forms and bounds the lists, and
 * {@link org.despin.data.lexicon.DefaultLexiconBuild} puts it together with the build metadata.
 */
package org.despin.data.lexicon;
