package org.despin.model;

import java.nio.file.Path;
import org.despin.DespinException;

/**
 * Bad data in a model, corpus or thesaurus file: says which file, and where known which line and
 * token, so that the person who made the file can fix it.
 */
public final class DataFormatException extends DespinException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;

    /**
     * @param file the file (or resource name) holding the bad data
     * @param line 1-based line number, or 0 where lines do not apply (binary files)
     * @param problem what is wrong, and where it helps what to do about it
     */
    public DataFormatException(String file, long line, String problem) {
        super(Kind.MODEL, format(file, line, problem));
        this.file = file;
        this.line = line;
    }

    public DataFormatException(Path file, String problem) {
        this(file.toString(), 0, problem);
    }

    private static String format(String file, long line, String problem) {
        return line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }
}
