package org.despin.lm;

/**
 * The {@link LmCache} of a {@link TrieLanguageModel}: a direct-mapped table from (context,
 * word) to the query's answer (the probability and everything the next state needs: how many
 * words it keeps, their back-off weights and child ranges). A slot is 16 ints for an order-4
 * model: one cache line (or two neighbours), where a query of the trie waits for two or three
 * rounds of cache misses. A new answer replaces the slot's old one.
 *
 * <p>Slot layout (ints): word, context length, the context words (most recent first; {@code
 * maxContext} of them), the probability's float bits, the number of words the next state keeps,
 * then their back-off weights' float bits, first children and ends of children.
 */
final class TrieQueryCache implements LmCache {
    final int maxContext;
    final int stride;
    final int mask;
    final int[] slots;
    long lookups;
    long hits;

    TrieQueryCache(int maxContext, int entries) {
        this.maxContext = maxContext;
        this.stride = 4 + 4 * maxContext;
        int size = Integer.highestOneBit(Math.max(16, Math.min(entries, 1 << 24) * 2 - 1));
        this.mask = size - 1;
        this.slots = new int[size * stride];
        for (int i = 0; i < slots.length; i += stride) {
            slots[i] = -1; // no word: an empty slot
        }
    }

    /** Where the answer to (the context of {@code s}, {@code w}) lives. */
    int slot(TrieState s, int w) {
        int h = w * 0x9E3779B9 + s.length;
        int[] words = s.words;
        for (int i = 0; i < s.length; i++) {
            h = (h + words[i]) * 0x9E3779B9;
        }
        return ((h ^ (h >>> 15)) & mask) * stride;
    }

    /** Whether slot {@code at} holds the answer to (the context of {@code s}, {@code w}). */
    boolean holds(int at, TrieState s, int w) {
        int[] t = slots;
        int length = s.length;
        if (t[at] != w || t[at + 1] != length) {
            return false;
        }
        int[] words = s.words;
        for (int i = 0; i < length; i++) {
            if (t[at + 2 + i] != words[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public long lookups() {
        return lookups;
    }

    @Override
    public long hits() {
        return hits;
    }
}
