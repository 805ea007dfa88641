package org.despin.lm;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import org.despin.lm.build.IndexSort;

/**
 * Counts the n-grams a Kneser-Ney estimate needs (at each position, the longest n-gram ending
 * there: full order, or shorter when it reaches back to {@code <s>}) within a memory budget:
 * when the hash table would outgrow the budget its contents are sorted and spilled to a chunk
 * file, and {@link #merge} streams the sum of all chunks in sorted order (a k-way merge).
 * Tuples are padded with -1 to the full order.
 */
final class ChunkCounter implements AutoCloseable {
    interface Sink {
        void accept(int[] ngram, int length, long count) throws IOException;
    }

    private final int order;
    private final long budget;
    private final Path dir;
    private final List<Path> chunks = new ArrayList<>();
    private int[] keys;
    private int[] counts;
    private int used;
    private int mask;
    private final int[] gram;

    ChunkCounter(int order, long memoryBudgetBytes, Path tempDir) {
        this.order = order;
        this.budget = memoryBudgetBytes;
        this.dir = tempDir;
        this.gram = new int[order];
        int capacity = 1 << 10;
        while (capacity > 4 && bytesFor(capacity) > budget) {
            capacity >>= 1;
        }
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new int[capacity * order];
        Arrays.fill(keys, Integer.MIN_VALUE);
        counts = new int[capacity];
        mask = capacity - 1;
        used = 0;
    }

    private long bytesFor(int capacity) {
        return (long) capacity * (4L * order + 4);
    }

    int chunksSpilled() {
        return chunks.size();
    }

    /** Counts the n-grams of one sentence given as word ids with {@code <s>} and {@code </s>} around them. */
    void addSentence(int[] ids, int length) throws IOException {
        for (int i = 1; i < length; i++) {
            int len = Math.min(order, i + 1);
            Arrays.fill(gram, -1);
            System.arraycopy(ids, i + 1 - len, gram, 0, len);
            add(gram, 1);
        }
    }

    private void add(int[] g, int c) throws IOException {
        int slot = slotOf(g, keys, mask);
        int base = slot * order;
        if (keys[base] == Integer.MIN_VALUE) {
            if ((used + 1) * 2L > counts.length) {
                if (bytesFor(counts.length * 2) > budget && used > 0) {
                    spill();
                } else {
                    grow();
                }
                add(g, c);
                return;
            }
            System.arraycopy(g, 0, keys, base, order);
            used++;
        }
        counts[slot] += c;
    }

    private int slotOf(int[] g, int[] k, int m) {
        int h = 0x811C9DC5;
        for (int x : g) {
            h = (h ^ x) * 0x01000193;
        }
        h ^= h >>> 16;
        int slot = h & m;
        while (true) {
            int base = slot * order;
            if (k[base] == Integer.MIN_VALUE || Arrays.equals(k, base, base + order, g, 0, order)) {
                return slot;
            }
            slot = (slot + 1) & m;
        }
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldCounts = counts;
        allocate(oldCounts.length * 2);
        int[] g = new int[order];
        for (int s = 0; s < oldCounts.length; s++) {
            if (oldKeys[s * order] != Integer.MIN_VALUE) {
                System.arraycopy(oldKeys, s * order, g, 0, order);
                int slot = slotOf(g, keys, mask);
                System.arraycopy(g, 0, keys, slot * order, order);
                counts[slot] = oldCounts[s];
                used++;
            }
        }
    }

    /** The occupied slots sorted by tuple. */
    private int[] sortedSlots() {
        int[] slots = new int[used];
        int m = 0;
        for (int s = 0; s < counts.length; s++) {
            if (keys[s * order] != Integer.MIN_VALUE) {
                slots[m++] = s;
            }
        }
        IndexSort.sort(slots, (a, b) -> Arrays.compare(keys, a * order, a * order + order, keys, b * order, b * order + order));
        return slots;
    }

    private void spill() throws IOException {
        Path chunk = dir.resolve("chunk-" + chunks.size() + ".bin");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(chunk), 1 << 16))) {
            for (int s : sortedSlots()) {
                for (int k = 0; k < order; k++) {
                    out.writeInt(keys[s * order + k]);
                }
                out.writeInt(counts[s]);
            }
        }
        chunks.add(chunk);
        allocate(counts.length);
    }

    /** Streams every counted n-gram once, in sorted tuple order, with its total count. */
    void merge(Sink sink) throws IOException {
        if (chunks.isEmpty()) {
            int[] g = new int[order];
            for (int s : sortedSlots()) {
                System.arraycopy(keys, s * order, g, 0, order);
                sink.accept(g, length(g), counts[s]);
            }
            return;
        }
        if (used > 0) {
            spill();
        }
        allocate(1);
        PriorityQueue<ChunkReader> queue = new PriorityQueue<>((a, b) -> Arrays.compare(a.gram, b.gram));
        List<ChunkReader> readers = new ArrayList<>();
        try {
            for (Path c : chunks) {
                ChunkReader r = new ChunkReader(c, order);
                readers.add(r);
                if (r.next()) {
                    queue.add(r);
                }
            }
            int[] current = new int[order];
            long total = 0;
            boolean any = false;
            while (!queue.isEmpty()) {
                ChunkReader r = queue.poll();
                if (any && !Arrays.equals(current, r.gram)) {
                    sink.accept(current, length(current), total);
                    total = 0;
                }
                System.arraycopy(r.gram, 0, current, 0, order);
                total += r.count;
                any = true;
                if (r.next()) {
                    queue.add(r);
                }
            }
            if (any) {
                sink.accept(current, length(current), total);
            }
        } finally {
            for (ChunkReader r : readers) {
                r.close();
            }
        }
    }

    private static int length(int[] g) {
        int n = 0;
        while (n < g.length && g[n] != -1) {
            n++;
        }
        return n;
    }

    @Override
    public void close() {
        for (Path c : chunks) {
            try {
                Files.deleteIfExists(c);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class ChunkReader implements AutoCloseable {
        final DataInputStream in;
        final int[] gram;
        long count;

        ChunkReader(Path file, int order) throws IOException {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            gram = new int[order];
        }

        boolean next() throws IOException {
            try {
                for (int k = 0; k < gram.length; k++) {
                    gram[k] = in.readInt();
                }
                count = in.readInt();
                return true;
            } catch (EOFException e) {
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
