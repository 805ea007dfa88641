/**
 * The n-gram language model: integer word ids, state-passing queries, a compact memory-mapped
 * trie, and the estimators that build it.
 *
 * <pre>{@code
 * // estimate (org.despin.lm.build), optionally mix, write
 * KneserNeyEstimator kn = new KneserNeyEstimator(4);
 * for (String[] s : LmText.sentenceWords(Document.parse(text))) kn.addSentence(s);
 * BackoffSource model = BackoffMixer.mix(kn.estimate(), sphinx, 0.6);
 * try (ModelFile.Writer w = new ModelFile.Writer(path)) {
 *     w.section(LmFormat.SECTION, LmFormat.section(model));
 *     w.finish(metadata);
 * }
 * // load (milliseconds: the section is mapped, not parsed) and query
 * LanguageModel lm = LmFormat.read(ModelFile.open(path));
 * LmState s = lm.newState();
 * lm.beginSentence(s);
 * float lp = lm.score(s, lm.vocabulary().id("council"), s);
 * }</pre>
 *
 * <p>{@link org.despin.lm.LmText#sentenceWords} is the one rule for how text becomes model words.
 * {@link org.despin.lm.MapLanguageModel} is the slow, exact reference the compact
 * {@link org.despin.lm.TrieLanguageModel} is tested against. {@link org.despin.lm.LmTrainer} is
 * {@code despin train}: chunked counting, then {@link org.despin.lm.build.StreamingKneserNeyEstimator}
 * (the same estimate as the in-memory estimator, by sorted passes over files within a memory budget;
 * the seam where counts made elsewhere come in) and {@code LmFormat.section(SortedNgramModel)},
 * which writes the trie from the sorted files one order at a time.
 */
package org.despin.lm;
