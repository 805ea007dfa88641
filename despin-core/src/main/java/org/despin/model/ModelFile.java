package org.despin.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.despin.DespinException;

/**
 * The despin container file: named binary sections, memory-mapped at load, plus build metadata.
 * Never Java serialization.
 *
 * <pre>
 * offset  0  magic "DESPINMF"
 *         8  int   format version ({@link #FORMAT_VERSION})
 *        12  int   state: 0 while writing, {@link #COMPLETE} once everything else is on disk (written last)
 *        16  long  offset of the table of contents
 *        24  long  file length
 *        32  sections, each starting on an 8-byte boundary
 *   toc      int section count; per section: UTF-8 name, long offset, long length, long CRC-32;
 *            int metadata count; per entry: UTF-8 key, UTF-8 value   (all little-endian)
 * </pre>
 *
 * A file whose state is not {@link #COMPLETE} was cut short while being written and is refused.
 */
public final class ModelFile {
    public static final int FORMAT_VERSION = 1;
    static final long MAGIC = 0x464D4E4950534544L; // "DESPINMF" read little-endian
    static final int COMPLETE = 0x504D4F43; // "COMP"
    private static final int HEADER = 32;

    private final Path path;
    private final int formatVersion;
    private final Map<String, long[]> sections; // name -> {offset, length, crc}
    private final Map<String, String> metadata;
    private final FileChannel channelForMapping;

    private ModelFile(Path path, int formatVersion, Map<String, long[]> sections, Map<String, String> metadata,
            FileChannel channel) {
        this.path = path;
        this.formatVersion = formatVersion;
        this.sections = sections;
        this.metadata = metadata;
        this.channelForMapping = channel;
    }

