package org.despin.lexicon;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.despin.DespinException;
import org.despin.model.DataFormatException;
import org.despin.model.ModelFile;

/**
 * The "terms" section of a {@link ModelFile}: the {@link TermTable}. All little-endian.
 *
 * <pre>
 * header (32 bytes)
 *    0 int magic "DTRM"      4 int version ({@link #VERSION})
 *    8 int wordCount (W)    12 int termCount (T)
 *   16 int termWords (N)    20 int wordBytes (B)      24..31 zero
 * int[W+1]  word offsets into the word bytes (words sorted, strictly; ids are their ranks)
 * byte[B]   UTF-8 word bytes, padded with zeros to a multiple of 4
 * int[T+1]  first entry of each term in the word-id array (the last entry is N)
 * int[N]    word ids; terms have 2-{@link TermTable#MAX_WORDS} words and are sorted strictly
 * version 2 only, the links ({@link TermLinks}, {@link TermTable#reach}):
 * int K (observed keys), int KB (key bytes), int L (links), int 0
 * int[K+1]  key offsets into the key bytes (keys sorted strictly by String order)
 * byte[KB]  UTF-8 key bytes, padded with zeros to a multiple of 4
 * int[K+1]  first link of each key (the last entry is L)
 * int[L]    links: bits 0-23 term word id, bits 24-31 tier; sorted within a key
 * int[W]    fan-out of each word ({@link TermTable#linkCount})
 * version 3 only, the register ({@link TermRegister}; written only when the table has one, else version 2):
 * int G (gated terms), int R (prose words), int RB (their bytes), int P (words of the technical prose, > 0)
 * int[G]    gated term ids, sorted strictly
 * int[R+1]  prose word offsets into the prose word bytes (sorted strictly)
 * byte[RB]  UTF-8 prose word bytes, padded with zeros to a multiple of 4
 * float[R]  log10 of each prose word's rate in the technical prose
 * </pre>
 *
 * The section is optional: a model without it reads as {@link TermTable#EMPTY}; a version 1
 * section (no links) still reads, as a table without links. Same terms and links, same bytes.
 */
public final class TermFormat {
    /** The section's name in the model file. */
    public static final String SECTION = "terms";
    public static final int VERSION = 2;
    /** The version with a register ({@link TermRegister}), written only for a table that has one. */
    public static final int VERSION_WITH_REGISTER = 3;
    /** The version before links; still readable. */
    static final int VERSION_WITHOUT_LINKS = 1;
    static final int MAGIC = 0x4D525444; // "DTRM" read little-endian
    static final int HEADER = 32;

    private TermFormat() {
    }

    /** The terms of a model file, or {@link TermTable#EMPTY} when it has no terms section. */
    public static TermTable read(ModelFile file) throws DespinException {
        if (!file.hasSection(SECTION)) {
            return TermTable.EMPTY;
        }
        return read(file.section(SECTION), file.path() + " (section '" + SECTION + "')");
    }

