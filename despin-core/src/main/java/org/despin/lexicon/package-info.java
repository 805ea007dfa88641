/**
 * The reverse thesaurus: from an observed (possibly spun) span of 1-3 normalised words to the
 * originals a spinner may have replaced with it.
 *
 * <pre>{@code
 * Lexicon lexicon = LexiconFormat.read(ModelFile.open(path));          // memory-mapped, validated
 * for (Candidate c : lexicon.candidates("advised")) {                  // best channel weight first
 *     // c.original() "told", c.logChannel() = ln P("advised" | "told", substituted), c.hops(), c.source()
 * }
 * lexicon.isKnownWord("advised");                                      // from the tagger dictionary
 * Lexicon refit = LexiconFormat.read(ModelFile.open(path), new ChannelWeights(0.5, 0.5, 0.5, -1, -2.5, -0.5, 0));
 * }</pre>
 *
 * <p>{@link org.despin.lexicon.Lexicon} is the query interface; {@link org.despin.lexicon.LexiconFormat}
 * writes and reads the model section; {@link org.despin.lexicon.LexiconData} is the content before
 * writing; {@link org.despin.lexicon.LinkFeatures} what the thesauri say about one link and
 * {@link org.despin.lexicon.ChannelWeights} how that becomes a channel weight;
 * {@link org.despin.lexicon.MapLexicon} a hash-map lexicon for tests. The default lexicon is built
 * by {@code org.despin.data.lexicon.DefaultLexiconBuild}.
 */
package org.despin.lexicon;
