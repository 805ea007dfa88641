package org.despin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.despin.Despin;
import org.despin.cli.input.TextSource;
import org.despin.cli.render.HtmlRenderer;
import org.despin.cli.render.JsonRenderer;
import org.despin.cli.render.TextRenderer;
import org.despin.data.DataPaths;
import org.despin.data.spin.BenchDocuments;
import org.despin.data.spin.SpinThesauri;
import org.despin.detect.Alternative;
import org.despin.detect.CheckOptions;
import org.despin.detect.Detector;
import org.despin.detect.Finding;
import org.despin.detect.Report;
import org.despin.model.Model;
import org.despin.model.Models;
import org.despin.server.DespinServer;
import org.despin.server.ServerOptions;
import org.despin.spin.Edit;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Spinner;

/**
 * A crash-and-invariant hunt with a real model (a tool, not part of the test run). Checks thousands of texts, held out
 * clean and spun passages of every corpus the evaluation uses (news and encyclopedia, technical documentation; MyThes
 * and Moby spinners at 0.05-0.6, with insertions and names), the tortured-phrase carriers, and mutations of them
 * (concatenations, no spaces, no punctuation, all caps, Title Case, 5,000-word sentences, long tokens, numbers, URLs,
 * e-mails, code, other scripts, emoji, combining marks, RTL and zero-width marks, NUL, lone surrogates, CRLF and CR
 * line ends, tabs, curly quotes and dashes, hyphen chains, spans at the text's start and end, one-word and one-character
 * texts, repeated words), and on every report checks:
 * <ul>
 * <li>no exception and no check over the time limit ({@code -Dfuzz.timeLimit=S}, default 120 s);</li>
 * <li>findings in order, apart, within the text, {@code text == input.substring(start, end)}, confidences and the spin
 * score in [0, 1], alternatives' confidences in [0, 1], a suggestion that differs from the text;</li>
 * <li>{@code restored} equals the input with exactly the findings' spans replaced, and {@link Despin#restore} gives it;</li>
 * <li>{@code --min-confidence} (0.9, 0, 1, 0.7 in turn): every finding at least that sure, the same invariants, the
 * library's {@code restore(text, m)} equal to that report's restored text, the same document figures, and above the
 * default's minimum exactly the default's findings at least that sure;</li>
 * <li>the CLI's JSON (one report and JSON Lines), parsed back with Jackson: every field of {@code despin.report/1}
 * with the report's values; the text format, exactly; the HTML without a raw {@code <} of the input;</li>
 * <li>the CLI's streaming path ({@link DocumentChecker} over the UTF-8 bytes): the same report when the text fits in
 * one chunk, and in chunks of {@code -Dfuzz.chunk} chars (default 3,000) for every 8th text and every long one, the
 * merged findings and restored text against the whole input;</li>
 * <li>determinism: the same report again, and from 2 threads at once;</li>
 * <li>the HTTP server (in process, every {@code -Dfuzz.serverEvery}th text, default 5): {@code POST /api/v1/check}
 * with the text as JSON gives the same report, or a 4xx JSON error.</li>
 * </ul>
 *
 * <pre>
 * java -Xmx5g -cp $CP org.despin.cli.DetectorFuzz MODEL [PASSAGES] [OUT_DIR]
 * </pre>
 * $CP: the target/classes of every module, despin-cli's and despin-data's test-classes (for the tortured phrases) and
 * despin-cli's test class path. PASSAGES (default 200) sets how many passages of each corpus are drawn; each failing
 * text is written to OUT_DIR (default /tmp/despin-fuzz) with what failed. Exit code 1 when anything failed.
 */
final class DetectorFuzz {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double[] MIN_CONFIDENCES = {0.9, 0.0, 1.0, 0.7};

