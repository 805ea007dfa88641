package org.despin.lexicon;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.despin.model.DataFormatException;

/**
 * A lexicon read from a memory-mapped {@link LexiconFormat} section. A lookup is one hash probe
 * run over the mapped slots; the candidate list of a span is built on its first lookup and
 * cached (a benign race: two threads may build the same immutable list, either copy is right;
 * lists and strings are immutable with final fields, so a racing reader sees them whole). The
 * cache grows with the spans actually looked up, at most to every list of the section (about
 * 150 MB of objects for the default lexicon if every key were queried; the vocabulary of the
 * checked texts in practice).
 */
final class MappedLexicon implements Lexicon {
    private final ByteBuffer buf;
    private final ChannelWeights weights;
    private final int maxSpanWords;
    private final int stringCount;
    private final int keyCount;
    private final int linkCount;
    private final int tableMask;
    private final int stringOffsets;
    private final int stringBytes;
    private final int keyIds;
    private final int keyFirstLink;
    private final int keyPicks;
    private final int keyFlags;
    private final int links;
    private final int linkSynonyms;
    private final int table;
    private final String[] stringCache;
    /** Words in each string, 0 until first counted (a common original is listed by many keys). */
    private final byte[] wordCounts;
    private final List<?>[] candidateCache;
    /**
     * Per hash slot, mix(hashCode) | 1 of its key, filled on the slot's first comparison (0 = not
     * known yet; a race only computes it twice): a probe whose hash differs skips the comparison
     * with the mapped string (three dependent reads), and most spans a text asks about are no key.
     */
    private final int[] slotHash;
    /**
     * A filter of the first two words of the keys of two words or more ({@link #mayStartKey}), built at load from the
     * mapped strings (immutable); null when the keys could not be read (the validation then says why) or there are
     * none. Of the word pairs a text asks about, nearly none start a key: most lookups end here, without joining the
     * span or probing the hash table.
     */
    private final PairFilter pairFilter;

    private MappedLexicon(ByteBuffer buf, ChannelWeights weights, int[] h) {
        this.buf = buf;
        this.weights = weights;
        this.maxSpanWords = h[0];
        this.stringCount = h[1];
        this.keyCount = h[2];
        this.linkCount = h[3];
        this.tableMask = h[4] - 1;
        int pos = LexiconFormat.HEADER;
        this.stringOffsets = pos;
        pos += 4 * (stringCount + 1);
        this.stringBytes = pos;
        pos += align4(h[5]);
        this.keyIds = pos;
        pos += 4 * keyCount;
        this.keyFirstLink = pos;
        pos += 4 * (keyCount + 1);
        this.keyPicks = pos;
        pos += 4 * keyCount;
        this.keyFlags = pos;
        pos += 4 * keyCount;
        this.links = pos;
        pos += 4 * linkCount;
        this.linkSynonyms = pos;
        pos += align4(2 * linkCount);
        this.table = pos;
        this.stringCache = new String[stringCount];
        this.wordCounts = new byte[stringCount];
        this.candidateCache = new List<?>[keyCount];
        this.slotHash = new int[tableMask + 1];
        PairFilter filter = keyCount == 0 ? null : new PairFilter(keyCount); // (sized for every key: one pass)
        try {
            boolean multi = false;
            for (int key = 0; key < keyCount; key++) {
                multi |= addPair(filter, buf.getInt(keyIds + 4 * key));
            }
            filter = multi ? filter : null;
        } catch (IndexOutOfBoundsException | NegativeArraySizeException corrupt) {
            filter = null; // validate() reports what is wrong
        }
        this.pairFilter = filter;
    }

    /**
     * Adds the first two words of string {@code id} to the filter when it has two words or more, and says whether it
     * has: the words' String hashes computed from the mapped bytes where they are ASCII (a byte is then a char), from
     * the decoded string otherwise.
     */
    private boolean addPair(PairFilter filter, int id) {
        int start = buf.getInt(stringOffsets + 4 * id);
        int end = buf.getInt(stringOffsets + 4 * (id + 1));
        int first = 0;
        int second = 0;
        boolean ascii = true;
        int k = start;
        for (; k < end; k++) {
            byte c = buf.get(stringBytes + k);
            if (c == ' ') {
                break;
            }
            ascii &= c >= 0;
            first = 31 * first + c;
        }
        if (k == end) {
            return false; // one word
        }
        for (k++; k < end; k++) {
            byte c = buf.get(stringBytes + k);
            if (c == ' ') {
                break;
            }
            ascii &= c >= 0;
            second = 31 * second + c;
        }
        if (ascii) {
            filter.add(first, second);
        } else {
            filter.addKey(string(id));
        }
        return true;
    }

