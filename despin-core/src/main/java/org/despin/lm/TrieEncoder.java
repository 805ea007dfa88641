package org.despin.lm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.despin.lm.build.NgramCursor;
import org.despin.lm.build.SortedFloats;
import org.despin.model.SectionOutput;

/**
 * Encodes the "lm" section (layout in {@link LmFormat}) from n-grams that come sorted, one order
 * at a time: whatever holds the n-grams (the in-memory {@link TrieWriter}, or files on disk) gives
 * each order as a stream in id-tuple order, and the encoder holds only vocabulary-sized arrays,
 * one entry of each order and a 64-bit word of packed bits. The child ranges come from reading
 * order n+1 alongside order n: the children of an entry are the next run of order n+1 that starts
 * with it.
 */
final class TrieEncoder {
    /** The n-grams to encode: closed under prefixes and suffixes, ids canonical. */
    interface Input {
        int order();

        /** Words by id: {@code <unk> <s> </s>}, then the others in String order. */
        String[] vocabulary();

        float[] unigramLog10Prob();

        float[] unigramLog10Backoff();

        /** Number of n-grams of order {@code n >= 2}. */
        long count(int n);

        /** The n-grams of order {@code n >= 2} sorted by id tuple. */
        NgramCursor open(int n) throws IOException;

        /** The probabilities (or back-off weights) of order {@code n >= 2}, ascending. */
        SortedFloats values(int n, boolean backoff) throws IOException;
    }

    private TrieEncoder() {
    }

