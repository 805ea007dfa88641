package org.despin.source.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;
import org.despin.Despin;
import org.despin.data.DataPaths;
import org.despin.data.corpus.Corpus;
import org.despin.data.corpus.CorpusDocument;
import org.despin.data.corpus.DefaultCorpora;
import org.despin.data.spin.MyThesThesaurus;
import org.despin.source.DetectorRestorer;
import org.despin.source.Restorer;
import org.despin.source.SourceFinder;
import org.despin.source.SourceIndex;
import org.despin.source.SourceIndexWriter;
import org.despin.source.SourceMatch;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Spinner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source-finding benchmark (not part of the default test run):
 *
 * <pre>
 * mvn -o -B -q -pl despin-source -am test -Dtest=SourceBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Ddespin.bench=true
 * </pre>
 *
 * <p>Reference collection: the project's corpora (SOTU, Brown, Europarl English, WordNet examples)
 * cut into passages of whole sentences (target 200 words, at least 150). 500 passages are spun with
 * the project's spinner (MyThes thesaurus, which the detector does not read) at rates 0.2 and 0.4;
 * recall@1 and @10 of the true source, for the fingerprints and for plain word 5-gram shingles of the
 * unrestored text (the text-matcher baseline), in the same run. 200 more passages are left out of
 * the index and spun as queries without a source, to calibrate the score. Then a 100,000-document
 * index is synthesised (the corpora re-cut at other passage lengths, so documents overlap) for
 * latency and size. With {@code -Ddespin.model=PATH} the queries are also restored by the detector.
 * {@code -Ddespin.bench.skipBig=true} skips the 100,000-document part. Results go to standard output and
 * to {@code despin-source/target/source-bench.md}.
 */
class SourceBenchmark {
    private static final int QUERIES = 500;
    private static final int ABSENT = 200;
    private static final int TOP = 10;
    private static final double[] RATES = {0.2, 0.4, 1.0};
    /** Words in a short excerpt query: the first sentences of a passage, at least this many words. */
    private static final int EXCERPT_WORDS = 50;

    @TempDir
    Path tmp;

    private final StringBuilder report = new StringBuilder();

