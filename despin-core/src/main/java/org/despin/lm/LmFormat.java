package org.despin.lm;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.despin.DespinException;
import org.despin.lm.build.BackoffSource;
import org.despin.lm.build.NgramCursor;
import org.despin.lm.build.SortedFloats;
import org.despin.lm.build.SortedNgramModel;
import org.despin.model.DataFormatException;
import org.despin.model.ModelFile;

/**
 * Writes and reads the "lm" section of a {@link ModelFile}: a quantised, bit-packed reverse trie
 * (KenLM's trie with its quantisation; BerkeleyLM's bit packing), read in place from the memory-mapped section.
 *
 * <pre>
 * header   long magic "DSPNLMT1", int version, int order N, int vocabulary size V,
 *          int hash capacity H (power of two), long count[n] for n = 1..N
 *          per order n = 2..N: int wordBits, probBits, backoffBits, childBits,
 *                              int probCodes, backoffCodes, entryBits, 0
 *          per block: long offset, long length (from the section start; blocks 8-byte aligned)
 * blocks   vocabulary hash   int[H]: id + 1 at the slot of {@link TrieVocabulary#slot} (linear probing), 0 = empty
 *          vocabulary offsets int[V + 1] into the string bytes
 *          vocabulary strings UTF-8, id order: {@code <unk> <s> </s>}, then the words sorted by String order
 *          unigrams          per id (and one sentinel): float log10 prob, float log10 back-off,
 *                            long first child in order 2
 *          per order n = 2..N: float[] prob codebook, float[] back-off codebook,
 *                            bit-packed entries (count[n], plus a sentinel below the top order),
 *                            each, from the lowest bit: word id | prob code | back-off code | first child
 *                            (the top order has word and prob only), then 8 bytes of padding
 * </pre>
 *
 * The n-grams of each order are sorted by their word tuple, so the children of an entry (the
 * n-grams one word longer that start with it) are the range [its first child, the next entry's
 * first child), sorted by word id. A query state keeps that range for every suffix of its context,
 * so the searches for the next word at the different orders do not depend on one another. A code
 * width of 32 bits stores the float itself (no quantisation).
 */
public final class LmFormat {
    /** Name of the language-model section. */
    public static final String SECTION = "lm";
    /**
     * Metadata key naming the third component of a three-way language-model mix (the default build's
     * {@code "doc-comments"}); absent in a two-way mix ({@code lm.mix.component.weight} its weight).
     */
    public static final String MIX_COMPONENT_KEY = "lm.mix.component";
    static final long MAGIC = 0x31544D4C4E505344L; // "DSPNLMT1" little-endian
    static final int VERSION = 1;
    static final int MAX_ORDER = 15;

    /**
     * Code widths of the quantised values, per n-gram of order 2 and above (unigrams keep floats).
     *
     * @param probBits bits per log10 probability (1..24, or 32 for the float itself)
     * @param backoffBits bits per log10 back-off weight (1..24, or 32)
     */
    public record Quantization(int probBits, int backoffBits) {
        /** The default: within about 0.01 of the exact log10 value at 2-3 M n-grams per order. */
        public static final Quantization DEFAULT = new Quantization(10, 9);
        /** No quantisation: floats as they are (about twice the size). */
        public static final Quantization EXACT = new Quantization(32, 32);

        public Quantization {
            if (!valid(probBits) || !valid(backoffBits)) {
                throw new IllegalArgumentException("code widths must be 1..24 or 32 bits");
            }
        }

        private static boolean valid(int bits) {
            return bits == 32 || (bits >= 1 && bits <= 24);
        }
    }

    private LmFormat() {
    }

    /** The "lm" section body for {@code src}, quantised with {@link Quantization#DEFAULT}. */
    public static ModelFile.SectionBody section(BackoffSource src) {
        return section(src, Quantization.DEFAULT);
    }

    /** The "lm" section body for {@code src} (the source is read when the section is written). */
    public static ModelFile.SectionBody section(BackoffSource src, Quantization quantization) {
        return out -> new TrieWriter(src.order(), quantization).write(src, out);
    }

    /**
     * The "lm" section body for a model estimated on disk: written in one streaming pass per
     * order, holding only vocabulary-sized arrays (the same bytes as {@link #section(BackoffSource,
     * Quantization)} gives for the same n-grams).
     */
    public static ModelFile.SectionBody section(SortedNgramModel model, Quantization quantization) {
        return out -> TrieEncoder.encode(new SortedInput(model), quantization, out);
    }

    /** {@link #section(SortedNgramModel, Quantization)} with {@link Quantization#DEFAULT}. */
    public static ModelFile.SectionBody section(SortedNgramModel model) {
        return section(model, Quantization.DEFAULT);
    }

    private record SortedInput(SortedNgramModel model) implements TrieEncoder.Input {
        @Override
        public int order() {
            return model.order();
        }

        @Override
        public String[] vocabulary() {
            return model.vocabulary();
        }

        @Override
        public float[] unigramLog10Prob() {
            return model.unigramLog10Prob();
        }

        @Override
        public float[] unigramLog10Backoff() {
            return model.unigramLog10Backoff();
        }

        @Override
        public long count(int n) {
            return model.count(n);
        }

        @Override
        public NgramCursor open(int n) throws java.io.IOException {
            return model.open(n);
        }

        @Override
        public SortedFloats values(int n, boolean backoff) throws java.io.IOException {
            return model.sortedValues(n, backoff);
        }
    }

    /**
     * Maps the "lm" section of {@code file}; sizes are checked. Only the unigrams and the samples
     * of the bigrams and trigrams (the word of every 32nd entry, for long searches) are copied to
     * the heap: 0.7 MB for the default model, read in tens of milliseconds (a fresh mapping's page
     * faults, docs/benchmarks-lm.md).
     */
    public static TrieLanguageModel read(ModelFile file) throws DespinException {
        ByteBuffer section = file.section(SECTION);
        return read(section, file.path().toString());
    }

    /** Reads an "lm" section from a buffer ({@code name} is used in error messages). */
    public static TrieLanguageModel read(ByteBuffer section, String name) throws DataFormatException {
        try {
            return new TrieLanguageModel(section, name);
        } catch (IndexOutOfBoundsException | BufferUnderflowException e) {
            throw bad(name, "the 'lm' section is truncated");
        }
    }

    static DataFormatException bad(String name, String problem) {
        return new DataFormatException(name, 0, problem + "; the model file is damaged or was written by another "
                + "version: rebuild it ('despin model build' or 'despin train')");
    }

    /** Bytes of {@code entries} entries of {@code bits} bits, in whole longs plus one long of padding. */
    static long packedBytes(long entries, int bits) {
        return ((entries * bits + 63) / 64 + 1) * 8;
    }
}
