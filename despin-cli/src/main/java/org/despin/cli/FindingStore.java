package org.despin.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.despin.cli.render.ReportJson;
import org.despin.detect.Finding;

/**
 * The findings of one document, in input order. Kept in memory up to {@link #IN_MEMORY} findings,
 * then spilled to a temporary JSON Lines file, so that a 100 MB spun text does not need its
 * millions of findings on the heap. Can be read several times (one pass per rendered view).
 */
final class FindingStore implements Closeable {
    static final int IN_MEMORY = 4096;

    private final List<Finding> memory = new ArrayList<>();
    private Path spill;
    private BufferedWriter spillWriter;
    private int count;

    void add(Finding f) throws IOException {
        count++;
        if (spill == null && memory.size() < IN_MEMORY) {
            memory.add(f);
            return;
        }
        if (spill == null) {
            spill = Files.createTempFile("despin-findings", ".jsonl");
            spillWriter = Files.newBufferedWriter(spill, StandardCharsets.UTF_8);
            for (Finding m : memory) {
                writeLine(m);
            }
            memory.clear();
        }
        writeLine(f);
    }

    private void writeLine(Finding f) throws IOException {
        try (JsonGenerator g = ReportJson.MAPPER.getFactory().createGenerator(spillWriter)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            ReportJson.writeFinding(g, f);
        }
        spillWriter.newLine();
    }

    int size() {
        return count;
    }

    /** The findings in order. Close the iterator's source by exhausting it; a spill is read line by line. */
    Iterator<Finding> iterator() throws IOException {
        if (spill == null) {
            return memory.iterator();
        }
        spillWriter.flush();
        BufferedReader r = Files.newBufferedReader(spill, StandardCharsets.UTF_8);
        return new Iterator<>() {
            private String next = readLine();

            private String readLine() {
                try {
                    String line = r.readLine();
                    if (line == null) {
                        r.close();
                    }
                    return line;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Finding next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                try {
                    Finding f = ReportJson.MAPPER.readValue(next, Finding.class);
                    next = readLine();
                    return f;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    @Override
    public void close() throws IOException {
        if (spill != null) {
            spillWriter.close();
            Files.deleteIfExists(spill);
            spill = null;
        }
    }
}