    @Test
    void run() throws Exception {
        assumeTrue(Boolean.getBoolean("despin.bench"), "benchmark: run with -Ddespin.bench=true");
        Path cache = DataPaths.defaultCache();
        SpinThesaurus thesaurus = MyThesThesaurus.load(cache);
        List<PassageSplitter.Passage> passages = passages(new DataPaths(cache), 200, 150, "");
        line("reference passages: %d (%d words)", passages.size(), passages.stream().mapToLong(PassageSplitter.Passage::words).sum());

        List<PassageSplitter.Passage> queries = new ArrayList<>();
        List<PassageSplitter.Passage> absent = new ArrayList<>();
        List<PassageSplitter.Passage> indexed = new ArrayList<>();
        for (PassageSplitter.Passage p : passages) {
            long h = hash(p.id());
            if (absent.size() < ABSENT && h % 50 == 7) {
                absent.add(p);
            } else {
                indexed.add(p);
                if (queries.size() < QUERIES && h % 25 == 3) {
                    queries.add(p);
                }
            }
        }
        line("indexed: %d, queries: %d, queries without a source in the index: %d", indexed.size(), queries.size(), absent.size());

        Path dir = tmp.resolve("index10k");
        long t0 = System.nanoTime();
        try (SourceIndexWriter w = SourceIndexWriter.open(dir, Restorer.IDENTITY)) {
            for (PassageSplitter.Passage p : indexed) {
                w.add(p.id(), p.text());
            }
        }
        double indexSeconds = (System.nanoTime() - t0) / 1e9;
        List<Restorer> queryRestorers = new ArrayList<>(List.of(Restorer.IDENTITY));
        String model = System.getProperty("despin.model", "");
        if (!model.isBlank()) {
            queryRestorers.add(new DetectorRestorer(Despin.load(Path.of(model))));
        }
        try (SourceIndex index = SourceIndex.open(dir)) {
            line("index: %d documents in %.1f s, %.0f bytes per document on disk", index.size(), indexSeconds,
                    (double) index.sizeOnDisk() / index.size());
            report.append("\n| query | rate | method | recall@1 | recall@10 | true source's score p50 | latency p50 ms | latency p99 ms |\n"
                    + "|---|---|---|---|---|---|---|---|\n");
            for (boolean excerpt : new boolean[] {false, true}) {
                for (double rate : RATES) {
                    if (excerpt && rate < 0.4) {
                        continue;
                    }
                    Spinner spinner = new Spinner(thesaurus, SpinOptions.of(rate, 20261129L));
                    List<String> spun = new ArrayList<>();
                    List<String> originals = new ArrayList<>();
                    for (PassageSplitter.Passage q : queries) {
                        String text = excerpt ? excerpt(q.text()) : q.text();
                        originals.add(text);
                        spun.add(spinner.spin(text).spunText());
                    }
                    String what = (excerpt ? "excerpt of " + EXCERPT_WORDS + "+ words" : "whole passage");
                    line("%s, rate %.1f: %.3f of the words changed (share of original word tokens absent from the spun"
                            + " text, an approximation)", what, rate, changedShare(originals, spun));
                    for (Restorer r : queryRestorers) {
                        evaluate(index, r, SourceFinder.Method.FINGERPRINTS, what, rate, queries, spun);
                    }
                    evaluate(index, Restorer.IDENTITY, SourceFinder.Method.WORD_SHINGLES, what, rate, queries, spun);
                }
            }
            Spinner spinner = new Spinner(thesaurus, SpinOptions.of(0.4, 7L));
            SourceFinder finder = new SourceFinder(index, Restorer.IDENTITY);
            for (boolean excerpt : new boolean[] {false, true}) {
                double[] top = new double[absent.size()];
                for (int i = 0; i < absent.size(); i++) {
                    String text = excerpt ? excerpt(absent.get(i).text()) : absent.get(i).text();
                    List<SourceMatch> m = finder.find(spinner.spin(text).spunText(), 1);
                    top[i] = m.isEmpty() ? 0 : m.get(0).score();
                }
                Arrays.sort(top);
                line("queries WITHOUT a source in the index (%s, rate 0.4, %d): best candidate's score p50 %.3f,"
                        + " p99 %.3f, max %.3f", excerpt ? "excerpts" : "whole passages", top.length, pct(top, 0.5),
                        pct(top, 0.99), top[top.length - 1]);
            }
        }
        if (!Boolean.getBoolean("despin.bench.skipBig")) {
            bigIndex(new DataPaths(cache), queries, thesaurus);
        }
        Path out = Path.of("target", "source-bench.md");
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
    }

