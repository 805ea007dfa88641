package org.despin.data.lexicon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.despin.data.ComponentBuild;
import org.despin.data.DataPaths;
import org.despin.lexicon.Candidate;
import org.despin.lexicon.ChannelWeights;
import org.despin.lexicon.Lexicon;
import org.despin.lexicon.LexiconData;
import org.despin.lexicon.LexiconFormat;
import org.despin.model.ModelFile;
import org.despin.text.Token;
import org.despin.text.Tokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Figures for docs/benchmarks-lexicon.md: the full build (time, size, counts, same bytes twice), load
 * time, lookup speed over every 1-3 word span of State of the Union text, and the example table.
 * Not part of the default run:
 * {@code mvn -B -o -pl despin-data -am test -Dtest=LexiconBench -Ddespin.bench=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "despin.bench", matches = "true")
class LexiconBench {
    private static final String[][] EXAMPLES = {
        {"advised", "told"}, {"retailers", "outlets"}, {"asked for", "requested"}, {"asking for", "requesting"},
        {"go over", "discuss"}, {"check out", "visit"}, {"make use of", "use"}, {"point out", "indicate"},
        {"protection", "security"}, {"lasting", "permanent"}, {"common", "general"}, {"confront", "face"},
        {"encounter", "face"}, {"counterfeit", "artificial"}, {"consciousness", "intelligence"}, {"five", "5"},
        {"5", "five"}, {"stated", "said"},
    };

    @Test
    void figures() throws Exception {
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        Path moby = paths.npmPackage(DataPaths.MOBY).resolve("words.txt");
        Path out = Path.of("target", "lexicon-bench.despin");
        StringBuilder report = new StringBuilder();

        long t0 = System.nanoTime();
        long cpu0 = processCpu();
        LexiconData data = DefaultLexiconBuild.data(moby, ChannelWeights.DEFAULT, LexiconBuilder.Limits.DEFAULT);
        ComponentBuild build = DefaultLexiconBuild.component(data, moby, ChannelWeights.DEFAULT, LexiconBuilder.Limits.DEFAULT);
        write(build, out);
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        line(report, "build (read thesauri, expand, write): %.1f s wall, %.1f s CPU (all threads, GC included)", buildSeconds,
                (processCpu() - cpu0) / 1e9);
        build.metadata().forEach((k, v) -> line(report, "%s = %s", k, v));
        line(report, "section bytes: %d (%.1f MB)", Files.size(out), Files.size(out) / 1e6);

        if (Boolean.getBoolean("despin.bench.twice")) {
            Path again = Path.of("target", "lexicon-bench-2.despin");
            write(DefaultLexiconBuild.build(paths), again);
            assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(again), "two builds differ");
            line(report, "second build: same bytes");
        }

        long l0 = System.nanoTime();
        long lc0 = threadCpu();
        ModelFile file = ModelFile.open(out);
        Lexicon lex = LexiconFormat.read(file);
        line(report, "load (open, map, validate): %.0f ms wall, %.0f ms CPU", (System.nanoTime() - l0) / 1e6,
                (threadCpu() - lc0) / 1e6);

        List<String> spans = spans(paths, 2_000_000);
        // CPU time of this thread: the machine is shared, wall time would measure the neighbours
        long hits = 0;
        long c0 = threadCpu();
        for (String s : spans) {
            hits += lex.candidates(s).size();
        }
        double cold = (threadCpu() - c0) / 1e9;
        double warm = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long w0 = threadCpu();
            for (String s : spans) {
                hits += lex.candidates(s).size();
            }
            warm = Math.min(warm, (threadCpu() - w0) / 1e9);
        }
        long k0 = threadCpu();
        long known = 0;
        for (int round = 0; round < 5; round++) {
            for (String s : spans) {
                if (lex.isKnownWord(s)) {
                    known++;
                }
            }
        }
        double knownSeconds = (threadCpu() - k0) / 1e9 / 5;
        long withCandidates = spans.stream().filter(s -> !lex.candidates(s).isEmpty()).count();
        line(report, "lookups (one thread, CPU time): %d spans of 1-3 words from SOTU text, %d with candidates (%.1f per"
                + " lookup); first pass %.2f M/s (decodes and caches the lists), warm %.1f M/s; isKnownWord %.1f M/s",
                spans.size(), withCandidates, hits / 6.0 / spans.size(), spans.size() / cold / 1e6,
                spans.size() / warm / 1e6, spans.size() / knownSeconds / 1e6);

        line(report, "%n| observed | original | found | rank | of | logChannel | hops | source |");
        line(report, "|---|---|---|---|---|---|---|---|");
        for (String[] e : EXAMPLES) {
            List<Candidate> c = lex.candidates(e[0]);
            int rank = -1;
            for (int i = 0; i < c.size(); i++) {
                if (c.get(i).original().equals(e[1])) {
                    rank = i;
                }
            }
            Candidate hit = rank < 0 ? null : c.get(rank);
            line(report, "| %s | %s | %s | %s | %d | %s | %s | %s |", e[0], e[1], hit != null ? "yes" : "no",
                    hit != null ? Integer.toString(rank + 1) : "-", c.size(),
                    hit != null ? String.format(Locale.ROOT, "%.2f", hit.logChannel()) : "-",
                    hit != null ? Integer.toString(hit.hops()) : "-", hit != null ? hit.source() : "-");
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "lexicon-bench.md"), report, StandardCharsets.UTF_8);
    }

    private static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void write(ComponentBuild build, Path out) throws IOException {
        try (ModelFile.Writer w = new ModelFile.Writer(out)) {
            w.section(build.sectionName(), build.body());
            w.finish(build.metadata());
        }
    }

    /** Every 1-3 word span of normalised word tokens (within sentences' token runs) of SOTU text, up to {@code max}. */
    private static List<String> spans(DataPaths paths, int max) throws Exception {
        Path dir = paths.npmPackage(DataPaths.SOTU).resolve("data");
        List<String> out = new ArrayList<>(max);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path f : files) {
            List<String> words = new ArrayList<>();
            for (Token t : Tokenizer.DEFAULT.tokenize(Files.readString(f, StandardCharsets.UTF_8))) {
                if (t.isWord()) {
                    words.add(t.normal());
                } else {
                    words.add(null);
                }
            }
            for (int i = 0; i < words.size(); i++) {
                StringBuilder sb = new StringBuilder();
                for (int n = 0; n < 3 && i + n < words.size() && words.get(i + n) != null; n++) {
                    if (n > 0) {
                        sb.append(' ');
                    }
                    sb.append(words.get(i + n));
                    out.add(sb.toString());
                    if (out.size() >= max) {
                        return out;
                    }
                }
            }
        }
        return out;
    }

    private static void line(StringBuilder sb, String format, Object... args) {
        sb.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
