package org.despin.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Little-endian output for one section of a {@link ModelFile}; counts bytes and a CRC-32 as it
 * goes. Only {@link ModelFile.Writer} creates these.
 */
public final class SectionOutput {
    private final FileChannel channel;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32 crc = new CRC32();
    private long written;

    SectionOutput(FileChannel channel) {
        this.channel = channel;
    }

    private void room(int n) throws IOException {
        if (buf.remaining() < n) {
            flush();
        }
    }

    void flush() throws IOException {
        buf.flip();
        crc.update(buf.duplicate());
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        buf.clear();
    }

    public void writeByte(int v) throws IOException {
        room(1);
        buf.put((byte) v);
        written++;
    }

    public void writeShort(int v) throws IOException {
        room(2);
        buf.putShort((short) v);
        written += 2;
    }

    public void writeInt(int v) throws IOException {
        room(4);
        buf.putInt(v);
        written += 4;
    }

    public void writeLong(long v) throws IOException {
        room(8);
        buf.putLong(v);
        written += 8;
    }

    public void writeFloat(float v) throws IOException {
        room(4);
        buf.putFloat(v);
        written += 4;
    }

    public void writeBytes(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            room(1);
            int n = Math.min(len, buf.remaining());
            buf.put(b, off, n);
            off += n;
            len -= n;
            written += n;
        }
    }

    public void writeBytes(byte[] b) throws IOException {
        writeBytes(b, 0, b.length);
    }

    /** A string as an int byte length and its UTF-8 bytes. */
    public void writeUtf8(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeInt(b.length);
        writeBytes(b);
    }

    public void writeInts(int[] a, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            writeInt(a[i]);
        }
    }

    public void writeLongs(long[] a, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            writeLong(a[i]);
        }
    }

    public void writeFloats(float[] a, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            writeFloat(a[i]);
        }
    }

    /** Pads with zero bytes to a multiple of {@code alignment} from the section start. */
    public void align(int alignment) throws IOException {
        while (written % alignment != 0) {
            writeByte(0);
        }
    }

    public long written() {
        return written;
    }

    long crc() {
        return crc.getValue();
    }
}
