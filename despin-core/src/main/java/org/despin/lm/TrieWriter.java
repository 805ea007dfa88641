package org.despin.lm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.despin.lm.build.BackoffSource;
import org.despin.lm.build.GramList;
import org.despin.lm.build.IndexSort;
import org.despin.model.SectionOutput;

/**
 * Writes a {@link BackoffSource} as the "lm" section (layout in {@link LmFormat}). The trie
 * needs every n-gram's prefix and suffix to be stored; where a source lacks one (pruned ARPA
 * models), it is added with the probability the model gives it by backing off and a back-off
 * weight of 0, which changes no query (KenLM does the same).
 */
final class TrieWriter {
    private final int order;
    private final LmFormat.Quantization quantization;
    private String[] vocab;
    private float[] uniProb;
    private float[] uniBackoff;
    private GramList[] lists;

    TrieWriter(int order, LmFormat.Quantization quantization) {
        this.order = order;
        this.quantization = quantization;
    }

    void write(BackoffSource src, SectionOutput out) throws IOException {
        read(src);
        closeUnderPrefixAndSuffix();
        fillAddedProbabilities();
        encode(out);
    }

    private void read(BackoffSource src) throws IOException {
        Map<String, Integer> tmpIds = new HashMap<>();
        List<String> tmpWords = new ArrayList<>();
        for (String w : new String[] {"<unk>", "<s>", "</s>"}) {
            tmpIds.put(w, tmpWords.size());
            tmpWords.add(w);
        }
        lists = new GramList[order + 1];
        for (int n = 1; n <= order; n++) {
            GramList list = new GramList(n, (int) Math.min(Integer.MAX_VALUE - 8, src.count(n)));
            int[] tuple = new int[n];
            final int len = n;
            src.forEach(n, (words, p, b) -> {
                if (words.length != len) {
                    throw new IllegalArgumentException("a source gave an n-gram of " + words.length + " words as order " + len);
                }
                for (int i = 0; i < len; i++) {
                    Integer id = tmpIds.get(words[i]);
                    if (id == null) {
                        id = tmpWords.size();
                        tmpIds.put(words[i], id);
                        tmpWords.add(words[i]);
                    }
                    tuple[i] = id;
                }
                list.add(tuple, 0, p, len == order ? 0f : b);
            });
            lists[n] = list;
        }
        // final ids: the three reserved words, then the others by string
        int v = tmpWords.size();
        Integer[] byString = new Integer[v];
        for (int i = 0; i < v; i++) {
            byString[i] = i;
        }
        Arrays.sort(byString, 3, v, (x, y) -> tmpWords.get(x).compareTo(tmpWords.get(y)));
        int[] remap = new int[v];
        vocab = new String[v];
        for (int i = 0; i < v; i++) {
            remap[byString[i]] = i;
            vocab[i] = tmpWords.get(byString[i]);
        }
        for (int n = 1; n <= order; n++) {
            int[] w = lists[n].words;
            for (int i = 0, m = lists[n].size * n; i < m; i++) {
                w[i] = remap[w[i]];
            }
        }
        uniProb = new float[v];
        uniBackoff = new float[v];
        Arrays.fill(uniProb, Float.NaN);
        GramList u = lists[1];
        for (int i = u.size - 1; i >= 0; i--) { // the first of duplicates wins
            uniProb[u.words[i]] = u.prob[i];
            uniBackoff[u.words[i]] = u.backoff[i];
        }
        // words without a unigram behave as <unk> (MapLanguageModel semantics)
        if (Float.isNaN(uniProb[Vocabulary.UNKNOWN])) {
            uniProb[Vocabulary.UNKNOWN] = MapLanguageModel.UNKNOWN_LOG10;
            uniBackoff[Vocabulary.UNKNOWN] = 0f;
        }
        for (int w = 0; w < v; w++) {
            if (Float.isNaN(uniProb[w])) {
                uniProb[w] = uniProb[Vocabulary.UNKNOWN];
                uniBackoff[w] = 0f;
            }
        }
        lists[1] = null;
        for (int n = 2; n <= order; n++) {
            lists[n].sortReversedAndDedupe();
        }
    }

    private void closeUnderPrefixAndSuffix() {
        for (int n = order; n >= 3; n--) {
            GramList list = lists[n];
            GramList lower = lists[n - 1];
            GramList added = new GramList(n - 1, 16);
            for (int i = 0; i < list.size; i++) {
                int base = i * n;
                if (lower.find(list.words, base + 1) < 0) {
                    added.add(list.words, base + 1, Float.NaN, 0f);
                }
                if (lower.find(list.words, base) < 0) {
                    added.add(list.words, base, Float.NaN, 0f);
                }
            }
            if (added.size > 0) {
                for (int i = 0; i < added.size; i++) {
                    lower.add(added.words, i * (n - 1), Float.NaN, 0f);
                }
                lower.sortReversedAndDedupe();
            }
        }
    }