    @Override
    public boolean mayStartKey(String first, String second) {
        return pairFilter == null || pairFilter.mayHold(first, second);
    }

    private static int align4(long n) {
        return (int) ((n + 3) & ~3L);
    }

    static MappedLexicon open(ByteBuffer b, String where, ChannelWeights weights) throws DataFormatException {
        long length = b.capacity();
        if (length < LexiconFormat.HEADER) {
            throw bad(where, "too short for a lexicon header (" + length + " bytes)");
        }
        if (b.getInt(0) != LexiconFormat.MAGIC) {
            throw bad(where, "not a despin lexicon section (wrong magic)");
        }
        int version = b.getInt(4);
        if (version != LexiconFormat.VERSION) {
            throw bad(where, "lexicon format version " + version + ", this despin reads version " + LexiconFormat.VERSION
                    + "; rebuild the model with this version");
        }
        int maxSpan = b.getInt(8);
        int strings = b.getInt(12);
        int keys = b.getInt(16);
        int linkCount = b.getInt(20);
        int tableSize = b.getInt(24);
        int stringBytes = b.getInt(28);
        if (maxSpan < 1 || maxSpan > 16 || strings < 0 || strings >= LexiconFormat.MAX_STRINGS || keys < 0
                || keys > strings || linkCount < 0 || stringBytes < 0 || tableSize < 4 || Integer.bitCount(tableSize) != 1
                || tableSize < keys + 1L) {
            throw bad(where, "corrupt lexicon header (spans " + maxSpan + ", strings " + strings + ", keys " + keys
                    + ", links " + linkCount + ", table " + tableSize + ", string bytes " + stringBytes + ")");
        }
        long expected = LexiconFormat.HEADER + 4L * (strings + 1) + align4(stringBytes) + 4L * keys + 4L * (keys + 1)
                + 8L * keys + 4L * linkCount + align4(2L * linkCount) + 4L * tableSize;
        // the container pads each section to 8 bytes
        if (expected != length && align8(expected) != length) {
            throw bad(where, "lexicon section has " + length + " bytes, its header describes " + expected);
        }
        MappedLexicon lex = new MappedLexicon(b, weights,
                new int[] {maxSpan, strings, keys, linkCount, tableSize, stringBytes});
        lex.validate(where);
        return lex;
    }

    private static long align8(long n) {
        return (n + 7) & ~7L;
    }

    /** Checks every offset and id once, so that lookups never read outside the section. */
    private void validate(String where) throws DataFormatException {
        int prev = 0;
        if (buf.getInt(stringOffsets) != 0) {
            throw bad(where, "string table does not start at 0");
        }
        int totalBytes = buf.getInt(28);
        for (int i = 1; i <= stringCount; i++) {
            int o = buf.getInt(stringOffsets + 4 * i);
            if (o <= prev && i > 0 || o > totalBytes) {
                throw bad(where, "string " + (i - 1) + " has a bad offset " + o);
            }
            prev = o;
        }
        if (prev != totalBytes) {
            throw bad(where, "string table ends at " + prev + ", header says " + totalBytes);
        }
        int prevFirst = 0;
        for (int k = 0; k < keyCount; k++) {
            int id = buf.getInt(keyIds + 4 * k);
            if (id < 0 || id >= stringCount) {
                throw bad(where, "key " + k + " names string " + id + " of " + stringCount);
            }
            int first = buf.getInt(keyFirstLink + 4 * k);
            if (first != prevFirst) {
                throw bad(where, "key " + k + " links start at " + first + ", expected " + prevFirst);
            }
            int next = buf.getInt(keyFirstLink + 4 * (k + 1));
            if (next < first || next > linkCount) {
                throw bad(where, "key " + k + " has a bad link range " + first + ".." + next);
            }
            prevFirst = next;
            if ((buf.getInt(keyFlags + 4 * k) & ~0xFF) != 0) {
                throw bad(where, "key " + k + " has unknown flag bits");
            }
        }
        if (prevFirst != linkCount) {
            throw bad(where, "keys cover " + prevFirst + " links, header says " + linkCount);
        }
        for (int l = 0; l < linkCount; l++) {
            int v = buf.getInt(links + 4 * l);
            if ((v & 0xFFFFFF) >= stringCount || (v >>> 24 & ~(LinkFeatures.ALL_FLAGS | LexiconFormat.TWO_HOPS >>> 24)) != 0) {
                throw bad(where, "link " + l + " is corrupt (" + Integer.toHexString(v) + ")");
            }
            if (synonyms(l) == 0) {
                throw bad(where, "link " + l + " has a zero synonym count");
            }
        }
        int used = 0;
        for (int s = 0; s <= tableMask; s++) {
            int e = buf.getInt(table + 4 * s);
            if (e < 0 || e > keyCount) {
                throw bad(where, "hash slot " + s + " names key " + e + " of " + keyCount);
            }
            if (e != 0) {
                used++;
            }
        }
        if (used != keyCount) {
            throw bad(where, "hash table holds " + used + " keys, header says " + keyCount);
        }
    }

