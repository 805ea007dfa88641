package org.despin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** House rules as tests: only Main exits or touches the process streams; no default charset. */
class SourceRulesTest {
    static final Path MAIN = Path.of("src/main/java");

    static List<String> filesContaining(String needle) throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p, StandardCharsets.UTF_8).contains(needle);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(p -> MAIN.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @Test
    void onlyMainExitsOrUsesTheProcessStreams() throws IOException {
        assertEquals(List.of("org/despin/cli/Main.java"), filesContaining("System.exit("));
        assertEquals(List.of("org/despin/cli/Main.java"), filesContaining("System.out"));
        assertEquals(List.of("org/despin/cli/Main.java"), filesContaining("System.err"));
        assertEquals(List.of("org/despin/cli/Main.java"), filesContaining("System.in"));
    }

    @Test
    void noDefaultCharset() throws IOException {
        assertEquals(List.of(), filesContaining("Charset.defaultCharset"));
        assertEquals(List.of(), filesContaining("new FileReader("));
        assertEquals(List.of(), filesContaining("new FileWriter("));
        assertEquals(List.of(), filesContaining(".getBytes()"));
    }
}