    private void fillAddedProbabilities() {
        for (int n = 2; n <= order; n++) {
            GramList list = lists[n];
            for (int i = 0; i < list.size; i++) {
                if (Float.isNaN(list.prob[i])) {
                    list.prob[i] = backedOff(list.words, i * n, n);
                    list.backoff[i] = 0f;
                }
            }
        }
    }

    /** log10 p(last | rest) of the tuple {@code t[from..from+n)} from the orders below n. */
    private float backedOff(int[] t, int from, int n) {
        float backoffs = 0;
        for (int j = 0; j < n - 1; j++) {
            int len = n - j;
            if (j > 0) {
                int e = lists[len].find(t, from + j);
                if (e >= 0) {
                    return lists[len].prob[e] + backoffs;
                }
            }
            backoffs += backoffOf(t, from + j, len - 1);
        }
        return uniProb[t[from + n - 1]] + backoffs;
    }

    private float backoffOf(int[] t, int from, int len) {
        if (len == 1) {
            return uniBackoff[t[from]];
        }
        int e = lists[len].find(t, from);
        return e >= 0 ? lists[len].backoff[e] : 0f;
    }

    private static int bitsFor(long maxValue) {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(maxValue));
    }

    private void encode(SectionOutput out) throws IOException {
        int v = vocab.length;
        long[] count = new long[order + 2];
        count[1] = v;
        for (int n = 2; n <= order; n++) {
            count[n] = lists[n].size;
        }
        // forward order: each order sorted by its word tuple, so the children of an entry (the
        // n-grams it is the prefix of) are one contiguous range sorted by their last word
        int[][] forward = new int[order + 1][];
        int[][] position = new int[order + 1][];
        for (int n = 2; n <= order; n++) {
            GramList list = lists[n];
            int width = n;
            int[] perm = new int[list.size];
            for (int i = 0; i < perm.length; i++) {
                perm[i] = i;
            }
            int[] w = list.words;
            IndexSort.sort(perm, (x, y) -> Arrays.compare(w, x * width, x * width + width, w, y * width, y * width + width));
            int[] pos = new int[list.size];
            for (int i = 0; i < perm.length; i++) {
                pos[perm[i]] = i;
            }
            forward[n] = perm;
            position[n] = pos;
        }
        long[][] childStart = new long[order + 1][];
        for (int n = 1; n < order; n++) {
            int size = (int) count[n];
            long[] first = new long[size + 1];
            GramList next = lists[n + 1];
            for (int i = 0; i < next.size; i++) {
                int base = i * (n + 1);
                int parent = n == 1 ? next.words[base] : position[n][lists[n].find(next.words, base)];
                first[parent + 1]++;
            }
            for (int i = 0; i < size; i++) {
                first[i + 1] += first[i];
            }
            childStart[n] = first;
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
            GramList list = lists[n];
            probQ[n] = Quantizer.build(list.prob, list.size, quantization.probBits(), false);
            boolean top = n == order;
            backoffQ[n] = top ? null : Quantizer.build(list.backoff, list.size, quantization.backoffBits(), true);
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
        for (int w = 0; w <= v; w++) {
            boolean real = w < v;
            out.writeFloat(real ? uniProb[w] : 0f);
            out.writeFloat(real ? uniBackoff[w] : 0f);
            out.writeLong(order > 1 ? childStart[1][w] : 0);
        }
        for (int n = 2; n <= order; n++) {
            GramList list = lists[n];
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
            long[] packed = new long[(int) (LmFormat.packedBytes(entries, fb[4]) / 8)];
            for (int i = 0; i < entries; i++) {
                long bit = (long) i * fb[4];
                boolean real = i < count[n];
                int e = real ? forward[n][i] : 0;
                put(packed, bit, fb[0], real ? list.words[e * n + n - 1] : 0);
                bit += fb[0];
                put(packed, bit, fb[1], real ? probQ[n].encode(list.prob[e]) : 0);
                bit += fb[1];
                if (!top) {
                    put(packed, bit, fb[2], real ? backoffQ[n].encode(list.backoff[e]) : 0);
                    bit += fb[2];
                    put(packed, bit, fb[3], childStart[n][i]);
                }
            }
            out.writeLongs(packed, 0, packed.length);
        }
        out.align(8);
    }

    private static void put(long[] packed, long bit, int bits, long value) {
        int word = (int) (bit >>> 6);
        int shift = (int) (bit & 63);
        packed[word] |= value << shift;
        if (shift + bits > 64) {
            packed[word + 1] |= value >>> (64 - shift);
        }
    }
}
