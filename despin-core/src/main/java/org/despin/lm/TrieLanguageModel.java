package org.despin.lm;

/**
 * The compact language model read from a model file: a quantised, bit-packed reverse trie
 * (KenLM's trie) over the memory-mapped section, queried with state passing. Immutable and
 * thread-safe; see {@link LmFormat} for the layout.
 */
public final class TrieLanguageModel {
    private TrieLanguageModel() {
    }
}
