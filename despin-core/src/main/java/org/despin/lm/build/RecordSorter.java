package org.despin.lm.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * An external sort of fixed-width int records by their first {@code keyWidth} ints (signed,
 * lexicographic): records collect in a buffer of at most the memory budget, each full buffer is
 * sorted and written as a run, and {@link #finish()} merges the runs (k-way). With
 * {@code sumCounts}, records with equal keys become one whose last two ints (a long, high int
 * first) hold the sum of theirs. Run files are deleted as they are consumed.
 */
final class RecordSorter {
    /** Bytes of the block buffer of each run file read during the merge. */
    private static final int READ_BUFFER = 1 << 16;
    private static final int WRITE_BUFFER = 1 << 20;
    private static final int MIN_RECORDS = 256;

    private final TempFiles temp;
    private final String name;
    private final int width;
    private final int keyWidth;
    private final boolean sumCounts;
    private final int capacity;
    private int[] buffer;
    private int size;
    private long added;
    private final List<Path> runs = new ArrayList<>();

    RecordSorter(TempFiles temp, String name, int width, int keyWidth, long budgetBytes, boolean sumCounts) {
        this.temp = temp;
        this.name = name;
        this.width = width;
        this.keyWidth = keyWidth;
        this.sumCounts = sumCounts;
        // per record: its ints, an index and the merge sort's scratch index
        long records = budgetBytes / (4L * width + 8);
        this.capacity = (int) Math.max(MIN_RECORDS, Math.min(records, (Integer.MAX_VALUE - 8) / width));
        this.buffer = new int[Math.min(capacity, 1 << 12) * width];
    }

    void add(int[] record, int from) throws IOException {
        if (size == capacity) {
            spill();
        }
        if ((size + 1) * width > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, (int) Math.min((long) capacity * width, 2L * buffer.length));
        }
        System.arraycopy(record, from, buffer, size * width, width);
        size++;
        added++;
    }

    /** Records added so far. */
    long added() {
        return added;
    }

    private void spill() throws IOException {
        int[] order = sortedIndexes();
        Path run = temp.create(name + "-run");
        try (RecordFile.Writer w = new RecordFile.Writer(run, width, (int) Math.min(WRITE_BUFFER, 4L * width * size))) {
            int[] out = new int[width];
            boolean pending = false;
            for (int i : order) {
                if (pending && sumCounts && sameKey(out, 0, buffer, i * width)) {
                    addCount(out, buffer, i * width);
                    continue;
                }
                if (pending) {
                    w.write(out, 0);
                }
                System.arraycopy(buffer, i * width, out, 0, width);
                pending = true;
            }
            if (pending) {
                w.write(out, 0);
            }
        }
        runs.add(run);
        size = 0;
    }

    private int[] sortedIndexes() {
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        final int[] b = buffer;
        final int w = width;
        final int k = keyWidth;
        IndexSort.sort(idx, (x, y) -> {
            int bx = x * w;
            int by = y * w;
            for (int j = 0; j < k; j++) {
                int c = Integer.compare(b[bx + j], b[by + j]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        return idx;
    }

    private boolean sameKey(int[] a, int ai, int[] b, int bi) {
        for (int j = 0; j < keyWidth; j++) {
            if (a[ai + j] != b[bi + j]) {
                return false;
            }
        }
        return true;
    }

    private void addCount(int[] into, int[] from, int at) {
        long sum = count(into, 0) + count(from, at);
        into[width - 2] = (int) (sum >>> 32);
        into[width - 1] = (int) sum;
    }

    private long count(int[] r, int at) {
        return ((long) r[at + width - 2] << 32) | (r[at + width - 1] & 0xFFFFFFFFL);
    }

    /** All records in key order (summed when {@code sumCounts}); the sorter's buffer is released. */
    RecordCursor finish() throws IOException {
        if (size > 0 || runs.isEmpty()) {
            spill();
        }
        buffer = null;
        List<RecordCursor> readers = new ArrayList<>();
        for (Path run : runs) {
            readers.add(new RecordFile.Reader(run, width, READ_BUFFER, true));
        }
        runs.clear();
        return readers.size() == 1 ? readers.get(0) : new Merge(readers);
    }

    /** Writes all records in key order to a new file and returns it (the caller deletes it). */
    Path finishToFile(String fileName) throws IOException {
        Path file = temp.create(fileName);
        try (RecordCursor c = finish(); RecordFile.Writer w = new RecordFile.Writer(file, width, WRITE_BUFFER)) {
            while (c.next()) {
                w.write(c.record(), 0);
            }
        }
        return file;
    }

    private int compareKeys(int[] a, int[] b) {
        for (int j = 0; j < keyWidth; j++) {
            int c = Integer.compare(a[j], b[j]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The k-way merge of sorted runs. */
    private final class Merge implements RecordCursor {
        private final List<RecordCursor> readers;
        private final PriorityQueue<RecordCursor> queue;
        private final int[] record = new int[width];

        Merge(List<RecordCursor> readers) throws IOException {
            this.readers = readers;
            this.queue = new PriorityQueue<>(Math.max(1, readers.size()), (a, b) -> compareKeys(a.record(), b.record()));
            for (RecordCursor r : readers) {
                if (r.next()) {
                    queue.add(r);
                }
            }
        }

        @Override
        public boolean next() throws IOException {
            RecordCursor r = queue.poll();
            if (r == null) {
                return false;
            }
            System.arraycopy(r.record(), 0, record, 0, width);
            advance(r);
            while (sumCounts && !queue.isEmpty() && compareKeys(queue.peek().record(), record) == 0) {
                RecordCursor s = queue.poll();
                addCount(record, s.record(), 0);
                advance(s);
            }
            return true;
        }

        private void advance(RecordCursor r) throws IOException {
            if (r.next()) {
                queue.add(r);
            }
        }

        @Override
        public int[] record() {
            return record;
        }

        @Override
        public void close() throws IOException {
            IOException first = null;
            for (RecordCursor r : readers) {
                try {
                    r.close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }
}
