package org.despin.cli.scan;

import java.util.Locale;
import org.despin.cli.input.InputStatus;

/** The outcome of one document of a scan; serialised in the {@code "status"} field of its line. */
public enum ScanStatus {
    /** Checked: the line has a verdict, a spin score and findings. */
    OK,
    /** Binary data, or a web-archive record whose content type is not text or HTML. */
    NOT_TEXT,
    /** Larger than a document may be (a JSONL line or archive record over the limit, a file over 1 GiB). */
    TOO_LONG,
    /** The file or record could not be read: permission, corrupt or truncated gzip or WARC. */
    UNREADABLE,
    INVALID_UTF8,
    /** No text to check. */
    EMPTY,
    /** Anything else: a JSONL line that is not JSON or has no text field, a detector failure. */
    ERROR;

    /** The label used in the output ("not-text", "invalid-utf8", ...). */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The status for an input problem found by the command line's strict reading. */
    public static ScanStatus of(InputStatus s) {
        return switch (s) {
            case BINARY -> NOT_TEXT;
            case INVALID_UTF8 -> INVALID_UTF8;
            case EMPTY -> EMPTY;
            case TOO_LONG -> TOO_LONG;
            case MISSING, DIRECTORY, UNREADABLE -> UNREADABLE;
            case ERROR -> ERROR;
        };
    }

    /** The status with this label, or null. */
    public static ScanStatus ofLabel(String label) {
        for (ScanStatus s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        return null;
    }
}
