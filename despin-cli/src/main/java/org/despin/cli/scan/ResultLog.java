package org.despin.cli.scan;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import org.despin.cli.render.ReportJson;

/**
 * The scan output file, appended to so that a run can be resumed. Opening it repairs what a
 * kill may have left (a trailing partial line is cut off) and collects the ids of the complete
 * lines; lines are then appended in batches, each batch with one write and a flush, so a kill
 * loses at most the documents not yet written.
 */
final class ResultLog implements AutoCloseable {
    private final Path file;
    private final Set<String> done;
    private final OutputStream out;
    private final StringBuilder batch = new StringBuilder();

    private ResultLog(Path file, Set<String> done, OutputStream out) {
        this.file = file;
        this.done = done;
        this.out = out;
    }

    /** Opens {@code file} for appending, creating it, after repairing and reading what is there. */
    static ResultLog open(Path file) throws IOException {
        Set<String> done = new HashSet<>();
        if (Files.exists(file)) {
            cutPartialLine(file);
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String id = id(line);
                    if (id != null) {
                        done.add(id);
                    }
                }
            }
        }
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        return new ResultLog(file, done, out);
    }

    /** Truncates the file after its last newline: what follows is a line a kill interrupted. */
    static void cutPartialLine(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            long end = size;
            long keep = 0;
            search:
            while (end > 0) {
                long start = Math.max(0, end - buf.capacity());
                buf.clear().limit((int) (end - start));
                ch.read(buf, start);
                for (int i = (int) (end - start) - 1; i >= 0; i--) {
                    if (buf.get(i) == '\n') {
                        keep = start + i + 1;
                        break search;
                    }
                }
                end = start;
            }
            if (keep < size) {
                ch.truncate(keep);
            }
        }
    }

    /** The id of a complete output line, or null when it is not one (never written by scan). */
    static String id(String line) {
        try {
            JsonNode n = ReportJson.MAPPER.readTree(line);
            JsonNode id = n == null ? null : n.get("id");
            return id != null && id.isTextual() ? id.textValue() : null;
        } catch (IOException e) {
            return null;
        }
    }

    Path file() {
        return file;
    }

    /** Whether a document with this id is already in the file (from an earlier run). */
    boolean isDone(String id) {
        return done.contains(id);
    }

    /** How many documents the file held when it was opened. */
    int doneCount() {
        return done.size();
    }

    /** Queues one complete line (ending in a newline) for the next {@link #flush}. */
    void add(String line) {
        batch.append(line);
    }

    /** Writes the queued lines with one write and flushes them to the file. */
    void flush() throws IOException {
        if (batch.length() == 0) {
            return;
        }
        out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        batch.setLength(0);
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }
}
