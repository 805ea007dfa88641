package org.despin.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.despin.DespinException;

/**
 * Reads a reference collection into a {@link SourceIndexWriter}: folders of {@code .txt} files
 * (id = path relative to the folder given, with '/' separators), single text files (id = the file
 * name) and JSON Lines files ({@code .jsonl}/{@code .ndjson}: one object per line with an id field
 * and a text field). Files that cannot be indexed are skipped and counted with their reason; a
 * path that does not exist aborts the run before anything is written.
 */
public final class SourceIndexer {
    /**
     * @param idField the JSONL field holding the id (a string or a number)
     * @param textField the JSONL field holding the text
     */
    public record Options(String idField, String textField) {
        public static final Options DEFAULT = new Options("id", "text");
    }

    private static final int MAX_EXAMPLES = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SourceIndexWriter writer;
    private final Options options;
    private final IndexProgress progress;
    private final Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
    private final List<String> examples = new ArrayList<>();
    private long doneBytes;
    private long totalBytes;

    public SourceIndexer(SourceIndexWriter writer, Options options, IndexProgress progress) {
        this.writer = writer;
        this.options = options;
        this.progress = progress;
    }

    /** Indexes every input, commits, and says what was added and skipped. */
    public IndexingSummary index(List<Path> inputs) throws DespinException {
        List<Input> files = new ArrayList<>();
        for (Path p : inputs) {
            collect(p, files);
        }
        for (Input in : files) {
            totalBytes += in.size;
        }
        long before = writer.added();
        for (Input in : files) {
            if (in.skip != null) {
                skip(in.path.toString(), in.skip);
            } else if (isJsonLines(in.path)) {
                indexJsonLines(in);
            } else {
                indexTextFile(in);
            }
            doneBytes += in.size;
            progress.update(doneBytes, totalBytes, writer.added() - before);
        }
        writer.commit();
        return new IndexingSummary(writer.added() - before, skipped, examples, writer.size());
    }

    private record Input(Path path, String id, long size, SkipReason skip) {
    }

    private void collect(Path p, List<Input> out) throws DespinException {
        if (!Files.exists(p)) {
            throw new DespinException(DespinException.Kind.INPUT, "no such file or folder: " + p);
        }
        if (Files.isDirectory(p)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(p)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new DespinException(DespinException.Kind.INPUT, "cannot list folder " + p + ": " + e.getMessage(), e);
            }
            for (Path f : files) {
                String id = p.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                boolean wanted = name.endsWith(".txt") || isJsonLines(f);
                out.add(new Input(f, id, sizeOf(f), wanted ? null : SkipReason.NOT_TEXT_FILE));
            }
        } else {
            out.add(new Input(p, p.getFileName().toString(), sizeOf(p), null));
        }
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean isJsonLines(Path f) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson");
    }

    private void indexTextFile(Input in) throws DespinException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(in.path);
        } catch (IOException e) {
            skip(in.path + " (" + e.getClass().getSimpleName() + ")", SkipReason.UNREADABLE);
            return;
        }
        for (byte b : bytes) {
            if (b == 0) {
                skip(in.path.toString(), SkipReason.BINARY);
                return;
            }
        }
        String text;
        try {
            text = decodeUtf8(bytes, 0, bytes.length);
        } catch (CharacterCodingException e) {
            skip(in.path.toString(), SkipReason.INVALID_UTF8);
            return;
        }
        addOrSkip(in.id, text, in.path.toString());
    }

    private void indexJsonLines(Input in) throws DespinException {
        try (InputStream s = new BufferedInputStream(Files.newInputStream(in.path), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
            long lineNo = 0;
            int c;
            boolean more = true;
            while (more) {
                c = s.read();
                if (c != '\n' && c != -1) {
                    line.write(c);
                    continue;
                }
                more = c != -1;
                lineNo++;
                indexJsonLine(line.toByteArray(), in.path + ":" + lineNo);
                line.reset();
            }
        } catch (IOException e) {
            skip(in.path + " (" + e.getClass().getSimpleName() + ")", SkipReason.UNREADABLE);
        }
    }

    private void indexJsonLine(byte[] bytes, String where) throws DespinException {
        int n = bytes.length;
        if (n > 0 && bytes[n - 1] == '\r') {
            n--;
        }
        String line;
        try {
            line = decodeUtf8(bytes, 0, n);
        } catch (CharacterCodingException e) {
            skip(where, SkipReason.INVALID_UTF8);
            return;
        }
        if (line.isBlank()) {
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            skip(where, SkipReason.INVALID_JSON);
            return;
        }
        if (node == null || !node.isObject()) {
            skip(where, SkipReason.INVALID_JSON);
            return;
        }
        JsonNode id = node.get(options.idField());
        JsonNode text = node.get(options.textField());
        if (id == null || !(id.isTextual() || id.isNumber()) || text == null || !text.isTextual()) {
            skip(where, SkipReason.MISSING_FIELD);
            return;
        }
        addOrSkip(id.asText(), text.asText(), where);
    }

    private void addOrSkip(String id, String text, String where) throws DespinException {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (!hasLetterOrDigit(text)) {
            skip(where, SkipReason.EMPTY);
            return;
        }
        writer.add(id, text);
    }

    private static boolean hasLetterOrDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private void skip(String where, SkipReason reason) {
        skipped.merge(reason, 1L, Long::sum);
        if (examples.size() < MAX_EXAMPLES) {
            examples.add(where + ": " + reason.description());
        }
    }

    private static String decodeUtf8(byte[] bytes, int from, int length) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, from, length))
                .toString();
    }
}
