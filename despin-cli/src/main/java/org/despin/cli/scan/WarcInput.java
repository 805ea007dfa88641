package org.despin.cli.scan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.despin.cli.input.TextSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Reads a WARC web archive ({@code .warc} or {@code .warc.gz}, read by jwarc): every
 * {@code response} record is a document with id "target-URI record-id". HTML bodies become
 * text with jsoup (on the worker thread); text/plain bodies are decoded strictly as UTF-8; other
 * content types are recorded as not text. Other record types are not documents. A record that
 * cannot be parsed (a truncated or corrupt archive) ends the file with one "unreadable" line.
 */
final class WarcInput {
    private final int maxBodyBytes;

    WarcInput(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    void read(Path file, ItemSink sink) throws IOException, InterruptedException {
        String name = file.toString();
        long size = InputFiles.size(file);
        long reported = 0;
        WarcReader reader;
        try {
            reader = new WarcReader(file);
        } catch (IOException | RuntimeException e) {
            sink.accept(ScanItem.failed(name, name, size, ScanStatus.UNREADABLE, "not a WARC file: " + message(e)));
            return;
        }
        try (reader) {
            while (true) {
                long at = reader.position();
                ScanItem item;
                try {
                    Optional<WarcRecord> next = reader.next();
                    if (next.isEmpty()) {
                        return;
                    }
                    if (!(next.get() instanceof WarcResponse response)) {
                        continue;
                    }
                    item = item(name, response);
                } catch (IOException | RuntimeException e) {
                    sink.accept(ScanItem.failed(name + "@" + at, name, Math.max(0, size - reported), ScanStatus.UNREADABLE,
                            "corrupt or truncated WARC record at byte " + at + ": " + message(e)));
                    return;
                }
                // the compressed position of the next record, for progress
                long advanced = Math.max(0, Math.min(size, reader.position()) - reported);
                reported += advanced;
                sink.accept(new ScanItem(item.id(), name, advanced, item.heldBytes(), item.content()));
            }
        }
    }

    /** Reads the record's body now (the reader moves on), leaves HTML extraction to the worker. */
    private ScanItem item(String name, WarcResponse response) throws IOException {
        String id = response.target() + " " + response.id();
        HttpResponse http = response.http();
        MediaType type = http.contentType().base();
        String charset = http.contentType().parameters().get("charset");
        InputStream body = http.bodyDecoded().stream();
        byte[] bytes = body.readNBytes(maxBodyBytes + 1);
        if (bytes.length > maxBodyBytes) {
            return ScanItem.failed(id, name, 0, ScanStatus.TOO_LONG, "body longer than " + maxBodyBytes + " bytes");
        }
        String t = type.toString().toLowerCase(Locale.ROOT);
        if (t.equals("text/html") || t.equals("application/xhtml+xml")) {
            String uri = response.target();
            return new ScanItem(id, name, 0, bytes.length, () -> TextSource.ofString(id, htmlText(bytes, charset, uri)));
        }
        if (t.equals("text/plain")) {
            return new ScanItem(id, name, 0, bytes.length, () -> TextSource.ofBytes(id, bytes));
        }
        return ScanItem.failed(id, name, 0, ScanStatus.NOT_TEXT, "content type " + t + ", not text or HTML");
    }

    /** The visible text of an HTML page; the charset from HTTP, else from the page, else UTF-8. */
    static String htmlText(byte[] html, String charset, String uri) throws DocumentFailure {
        try {
            Document doc = Jsoup.parse(new ByteArrayInputStream(html), charset, uri == null ? "" : uri);
            return doc.body() != null ? doc.body().text() : doc.text();
        } catch (IOException | RuntimeException e) {
            throw new DocumentFailure(ScanStatus.ERROR, "cannot read the HTML: " + message(e));
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
