package org.despin.lm.build;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A temporary file of fixed-width records of ints, written and read strictly in sequence through
 * one block buffer. The estimator's sorted runs and per-order streams are such files.
 */
final class RecordFile {
    private RecordFile() {
    }

    /** A block of whole records, about {@code bytes} long. */
    static int blockBytes(int width, int bytes) {
        return Math.max(width * 4, bytes / (width * 4) * (width * 4));
    }

    /** Appends records to a new file. */
    static final class Writer implements AutoCloseable {
        private final FileChannel channel;
        private final ByteBuffer bytes;
        private final IntBuffer ints;
        private final int width;
        private long records;

        Writer(Path file, int width, int bufferBytes) throws IOException {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            this.bytes = ByteBuffer.allocate(blockBytes(width, bufferBytes)).order(ByteOrder.nativeOrder());
            this.ints = bytes.asIntBuffer();
            this.width = width;
        }

        void write(int[] record, int from) throws IOException {
            if (ints.remaining() < width) {
                flush();
            }
            ints.put(record, from, width);
            records++;
        }

        long records() {
            return records;
        }

        private void flush() throws IOException {
            bytes.limit(ints.position() * 4).position(0);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            bytes.clear();
            ints.clear();
        }

        @Override
        public void close() throws IOException {
            try {
                flush();
            } finally {
                channel.close();
            }
        }
    }

    /** Reads the records of a file in order; optionally deletes the file when closed. */
    static final class Reader implements RecordCursor {
        private final Path file;
        private final FileChannel channel;
        private final ByteBuffer bytes;
        private final IntBuffer ints;
        private final int[] record;
        private final boolean deleteOnClose;

        Reader(Path file, int width, int bufferBytes, boolean deleteOnClose) throws IOException {
            this.file = file;
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
            // a short file needs no more than its size
            long fileBytes = channel.size();
            this.bytes = ByteBuffer.allocate(blockBytes(width, (int) Math.min(bufferBytes, Math.max(fileBytes, 1))))
                    .order(ByteOrder.nativeOrder());
            this.ints = bytes.asIntBuffer();
            ints.limit(0);
            this.record = new int[width];
            this.deleteOnClose = deleteOnClose;
        }

        @Override
        public boolean next() throws IOException {
            if (ints.remaining() < record.length) {
                bytes.clear();
                while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                    // fill the block
                }
                if (bytes.position() % (4 * record.length) != 0) {
                    throw new IOException(file + ": truncated record file");
                }
                ints.clear().limit(bytes.position() / 4);
                if (ints.remaining() < record.length) {
                    return false;
                }
            }
            ints.get(record);
            return true;
        }

        @Override
        public int[] record() {
            return record;
        }

        @Override
        public void close() throws IOException {
            channel.close();
            if (deleteOnClose) {
                Files.deleteIfExists(file);
            }
        }
    }
}