    /** Opens and checks a model file; sections are mapped on demand. */
    public static ModelFile open(Path path) throws DespinException {
        if (Files.isDirectory(path)) {
            throw new DespinException(DespinException.Kind.MODEL, path + ": is a directory, not a despin model file");
        }
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
            try {
                long size = ch.size();
                if (size < HEADER) {
                    throw new DataFormatException(path, "too short to be a despin model (" + size
                            + " bytes); rebuild it with 'despin model build' or 'despin train'");
                }
                ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
                readFully(ch, h, 0);
                h.flip();
                if (h.getLong(0) != MAGIC) {
                    throw new DataFormatException(path, "not a despin model file (wrong magic bytes)");
                }
                int version = h.getInt(8);
                if (version != FORMAT_VERSION) {
                    throw new DataFormatException(path, "model format version " + version + ", this despin reads version "
                            + FORMAT_VERSION + "; rebuild the model with this version ('despin model build')");
                }
                if (h.getInt(12) != COMPLETE) {
                    throw new DataFormatException(path, "incomplete model file (its build was interrupted); delete it and rebuild");
                }
                long toc = h.getLong(16);
                long length = h.getLong(24);
                if (length != size) {
                    throw new DataFormatException(path, "truncated model file: header says " + length + " bytes, file has "
                            + size + "; delete it and rebuild");
                }
                if (toc < HEADER || toc >= size) {
                    throw new DataFormatException(path, "corrupt table of contents offset " + toc);
                }
                ByteBuffer t = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE, size - toc)).order(ByteOrder.LITTLE_ENDIAN);
                readFully(ch, t, toc);
                t.flip();
                Map<String, long[]> sections = new LinkedHashMap<>();
                Map<String, String> meta = new LinkedHashMap<>();
                try {
                    int n = t.getInt();
                    for (int i = 0; i < n; i++) {
                        String name = utf8(t);
                        long off = t.getLong();
                        long len = t.getLong();
                        long crc = t.getLong();
                        if (off < HEADER || len < 0 || off + len > toc) {
                            throw new DataFormatException(path, "section '" + name + "' lies outside the file");
                        }
                        sections.put(name, new long[] {off, len, crc});
                    }
                    int m = t.getInt();
                    for (int i = 0; i < m; i++) {
                        meta.put(utf8(t), utf8(t));
                    }
                } catch (RuntimeException e) {
                    throw new DataFormatException(path, "corrupt table of contents (" + e.getClass().getSimpleName() + ")");
                }
                return new ModelFile(path, version, Collections.unmodifiableMap(sections), Collections.unmodifiableMap(meta), ch);
            } catch (DespinException | IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        } catch (NoSuchFileException e) {
            throw new DespinException(DespinException.Kind.MODEL, path + ": no such model file");
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.MODEL, path + ": cannot read model file: " + e.getMessage(), e);
        }
    }

    private static String utf8(ByteBuffer b) {
        int len = b.getInt();
        if (len < 0 || len > b.remaining()) {
            throw new IllegalStateException("bad string length");
        }
        byte[] bytes = new byte[len];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int n = ch.read(b, pos);
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
            pos += n;
        }
    }

    public Path path() {
        return path;
    }

    public ModelInfo info() {
        return new ModelInfo(formatVersion, metadata);
    }

    public boolean hasSection(String name) {
        return sections.containsKey(name);
    }

    public List<String> sectionNames() {
        return new ArrayList<>(sections.keySet());
    }

    public long sectionLength(String name) {
        long[] s = sections.get(name);
        return s == null ? -1 : s[1];
    }

    /** The named section, memory-mapped read-only, little-endian, position 0. */
    public ByteBuffer section(String name) throws DespinException {
        long[] s = sections.get(name);
        if (s == null) {
            throw new DataFormatException(path, "has no '" + name + "' section; it was built by another tool or version");
        }
        if (s[1] > Integer.MAX_VALUE) {
            throw new DataFormatException(path, "section '" + name + "' is larger than 2 GB, which this version cannot map");
        }
        try {
            MappedByteBuffer m = channelForMapping.map(FileChannel.MapMode.READ_ONLY, s[0], s[1]);
            return m.order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.MODEL, path + ": cannot map section '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Recomputes every section's CRC-32 and compares it with the stored one. */
    public void verify() throws DespinException {
        for (Map.Entry<String, long[]> e : sections.entrySet()) {
            ByteBuffer b = section(e.getKey());
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(b);
            if (crc.getValue() != e.getValue()[2]) {
                throw new DataFormatException(path, "section '" + e.getKey() + "' fails its checksum; the file is corrupt, rebuild it");
            }
        }
    }

    /** A section body, written in one go. */
    @FunctionalInterface
    public interface SectionBody {
        void writeTo(SectionOutput out) throws IOException;

        /** A body that writes the bytes of {@code section} (another model's section, as read) unchanged. */
        static SectionBody copyOf(ByteBuffer section) {
            return out -> {
                ByteBuffer b = section.duplicate();
                byte[] chunk = new byte[1 << 16];
                while (b.hasRemaining()) {
                    int n = Math.min(chunk.length, b.remaining());
                    b.get(chunk, 0, n);
                    out.writeBytes(chunk, 0, n);
                }
            };
        }
    }

    /**
     * Writes a model file to a temporary name beside the target and renames it into place when
     * complete, so a crash never leaves a file that looks whole.
     */
    public static final class Writer implements AutoCloseable {
        private final Path target;
        private final Path temp;
        private final FileChannel ch;
        private final List<Object[]> toc = new ArrayList<>();
        private boolean finished;

        public Writer(Path target) throws IOException {
            this.target = target.toAbsolutePath();
            Path dir = this.target.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            this.temp = this.target.resolveSibling(this.target.getFileName() + ".incomplete");
            this.ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, StandardOpenOption.READ);
            ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            h.putLong(MAGIC).putInt(FORMAT_VERSION).putInt(0).putLong(0).putLong(0).flip();
            while (h.hasRemaining()) {
                ch.write(h);
            }
        }

        /** Appends a section. Names are unique. */
        public Writer section(String name, SectionBody body) throws IOException {
            long off = ch.position();
            SectionOutput out = new SectionOutput(ch);
            body.writeTo(out);
            out.align(8);
            out.flush();
            toc.add(new Object[] {name, off, out.written(), out.crc()});
            return this;
        }

        /** Writes the table of contents and metadata, marks the file complete and moves it into place. */
        public void finish(Map<String, String> metadata) throws IOException {
            long tocOffset = ch.position();
            SectionOutput out = new SectionOutput(ch);
            out.writeInt(toc.size());
            for (Object[] e : toc) {
                out.writeUtf8((String) e[0]);
                out.writeLong((Long) e[1]);
                out.writeLong((Long) e[2]);
                out.writeLong((Long) e[3]);
            }
            out.writeInt(metadata.size());
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                out.writeUtf8(e.getKey());
                out.writeUtf8(e.getValue());
            }
            out.flush();
            long length = ch.position();
            ByteBuffer h = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            h.putLong(tocOffset).putLong(length).flip();
            ch.write(h, 16);
            ch.force(true);
            ByteBuffer done = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            done.putInt(COMPLETE).flip();
            ch.write(done, 12);
            ch.force(true);
            ch.close();
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            finished = true;
        }

        @Override
        public void close() throws IOException {
            if (!finished) {
                ch.close();
                Files.deleteIfExists(temp);
            }
        }
    }
}