    /**
     * Source-guided restoration: the 500 query passages among 2,000 others, spun; the best source's
     * alignment restores them. Run with {@code -Dtest=SourceBenchmark#restoration}.
     */
    @Test
    void restoration() throws Exception {
        assumeTrue(Boolean.getBoolean("despin.bench"), "benchmark: run with -Ddespin.bench=true");
        Path cache = DataPaths.defaultCache();
        SpinThesaurus thesaurus = MyThesThesaurus.load(cache);
        List<PassageSplitter.Passage> passages = passages(new DataPaths(cache), 200, 150, "");
        List<PassageSplitter.Passage> queries = new ArrayList<>();
        Path dir = tmp.resolve("restoration");
        int others = 0;
        try (SourceIndexWriter w = SourceIndexWriter.open(dir, Restorer.IDENTITY)) {
            for (PassageSplitter.Passage p : passages) {
                long h = hash(p.id());
                boolean query = queries.size() < QUERIES && h % 25 == 3 && h % 50 != 7;
                if (query || (others < 2000 && h % 7 == 1)) {
                    w.add(p.id(), p.text());
                    if (query) {
                        queries.add(p);
                    } else {
                        others++;
                    }
                }
            }
        }
        report.append("\n| rate | edits | edits restored exactly | other findings | original words missing before | after |"
                + " share put back | texts restored exactly |\n|---|---|---|---|---|---|---|---|\n");
        try (SourceIndex index = SourceIndex.open(dir)) {
            SourceFinder finder = new SourceFinder(index, Restorer.IDENTITY);
            for (double rate : RATES) {
                Spinner spinner = new Spinner(thesaurus, SpinOptions.of(rate, 20261129L));
                long edits = 0;
                long restored = 0;
                long wrong = 0;
                int exact = 0;
                long missingBefore = 0;
                long missingAfter = 0;
                for (PassageSplitter.Passage q : queries) {
                    org.despin.spin.SpinResult spun = spinner.spin(q.text());
                    List<SourceMatch> best = finder.find(spun.spunText(), 1);
                    List<org.despin.detect.Finding> findings = best.isEmpty() ? List.of()
                            : org.despin.source.SourceGuidedRestorer.restore(spun.spunText(), best.get(0));
                    Set<String> wanted = new HashSet<>();
                    for (org.despin.spin.Edit e : spun.edits()) {
                        wanted.add(e.start() + ":" + e.end() + ":" + e.original());
                    }
                    edits += wanted.size();
                    for (org.despin.detect.Finding f : findings) {
                        if (wanted.contains(f.start() + ":" + f.end() + ":" + f.suggestion())) {
                            restored++;
                        } else {
                            wrong++;
                        }
                    }
                    String restoredText = org.despin.source.SourceGuidedRestorer.apply(spun.spunText(), findings);
                    if (restoredText.equals(q.text())) {
                        exact++;
                    }
                    List<String> original = words(q.text());
                    missingBefore += original.size() - lcs(original, words(spun.spunText()));
                    missingAfter += original.size() - lcs(original, words(restoredText));
                }
                String row = String.format(Locale.ROOT, "| %.1f | %d | %.3f | %d | %d | %d | %.3f | %.3f |", rate, edits,
                        (double) restored / edits, wrong, missingBefore, missingAfter,
                        1 - (double) missingAfter / missingBefore, (double) exact / queries.size());
                System.out.println(row);
                report.append(row).append('\n');
            }
        }
        Files.writeString(Path.of("target", "source-bench-restoration.md"), report.toString(), StandardCharsets.UTF_8);
    }

