package org.despin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link PackedSearch} against a linear scan, on packed entries laid out as {@link TrieWriter} writes them. */
class PackedSearchTest {
    /** Entries of {@code bits} bits, word id in the low {@code wordBits}, random bits above it, as the model holds them. */
    static long[] pack(long[] words, int wordBits, int bits, Random r) {
        long[] packed = new long[(int) (LmFormat.packedBytes(words.length, bits) / 8)];
        for (int i = 0; i < words.length; i++) {
            long other = bits > wordBits ? r.nextLong() & ((1L << (bits - wordBits)) - 1) : 0;
            long value = words[i] | other << wordBits;
            long bit = (long) i * bits;
            int word = (int) (bit >>> 6);
            int shift = (int) (bit & 63);
            packed[word] |= value << shift;
            if (shift + bits > 64) {
                packed[word + 1] |= value >>> (64 - shift);
            }
        }
        return packed;
    }

    static long linear(long[] words, long lo, long hi, int key) {
        for (long i = lo; i < hi; i++) {
            if (words[(int) i] == key) {
                return i;
            }
        }
        return -1;
    }

    /** Sorted distinct ids below 2^wordBits: evenly spread, or bunched (as children of a rare word are). */
    static long[] sortedIds(Random r, int count, int wordBits, boolean bunched) {
        long limit = 1L << wordBits;
        TreeSet<Long> ids = new TreeSet<>();
        long centre = (long) (r.nextDouble() * limit);
        int wanted = (int) Math.min(count, limit / 2);
        for (int tries = 0; ids.size() < wanted; tries++) {
            long id;
            if (bunched && tries < 20 * wanted) {
                id = Math.floorMod(centre + (long) (r.nextGaussian() * Math.sqrt(limit) * (1 + r.nextInt(4))), limit);
            } else {
                id = (long) (r.nextDouble() * limit);
            }
            ids.add(id);
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    @Property(tries = 400)
    void findsWhatALinearScanFinds(@ForAll @IntRange(min = 0, max = 3000) int count,
            @ForAll @IntRange(min = 2, max = 24) int wordBits, @ForAll @IntRange(min = 0, max = 33) int otherBits,
            @ForAll boolean bunched, @ForAll boolean tightVocabulary, @ForAll long seed) {
        Random r = new Random(seed);
        int bits = Math.min(57, wordBits + otherBits);
        long[] words = sortedIds(r, count, wordBits, bunched);
        long[] b = pack(words, wordBits, bits, r);
        long mask = (1L << wordBits) - 1;
        // the number of word ids the search assumes (its virtual upper end): the id space, or
        // just above the largest stored id, as a real vocabulary is
        int vocabulary = tightVocabulary && words.length > 0 ? (int) words[words.length - 1] + 1 + r.nextInt(3)
                : 1 << wordBits;
        for (int q = 0; q < 50; q++) {
            long lo = words.length == 0 ? 0 : r.nextInt(words.length + 1);
            long hi = lo + (words.length == lo ? 0 : r.nextInt((int) (words.length - lo) + 1));
            int key;
            if (hi > lo && r.nextBoolean()) {
                key = (int) words[(int) (lo + r.nextInt((int) (hi - lo)))];
            } else {
                key = (int) (r.nextDouble() * vocabulary);
            }
            assertEquals(linear(words, lo, hi, key), PackedSearch.find(b, bits, mask, lo, hi, key, vocabulary),
                    () -> "key " + key + " in [" + lo + ", " + hi + ")");
        }
    }

    @Test
    void findsEveryEntryOfALongRangeAndNothingBetween() {
        Random r = new Random(3);
        long[] words = new long[5000];
        for (int i = 0; i < words.length; i++) {
            words[i] = 3L * i + 1; // gaps, so keys between entries exist
        }
        long[] b = pack(words, 16, 57, r);
        for (int key = 0; key <= 3 * words.length + 1; key++) {
            long expected = key % 3 == 1 && key < 3 * words.length ? key / 3 : -1;
            assertEquals(expected, PackedSearch.find(b, 57, 0xFFFF, 0, words.length, key, 1 << 16), "key " + key);
        }
        // a sub-range: entries outside it are not found
        assertEquals(-1, PackedSearch.find(b, 57, 0xFFFF, 100, 200, 1, 1 << 16));
        assertEquals(100, PackedSearch.find(b, 57, 0xFFFF, 100, 200, 301, 1 << 16));
        assertEquals(199, PackedSearch.find(b, 57, 0xFFFF, 100, 200, 598, 1 << 16));
        assertEquals(-1, PackedSearch.find(b, 57, 0xFFFF, 100, 200, 601, 1 << 16));
        assertEquals(-1, PackedSearch.find(b, 57, 0xFFFF, 100, 100, 301, 1 << 16));
    }

    /**
     * {@link PackedSearch#bits} at every bit offset of random data gives the 64 bits there, as a bit-by-bit read does, and
     * the low 57 bits the unaligned little-endian read of the mapped section gave before branch speed26.
     */
    @Test
    void bitsAtEveryOffsetAsTheMappedReadGave() {
        Random r = new Random(26);
        long[] data = new long[40];
        for (int i = 0; i < data.length; i++) {
            data[i] = r.nextLong();
        }
        ByteBuffer b = ByteBuffer.allocate(8 * data.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < data.length; i++) {
            b.putLong(8 * i, data[i]);
        }
        for (long bit = 0; bit < 64L * (data.length - 1); bit++) {
            long expected = 0;
            for (int k = 0; k < 64; k++) {
                long at = bit + k;
                expected |= (data[(int) (at >>> 6)] >>> (at & 63) & 1L) << k;
            }
            long got = PackedSearch.bits(data, bit);
            assertEquals(expected, got, "bit " + bit);
            long mapped = b.getLong((int) (bit >>> 3)) >>> (bit & 7);
            assertEquals(mapped & ((1L << 57) - 1), got & ((1L << 57) - 1), "bit " + bit);
        }
    }
}
