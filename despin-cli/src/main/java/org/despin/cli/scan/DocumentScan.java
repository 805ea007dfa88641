package org.despin.cli.scan;

import java.io.IOException;
import java.nio.file.Path;
import org.despin.cli.CheckedDocument;
import org.despin.cli.input.InputException;
import org.despin.cli.input.TextSource;

/**
 * One document of a scan, from found to its result line: opens its text, checks it and renders
 * the line; every problem becomes the document's status, nothing is thrown. The one place this
 * is done, for {@code despin scan} ({@link Scanner}) and the Spark scan job alike. Thread-safe when
 * the check is.
 */
public final class DocumentScan {
    private final Scanner.DocumentCheck check;

    public DocumentScan(Scanner.DocumentCheck check) {
        this.check = check;
    }

    /** The result line of {@code item} (one JSON object and a newline). */
    public String line(ScanItem item) {
        try (TextSource text = item.content().open(); CheckedDocument d = check.check(text)) {
            return ScanLine.ok(item.id(), item.source(), d);
        } catch (InputException e) {
            return ScanLine.failed(item.id(), item.source(), ScanStatus.of(e.status()), e.problem());
        } catch (DocumentFailure e) {
            return ScanLine.failed(item.id(), item.source(), e.status(), e.getMessage());
        } catch (IOException e) {
            return ScanLine.failed(item.id(), item.source(), ScanStatus.UNREADABLE, "cannot read: " + e.getMessage());
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return ScanLine.failed(item.id(), item.source(), ScanStatus.ERROR, "check failed: " + e);
        }
    }

    /**
     * The documents of one input file, in order, as {@code despin scan} finds them: the lines of
     * a JSONL file, the responses of a WARC archive, or the file itself. Ids are as the walk
     * gives them, before repeats are numbered (the caller does that over the whole input).
     */
    public static void items(Path file, Scanner.Settings settings, ItemSink sink) throws IOException, InterruptedException {
        switch (InputFiles.kind(file)) {
            case JSONL -> new JsonlInput(settings.textField(), settings.idField(), settings.maxRecordBytes()).read(file, sink);
            case WARC -> new WarcInput(settings.maxRecordBytes()).read(file, sink);
            case TEXT -> sink.accept(textFile(file));
        }
    }

    /** A plain text file as one document, read when its content is opened. */
    static ScanItem textFile(Path file) {
        return new ScanItem(file.toString(), file.toString(), InputFiles.size(file), 0, () -> TextSource.open(file.toString(), null));
    }
}
