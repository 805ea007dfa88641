package org.despin.source;

/** Why an input was not indexed. */
public enum SkipReason {
    /** The file could not be read (permissions, I/O error). */
    UNREADABLE("unreadable"),
    /** The file holds NUL bytes: not text. */
    BINARY("binary"),
    /** The bytes are not valid UTF-8. */
    INVALID_UTF8("invalid UTF-8"),
    /** No words in it. */
    EMPTY("empty"),
    /** A JSONL line that is not a JSON object. */
    INVALID_JSON("invalid JSON"),
    /** A JSONL object without the id or text field (or with a non-text value). */
    MISSING_FIELD("missing id or text field"),
    /** A file in a folder that is neither .txt nor .jsonl. */
    NOT_TEXT_FILE("not a .txt or .jsonl file");

    private final String description;

    SkipReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
