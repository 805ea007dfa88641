package org.despin.lm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The vocabulary of a {@link TrieLanguageModel}, read in place from the mapped section. */
final class TrieVocabulary implements Vocabulary {
    private final ByteBuffer buf;
    private final int size;
    private final int hashCapacity;
    private final int hashAt;
    private final int offsetsAt;
    private final int bytesAt;

    TrieVocabulary(ByteBuffer buf, int size, int hashCapacity, int hashAt, int offsetsAt, int bytesAt) {
        this.buf = buf;
        this.size = size;
        this.hashCapacity = hashCapacity;
        this.hashAt = hashAt;
        this.offsetsAt = offsetsAt;
        this.bytesAt = bytesAt;
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
            int v = buf.getInt(hashAt + 4 * slot);
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
        int from = buf.getInt(offsetsAt + 4 * id);
        int to = buf.getInt(offsetsAt + 4 * id + 4);
        if (to - from != key.length) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (buf.get(bytesAt + from + i) != key[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String word(int id) {
        if (id < 0 || id >= size) {
            throw new IndexOutOfBoundsException("word id " + id + " outside the vocabulary of " + size);
        }
        int from = buf.getInt(offsetsAt + 4 * id);
        int to = buf.getInt(offsetsAt + 4 * id + 4);
        byte[] b = new byte[to - from];
        buf.get(bytesAt + from, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public int size() {
        return size;
    }
}