    private static int bitsFor(long maxValue) {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(maxValue));
    }

    static void encode(Input in, LmFormat.Quantization quantization, SectionOutput out) throws IOException {
        int order = in.order();
        String[] vocab = in.vocabulary();
        int v = vocab.length;
        long[] count = new long[order + 2];
        count[1] = v;
        for (int n = 2; n <= order; n++) {
            count[n] = in.count(n);
        }
        // children of each word: the bigrams are sorted by their first word
        long[] unigramChildren = new long[v + 1];
        if (order > 1) {
            try (NgramCursor c = in.open(2)) {
                while (c.next()) {
                    unigramChildren[c.words()[0] + 1]++;
                }
            }
            for (int i = 0; i < v; i++) {
                unigramChildren[i + 1] += unigramChildren[i];
            }
        }

        // header
        out.writeLong(LmFormat.MAGIC);
        out.writeInt(LmFormat.VERSION);
        out.writeInt(order);
        out.writeInt(v);
        int hashCapacity = Integer.highestOneBit(Math.max(4, v) * 2 - 1) << 1;
        out.writeInt(hashCapacity);
        for (int n = 1; n <= order; n++) {
            out.writeLong(count[n]);
        }
        Quantizer[] probQ = new Quantizer[order + 1];
        Quantizer[] backoffQ = new Quantizer[order + 1];
        int[][] fieldBits = new int[order + 1][];
        int wordBits = bitsFor(v - 1);
        for (int n = 2; n <= order; n++) {
            probQ[n] = Quantizer.build(in.values(n, false), quantization.probBits(), false);
            boolean top = n == order;
            backoffQ[n] = top ? null : Quantizer.build(in.values(n, true), quantization.backoffBits(), true);
            int pb = probQ[n].bits;
            int bb = top ? 0 : backoffQ[n].bits;
            int cb = top ? 0 : bitsFor(count[n + 1]);
            int entryBits = wordBits + pb + (top ? 0 : bb + cb);
            fieldBits[n] = new int[] {wordBits, pb, bb, cb, entryBits};
            out.writeInt(wordBits);
            out.writeInt(pb);
            out.writeInt(bb);
            out.writeInt(cb);
            out.writeInt(probQ[n].centres.length);
            out.writeInt(top ? 0 : backoffQ[n].centres.length);
            out.writeInt(entryBits);
            out.writeInt(0);
        }
        // block table: offsets are known from the sizes, so it is written before the blocks
        byte[][] encoded = new byte[v][];
        int[] offsets = new int[v + 1];
        for (int i = 0; i < v; i++) {
            encoded[i] = vocab[i].getBytes(StandardCharsets.UTF_8);
            offsets[i + 1] = Math.addExact(offsets[i], encoded[i].length);
        }
        List<long[]> blocks = new ArrayList<>();
        blocks.add(new long[] {4L * hashCapacity});
        blocks.add(new long[] {4L * (v + 1)});
        blocks.add(new long[] {offsets[v]});
        blocks.add(new long[] {16L * (v + 1)});
        for (int n = 2; n <= order; n++) {
            blocks.add(new long[] {4L * probQ[n].centres.length});
            blocks.add(new long[] {n == order ? 0 : 4L * backoffQ[n].centres.length});
            long entries = count[n] + (n == order ? 0 : 1);
            blocks.add(new long[] {LmFormat.packedBytes(entries, fieldBits[n][4])});
        }
        long pos = out.written() + 16L * blocks.size();
        for (long[] b : blocks) {
            pos = (pos + 7) & ~7L;
            out.writeLong(pos);
            out.writeLong(b[0]);
            pos += b[0];
        }
        // vocabulary: open-addressing hash of id + 1 by the string's hash, offsets, UTF-8 bytes
        int[] hash = new int[hashCapacity];
        for (int i = 0; i < v; i++) {
            int slot = TrieVocabulary.slot(vocab[i], hashCapacity);
            while (hash[slot] != 0) {
                slot = (slot + 1) & (hashCapacity - 1);
            }
            hash[slot] = i + 1;
        }
        out.align(8);
        out.writeInts(hash, 0, hashCapacity);
        out.align(8);
        out.writeInts(offsets, 0, v + 1);
        out.align(8);
        for (byte[] b : encoded) {
            out.writeBytes(b);
        }
        out.align(8);
        float[] uniProb = in.unigramLog10Prob();
        float[] uniBackoff = in.unigramLog10Backoff();
        for (int w = 0; w <= v; w++) {
            boolean real = w < v;
            out.writeFloat(real ? uniProb[w] : 0f);
            out.writeFloat(real ? uniBackoff[w] : 0f);
            out.writeLong(order > 1 ? unigramChildren[w] : 0);
        }
        for (int n = 2; n <= order; n++) {
            boolean top = n == order;
            out.align(8);
            out.writeFloats(probQ[n].centres, 0, probQ[n].centres.length);
            out.align(8);
            if (!top) {
                out.writeFloats(backoffQ[n].centres, 0, backoffQ[n].centres.length);
            }
            out.align(8);
            int[] fb = fieldBits[n];
            long entries = count[n] + (top ? 0 : 1);
            BitWriter bits = new BitWriter(out);
            try (NgramCursor c = in.open(n); NgramCursor children = top ? null : in.open(n + 1)) {
                boolean child = children != null && children.next();
                long next = 0; // index of the current child
                for (long i = 0; i < count[n]; i++) {
                    if (!c.next()) {
                        throw new IllegalStateException("order " + n + " has fewer n-grams than its count");
                    }
                    int[] words = c.words();
                    bits.put(words[n - 1], fb[0]);
                    bits.put(probQ[n].encode(c.log10Prob()), fb[1]);
                    if (!top) {
                        bits.put(backoffQ[n].encode(c.log10Backoff()), fb[2]);
                        bits.put(next, fb[3]);
                        while (child && Arrays.equals(children.words(), 0, n, words, 0, n)) {
                            next++;
                            child = children.next();
                        }
                    }
                }
                if (child) {
                    throw new IllegalStateException("an n-gram of order " + (n + 1) + " has no prefix in order " + n);
                }
                if (!top) {
                    // the sentinel: the end of the last entry's children
                    bits.put(0, fb[0]);
                    bits.put(0, fb[1]);
                    bits.put(0, fb[2]);
                    bits.put(next, fb[3]);
                }
            }
            bits.finish(LmFormat.packedBytes(entries, fb[4]) / 8);
        }
        out.align(8);
    }

    /** Packs fields from the lowest bit up into 64-bit words, written as they fill. */
    private static final class BitWriter {
        private final SectionOutput out;
        private long word;
        private int used;
        private long written;

        BitWriter(SectionOutput out) {
            this.out = out;
        }

        void put(long value, int bits) throws IOException {
            word |= value << used;
            if (used + bits >= 64) {
                out.writeLong(word);
                written++;
                word = used + bits > 64 ? value >>> (64 - used) : 0;
                used = used + bits - 64;
            } else {
                used += bits;
            }
        }

        /** Writes the last partial word and zero words up to {@code longs} in all. */
        void finish(long longs) throws IOException {
            if (used > 0) {
                out.writeLong(word);
                written++;
            }
            while (written < longs) {
                out.writeLong(0);
                written++;
            }
        }
    }
}
