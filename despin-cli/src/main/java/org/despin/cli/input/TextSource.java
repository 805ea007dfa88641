package org.despin.cli.input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * An input named on the command line (a file, or {@code -} for standard input) that can be read
 * as text several times: once to check it and once per rendered view. Standard input is kept in
 * memory when small and copied to a temporary file otherwise, because it can be read only once.
 */
public final class TextSource implements AutoCloseable {
    /** Inputs larger than this are refused ("too-long"): offsets must fit a Java int and a run must end. */
    public static final long MAX_BYTES = 1L << 30;
    /** Standard input up to this size stays in memory. */
    static final int STDIN_IN_MEMORY = 4 << 20;

    private final String name;
    private final Path file;
    private final byte[] bytes;
    private final boolean temporary;

    private TextSource(String name, Path file, byte[] bytes, boolean temporary) {
        this.name = name;
        this.file = file;
        this.bytes = bytes;
        this.temporary = temporary;
    }

    /** A text held in memory (tests, the library). */
    public static TextSource ofString(String name, String text) {
        return new TextSource(name, null, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
    }

    /** Bytes held in memory (not copied: the caller hands them over), decoded strictly like a file: a record of a JSONL file or a web archive. */
    public static TextSource ofBytes(String name, byte[] bytes) {
        return new TextSource(name, null, bytes, false);
    }

    /**
     * Opens the input named {@code arg} ({@code -} is standard input), checking what can be
     * checked before reading: that it exists, is a regular readable file and is not too long.
     */
    public static TextSource open(String arg, InputStream stdin) throws InputException {
        if ("-".equals(arg)) {
            return readStdin(stdin);
        }
        Path p;
        try {
            p = Path.of(arg);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InputException(arg, InputStatus.MISSING, "no such file (invalid path)");
        }
        if (!Files.exists(p)) {
            throw new InputException(arg, InputStatus.MISSING, "no such file");
        }
        if (Files.isDirectory(p)) {
            throw new InputException(arg, InputStatus.DIRECTORY, "is a directory, not a text file");
        }
        if (!Files.isReadable(p)) {
            throw new InputException(arg, InputStatus.UNREADABLE, "permission denied");
        }
        if (Files.isRegularFile(p)) {
            try {
                long size = Files.size(p);
                if (size > MAX_BYTES) {
                    throw new InputException(arg, InputStatus.TOO_LONG, "too long (" + size + " bytes; the limit is "
                            + MAX_BYTES + "); split it into smaller files");
                }
            } catch (IOException e) {
                throw new InputException(arg, InputStatus.UNREADABLE, "cannot read: " + e.getMessage());
            }
            return new TextSource(arg, p, null, false);
        }
        // a named pipe or device: read it once, like standard input
        try (InputStream in = Files.newInputStream(p)) {
            return readOnce(arg, in);
        } catch (IOException e) {
            throw new InputException(arg, InputStatus.UNREADABLE, "cannot read: " + e.getMessage());
        }
    }

    private static TextSource readStdin(InputStream stdin) throws InputException {
        if (stdin == null) {
            throw new InputException("-", InputStatus.UNREADABLE, "standard input is closed");
        }
        return readOnce("-", stdin);
    }

    private static TextSource readOnce(String name, InputStream in) throws InputException {
        return readOnce(name, in, MAX_BYTES);
    }

    /**
     * Reads a stream that can be read only once: into memory when small, else into a temporary file. Binary data is
     * refused from its first block, before anything is copied, and the copy stops one byte past {@code maxBytes}: an
     * endless stream ({@code /dev/zero}, {@code yes |}) must not fill the disk before it is refused.
     */
    static TextSource readOnce(String name, InputStream in, long maxBytes) throws InputException {
        try {
            byte[] head = in.readNBytes(STDIN_IN_MEMORY);
            if (head.length < STDIN_IN_MEMORY) {
                return new TextSource(name, null, head, false);
            }
            InputException binary = StrictUtf8Reader.binary(name, head, Math.min(head.length, StrictUtf8Reader.SNIFF_BYTES));
            if (binary != null) {
                throw binary;
            }
            Path tmp = Files.createTempFile("despin-input", ".txt");
            try {
                Files.write(tmp, head);
                try (var out = Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.APPEND)) {
                    long total = head.length + copy(in, out, maxBytes + 1 - head.length);
                    if (total > maxBytes) {
                        throw new InputException(name, InputStatus.TOO_LONG, "too long (more than " + maxBytes
                                + " bytes); split it into smaller inputs");
                    }
                }
                return new TextSource(name, tmp, null, true);
            } catch (InputException | IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
        } catch (IOException e) {
            throw new InputException(name, InputStatus.UNREADABLE, "cannot read: " + describe(e));
        }
    }

    /** Copies at most {@code limit} bytes; the number copied. */
    private static long copy(InputStream in, java.io.OutputStream out, long limit) throws IOException {
        byte[] buf = new byte[1 << 16];
        long copied = 0;
        while (copied < limit) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, limit - copied));
            if (n < 0) {
                break;
            }
            out.write(buf, 0, n);
            copied += n;
        }
        return copied;
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The input's name as given on the command line. */
    public String name() {
        return name;
    }

    /** A new strict UTF-8 reader over the whole input; problems surface as {@link StrictUtf8Reader.InputIOException}. */
    public Reader openReader() throws InputException {
        InputStream in;
        if (bytes != null) {
            in = new ByteArrayInputStream(bytes);
        } else {
            try {
                in = Files.newInputStream(file);
            } catch (IOException e) {
                throw new InputException(name, InputStatus.UNREADABLE, "cannot read: " + describe(e));
            }
        }
        return new StrictUtf8Reader(name, in);
    }

    @Override
    public void close() throws IOException {
        if (temporary) {
            Files.deleteIfExists(file);
        }
    }
}