    private void evaluate(SourceIndex index, Restorer restorer, SourceFinder.Method method, String what, double rate,
            List<PassageSplitter.Passage> queries, List<String> spun) throws Exception {
        SourceFinder finder = new SourceFinder(index, restorer);
        int at1 = 0;
        int at10 = 0;
        double[] trueScores = new double[queries.size()];
        double[] millis = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long t = System.nanoTime();
            List<SourceMatch> found = finder.find(spun.get(i), TOP, method);
            millis[i] = (System.nanoTime() - t) / 1e6;
            for (int k = 0; k < found.size(); k++) {
                if (found.get(k).id().equals(queries.get(i).id())) {
                    trueScores[i] = found.get(k).score();
                    at1 += k == 0 ? 1 : 0;
                    at10++;
                    break;
                }
            }
        }
        Arrays.sort(trueScores);
        Arrays.sort(millis);
        String name = method == SourceFinder.Method.WORD_SHINGLES ? "baseline: word 5-gram shingles, unrestored"
                : "fingerprints (immutables + restored lemmas), query restorer: " + restorer.name();
        String row = String.format(Locale.ROOT, "| %s | %.1f | %s | %.3f | %.3f | %.3f | %.1f | %.1f |", what, rate, name,
                (double) at1 / queries.size(), (double) at10 / queries.size(), pct(trueScores, 0.5), pct(millis, 0.5),
                pct(millis, 0.99));
        System.out.println(row);
        report.append(row).append('\n');
    }

    /** Latency and size on a synthesised 100,000-document index: the corpora re-cut at other lengths. */
    private void bigIndex(DataPaths paths, List<PassageSplitter.Passage> queries, SpinThesaurus thesaurus)
            throws Exception {
        Path dir = tmp.resolve("index100k");
        int target = 100_000;
        int added = 0;
        long t0 = System.nanoTime();
        Set<String> seen = new HashSet<>();
        try (SourceIndexWriter w = SourceIndexWriter.open(dir, Restorer.IDENTITY)) {
            for (int length = 150; added < target; length += 25) {
                for (PassageSplitter.Passage p : passages(paths, length, Math.min(150, length), "L" + length + "/")) {
                    if (added >= target) {
                        break;
                    }
                    if (seen.add(p.text())) {
                        w.add(p.id(), p.text());
                        added++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Spinner spinner = new Spinner(thesaurus, SpinOptions.of(0.4, 20261129L));
        try (SourceIndex index = SourceIndex.open(dir)) {
            line("%n100k index: %d documents (passages of 150-400+ words cut at target lengths 150, 175, ...; they"
                    + " overlap), built in %.0f s, %.0f bytes per document on disk", index.size(), seconds,
                    (double) index.sizeOnDisk() / index.size());
            for (SourceFinder.Method method : SourceFinder.Method.values()) {
                SourceFinder finder = new SourceFinder(index, Restorer.IDENTITY);
                double[] millis = new double[queries.size()];
                for (int i = 0; i < queries.size(); i++) {
                    String q = spinner.spin(queries.get(i).text()).spunText();
                    long t = System.nanoTime();
                    finder.find(q, TOP, method);
                    millis[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(millis);
                line("100k index, %s, rate 0.4, top %d: latency p50 %.1f ms, p99 %.1f ms (one thread)", method, TOP,
                        pct(millis, 0.5), pct(millis, 0.99));
            }
        }
    }

    private List<List<CorpusDocument>> corpora;

    private List<PassageSplitter.Passage> passages(DataPaths paths, int target, int min, String prefix)
            throws Exception {
        if (corpora == null) {
            corpora = new ArrayList<>();
            for (Corpus c : DefaultCorpora.all(paths)) {
                corpora.add(c.read());
            }
        }
        List<PassageSplitter.Passage> out = new ArrayList<>();
        for (List<CorpusDocument> docs : corpora) {
            PassageSplitter splitter = new PassageSplitter(prefix + docs.get(0).corpus() + "/", target, min);
            for (CorpusDocument d : docs) {
                splitter.add(d.id(), d.text());
            }
            out.addAll(splitter.finish());
        }
        return out;
    }

    /** The first sentences of a passage, at least EXCERPT_WORDS words: a quoted paragraph. */
    private static String excerpt(String text) {
        org.despin.text.Document doc = org.despin.text.Document.parse(text);
        int words = 0;
        for (org.despin.text.Sentence s : doc.sentences()) {
            for (int t = s.firstToken(); t < s.endToken(); t++) {
                words += doc.tokens().get(t).isWord() ? 1 : 0;
            }
            if (words >= EXCERPT_WORDS) {
                return text.substring(0, doc.tokens().get(s.endToken() - 1).end());
            }
        }
        return text;
    }

    private static double changedShare(List<String> originals, List<String> spun) {
        long changed = 0;
        long all = 0;
        for (int i = 0; i < originals.size(); i++) {
            List<String> a = words(originals.get(i));
            Set<String> b = new HashSet<>(words(spun.get(i)));
            for (String w : a) {
                all++;
                if (!b.contains(w)) {
                    changed++;
                }
            }
        }
        return (double) changed / all;
    }

    /** Length of the longest common subsequence of two word lists. */
    private static int lcs(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                cur[j] = a.get(i - 1).equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.size()];
    }

    private static List<String> words(String text) {
        return org.despin.source.TextProfile.of(text, List.of()).plainWords();
    }

    private static double pct(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    private static long hash(String s) {
        CRC32 crc = new CRC32();
        crc.update(s.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private void line(String format, Object... args) throws IOException {
        String s = String.format(Locale.ROOT, format, args);
        System.out.println(s);
        report.append(s).append("\n\n");
    }
}
