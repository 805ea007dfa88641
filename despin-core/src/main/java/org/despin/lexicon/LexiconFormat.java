package org.despin.lexicon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.despin.DespinException;
import org.despin.model.DataFormatException;
import org.despin.model.ModelFile;

/**
 * The "lexicon" section of a {@link ModelFile}: a string table, an open-addressing hash of the
 * observed spans and known words, and per span a range of links. All little-endian; every array
 * starts on a 4-byte boundary.
 *
 * <pre>
 * header (48 bytes)
 *    0 int magic "DLEX"          4 int version ({@link #VERSION})
 *    8 int maxSpanWords         12 int stringCount (S)
 *   16 int keyCount (K)         20 int linkCount (L)
 *   24 int tableSize (T, power of two)
 *   28 int stringBytes (B)      32..47 zero
 * int[S+1]  string offsets into the string bytes (strings sorted, ids are their ranks)
 * byte[B]   UTF-8 string bytes, padded with zeros to a multiple of 4
 * int[K]    key string id
 * int[K+1]  first link of each key (the last entry is L)
 * int[K]    observed picks (how many originals list the span's lemma)
 * int[K]    key flags: bits 0-6 {@link WordClass} mask, bit 7 known word
 * int[L]    link: bits 0-23 original's string id, bits 24-31 {@link LinkFeatures} flags (flag bit 5, word bit 29,
 *           is the two-hop bit instead)
 * short[L]  link: the original's synonym count (unsigned), padded to a multiple of 4 bytes
 * int[T]    hash slots: key index + 1, 0 for empty; linear probing from mix(String.hashCode())
 * </pre>
 *
 * The section stores link features, not finished weights: {@link ChannelWeights} turns them into
 * channel weights when the lexicon is read, so other weights need no rebuild. Same data, same bytes.
 */
public final class LexiconFormat {
    /** The section's name in the model file. */
    public static final String SECTION = "lexicon";
    public static final int VERSION = 1;
    static final int MAGIC = 0x58454C44; // "DLEX" read little-endian
    static final int HEADER = 48;
    static final int MAX_STRINGS = 1 << 24;
    static final int KNOWN_WORD = 1 << 7;
    static final int TWO_HOPS = 1 << 29;

    private LexiconFormat() {
    }

    /** Reads the lexicon of a model file, with the default channel weights. */
    public static Lexicon read(ModelFile file) throws DespinException {
        return read(file, ChannelWeights.DEFAULT);
    }

    /** Reads the lexicon of a model file with the given channel weights. */
    public static Lexicon read(ModelFile file, ChannelWeights weights) throws DespinException {
        return read(file.section(SECTION), file.path() + " (section '" + SECTION + "')", weights);
    }

    /**
     * Reads a lexicon section from a buffer (little-endian, position 0), checking its structure.
     *
     * @param where names the file and section in error messages
     */
    public static Lexicon read(ByteBuffer section, String where, ChannelWeights weights) throws DataFormatException {
        return MappedLexicon.open(section.duplicate().order(ByteOrder.LITTLE_ENDIAN), where, weights);
    }

    /** Writes {@code data} as a lexicon section. */
    public static ModelFile.SectionBody section(LexiconData data) {
        return out -> write(data, out);
    }

    private static void write(LexiconData data, org.despin.model.SectionOutput out) throws IOException {
        NavigableMap<String, NavigableMap<String, LinkFeatures>> links = data.links();
        TreeSet<String> strings = new TreeSet<>(data.wordClasses().keySet());
        strings.addAll(links.keySet());
        for (NavigableMap<String, LinkFeatures> m : links.values()) {
            strings.addAll(m.keySet());
        }
        if (strings.size() >= MAX_STRINGS) {
            throw new IOException("lexicon too large: " + strings.size() + " strings, the format holds " + MAX_STRINGS);
        }
        Map<String, Integer> ids = new TreeMap<>();
        List<byte[]> bytes = new ArrayList<>(strings.size());
        int stringBytes = 0;
        for (String s : strings) {
            ids.put(s, ids.size());
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            bytes.add(b);
            stringBytes += b.length;
        }
        TreeSet<String> keys = new TreeSet<>(links.keySet());
        keys.addAll(data.wordClasses().keySet());
        int keyCount = keys.size();
        long linkCount = data.linkCount();
        if (linkCount > Integer.MAX_VALUE / 8) {
            throw new IOException("lexicon too large: " + linkCount + " links");
        }
        int tableSize = tableSize(keyCount);

        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(data.maxSpanWords());
        out.writeInt(strings.size());
        out.writeInt(keyCount);
        out.writeInt((int) linkCount);
        out.writeInt(tableSize);
        out.writeInt(stringBytes);
        for (int i = 0; i < 4; i++) {
            out.writeInt(0);
        }
        int offset = 0;
        out.writeInt(0);
        for (byte[] b : bytes) {
            offset += b.length;
            out.writeInt(offset);
        }
        for (byte[] b : bytes) {
            out.writeBytes(b);
        }
        out.align(4);

        int[] keyIds = new int[keyCount];
        int k = 0;
        for (String key : keys) {
            keyIds[k++] = ids.get(key);
        }
        out.writeInts(keyIds, 0, keyCount);
        int first = 0;
        for (String key : keys) {
            out.writeInt(first);
            NavigableMap<String, LinkFeatures> m = links.get(key);
            first += m == null ? 0 : m.size();
        }
        out.writeInt(first);
        for (String key : keys) {
            out.writeInt(links.containsKey(key) ? data.observedPicks(key) : 0);
        }
        for (String key : keys) {
            Integer classes = data.wordClasses().get(key);
            out.writeInt(classes == null ? 0 : (classes & 0x7F) | KNOWN_WORD);
        }
        List<LinkFeatures> features = new ArrayList<>((int) linkCount);
        for (String key : keys) {
            NavigableMap<String, LinkFeatures> m = links.get(key);
            if (m != null) {
                for (Map.Entry<String, LinkFeatures> e : m.entrySet()) {
                    LinkFeatures f = e.getValue();
                    out.writeInt(ids.get(e.getKey()) | f.flags() << 24 | (f.hops() == 2 ? TWO_HOPS : 0));
                    features.add(f);
                }
            }
        }
        for (LinkFeatures f : features) {
            out.writeShort(f.originalSynonyms());
        }
        out.align(4);
        int[] table = new int[tableSize];
        k = 0;
        for (String key : keys) {
            int slot = mix(key.hashCode()) & (tableSize - 1);
            while (table[slot] != 0) {
                slot = (slot + 1) & (tableSize - 1);
            }
            table[slot] = ++k;
        }
        out.writeInts(table, 0, tableSize);
    }

    /** A power of two with the keys at a load of at most 0.5 (short probe runs, misses are common). */
    static int tableSize(int keys) {
        int t = 4;
        while (t < 2L * keys) {
            t <<= 1;
        }
        return t;
    }

    /** Spreads {@link String#hashCode()} (which the JLS fixes, so the table is portable) over the bits. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}
