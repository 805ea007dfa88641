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

/**
 * {@link PackedSearch} against a linear scan, on packed entries and a sampled index laid out as
 * {@link TrieEncoder} writes them.
 */
class PackedSearchTest {
    /**
     * Entries of {@code bits} bits, word id in the low {@code wordBits}, random bits above it, from
     * byte {@code at}, then the index of every 2^shift-th word id; the search over them.
     */
    static PackedSearch pack(long[] words, int wordBits, int bits, int shift, int at, Random r) {
        long[] packed = new long[(int) (LmFormat.packedBytes(words.length, bits) / 8)];
        for (int i = 0; i < words.length; i++) {
            long other = bits > wordBits ? r.nextLong() & ((1L << (bits - wordBits)) - 1) : 0;
            put(packed, (long) i * bits, words[i] | other << wordBits, bits);
        }
        int samples = (int) LmFormat.samples(words.length, shift);
        long[] index = new long[(int) (LmFormat.packedBytes(samples, wordBits) / 8)];
        for (int j = 0; j < samples; j++) {
            put(index, (long) j * wordBits, words[j << shift], wordBits);
        }
        int samplesAt = at + packed.length * 8;
        ByteBuffer b = ByteBuffer.allocate(samplesAt + index.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < packed.length; i++) {
            b.putLong(at + 8 * i, packed[i]);
        }
        for (int i = 0; i < index.length; i++) {
            b.putLong(samplesAt + 8 * i, index[i]);
        }
        return new PackedSearch(b, at, bits, wordBits, samplesAt, shift, 1 << wordBits);
    }

    private static void put(long[] packed, long bit, long value, int bits) {
        int word = (int) (bit >>> 6);
        int shift = (int) (bit & 63);
        packed[word] |= value << shift;
        if (shift + bits > 64) {
            packed[word + 1] |= value >>> (64 - shift);
        }
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

    /**
     * The index gives the same answers as a linear scan, for every sampling step, entry width
     * and range (ranges of one context are sorted; the whole order need not be, so each range
     * here is cut from one sorted list, and entries outside it must not be found).
     */
    @Property(tries = 400)
    void findsWhatALinearScanFinds(@ForAll @IntRange(min = 0, max = 3000) int count,
            @ForAll @IntRange(min = 2, max = 24) int wordBits, @ForAll @IntRange(min = 0, max = 33) int otherBits,
            @ForAll @IntRange(min = 1, max = 4) int shift, @ForAll boolean bunched, @ForAll long seed) {
        Random r = new Random(seed);
        int bits = Math.min(57, wordBits + otherBits);
        long[] words = sortedIds(r, count, wordBits, bunched);
        int at = 8 * r.nextInt(3);
        PackedSearch search = pack(words, wordBits, bits, shift, at, r);
        for (int q = 0; q < 50; q++) {
            long lo = words.length == 0 ? 0 : r.nextInt(words.length + 1);
            long hi = lo + (words.length == lo ? 0 : r.nextInt((int) (words.length - lo) + 1));
            int key;
            if (hi > lo && r.nextBoolean()) {
                key = (int) words[(int) (lo + r.nextInt((int) (hi - lo)))];
            } else if (words.length > 0 && r.nextInt(4) == 0) {
                key = (int) words[r.nextInt(words.length)]; // stored, maybe outside the range
            } else {
                key = (int) (r.nextDouble() * (1L << wordBits));
            }
            assertEquals(linear(words, lo, hi, key), search.find(lo, hi, key),
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
        for (int shift = 1; shift <= 4; shift++) {
            PackedSearch search = pack(words, 16, 57, shift, 8, r);
            for (int key = 0; key <= 3 * words.length + 1; key++) {
                long expected = key % 3 == 1 && key < 3 * words.length ? key / 3 : -1;
                assertEquals(expected, search.find(0, words.length, key), "key " + key);
            }
            // a sub-range: entries outside it are not found, its ends are
            assertEquals(-1, search.find(100, 200, 1));
            assertEquals(100, search.find(100, 200, 301));
            assertEquals(199, search.find(100, 200, 598));
            assertEquals(-1, search.find(100, 200, 601));
            assertEquals(-1, search.find(100, 100, 301));
            assertEquals(-1, search.find(101, 4999, 301));
            assertEquals(101, search.find(101, 4999, 304));
            assertEquals(4998, search.find(101, 4999, 14995));
            assertEquals(-1, search.find(101, 4999, 14998));
        }
    }
}
