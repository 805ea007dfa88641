package org.despin.cli.scan;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.zip.GZIPInputStream;
import org.despin.cli.input.TextSource;
import org.despin.cli.render.ReportJson;
import org.despin.io.CountingInputStream;

/**
 * Reads a JSON Lines file ({@code .jsonl}, or gzip-compressed {@code .jsonl.gz}): one document per
 * non-blank line, its text in a configurable string field and its id in another (else
 * {@code file:line}). A line is held in memory only up to {@code maxLineBytes}; a longer one is
 * skipped over and recorded as too long. A corrupt or truncated gzip stream ends the file with
 * one "unreadable" line; the documents before it are kept.
 */
final class JsonlInput {
    private final String textField;
    private final String idField;
    private final int maxLineBytes;

    JsonlInput(String textField, String idField, int maxLineBytes) {
        this.textField = textField;
        this.idField = idField;
        this.maxLineBytes = maxLineBytes;
    }

    void read(Path file, ItemSink sink) throws IOException, InterruptedException {
        String name = file.toString();
        CountingInputStream counted;
        InputStream in;
        try {
            counted = new CountingInputStream(Files.newInputStream(file));
        } catch (IOException e) {
            sink.accept(ScanItem.failed(name, name, InputFiles.size(file), ScanStatus.UNREADABLE, "cannot read: " + e));
            return;
        }
        long reported = 0;
        long lineNo = 0;
        try (InputStream raw = counted) {
            try {
                in = new BufferedInputStream(name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw, 1 << 16);
            } catch (IOException e) {
                sink.accept(ScanItem.failed(name, name, InputFiles.size(file), ScanStatus.UNREADABLE,
                        "not a gzip file: " + e.getMessage()));
                return;
            }
            LineReader lines = new LineReader(in, maxLineBytes);
            while (true) {
                byte[] line;
                try {
                    line = lines.next();
                } catch (IOException e) {
                    lineNo++;
                    sink.accept(ScanItem.failed(name + ":" + lineNo, name, InputFiles.size(file) - reported,
                            ScanStatus.UNREADABLE, "corrupt or truncated file at line " + lineNo + ": " + e.getMessage()));
                    return;
                }
                if (line == null) {
                    break;
                }
                lineNo++;
                long advanced = counted.count() - reported;
                reported = counted.count();
                if (line == LineReader.TOO_LONG) {
                    sink.accept(ScanItem.failed(name + ":" + lineNo, name, advanced, ScanStatus.TOO_LONG,
                            "line longer than " + maxLineBytes + " bytes"));
                } else if (!isBlank(line)) {
                    sink.accept(item(name, lineNo, line, advanced));
                }
            }
        }
    }

    private ScanItem item(String name, long lineNo, byte[] line, long advanced) {
        String fallbackId = name + ":" + lineNo;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line));
        } catch (CharacterCodingException e) {
            return ScanItem.failed(fallbackId, name, advanced, ScanStatus.INVALID_UTF8, "line " + lineNo + " is not valid UTF-8");
        }
        JsonNode node;
        try {
            node = ReportJson.MAPPER.readTree(line);
        } catch (IOException e) {
            return ScanItem.failed(fallbackId, name, advanced, ScanStatus.ERROR, "line " + lineNo + " is not JSON");
        }
        JsonNode idNode = node == null ? null : node.get(idField);
        String id = idNode != null && idNode.isValueNode() && !idNode.isNull() ? idNode.asText() : fallbackId;
        JsonNode text = node == null ? null : node.get(textField);
        if (text == null || !text.isTextual()) {
            return ScanItem.failed(id, name, advanced, ScanStatus.ERROR, "line " + lineNo + " has no string field '" + textField + "'");
        }
        String t = text.textValue();
        return new ScanItem(id, name, advanced, line.length, () -> TextSource.ofString(id, t));
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Lines of bytes, each at most a limit long; a longer line is read past and returned as {@link #TOO_LONG}. */
    static final class LineReader {
        static final byte[] TOO_LONG = new byte[0];

        private final InputStream in;
        private final int max;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        LineReader(InputStream in, int max) {
            this.in = in;
            this.max = max;
        }

        /** The next line without its end, or null at the end of the input. */
        byte[] next() throws IOException {
            buf.reset();
            boolean tooLong = false;
            boolean any = false;
            int b;
            while ((b = in.read()) >= 0) {
                any = true;
                if (b == '\n') {
                    break;
                }
                if (buf.size() < max) {
                    buf.write(b);
                } else {
                    tooLong = true;
                }
            }
            if (!any) {
                return null;
            }
            return tooLong ? TOO_LONG : buf.toByteArray();
        }
    }
}
