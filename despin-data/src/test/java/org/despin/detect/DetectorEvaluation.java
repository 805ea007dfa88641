package org.despin.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.despin.data.DataPaths;
import org.despin.data.corpus.Corpus;
import org.despin.data.corpus.CorpusDocument;
import org.despin.data.corpus.DefaultCorpora;
import org.despin.model.Model;
import org.despin.model.Models;
import org.despin.spin.Edit;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Spinner;
import org.despin.text.Document;
import org.despin.text.Sentence;
import org.despin.text.Token;
import org.despin.text.TokenType;

/**
 * The detector's development evaluation on HELD-OUT documents of the default corpora (never the
 * training part), spun by our own spinner with MyThes, a thesaurus the detector does not read.
 * Prints the quality table of docs/detector.md and, with {@code fit}, refits the document-score
 * coefficients. A command-line tool for development, not a unit test; run it as docs/detector.md
 * says:
 *
 * <pre>
 *   java -cp ... org.despin.detect.DetectorEvaluation MODEL [eval|fit|fitarcs|sweep|speed|show|missed] [passages]
 * </pre>
 */
public final class DetectorEvaluation {
    private DetectorEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        Path modelPath = Path.of(args[0]);
        String mode = args.length > 1 ? args[1] : "eval";
        int passages = args.length > 2 && !mode.equals("example") ? Integer.parseInt(args[2]) : 200;
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        Model model = args[0].equals("dev") ? DevModel.load(Path.of("/tmp/despin-dev")) : Models.load(modelPath);
        Detector detector = new Detector(model, settingsFromProperties());
        if (mode.equals("fitarcs")) {
            ArcFitting.fit(model, detector.settings(), paths, passages);
            return;
        }
        if (mode.equals("example")) {
            example(detector, Path.of(args.length > 2 ? args[2] : "examples/spun-news.txt"));
            return;
        }
        // -Dspinner=moby: the same-thesaurus figures (label them so); default MyThes, which the detector does not read
        SpinThesaurus thesaurus = "moby".equals(System.getProperty("spinner"))
                ? org.despin.data.spin.SpinThesauri.load("moby", paths) : DevMyThes.load(paths.cache());
        List<String> heldOut = heldOutText(paths);
        // -Dskip=N: the passages after the first N (a fresh set to check an operating point chosen on the first N)
        int skip = Integer.getInteger("skip", 0);
        List<String> long250 = passages(heldOut, 200, 300, skip + passages);
        long250 = long250.subList(Math.min(skip, long250.size()), long250.size());
        List<String> short150 = passages(heldOut, 100, 150, skip + passages);
        short150 = short150.subList(Math.min(skip, short150.size()), short150.size());
        System.out.printf(Locale.ROOT, "held-out passages: %d of 200-300 words, %d of 100-150 words%n",
                long250.size(), short150.size());
        switch (mode) {
            case "fit" -> fit(detector, thesaurus, short150);
            case "sweep" -> {
                for (String config : System.getProperty("sweep").split(";")) {
                    DetectorSettings.Builder b = settingsFromProperties().with();
                    for (String kv : config.split(",")) {
                        String[] f = kv.split("=");
                        set(b, f[0].trim(), f[1].trim());
                    }
                    System.out.println("## " + config);
                    Detector d = new Detector(model, b.build());
                    clean(d, long250);
                    spun(d, thesaurus, long250);
                    if (System.getProperty("sweepDocs") != null) {
                        documents(d, thesaurus, short150);
                    }
                }
            }
            case "speed" -> speed(detector, long250);
            case "show" -> show(detector, thesaurus, long250);
            case "missed" -> missed(detector, thesaurus, long250);
            default -> eval(detector, thesaurus, long250, short150, mode);
        }
    }

    /** Settings from -Dname=value system properties named like the {@link DetectorSettings} components. */
    static DetectorSettings settingsFromProperties() {
        DetectorSettings.Builder b = DetectorSettings.DEFAULTS.with();
        for (java.lang.reflect.Method m : DetectorSettings.Builder.class.getMethods()) {
            String v = System.getProperty("d." + m.getName());
            if (v == null || m.getParameterCount() != 1
                    || !(m.getParameterTypes()[0] == int.class || m.getParameterTypes()[0] == double.class)) {
                continue;
            }
            try {
                Class<?> t = m.getParameterTypes()[0];
                m.invoke(b, t == int.class ? (Object) Integer.parseInt(v) : (Object) Double.parseDouble(v));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(m.getName(), e);
            }
        }
        String arcs = System.getProperty("arcModel"); // "w0,w1,...;trainingRate", as fitarcs prints them
        if (arcs != null) {
            String[] parts = arcs.split(";");
            b.arcModel(new ArcModel(java.util.Arrays.stream(parts[0].split(",")).mapToDouble(v -> Double.parseDouble(v.trim()))
                    .toArray(), Double.parseDouble(parts[1])));
        }
        if (System.getProperty("handSet") != null) {
            b.arcModel(null); // the hand-set channel of before the arc model, for comparison
        }
        DetectorSettings s = b.build();
        System.out.println(s);
        return s;
    }

    static void set(DetectorSettings.Builder b, String name, String value) {
        for (java.lang.reflect.Method m : DetectorSettings.Builder.class.getMethods()) {
            if (!m.getName().equals(name) || m.getParameterCount() != 1) {
                continue;
            }
            Class<?> t = m.getParameterTypes()[0];
            try {
                if (t == int.class) {
                    m.invoke(b, Integer.parseInt(value));
                    return;
                } else if (t == double.class) {
                    m.invoke(b, Double.parseDouble(value));
                    return;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(name, e);
            }
        }
        throw new IllegalArgumentException("no setting " + name);
    }

    /** Held-out documents of SOTU, Brown and Europarl, in the corpora's fixed order. */
    static List<String> heldOutText(DataPaths paths) throws Exception {
        List<String> out = new ArrayList<>();
        for (Corpus c : DefaultCorpora.all(paths)) {
            if (c.name().startsWith("wordnet")) {
                continue; // single example sentences, not running text
            }
            for (CorpusDocument d : DefaultCorpora.heldOut(c)) {
                out.add(d.text());
            }
        }
        return out;
    }

    /** Whole-sentence passages of min..max words, taken round-robin over documents. */
    static List<String> passages(List<String> docs, int min, int max, int limit) {
        List<List<String>> perDoc = new ArrayList<>();
        for (String text : docs) {
            List<String> ps = new ArrayList<>();
            Document doc = Document.parse(text);
            StringBuilder cur = new StringBuilder();
            int words = 0;
            for (Sentence s : doc.sentences()) {
                int w = 0;
                for (int t = s.firstToken(); t < s.endToken(); t++) {
                    TokenType type = doc.tokens().get(t).type();
                    w += type == TokenType.WORD || type == TokenType.NUMBER ? 1 : 0;
                }
                if (s.size() == 0) {
                    continue;
                }
                if (words + w > max) {
                    cur.setLength(0);
                    words = 0;
                    if (w > max) {
                        continue;
                    }
                }
                String st = text.substring(doc.tokens().get(s.firstToken()).start(), doc.tokens().get(s.endToken() - 1).end());
                cur.append(cur.length() > 0 ? " " : "").append(st.replaceAll("\\s+", " "));
                words += w;
                if (words >= min) {
                    ps.add(cur.toString());
                    cur.setLength(0);
                    words = 0;
                }
            }
            if (!ps.isEmpty()) {
                perDoc.add(ps);
            }
        }
        List<String> out = new ArrayList<>();
        for (int round = 0; out.size() < limit; round++) {
            boolean any = false;
            for (List<String> ps : perDoc) {
                if (round < ps.size() && out.size() < limit) {
                    out.add(ps.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return out;
    }

    /**
     * A spun file with its alignment ({@code X.txt} and {@code X.alignment.tsv}, as {@code despin spin}
     * writes them): edits flagged (a finding overlaps the edit), false flags (findings on no edit),
     * exact restorations.
     */
    static void example(Detector detector, Path spunFile) throws Exception {
        String text = java.nio.file.Files.readString(spunFile, java.nio.charset.StandardCharsets.UTF_8);
        Path tsv = Path.of(spunFile.toString().replaceAll("\\.txt$", ".alignment.tsv"));
        List<Edit> edits = org.despin.spin.Alignment.parse(
                java.nio.file.Files.readString(tsv, java.nio.charset.StandardCharsets.UTF_8), tsv.toString());
        Report r = detector.check(text, CheckOptions.DEFAULTS);
        long flagged = edits.stream().filter(e -> r.findings().stream()
                .anyMatch(f -> f.start() < e.end() && e.start() < f.end())).count();
        long falseFlags = r.findings().stream().filter(f -> edits.stream()
                .noneMatch(e -> f.start() < e.end() && e.start() < f.end())).count();
        int exact = org.despin.eval.Metrics.exactRestorations(text, edits, r.findings());
        System.out.printf(Locale.ROOT, "%s: %d words, %d edits; %d findings; edits flagged %d (%.1f %%), false flags %d, "
                + "exact restorations %d (%.1f %% of edits); verdict %s, score %.2f%n", spunFile, r.tokens(), edits.size(),
                r.findings().size(), flagged, 100.0 * flagged / edits.size(), falseFlags, exact,
                100.0 * exact / edits.size(), r.verdict(), r.spinScore());
        for (Finding f : r.findings()) {
            System.out.printf(Locale.ROOT, "  %s -> %s %.2f%n", f.text(), f.suggestion(), f.confidence());
        }
    }

    /** Prints findings on clean passages (all false flags) and on spun ones next to the true edits. */
    static void show(Detector detector, SpinThesaurus thesaurus, List<String> passages) {
        int seed = 0;
        for (String p : passages) {
            Report r = detector.check(p, CheckOptions.DEFAULTS);
            for (Finding f : r.findings()) {
                System.out.printf(Locale.ROOT, "CLEAN-FLAG %s -> %s %.2f | %s%n", f.text(), f.suggestion(), f.confidence(), f.evidence());
            }
            SpinResult s = new Spinner(thesaurus, SpinOptions.of(0.3, ++seed)).spin(p);
            Report rs = detector.check(s.spunText(), CheckOptions.DEFAULTS);
            for (Edit e : s.edits()) {
                Finding hit = rs.findings().stream().filter(f -> f.start() < e.end() && e.start() < f.end()).findFirst().orElse(null);
                System.out.printf(Locale.ROOT, "EDIT %s <- %s : %s%n", e.spun(), e.original(),
                        hit == null ? "missed" : hit.suggestion() + String.format(Locale.ROOT, " %.2f", hit.confidence()));
            }
            for (Finding f : rs.findings()) {
                if (s.edits().stream().noneMatch(e -> f.start() < e.end() && e.start() < f.end())) {
                    System.out.printf(Locale.ROOT, "SPUN-FALSE %s -> %s %.2f | %s%n", f.text(), f.suggestion(), f.confidence(), f.evidence());
                }
            }
        }
    }

    /** For edits the lexicon covers but the detector misses: what the detector says at confidence 0. */
    static void missed(Detector detector, SpinThesaurus thesaurus, List<String> passages) {
        int seed = 0;
        for (String p : passages) {
            SpinResult s = new Spinner(thesaurus, SpinOptions.of(0.3, ++seed)).spin(p);
            Report rs = detector.check(s.spunText(), CheckOptions.DEFAULTS.withMinConfidence(0));
            for (Edit e : s.edits()) {
                String spunNormal = String.join(" ", Document.parse(e.spun()).tokens().stream()
                        .filter(t -> t.type() == TokenType.WORD).map(Token::normal).toList());
                String origNormal = String.join(" ", Document.parse(e.original()).tokens().stream()
                        .filter(t -> t.type() == TokenType.WORD).map(Token::normal).toList());
                List<org.despin.lexicon.Candidate> cands = detector.model().lexicon().candidates(spunNormal);
                int rank = -1;
                for (int i = 0; i < cands.size(); i++) {
                    if (cands.get(i).original().equals(origNormal)) {
                        rank = i;
                    }
                }
                if (rank < 0) {
                    continue;
                }
                Finding hit = rs.findings().stream().filter(f -> f.start() < e.end() && e.start() < f.end()).findFirst().orElse(null);
                int a = Math.max(0, e.start() - 40);
                int b = Math.min(s.spunText().length(), e.end() + 40);
                System.out.printf(Locale.ROOT, "%s <- %s (rank %d of %d) in '...%s...': %s%n", e.spun(), e.original(), rank,
                        cands.size(), s.spunText().substring(a, b).replace('\n', ' '),
                        hit == null ? "NOT ON BEST PATH" : hit.suggestion() + String.format(Locale.ROOT, " %.2f ", hit.confidence()) + hit.evidence());
            }
        }
    }

    /** Words per second of CPU time on this thread, after one warm-up pass over the same passages. */
    static void speed(Detector detector, List<String> passages) {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int pass = 0; pass < 3; pass++) {
            long words = 0;
            long cpu0 = bean.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            for (String p : passages) {
                words += detector.check(p, CheckOptions.DEFAULTS).tokens();
            }
            double cpu = (bean.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - wall0) / 1e9;
            System.out.printf(Locale.ROOT, "pass %d: %d words, %.0f words/s of CPU time (%.0f words/s wall)%n", pass, words,
                    words / cpu, words / wall);
        }
    }

    static void eval(Detector detector, SpinThesaurus thesaurus, List<String> long250, List<String> short150, String mode) {
        boolean all = mode.equals("eval");
        if (all || mode.contains("clean")) {
            clean(detector, long250);
        }
        if (all || mode.contains("spun")) {
            spun(detector, thesaurus, long250);
        }
        if (all || mode.contains("docs")) {
            documents(detector, thesaurus, short150);
        }
        if (all || mode.contains("tortured")) {
            TorturedPhrases.evaluate(detector, thesaurus);
        }
    }

    static void clean(Detector detector, List<String> long250) {
        long words = 0;
        int flags = 0;
        int calledSpun = 0;
        long t0 = System.nanoTime();
        List<Double> scores = new ArrayList<>();
        for (String p : long250) {
            Report r = detector.check(p, CheckOptions.DEFAULTS);
            scores.add(r.spinScore());
            words += r.tokens();
            flags += r.findings().size();
            calledSpun += r.verdict() == Verdict.SPUN ? 1 : 0;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "clean: %d passages, %d words, %.2f flags/100 words, %.1f %% called spun, %.0f words/s%n",
                long250.size(), words, 100.0 * flags / words, 100.0 * calledSpun / long250.size(), words / seconds);
        scores.sort(null);
        System.out.printf(Locale.ROOT, "clean 200-300-word spin-score quantiles: 0.50 %.3f, 0.90 %.3f, 0.98 %.3f%n",
                scores.get(scores.size() / 2), scores.get((int) (0.9 * scores.size())), scores.get((int) (0.98 * scores.size())));
    }

    static void spun(Detector detector, SpinThesaurus thesaurus, List<String> long250) {
        SpanCounts c = new SpanCounts();
        Spinner spinner = new Spinner(thesaurus, SpinOptions.of(0.3, 7));
        int seed = 0;
        for (String p : long250) {
            SpinResult s = spinner.withOptions(SpinOptions.of(0.3, ++seed)).spin(p);
            Report r = detector.check(s.spunText(), CheckOptions.DEFAULTS);
            c.add(s, r);
            for (Edit e : s.edits()) {
                String spunNormal = String.join(" ", Document.parse(e.spun()).tokens().stream()
                        .filter(t -> t.type() == TokenType.WORD).map(Token::normal).toList());
                String origNormal = String.join(" ", Document.parse(e.original()).tokens().stream()
                        .filter(t -> t.type() == TokenType.WORD).map(Token::normal).toList());
                if (detector.model().lexicon().candidates(spunNormal).stream().anyMatch(k -> k.original().equals(origNormal))) {
                    c.covered++;
                }
            }
        }
        c.print("spun 0.3");
    }

    static void documents(Detector detector, SpinThesaurus thesaurus, List<String> short150) {
        Spinner spinner = new Spinner(thesaurus, SpinOptions.of(0.1, 7));
        int seed = 100000;
        List<Double> clean = new ArrayList<>();
        List<Double> spun = new ArrayList<>();
        int spunCalled = 0;
        int cleanCalled = 0;
        for (String p : short150) {
            Report rc = detector.check(p, CheckOptions.DEFAULTS);
            clean.add(rc.spinScore());
            cleanCalled += rc.verdict() == Verdict.SPUN ? 1 : 0;
            SpinResult s = spinner.withOptions(SpinOptions.of(0.1, ++seed)).spin(p);
            Report rs = detector.check(s.spunText(), CheckOptions.DEFAULTS);
            spun.add(rs.spinScore());
            spunCalled += rs.verdict() == Verdict.SPUN ? 1 : 0;
        }
        List<Double> sortedClean = new ArrayList<>(clean);
        sortedClean.sort(null);
        System.out.printf(Locale.ROOT, "clean spin-score quantiles: 0.50 %.3f, 0.90 %.3f, 0.98 %.3f, 0.99 %.3f%n",
                sortedClean.get(sortedClean.size() / 2), sortedClean.get((int) (0.9 * sortedClean.size())),
                sortedClean.get((int) (0.98 * sortedClean.size())), sortedClean.get((int) (0.99 * sortedClean.size())));
        System.out.printf(Locale.ROOT, "documents 100-150 words: AUROC(spun 0.1 vs clean) = %.3f; called spun: %.1f %% of spun, %.1f %% of clean%n",
                org.despin.eval.Metrics.auroc(spun.stream().mapToDouble(Double::doubleValue).toArray(),
                        clean.stream().mapToDouble(Double::doubleValue).toArray()), 100.0 * spunCalled / short150.size(), 100.0 * cleanCalled / short150.size());
    }

    /** Token-level span counts and exact restorations. */
    static final class SpanCounts {
        long tp;
        long fp;
        long fn;
        long edits;
        long exact;
        long words;
        long covered;

        void add(SpinResult s, Report r) {
            // the project's metrics (org.despin.eval), so these figures match despin bench
            org.despin.eval.SpanCounts sc = org.despin.eval.Metrics.spanCounts(s.spunText(), s.edits(), r.findings());
            tp += sc.truePositives();
            fp += sc.falsePositives();
            fn += sc.falseNegatives();
            words += sc.truePositives() + sc.falsePositives() + sc.falseNegatives() + sc.trueNegatives();
            edits += s.edits().size();
            exact += org.despin.eval.Metrics.exactRestorations(s.spunText(), s.edits(), r.findings());
        }

        void print(String label) {
            double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            System.out.printf(Locale.ROOT, "%s: %d words, %d edits; token P %.3f R %.3f F1 %.3f; exact restorations %.1f %% of edits; lexicon covers %.1f %% of edits%n",
                    label, words, edits, p, r, f1, 100.0 * exact / Math.max(1, edits), 100.0 * covered / Math.max(1, edits));
        }
    }

    static double auroc(List<Double> pos, List<Double> neg) {
        double wins = 0;
        for (double p : pos) {
            for (double n : neg) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return wins / ((double) pos.size() * neg.size());
    }

    /**
     * Fits the document-score coefficients by logistic regression (Newton's method, a small L2
     * penalty) on 100-150-word passages: clean ones against ones spun at rates 0.05, 0.1, 0.2, 0.3.
     */
    static void fit(Detector detector, SpinThesaurus thesaurus, List<String> passages) {
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        Spinner spinner = new Spinner(thesaurus, SpinOptions.of(0.1, 1));
        double[] rates = {0.05, 0.1, 0.2, 0.3};
        int seed = 1000;
        for (int i = 0; i < passages.size(); i++) {
            String p = passages.get(i);
            // the first half of passages trains, the second half tests
            x.add(features(detector.analyse(p, CheckOptions.DEFAULTS).features()));
            y.add(0);
            double rate = rates[i % rates.length];
            SpinResult s = spinner.withOptions(SpinOptions.of(rate, ++seed)).spin(p);
            x.add(features(detector.analyse(s.spunText(), CheckOptions.DEFAULTS).features()));
            y.add(1);
        }
        int half = x.size() / 2;
        double[] w = Logistic.fit(x.subList(0, half), y.subList(0, half), 1.0);
        System.out.printf(Locale.ROOT, "coefficients (intercept, spinRate, confidencePer100, artefactsPer100, names, variants): %s%n",
                java.util.Arrays.toString(w));
        List<Double> pos = new ArrayList<>();
        List<Double> neg = new ArrayList<>();
        for (int i = half; i < x.size(); i++) {
            double s = Logistic.predict(w, x.get(i));
            (y.get(i) == 1 ? pos : neg).add(s);
        }
        System.out.printf(Locale.ROOT, "test half AUROC (mixed rates) %.3f%n", auroc(pos, neg));
        List<Double> sortedNeg = new ArrayList<>(neg);
        sortedNeg.sort(null);
        for (double q : new double[] {0.5, 0.9, 0.98}) {
            double cut = sortedNeg.get(Math.min(sortedNeg.size() - 1, (int) Math.floor(q * sortedNeg.size())));
            long above = pos.stream().filter(v -> v > cut).count();
            System.out.printf(Locale.ROOT, "clean score quantile %.2f = %.3f; spun above it: %.1f %%%n", q, cut,
                    100.0 * above / pos.size());
        }
    }

    static double[] features(DocumentFeatures f) {
        return new double[] {1, f.spinRate(), f.confidencePer100(), f.artefactsPer100(), Math.min(3, f.nameFindings()),
            Math.min(3, f.variantGroups())};
    }
}
