package org.despin.cli.scan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.despin.cli.CheckedDocument;
import org.despin.cli.input.InputException;
import org.despin.cli.input.TextSource;

/**
 * The batch engine of {@code despin scan}. The calling thread walks the inputs in order and hands
 * each document to a pool of workers, which read, check and render it to a line; the lines are
 * written in input order (a bounded window of futures: the oldest is awaited when the window is
 * full, so memory stays bounded and the output is the same for any thread count). Documents
 * already in the output file are skipped, so a killed run resumes where it stopped.
 */
public final class Scanner {
    /** Checks one document's text; the caller closes the result. */
    @FunctionalInterface
    public interface DocumentCheck {
        CheckedDocument check(TextSource text) throws InputException, IOException;
    }

    /** Told after each document written or skipped. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (documents, bytesDone, bytesTotal) -> { };

        void update(long documents, long bytesDone, long bytesTotal);
    }

    /** What the run did. @param written new lines @param skipped documents already in the output */
    public record Result(long written, long skipped, long inputBytes) {
    }

    /** Scan settings. @param maxRecordBytes the largest JSONL line or archive record held in memory */
    public record Settings(int threads, String textField, String idField, int maxRecordBytes) {
        public static final int DEFAULT_MAX_RECORD_BYTES = 64 << 20;
    }

    /** Lines are written in batches of this many, each batch with one write and a flush. */
    static final int BATCH = 64;
    /** Read-ahead records (JSONL lines, archive bodies) held in memory beyond this wait for the workers. */
    static final long MAX_HELD_BYTES = 256L << 20;

    private final DocumentScan documents;
    private final Settings settings;
    private final Progress progress;

    public Scanner(DocumentCheck check, Settings settings, Progress progress) {
        if (settings.threads() < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + settings.threads());
        }
        this.documents = new DocumentScan(check);
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * Scans every document of {@code paths} not yet in {@code out} and appends its line.
     *
     * @throws InputException when a path does not exist (nothing is written then)
     * @throws IOException when the output cannot be written
     */
    public Result scan(List<Path> paths, Path out) throws InputException, IOException {
        List<Path> files = InputFiles.list(paths);
        long total = 0;
        for (Path f : files) {
            total += InputFiles.size(f);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "despin-scan-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try (ResultLog log = ResultLog.open(out)) {
            Run run = new Run(log, pool, total);
            for (Path f : files) {
                DocumentScan.items(f, settings, run);
            }
            run.drain();
            return new Result(run.written, run.skipped, total);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The window of documents in flight, written in order as they complete. */
    private final class Run implements ItemSink {
        private final ResultLog log;
        private final ExecutorService pool;
        private final long total;
        private final ArrayDeque<Pending> window = new ArrayDeque<>();
        private final int windowSize = settings.threads() * 16;
        private long written;
        private long skipped;
        private long bytesDone;
        private int unflushed;

        private long heldBytes; // record bodies waiting in the window
        private final Map<String, Integer> seen = new HashMap<>();

        private record Pending(Future<String> line, long bytes, long held) {
        }

        Run(ResultLog log, ExecutorService pool, long total) {
            this.log = log;
            this.pool = pool;
            this.total = total;
        }

        @Override
        public void accept(ScanItem found) throws IOException, InterruptedException {
            ScanItem item = withUniqueId(found);
            if (log.isDone(item.id())) {
                skipped++;
                bytesDone += item.inputBytes();
                progress.update(written + skipped, bytesDone, total);
                return;
            }
            window.add(new Pending(CompletableFuture.supplyAsync(() -> documents.line(item), pool), item.inputBytes(), item.heldBytes()));
            heldBytes += item.heldBytes();
            // bounded in documents and in the bytes of records read ahead (64 MB records must not pile up)
            while (window.size() >= windowSize || heldBytes > MAX_HELD_BYTES && window.size() > 1) {
                writeOldest();
            }
        }

        /**
         * The n-th document with an id already seen in this walk becomes "id#n": every line has
         * its own id, and a resumed run, which walks the same inputs in the same order, gives the
         * same ids, so no repeat is taken for a document already done.
         */
        private ScanItem withUniqueId(ScanItem item) {
            int n = seen.merge(item.id(), 1, Integer::sum);
            return n == 1 ? item : new ScanItem(item.id() + "#" + n, item.source(), item.inputBytes(), item.heldBytes(),
                    item.content());
        }

        void drain() throws IOException, InterruptedException {
            while (!window.isEmpty()) {
                writeOldest();
            }
            log.flush();
        }

        private void writeOldest() throws IOException, InterruptedException {
            Pending p = window.poll();
            String line;
            try {
                line = p.line().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a scan worker failed", e.getCause()); // DocumentScan.line catches everything
            }
            log.add(line);
            written++;
            bytesDone += p.bytes();
            heldBytes -= p.held();
            // flush a full batch, and whenever the workers have caught up (a slow trickle is not held back)
            if (++unflushed >= BATCH || window.isEmpty() || !window.peek().line().isDone()) {
                log.flush();
                unflushed = 0;
            }
            progress.update(written + skipped, bytesDone, total);
        }
    }
}