    private static DataFormatException bad(String where, String problem) {
        return new DataFormatException(where, 0, problem + "; the model file is corrupt or from another version, rebuild it");
    }

    @Override
    public int maxSpanWords() {
        return maxSpanWords;
    }

    @Override
    public List<Candidate> candidates(String observed) {
        int key = find(observed);
        if (key < 0) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Candidate> cached = (List<Candidate>) candidateCache[key];
        if (cached == null) {
            cached = build(key, observed);
            candidateCache[key] = cached;
        }
        return cached;
    }

    /** The originals' ids are the string table's: one per distinct text. */
    @Override
    public int originalIds() {
        return stringCount;
    }

    @Override
    public boolean hasCandidates(String observed) {
        int key = find(observed);
        return key >= 0 && buf.getInt(keyFirstLink + 4 * key) != buf.getInt(keyFirstLink + 4 * (key + 1));
    }

    @Override
    public boolean isKnownWord(String word) {
        int key = find(word);
        return key >= 0 && (buf.getInt(keyFlags + 4 * key) & LexiconFormat.KNOWN_WORD) != 0;
    }

    @Override
    public Set<WordClass> wordClasses(String word) {
        int key = find(word);
        return key < 0 ? Set.of() : WordClass.fromMask(buf.getInt(keyFlags + 4 * key) & 0x7F);
    }

    private List<Candidate> build(int key, String observed) {
        int first = buf.getInt(keyFirstLink + 4 * key);
        int end = buf.getInt(keyFirstLink + 4 * (key + 1));
        if (first == end) {
            return List.of();
        }
        int picks = buf.getInt(keyPicks + 4 * key);
        int observedWords = LexiconData.words(observed);
        List<Candidate> out = new ArrayList<>(end - first);
        for (int l = first; l < end; l++) {
            int v = buf.getInt(links + 4 * l);
            LinkFeatures f = new LinkFeatures(synonyms(l), (v & LexiconFormat.TWO_HOPS) != 0 ? 2 : 1,
                    v >>> 24 & LinkFeatures.ALL_FLAGS);
            int id = v & 0xFFFFFF;
            String original = string(id);
            out.add(new Candidate(original, weights.logChannel(f, observedWords, words(id, original), picks),
                    f.hops(), f.source(), id));
        }
        out.sort(MapLexicon.CANDIDATE_ORDER);
        return List.copyOf(out);
    }

    private int words(int id, String s) {
        int n = wordCounts[id];
        if (n == 0) {
            n = Math.min(Byte.MAX_VALUE, LexiconData.words(s));
            wordCounts[id] = (byte) n;
        }
        return n;
    }

    private int synonyms(int link) {
        return buf.getShort(linkSynonyms + 2 * link) & 0xFFFF;
    }

    /** Key index of {@code s}, or -1. */
    private int find(String s) {
        int mixed = LexiconFormat.mix(s.hashCode());
        int hash = mixed | 1;
        int slot = mixed & tableMask;
        while (true) {
            int e = buf.getInt(table + 4 * slot);
            if (e == 0) {
                return -1;
            }
            int known = slotHash[slot];
            if (known == 0 || known == hash) {
                int key = e - 1;
                int id = buf.getInt(keyIds + 4 * key);
                if (equalsString(id, s)) {
                    slotHash[slot] = hash;
                    return key;
                }
                if (known == 0) {
                    slotHash[slot] = LexiconFormat.mix(string(id).hashCode()) | 1;
                }
            }
            slot = (slot + 1) & tableMask;
        }
    }

    private boolean equalsString(int id, String s) {
        int start = buf.getInt(stringOffsets + 4 * id);
        int end = buf.getInt(stringOffsets + 4 * (id + 1));
        int n = s.length();
        if (end - start < n) {
            return false;
        }
        int p = stringBytes + start;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return string(id).equals(s);
            }
            if (buf.get(p + i) != c) {
                return false;
            }
        }
        return end - start == n;
    }

    private String string(int id) {
        String s = stringCache[id];
        if (s == null) {
            int start = buf.getInt(stringOffsets + 4 * id);
            int end = buf.getInt(stringOffsets + 4 * (id + 1));
            byte[] b = new byte[end - start];
            buf.get(stringBytes + start, b);
            s = new String(b, StandardCharsets.UTF_8);
            stringCache[id] = s;
        }
        return s;
    }
}