    /**
     * Reads a terms section from a buffer (position 0), checking its structure.
     *
     * @param where names the file and section in error messages
     */
    public static TermTable read(ByteBuffer section, String where) throws DataFormatException {
        ByteBuffer b = section.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < HEADER) {
            throw bad(where, "too short (" + b.remaining() + " bytes) for its 32-byte header");
        }
        if (b.getInt(0) != MAGIC) {
            throw bad(where, "not a terms section (wrong magic bytes)");
        }
        int version = b.getInt(4);
        if (version != VERSION && version != VERSION_WITHOUT_LINKS && version != VERSION_WITH_REGISTER) {
            throw bad(where, "terms format version " + version + ", this despin reads versions 1-"
                    + VERSION_WITH_REGISTER + "; rebuild the model");
        }
        int w = b.getInt(8);
        int t = b.getInt(12);
        int n = b.getInt(16);
        int bytes = b.getInt(20);
        long need = HEADER + 4L * (w + 1) + pad4(bytes) + 4L * (t + 1) + 4L * n;
        if (w < 0 || t < 0 || n < 0 || bytes < 0 || need > b.remaining()) {
            throw bad(where, "header counts (" + w + " words, " + t + " terms, " + n + " term words, " + bytes
                    + " word bytes) do not fit the section's " + b.remaining() + " bytes");
        }
        b.position(HEADER);
        String[] words = strings(b, w, bytes, where, "word", false);
        int[] start = ints(b, t + 1);
        int[] termWords = ints(b, n);
        if (start[0] != 0 || start[t] != n) {
            throw bad(where, "term offsets do not span the " + n + " term words");
        }
        for (int k = 0; k < n; k++) {
            if (termWords[k] < 0 || termWords[k] >= w) {
                throw bad(where, "term word id " + termWords[k] + " is outside the " + w + " words");
            }
        }
        for (int i = 0; i < t; i++) {
            int len = start[i + 1] - start[i];
            if (len < 2 || len > TermTable.MAX_WORDS) {
                throw bad(where, "term " + i + " has " + len + " words (2-" + TermTable.MAX_WORDS + " allowed)");
            }
            if (i > 0 && java.util.Arrays.compare(termWords, start[i - 1], start[i], termWords, start[i], start[i + 1]) >= 0) {
                throw bad(where, "terms are not sorted at term " + i);
            }
        }
        if (version == VERSION_WITHOUT_LINKS) {
            return new ArrayTermTable(words, start, termWords);
        }
        if (b.remaining() < 16) {
            throw bad(where, "no room for the links header");
        }
        int keyCount = b.getInt();
        int keyBytes = b.getInt();
        int linkCount = b.getInt();
        b.getInt();
        long needLinks = 4L * (keyCount + 1) + pad4(keyBytes) + 4L * (keyCount + 1) + 4L * linkCount + 4L * w;
        if (keyCount < 0 || keyBytes < 0 || linkCount < 0 || needLinks > b.remaining()) {
            throw bad(where, "links header (" + keyCount + " keys, " + keyBytes + " key bytes, " + linkCount
                    + " links) does not fit the section");
        }
        String[] keys = strings(b, keyCount, keyBytes, where, "observed key", true);
        int[] keyStart = ints(b, keyCount + 1);
        int[] links = ints(b, linkCount);
        int[] fanOut = ints(b, w);
        if (keyStart[0] != 0 || keyStart[keyCount] != linkCount) {
            throw bad(where, "key offsets do not span the " + linkCount + " links");
        }
        for (int k = 0; k < keyCount; k++) {
            if (keyStart[k] > keyStart[k + 1]) {
                throw bad(where, "key " + k + " has a bad link range");
            }
        }
        for (int l = 0; l < linkCount; l++) {
            int word = TermTable.linkWord(links[l]);
            int tier = TermTable.linkTier(links[l]);
            if (word >= w || tier > TermTable.RELATED) {
                throw bad(where, "link " + l + " names word " + word + " of " + w + " with tier " + tier);
            }
        }
        TermRegister register = TermRegister.NONE;
        if (version == VERSION_WITH_REGISTER) {
            if (b.remaining() < 16) {
                throw bad(where, "no room for the register header");
            }
            int g = b.getInt();
            int r = b.getInt();
            int rb = b.getInt();
            int prose = b.getInt();
            long needRegister = 4L * g + 4L * (r + 1) + pad4(rb) + 4L * r;
            if (g < 0 || r < 0 || rb < 0 || prose <= 0 || needRegister > b.remaining()) {
                throw bad(where, "register header (" + g + " gated terms, " + r + " prose words, " + rb + " bytes, "
                        + prose + " words of prose) does not fit the section");
            }
            int[] gated = ints(b, g);
            for (int k = 0; k < g; k++) {
                if (gated[k] < 0 || gated[k] >= t || (k > 0 && gated[k] <= gated[k - 1])) {
                    throw bad(where, "gated term " + k + " (" + gated[k] + ") is out of order or outside the " + t + " terms");
                }
            }
            String[] proseWords = strings(b, r, rb, where, "prose word", false);
            float[] rates = new float[r];
            b.asFloatBuffer().get(rates);
            b.position(b.position() + 4 * r);
            register = TermRegister.of(gated, proseWords, rates, prose);
        }
        return new ArrayTermTable(words, start, termWords, keys, keyStart, links, fanOut, register);
    }

    /** Reads {@code count} offsets and the padded UTF-8 bytes of strictly sorted strings. */
    private static String[] strings(ByteBuffer b, int count, int bytes, String where, String what, boolean spaces)
            throws DataFormatException {
        int[] offsets = ints(b, count + 1);
        byte[] utf8 = new byte[bytes];
        b.get(utf8);
        b.position(b.position() + pad4(bytes) - bytes);
        String[] out = new String[count];
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int i = 0; i < count; i++) {
            if (offsets[i] < 0 || offsets[i] > offsets[i + 1] || offsets[i + 1] > bytes || (i == 0 && offsets[0] != 0)) {
                throw bad(where, what + " " + i + " has a bad offset");
            }
            int from = offsets[i];
            int length = offsets[i + 1] - from;
            if (ascii(utf8, from, length)) {
                // almost every word is ASCII: the String constructor's fast path, nothing to validate
                out[i] = new String(utf8, from, length, StandardCharsets.US_ASCII);
            } else {
                try {
                    out[i] = decoder.decode(ByteBuffer.wrap(utf8, from, length)).toString();
                } catch (CharacterCodingException e) {
                    throw bad(where, what + " " + i + " is not valid UTF-8");
                }
            }
            if (out[i].isEmpty() || (!spaces && out[i].indexOf(' ') >= 0)) {
                throw bad(where, what + " " + i + " ('" + out[i] + "') is empty or holds a space");
            }
            if (i > 0 && out[i - 1].compareTo(out[i]) >= 0) {
                throw bad(where, what + "s are not sorted: '" + out[i - 1] + "' before '" + out[i] + "'");
            }
        }
        return out;
    }

    private static boolean ascii(byte[] bytes, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Writes {@code table} as a terms section. */
    public static ModelFile.SectionBody section(TermTable table) {
        ArrayTermTable a = table instanceof ArrayTermTable at ? at : copy(table);
        return out -> {
            String[] words = a.words();
            byte[][] utf8 = utf8(words);
            int bytes = length(utf8);
            int[] start = a.starts();
            int[] termWords = a.termWords();
            TermRegister register = a.register();
            boolean withRegister = register.hasGated() || register.hasProse();
            out.writeInt(MAGIC);
            out.writeInt(withRegister ? VERSION_WITH_REGISTER : VERSION);
            out.writeInt(words.length);
            out.writeInt(start.length - 1);
            out.writeInt(termWords.length);
            out.writeInt(bytes);
            out.writeInt(0);
            out.writeInt(0);
            writeStrings(out, utf8);
            out.writeInts(start, 0, start.length);
            out.writeInts(termWords, 0, termWords.length);
            byte[][] keys = utf8(a.keys());
            int[] links = a.links();
            out.writeInt(keys.length);
            out.writeInt(length(keys));
            out.writeInt(links.length);
            out.writeInt(0);
            writeStrings(out, keys);
            out.writeInts(a.keyStarts(), 0, a.keyStarts().length);
            out.writeInts(links, 0, links.length);
            out.writeInts(a.fanOuts(), 0, a.fanOuts().length);
            if (withRegister) {
                if (register.proseWords() <= 0 || register.proseWords() > Integer.MAX_VALUE) {
                    throw new IllegalStateException("a register needs 1.." + Integer.MAX_VALUE + " words of prose");
                }
                byte[][] prose = utf8(register.words());
                int[] gated = register.gatedTerms();
                out.writeInt(gated.length);
                out.writeInt(prose.length);
                out.writeInt(length(prose));
                out.writeInt((int) register.proseWords());
                out.writeInts(gated, 0, gated.length);
                writeStrings(out, prose);
                float[] rates = register.log10Rates();
                int[] bits = new int[rates.length];
                for (int k = 0; k < rates.length; k++) {
                    bits[k] = Float.floatToIntBits(rates[k]);
                }
                out.writeInts(bits, 0, bits.length);
            }
        };
    }

    private static byte[][] utf8(String[] strings) {
        byte[][] out = new byte[strings.length][];
        for (int i = 0; i < strings.length; i++) {
            out[i] = strings[i].getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    private static int length(byte[][] utf8) {
        int n = 0;
        for (byte[] u : utf8) {
            n += u.length;
        }
        return n;
    }

    private static void writeStrings(org.despin.model.SectionOutput out, byte[][] utf8) throws java.io.IOException {
        int offset = 0;
        out.writeInt(0);
        for (byte[] u : utf8) {
            offset += u.length;
            out.writeInt(offset);
        }
        for (byte[] u : utf8) {
            out.writeBytes(u);
        }
        out.align(4);
    }

    private static ArrayTermTable copy(TermTable table) {
        java.util.List<String> terms = new java.util.ArrayList<>(table.size());
        for (int t = 0; t < table.size(); t++) {
            terms.add(table.text(t));
        }
        return ArrayTermTable.of(terms, TermLinks.NONE); // links of foreign tables are not copied
    }

    private static int[] ints(ByteBuffer b, int count) {
        int[] a = new int[count];
        b.asIntBuffer().get(a);
        b.position(b.position() + 4 * count);
        return a;
    }

    private static int pad4(int n) {
        return (n + 3) & ~3;
    }

    private static DataFormatException bad(String where, String problem) {
        return new DataFormatException(where, 0, problem);
    }
}