    private final Detector detector;
    private final Despin despin;
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "fuzz");
        t.setDaemon(true);
        return t;
    });
    private final long timeLimitSeconds = Long.getLong("fuzz.timeLimit", 120);
    private final int chunk = Integer.getInteger("fuzz.chunk", 3000);
    private final int serverEvery = Integer.getInteger("fuzz.serverEvery", 5);
    private final Map<String, Integer> failures = new TreeMap<>();
    private final Map<String, Integer> casesByKind = new TreeMap<>();
    private final Map<String, Long> counts = new TreeMap<>();
    private final List<String> slowest = new ArrayList<>();
    private final Path out;
    private DespinServer server;
    private HttpClient http;
    private int failedCases;

    private DetectorFuzz(Model model, Path out) {
        this.detector = new Detector(model);
        this.despin = new Despin(model);
        this.out = out;
    }

    record Case(String kind, String text) {
    }

    public static void main(String[] args) throws Exception {
        Model model = Models.load(Path.of(args[0]));
        int passages = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path out = Path.of(args.length > 2 ? args[2] : "/tmp/despin-fuzz");
        Files.createDirectories(out);
        List<Case> cases = cases(passages);
        DetectorFuzz fuzz = new DetectorFuzz(model, out);
        int code = fuzz.run(cases);
        System.exit(code);
    }

    // ------------------------------------------------------------------ inputs

    static List<Case> cases(int n) throws Exception {
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        SpinThesaurus mythes = SpinThesauri.load(SpinThesauri.MYTHES, paths);
        SpinThesaurus moby = SpinThesauri.load(SpinThesauri.MOBY, paths);
        List<Case> cases = new ArrayList<>();
        List<String> news = BenchDocuments.heldOutPassages(paths, 100, 150, n);
        List<String> shortNews = BenchDocuments.heldOutPassages(paths, 10, 60, 2 * n);
        shortNews = shortNews.subList(Math.min(n, shortNews.size()), shortNews.size()); // not the same sentences again
        List<String> longNews = BenchDocuments.heldOutPassages(paths, 200, 300, 3 * n / 2);
        longNews = longNews.subList(Math.min(n, longNews.size()), longNews.size());
        List<String> technical = BenchDocuments.technicalPassages(paths, 100, 150, 2 * n);
        technical = technical.subList(Math.min(n, technical.size()), technical.size()); // after the bench's first
        for (Path example : List.of(Path.of("examples/spun-news.txt"), Path.of("examples/clean-news.txt"),
                Path.of("examples/clean-encyclopedia.txt"))) {
            if (Files.exists(example)) {
                cases.add(new Case("example", Files.readString(example, StandardCharsets.UTF_8)));
            }
        }
        double[] rates = {0.05, 0.1, 0.2, 0.3, 0.4, 0.6};
        List<SpinResult> spun = new ArrayList<>();
        int seed = 0;
        for (Map.Entry<String, List<String>> e : Map.of("news", news, "short", shortNews, "long", longNews,
                "technical", technical).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            for (String p : e.getValue()) {
                seed++;
                cases.add(new Case("clean-" + e.getKey(), p));
                double rate = rates[seed % rates.length];
                SpinOptions options = SpinOptions.of(rate, seed);
                if (seed % 5 == 0) {
                    options = options.withInsertionRate(0.2);
                }
                boolean useMoby = seed % 3 == 0;
                SpinResult s = new Spinner(useMoby ? moby : mythes, options).spin(p);
                spun.add(s);
                cases.add(new Case("spun-" + e.getKey() + (useMoby ? "-moby" : "-mythes"), s.spunText()));
            }
        }
        tortured(cases, mythes);
        mutations(cases, spun, news, technical);
        singles(cases, spun, news);
        return cases;
    }

    /** The tortured-phrase carriers of despin-data's test sources (read by reflection: they are not in this module). */
    @SuppressWarnings("unchecked")
    private static void tortured(List<Case> cases, SpinThesaurus mythes) throws Exception {
        Class<?> c;
        try {
            c = Class.forName("org.despin.detect.TorturedPhrases");
        } catch (ClassNotFoundException e) {
            System.err.println("no despin-data test-classes on the class path: no tortured carriers");
            return;
        }
        int seed = 0;
        for (String[] names : new String[][] {{"TERMS", "CARRIERS"}, {"SECOND_TERMS", "SECOND_CARRIERS"},
            {"THIRD_TERMS", "THIRD_CARRIERS"}}) {
            List<String> terms;
            List<String> carriers;
            try {
                Field t = c.getDeclaredField(names[0]);
                Field k = c.getDeclaredField(names[1]);
                t.setAccessible(true);
                k.setAccessible(true);
                terms = (List<String>) t.get(null);
                carriers = (List<String>) k.get(null);
            } catch (NoSuchFieldException e) {
                continue;
            }
            for (String term : terms) {
                SpinResult s = new Spinner(mythes, SpinOptions.of(1.0, ++seed).withInsertionRate(0)).spin(term);
                for (String carrier : carriers) {
                    cases.add(new Case("carrier", String.format(Locale.ROOT, carrier, term)));
                    cases.add(new Case("tortured", String.format(Locale.ROOT, carrier, s.spunText())));
                }
            }
        }
    }

    private static final String GERMAN = "Der Sicherheitsrat der Vereinten Nationen trat am Dienstag zusammen. "
            + "Die Gespräche über die Waffenruhe seien gescheitert, sagte der Generalsekretär vor Journalisten.";
    private static final String CHINESE = "联合国安理会周二召开会议。秘书长对记者说，停火谈判已经失败。";
    private static final String ARABIC = "اجتمع مجلس الأمن التابع للأمم المتحدة يوم الثلاثاء. وقال الأمين العام للصحفيين إن المحادثات فشلت.";
    private static final String CODE = "for (int i = 0; i < n; i++) { x[i] = f(x[i - 1]) * 2; } // update\n"
            + "<script>alert('x')</script> SELECT * FROM t WHERE a='b'; $ rm -rf /tmp/x && echo \"done\"";
    private static final String MIXED = "Call +1 (555) 010-2233 or write to jane.doe@example.org, see "
            + "https://example.org/a/b?c=d&e=f#g and ftp://files.example.net/pub/x-1.2.3.tar.gz; version 2.0.1-rc3, "
            + "3.14159, 1,234,567.89, 10^6, 50%, $3.5bn, 4x4, 2024-11-30T18:30:00Z, IPv4 192.168.0.1, #hashtag @user.";

    private static void mutations(List<Case> cases, List<SpinResult> spun, List<String> news, List<String> technical) {
        Random random = new Random(24);
        int m = Math.min(spun.size(), Math.max(20, spun.size() / 4));
        for (int i = 0; i < m; i++) {
            SpinResult s = spun.get(i * spun.size() / m);
            String t = s.spunText();
            String other = spun.get((i * 7 + 3) % spun.size()).spunText();
            cases.add(new Case("upper", t.toUpperCase(Locale.ROOT)));
            cases.add(new Case("lower", t.toLowerCase(Locale.ROOT)));
            cases.add(new Case("title", titleCase(t)));
            cases.add(new Case("no-spaces", t.replaceAll("\\s+", "")));
            cases.add(new Case("no-punctuation", t.replaceAll("\\p{Punct}", "")));
            cases.add(new Case("crlf", t.replace(". ", ".\r\n").replace("\n", "\r\n")));
            cases.add(new Case("cr", t.replace(". ", ".\r")));
            cases.add(new Case("tabs", t.replace(' ', '\t')));
            cases.add(new Case("newlines", t.replace(' ', '\n')));
            cases.add(new Case("double-spaces", t.replace(" ", "  \u00a0")));
            cases.add(new Case("curly", t.replace(" \"", " \u201c").replace("\" ", "\u201d ").replace("'", "\u2019")
                    .replace(" - ", " \u2014 ").replace("-", "\u2010").replace(", ", "\u2013")));
            cases.add(new Case("hyphen-chain", hyphenChains(t, random)));
            cases.add(new Case("concat", t + other));
            cases.add(new Case("concat-space", t + " " + other));
            cases.add(new Case("concat-paragraph", t + "\n\n" + other + "\n"));
            cases.add(new Case("zero-width", insertAtSpaces(t, random, "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")));
            cases.add(new Case("rtl", insertAtSpaces(t, random, "\u200f", "\u202e", "\u200e", "\u202c")));
            cases.add(new Case("combining", t.replaceAll("([aeiou])", "$1\u0301")));
            cases.add(new Case("combining-some", combineSome(t, random)));
            cases.add(new Case("nul", insertAtSpaces(t, random, "\u0000", "\u0007", "\u001b[31m")));
            cases.add(new Case("emoji", insertAtSpaces(t, random, "\ud83d\ude00", "\ud83d\udc4d\ud83c\udffd", "\u2764\ufe0f",
                    "\ud83c\uddfa\ud83c\uddf8", "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67")));
            cases.add(new Case("lone-surrogates", insertAtSpaces(t, random, "\ud800", "\udc00", "x\udbff", "\udfffy")));
            cases.add(new Case("bom", "\ufeff" + t));
            cases.add(new Case("other-scripts", insertSentences(t, random, GERMAN, CHINESE, ARABIC)));
            cases.add(new Case("numbers-urls-code", insertSentences(t, random, MIXED, CODE)));
            cases.add(new Case("fullwidth", toFullwidth(t)));
            List<Edit> edits = s.edits();
            if (!edits.isEmpty()) {
                Edit first = edits.get(0);
                Edit last = edits.get(edits.size() - 1);
                cases.add(new Case("span-at-start", t.substring(first.start())));
                cases.add(new Case("span-at-end", t.substring(0, last.end())));
                cases.add(new Case("span-only", t.substring(first.start(), first.end())));
                cases.add(new Case("spans-at-both-ends", t.substring(first.start(), last.end())));
            }
        }
        // very long sentences: 5,000 words with no full stop
        for (int k = 0; k < 3; k++) {
            StringBuilder sb = new StringBuilder();
            List<String> from = k == 1 ? technical : news;
            int words = 0;
            for (int j = k; words < 5000; j++) {
                String p = spun.get(j % spun.size()).spunText();
                if (k == 2) {
                    p = from.get(j % from.size());
                }
                p = p.replaceAll("[.!?;:]", "").replaceAll("\\s+", " ");
                sb.append(p).append(' ');
                words += p.split(" ").length;
            }
            cases.add(new Case("long-sentence", sb.toString().trim()));
        }
        // over the CLI's 64 K chunk: a long document
        StringBuilder big = new StringBuilder();
        for (int j = 0; big.length() < 150_000; j++) {
            big.append(spun.get(j % spun.size()).spunText()).append(j % 3 == 0 ? "\n\n" : " ");
        }
        cases.add(new Case("long-document", big.toString()));
        StringBuilder bigLine = new StringBuilder();
        for (int j = 0; bigLine.length() < 100_000; j++) {
            bigLine.append(spun.get(j % spun.size()).spunText().replace('.', ',')).append(", ");
        }
        cases.add(new Case("long-document-one-sentence", bigLine.toString()));
    }

    private static void singles(List<Case> cases, List<SpinResult> spun, List<String> news) {
        for (String s : List.of("", " ", "\n", "\n\n\n", "\t", "\r\n", "\u00a0", "\u200b", "\ufeff", "\u0000", ".", "...",
                "-", "--", "\u2014", "'", "\"", "()", "1", "42", "3.14", "A", "a", "I", "Mr.", "U.S.", "e.g.", "etc.",
                "https://example.org", "jane@example.org", "\ud83d\ude00", "\ud800", "\udc00", "\u0301", "\u0301a",
                "a\u0301", "-a", "a-", "-a-", "a--b", "a-b-c-d-e-f", "well-being", "state-of-the-art-ish-thing",
                "x".repeat(10_000), "Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(200),
                "a-".repeat(3000), "-".repeat(5000), ".".repeat(5000), "\n".repeat(5000), "'s", "n't", "can't",
                GERMAN, CHINESE, ARABIC, CODE, MIXED, "\ud83d\ude00 ".repeat(500))) {
            cases.add(new Case("single", s));
        }
        for (int c = 0; c < 0x250; c++) {
            cases.add(new Case("one-char", String.valueOf((char) c)));
        }
        int words = 0;
        for (SpinResult s : spun) {
            for (Edit e : s.edits()) {
                if (words++ > 600) {
                    break;
                }
                String w = s.spunText().substring(e.start(), e.end());
                cases.add(new Case("one-word", w));
                cases.add(new Case("one-word", e.original() + "."));
                cases.add(new Case("one-word", Character.toUpperCase(w.charAt(0)) + w.substring(1) + "."));
            }
        }
        for (String w : List.of("the", "Council", "advised", "and", "a", "protection", "Protection Council", "very",
                "the the", "information and facts", "1")) {
            cases.add(new Case("repeated", (w + " ").repeat(2000)));
            cases.add(new Case("repeated", (w + ". ").repeat(500)));
            cases.add(new Case("repeated", (w + "\n").repeat(100)));
        }
        StringBuilder allNews = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            allNews.append(news.get(i)).append(' ');
        }
        cases.add(new Case("repeated", allNews.toString().repeat(8)));
    }

    private static String titleCase(String t) {
        StringBuilder sb = new StringBuilder(t.length());
        boolean start = true;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            sb.append(start ? Character.toUpperCase(c) : c);
            start = !Character.isLetterOrDigit(c) && c != '\'';
        }
        return sb.toString();
    }

    private static String hyphenChains(String t, Random random) {
        String[] words = t.split(" ");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            sb.append(words[i]);
            if (i + 1 < words.length) {
                sb.append(random.nextInt(3) == 0 ? ' ' : '-');
            }
        }
        return sb.toString();
    }

    private static String insertAtSpaces(String t, Random random, String... marks) {
        StringBuilder sb = new StringBuilder(t.length() + 64);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean edge = c == ' ' || (i > 0 && Character.isLetter(c) && random.nextInt(40) == 0);
            if (edge && random.nextInt(3) == 0) {
                sb.append(marks[random.nextInt(marks.length)]);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String combineSome(String t, Random random) {
        StringBuilder sb = new StringBuilder(t.length() + 64);
        for (int i = 0; i < t.length(); i++) {
            sb.append(t.charAt(i));
            if (Character.isLetter(t.charAt(i)) && random.nextInt(25) == 0) {
                sb.append(random.nextBoolean() ? '\u0308' : '\u0327');
            }
        }
        return sb.toString();
    }

    private static String insertSentences(String t, Random random, String... sentences) {
        String[] parts = t.split("(?<=\\. )");
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            sb.append(p);
            if (random.nextInt(2) == 0) {
                sb.append(sentences[random.nextInt(sentences.length)]).append(' ');
            }
        }
        return sb.toString();
    }

    private static String toFullwidth(String t) {
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            sb.append(c > ' ' && c < 0x7f && i % 2 == 0 ? (char) (c - 0x21 + 0xff01) : c);
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ the run

    private int run(List<Case> cases) throws Exception {
        PrintStream o = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        server = DespinServer.start(ServerOptions.defaults().withPort(0).withWorkerThreads(2)
                .withMaxBodyBytes(8L << 20).withTimeLimit(Duration.ofSeconds(timeLimitSeconds)), despin, "fuzz");
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long t0 = System.nanoTime();
        long chars = 0;
        try {
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                casesByKind.merge(c.kind(), 1, Integer::sum);
                chars += c.text().length();
                long s = System.nanoTime();
                List<String> problems = check(i, c);
                long ms = (System.nanoTime() - s) / 1_000_000;
                slow(ms, i, c);
                if (!problems.isEmpty()) {
                    failedCases++;
                    for (String p : problems) {
                        failures.merge(c.kind() + ": " + p.split(":")[0], 1, Integer::sum);
                    }
                    Path f = out.resolve(String.format(Locale.ROOT, "%05d-%s.txt", i, c.kind()));
                    Files.writeString(f, isWellFormed(c.text()) ? c.text() : escapeSurrogates(c.text()),
                            StandardCharsets.UTF_8);
                    Files.writeString(out.resolve(f.getFileName() + ".why"), String.join("\n", problems) + "\n",
                            StandardCharsets.UTF_8);
                    if (failedCases <= 30) {
                        o.printf(Locale.ROOT, "FAIL %d %s (%d chars): %s%n", i, c.kind(), c.text().length(),
                                String.join(" | ", problems).replace('\n', ' '));
                    }
                }
                if ((i + 1) % 500 == 0) {
                    o.printf(Locale.ROOT, "... %d/%d texts, %d failed, %.0f s%n", i + 1, cases.size(), failedCases,
                            (System.nanoTime() - t0) / 1e9);
                }
            }
        } finally {
            server.close();
            pool.shutdownNow();
        }
        o.printf(Locale.ROOT, "%n%d texts (%,d chars) in %.0f s; %d failed (texts in %s)%n", cases.size(), chars,
                (System.nanoTime() - t0) / 1e9, failedCases, out);
        o.println("texts by kind: " + casesByKind);
        o.println("checks: " + counts);
        o.println("slowest: " + String.join("; ", slowest));
        if (failures.isEmpty()) {
            o.println("no invariant broken");
        }
        failures.forEach((k, v) -> o.printf(Locale.ROOT, "  %5d %s%n", v, k));
        return failures.isEmpty() ? 0 : 1;
    }

    private void slow(long ms, int i, Case c) {
        slowest.add(String.format(Locale.ROOT, "%d ms #%d %s (%d chars)", ms, i, c.kind(), c.text().length()));
        slowest.sort((a, b) -> Long.compare(Long.parseLong(b.split(" ")[0]), Long.parseLong(a.split(" ")[0])));
        if (slowest.size() > 5) {
            slowest.remove(5);
        }
    }

    private void count(String what) {
        counts.merge(what, 1L, Long::sum);
    }

    private Report timed(String text, CheckOptions options) throws Exception {
        Future<Report> f = pool.submit(() -> detector.check(text, options));
        try {
            return f.get(timeLimitSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw e;
        }
    }

    /** Every check of one text; the problems found, each "invariant: detail". */
    private List<String> check(int index, Case c) {
        String text = c.text();
        List<String> problems = new ArrayList<>();
        Report r;
        try {
            r = timed(text, CheckOptions.DEFAULTS);
            count("check");
        } catch (Exception e) {
            problems.add("exception: " + describe(e));
            return problems;
        }
        invariants(text, r, CheckOptions.DEFAULTS.minConfidence(), "default", problems);
        try {
            if (!despin.restore(text).equals(r.restored())) {
                problems.add("restore: Despin.restore differs from the report's restored text");
            }
            count("restore");
            double m = MIN_CONFIDENCES[index % MIN_CONFIDENCES.length];
            Report rm = timed(text, CheckOptions.DEFAULTS.withMinConfidence(m));
            count("check --min-confidence");
            invariants(text, rm, m, "min-confidence " + m, problems);
            if (!despin.restore(text, m).equals(rm.restored())) {
                problems.add("min-confidence restore: Despin.restore(text, " + m + ") differs from the report's");
            }
            if (rm.verdict() != r.verdict() || rm.spinScore() != r.spinScore() || rm.tokens() != r.tokens()) {
                problems.add("min-confidence document: the document figures change with --min-confidence " + m);
            }
            if (m > CheckOptions.DEFAULTS.minConfidence()) {
                // a minimum above the default's filters the default's findings (branch fuzz24: it changed the decision)
                List<Finding> above = r.findings().stream().filter(f -> f.confidence() >= m).toList();
                if (!above.equals(rm.findings())) {
                    problems.add("min-confidence filter: at " + m + " not the default's findings at >= " + m);
                }
            }
        } catch (Exception e) {
            problems.add("exception: " + describe(e));
        }
        try { // determinism: again, and two threads at once
            Future<Report> a = pool.submit(() -> detector.check(text, CheckOptions.DEFAULTS));
            Future<Report> b = pool.submit(() -> detector.check(text, CheckOptions.DEFAULTS));
            Report ra = a.get(timeLimitSeconds, TimeUnit.SECONDS);
            Report rb = b.get(timeLimitSeconds, TimeUnit.SECONDS);
            count("check, 2 threads");
            if (!ra.equals(r) || !rb.equals(r)) {
                problems.add("determinism: another run gives another report");
            }
        } catch (Exception e) {
            problems.add("exception: " + describe(e));
        }
        try {
            renderers(text, r, problems);
        } catch (org.despin.cli.input.StrictUtf8Reader.InputIOException e) {
            refused(e.problem(), text.isBlank(), problems); // the CLI never renders what it refuses to read
        } catch (Exception e) {
            problems.add("render exception: " + describe(e));
        }
        boolean encodable = isWellFormed(text);
        if (encodable) {
            try {
                cliStream(index, text, r, problems);
            } catch (Exception e) {
                problems.add("cli stream exception: " + describe(e));
            }
        }
        if (index % serverEvery == 0 || !encodable) {
            try {
                server(text, r, problems);
            } catch (Exception e) {
                problems.add("server exception: " + describe(e));
            }
        }
        return problems;
    }

    private void invariants(String text, Report r, double minConfidence, String label, List<String> problems) {
        if (r.verdict() == null) {
            problems.add("verdict: null (" + label + ")");
        }
        if (!(r.spinScore() >= 0 && r.spinScore() <= 1)) {
            problems.add("spinScore: " + r.spinScore() + " (" + label + ")");
        }
        if (r.tokens() < 0) {
            problems.add("tokens: " + r.tokens());
        }
        int end = 0;
        StringBuilder restored = new StringBuilder();
        for (Finding f : r.findings()) {
            if (f.start() < end || f.start() >= f.end() || f.end() > text.length()) {
                problems.add("order: finding " + f.start() + "-" + f.end() + " after " + end + " in " + text.length()
                        + " chars (" + label + ")");
                return;
            }
            if (!text.substring(f.start(), f.end()).equals(f.text())) {
                problems.add("text: finding " + f.start() + "-" + f.end() + " '" + f.text() + "' but the input holds '"
                        + text.substring(f.start(), f.end()) + "' (" + label + ")");
            }
            if (!(f.confidence() >= minConfidence && f.confidence() <= 1)) {
                problems.add("confidence: " + f.confidence() + " at min " + minConfidence + " (" + label + ")");
            }
            if (f.suggestion() == null || f.evidence() == null || f.suggestion().equals(f.text())) {
                problems.add("suggestion: '" + f.suggestion() + "' for '" + f.text() + "' (" + label + ")");
            }
            for (Alternative a : f.alternatives()) {
                if (a.text() == null || !(a.confidence() >= 0 && a.confidence() <= 1)) {
                    problems.add("alternative: " + a + " (" + label + ")");
                }
            }
            restored.append(text, end, f.start()).append(f.suggestion());
            end = f.end();
        }
        restored.append(text, end, text.length());
        if (!restored.toString().equals(r.restored())) {
            problems.add("round trip: restored is not the input with the findings' spans replaced (" + label + ")");
        }
    }

    /** The CLI's renderers over the report: JSON parsed back, the text format exactly, HTML escaped. */
    private void renderers(String text, Report r, List<String> problems) throws IOException {
        for (boolean batch : new boolean[] {false, true}) {
            StringWriter w = new StringWriter();
            JsonRenderer json = new JsonRenderer(w, batch);
            try (CheckedDocument d = CheckedDocument.of("in put.txt", text, r)) {
                json.document(d);
            }
            json.finish();
            String line = w.toString();
            if (line.indexOf('\n') != line.length() - 1) {
                problems.add("json: not one line");
            }
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (IOException e) {
                problems.add("json: does not parse: " + e.getMessage().split("\n")[0]);
                continue;
            }
            contract(n, text, r, batch ? "in put.txt" : null, "json", problems);
        }
        count("json");
        if (text.isEmpty() || text.startsWith("\ufeff") || !isWellFormed(text)) {
            return; // the CLI reads none of these as they are (refused, BOM dropped, not UTF-8)
        }
        StringWriter w = new StringWriter();
        TextRenderer tr = new TextRenderer(w, false, false);
        try (CheckedDocument d = CheckedDocument.of("in.txt", text, r)) {
            tr.document(d);
            StringBuilder expected = new StringBuilder();
            int at = 0;
            for (Finding f : r.findings()) {
                expected.append(text, at, f.start()).append('[').append(f.text()).append('\u2192').append(f.suggestion())
                        .append(']');
                at = f.end();
            }
            expected.append(text, at, text.length());
            if (expected.length() == 0 || expected.charAt(expected.length() - 1) != '\n') {
                expected.append('\n');
            }
            String got = w.toString();
            String summary = got.startsWith(expected.toString()) ? got.substring(expected.length()) : "";
            if (!summary.startsWith("verdict: " + r.verdict().label() + ", spin score ") || !summary.endsWith(
                    " in " + r.tokens() + " tokens\n") || summary.indexOf('\n') != summary.length() - 1) {
                problems.add("text format: not the input with the findings marked and one summary line");
            }
        }
        count("text");
        w = new StringWriter();
        HtmlRenderer hr = new HtmlRenderer(w);
        try (CheckedDocument d = CheckedDocument.of("in.txt", text, r)) {
            hr.document(d);
        }
        hr.finish();
        if (text.contains("<script>") && w.toString().contains("<script>alert")) {
            problems.add("html: the input's markup is not escaped");
        }
        count("html");
    }

    /** The fields of despin.report/1 with the report's values. */
    private static void contract(JsonNode n, String text, Report r, String source, String label, List<String> problems) {
        List<String> fields = new ArrayList<>();
        n.fieldNames().forEachRemaining(fields::add);
        List<String> want = new ArrayList<>(List.of("schema", "verdict", "spinScore", "tokens", "findings", "restored"));
        if (source != null) {
            want.add(0, "source");
        }
        if (!fields.subList(0, Math.min(fields.size(), want.size())).equals(want)) {
            problems.add(label + " fields: " + fields);
            return;
        }
        if (source != null && !source.equals(n.get("source").asText())) {
            problems.add(label + " source: " + n.get("source"));
        }
        if (!"despin.report/1".equals(n.get("schema").asText())
                || !Set.of("spun", "clean", "uncertain").contains(n.get("verdict").asText())
                || !n.get("verdict").asText().equals(r.verdict().label())) {
            problems.add(label + " schema/verdict: " + n.get("schema") + " " + n.get("verdict"));
        }
        if (!n.get("spinScore").isNumber() || n.get("spinScore").asDouble() != r.spinScore()) {
            problems.add(label + " spinScore: " + n.get("spinScore") + " for " + r.spinScore());
        }
        if (!n.get("tokens").isInt() || n.get("tokens").asInt() != r.tokens()) {
            problems.add(label + " tokens: " + n.get("tokens"));
        }
        if (!n.get("restored").isTextual() || !n.get("restored").asText().equals(r.restored())) {
            problems.add(label + " restored: differs from the report's");
        }
        JsonNode fs = n.get("findings");
        if (!fs.isArray() || fs.size() != r.findings().size()) {
            problems.add(label + " findings: " + fs.size() + " for " + r.findings().size());
            return;
        }
        for (int i = 0; i < fs.size(); i++) {
            JsonNode f = fs.get(i);
            Finding x = r.findings().get(i);
            List<String> ff = new ArrayList<>();
            f.fieldNames().forEachRemaining(ff::add);
            if (!ff.equals(List.of("start", "end", "text", "suggestion", "confidence", "alternatives", "evidence"))) {
                problems.add(label + " finding fields: " + ff);
                return;
            }
            int start = f.get("start").asInt();
            int end = f.get("end").asInt();
            if (!f.get("start").isInt() || !f.get("end").isInt() || start != x.start() || end != x.end()
                    || !f.get("text").asText().equals(text.substring(start, end))
                    || !f.get("suggestion").asText().equals(x.suggestion())
                    || !f.get("confidence").isNumber() || f.get("confidence").asDouble() != x.confidence()
                    || !f.get("evidence").asText().equals(x.evidence())) {
                problems.add(label + " finding: " + f + " for " + x);
                return;
            }
            JsonNode alts = f.get("alternatives");
            for (int k = 0; k < alts.size(); k++) {
                if (!alts.get(k).get("text").asText().equals(x.alternatives().get(k).text())
                        || alts.get(k).get("confidence").asDouble() != x.alternatives().get(k).confidence()) {
                    problems.add(label + " alternative: " + alts.get(k));
                }
            }
        }
    }

    /** The CLI's streaming path over the UTF-8 bytes: one chunk (the same report), and small chunks. */
    private void cliStream(int index, String text, Report r, List<String> problems) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String input = text.startsWith("\ufeff") ? text.substring(1) : text; // the CLI drops a leading BOM
        CliEnvironment.TextChecker checker = (t, o) -> detector.check(t, o);
        boolean blank = input.isBlank();
        if (input.length() <= 60_000) {
            try (TextSource src = TextSource.ofBytes("in.txt", bytes);
                    CheckedDocument d = new DocumentChecker(checker).check(src, CheckOptions.DEFAULTS)) {
                if (blank) {
                    problems.add("cli empty: blank input checked instead of refused");
                    return;
                }
                if (input.equals(text)) {
                    Report again = new Report(d.verdict(), d.spinScore(), d.tokens(), list(d.findings()), read(d.openRestored()));
                    if (!again.equals(r)) {
                        problems.add("cli stream: one chunk gives another report than the library");
                    }
                }
                count("cli one chunk");
            } catch (org.despin.cli.input.InputException e) {
                refused(e, blank, problems);
            }
        }
        if (index % 8 == 0 || input.length() > 10_000) {
            try (TextSource src = TextSource.ofBytes("in.txt", bytes);
                    CheckedDocument d = new DocumentChecker(checker, chunk).check(src, CheckOptions.DEFAULTS)) {
                List<Finding> fs = list(d.findings());
                Report merged = new Report(d.verdict(), d.spinScore(), d.tokens(), fs, read(d.openRestored()));
                invariants(input, merged, CheckOptions.DEFAULTS.minConfidence(), "cli chunks of " + chunk, problems);
                count("cli chunks");
            } catch (org.despin.cli.input.InputException e) {
                refused(e, blank, problems);
            }
        }
    }

    /** The CLI refuses blank input as empty and text with NUL or many control characters as binary; nothing else. */
    private void refused(org.despin.cli.input.InputException e, boolean blank, List<String> problems) {
        String status = e.status().label();
        count("cli refused: " + status);
        if (!(blank && status.equals("empty")) && !status.equals("binary")) {
            problems.add("cli input: " + e.getMessage());
        }
    }

    private static List<Finding> list(Iterator<Finding> it) {
        List<Finding> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static String read(Reader r) throws IOException {
        try (r) {
            StringWriter w = new StringWriter();
            r.transferTo(w);
            return w.toString();
        }
    }

    /** POST /api/v1/check with {"text": ...}: the same report, or a 4xx JSON error. */
    private void server(String text, Report r, List<String> problems) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.uri() + "api/v1/check"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(timeLimitSeconds + 10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        count("server");
        JsonNode n;
        try {
            n = JSON.readTree(resp.body());
        } catch (IOException e) {
            problems.add("server json: " + resp.statusCode() + " does not parse: " + abbreviate(resp.body()));
            return;
        }
        if (resp.statusCode() == 200) {
            if (text.isBlank()) {
                return; // the server checks blank text (an empty report); the CLI refuses it
            }
            contract(n, text, r, null, "server", problems);
        } else if (resp.statusCode() >= 400 && resp.statusCode() < 500 && n.has("error")) {
            count("server 4xx: " + resp.statusCode() + " " + (isWellFormed(text) ? "" : "(lone surrogates)"));
        } else {
            problems.add("server status: " + resp.statusCode() + " " + abbreviate(resp.body()));
        }
    }

    private static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Lone surrogates as Java escapes (a file cannot hold them). */
    private static String escapeSurrogates(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                sb.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private static String describe(Throwable e) {
        Throwable t = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
        StringBuilder sb = new StringBuilder(t.toString());
        StackTraceElement[] st = t.getStackTrace();
        for (int i = 0; i < Math.min(8, st.length); i++) {
            sb.append("\n    at ").append(st[i]);
        }
        return sb.toString();
    }
}
