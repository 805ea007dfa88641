package org.despin.lm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The vocabulary of a {@link TrieLanguageModel}: its hash, string offsets and strings copied from the mapped section to
 * heap arrays at load (a few MB; branch speed26: under C1 a read of the mapped buffer costs several times an array's).
 */
final class TrieVocabulary implements Vocabulary {
    private final int size;
    private final int hashCapacity;
    private final int[] hash;
    private final int[] offsets;
    private final byte[] bytes;

    TrieVocabulary(ByteBuffer buf, int size, int hashCapacity, int hashAt, int offsetsAt, int bytesAt) {
        ByteBuffer b = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.size = size;
        this.hashCapacity = hashCapacity;
        this.hash = new int[hashCapacity];
        b.slice(hashAt, 4 * hashCapacity).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(hash);
        this.offsets = new int[size + 1];
        b.slice(offsetsAt, 4 * (size + 1)).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(offsets);
        this.bytes = new byte[offsets[size]];
        b.get(bytesAt, bytes);
    }

    /** The first hash slot of {@code word}: String.hashCode is specified, so this is stable. */
    static int slot(String word, int capacity) {
        int h = word.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 15)) & (capacity - 1);
    }

    @Override
    public int id(String word) {
        byte[] key = word.getBytes(StandardCharsets.UTF_8);
        int mask = hashCapacity - 1;
        int slot = slot(word, hashCapacity);
        for (int probes = 0; probes < hashCapacity; probes++) {
            int v = hash[slot];
            if (v == 0) {
                return UNKNOWN;
            }
            int id = v - 1;
            if (id >= 0 && id < size && equalsAt(id, key)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        return UNKNOWN;
    }

    private boolean equalsAt(int id, byte[] key) {
        int from = offsets[id];
        int to = offsets[id + 1];
        return to - from == key.length && Arrays.equals(bytes, from, to, key, 0, key.length);
    }

    @Override
    public String word(int id) {
        if (id < 0 || id >= size) {
            throw new IndexOutOfBoundsException("word id " + id + " outside the vocabulary of " + size);
        }
        return new String(bytes, offsets[id], offsets[id + 1] - offsets[id], StandardCharsets.UTF_8);
    }

    @Override
    public int size() {
        return size;
    }
}
