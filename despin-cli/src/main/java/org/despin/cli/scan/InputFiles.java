package org.despin.cli.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.despin.cli.input.InputException;
import org.despin.cli.input.InputStatus;

/**
 * The files a scan reads, in a deterministic order: each path as given, a folder replaced by
 * every regular file under it sorted by path (so reruns and resumes see the same order).
 */
public final class InputFiles {
    /** How a file is read, by its name. */
    public enum Kind { TEXT, JSONL, WARC }

    private InputFiles() {
    }

    /** Lists the files; a path that does not exist aborts the run before anything is written. */
    public static List<Path> list(List<Path> paths) throws InputException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new InputException(p.toString(), InputStatus.MISSING, "no such file or folder");
            }
            if (!Files.isDirectory(p)) {
                files.add(p);
                continue;
            }
            try (Stream<Path> walk = Files.walk(p)) {
                walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).forEach(files::add);
            } catch (IOException | UncheckedIOException e) {
                throw new InputException(p.toString(), InputStatus.UNREADABLE, "cannot list the folder: " + e.getMessage());
            }
        }
        return files;
    }

    public static Kind kind(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz")) {
            return Kind.JSONL;
        }
        if (name.endsWith(".warc") || name.endsWith(".warc.gz")) {
            return Kind.WARC;
        }
        return Kind.TEXT;
    }

    /** The size of a file, 0 when it cannot be known (progress only). */
    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
