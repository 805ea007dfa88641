package org.despin.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.despin.data.DataPaths;
import org.despin.data.corpus.DocumentationJars;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmState;
import org.despin.model.Model;
import org.despin.model.Models;
import org.despin.text.Document;
import org.despin.text.Token;
import org.despin.text.TokenType;

/** Throw-away study: a document's technical register from doc-comment word rates against the LM's unigram. */
final class RegisterProbe {
    private RegisterProbe() {
    }

    public static void main(String[] args) throws Exception {
        Model model = Models.load(Path.of(args[0]));
        LanguageModel lm = model.lm();
        Map<String, Integer> counts = new HashMap<>();
        long n = 0;
        for (String s : DocumentationJars.distinctSentences()) {
            Document d = Document.parse(s);
            for (Token t : d.tokens()) {
                if (t.type() == TokenType.WORD) {
                    counts.merge(t.text().toLowerCase(Locale.ROOT), 1, Integer::sum);
                    n++;
                }
            }
        }
        System.out.println("doc words " + n + " types " + counts.size());
        final long total = n;
        LmState st = lm.newState();
        java.util.function.ToDoubleFunction<String> ratio = w -> {
            int id = lm.vocabulary().id(w);
            lm.emptyContext(st);
            double p = lm.score(st, id, st);
            double r = Math.log10((counts.getOrDefault(w, 0) + 0.5) / total);
            return Math.max(-1.5, Math.min(1.5, r - p));
        };
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        List<String> groups = new ArrayList<>();
        for (List<String> carriers : List.of(TorturedPhrases.CARRIERS, TorturedPhrases.THIRD_CARRIERS)) {
            List<String> terms = carriers == TorturedPhrases.CARRIERS ? TorturedPhrases.TERMS : TorturedPhrases.THIRD_TERMS;
            double[] sc = new double[carriers.size() * terms.size()];
            int k = 0;
            for (String c : carriers) {
                StringBuilder b = new StringBuilder();
                for (String w : c.replace("%s", "").toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                    if (!w.isEmpty() && !FunctionWords.contains(w)) {
                        b.append(String.format(Locale.ROOT, " %s:%.2f", w, ratio.applyAsDouble(w)));
                    }
                }
                System.out.println("CARRIER " + c + " |" + b);
                for (String t : terms) {
                    sc[k++] = score(String.format(Locale.ROOT, c, t), ratio)[0];
                }
            }
            print("carriers+term", sc);
        }
        List<DetectorEvaluation.Labelled> heldOut = DetectorEvaluation.heldOutDocuments(paths);
        for (String spec : List.of("10-60:400", "200-300:200", "100-150:200")) {
            String[] a = spec.split("[-:]");
            List<DetectorEvaluation.Labelled> ps = DetectorEvaluation.labelledPassages(heldOut, Integer.parseInt(a[0]),
                    Integer.parseInt(a[1]), Integer.parseInt(a[2]));
            double[] sc = new double[ps.size()];
            for (int i = 0; i < ps.size(); i++) {
                sc[i] = score(ps.get(i).text(), ratio)[0];
            }
            print("held-out " + spec, sc);
            if (spec.startsWith("10")) {
                for (int i = 0; i < ps.size(); i++) {
                    if (sc[i] > Double.parseDouble(System.getProperty("show", "0.3"))) {
                        System.out.printf(Locale.ROOT, "HIGH %.2f %s%n", sc[i], ps.get(i).text());
                    }
                }
            }
        }
        for (String f : List.of("examples/clean-news.txt", "examples/clean-encyclopedia.txt", "examples/spun-news.txt")) {
            System.out.printf(Locale.ROOT, "%s %.3f%n", f, score(java.nio.file.Files.readString(Path.of(f)), ratio)[0]);
        }
        List<String> tech = org.despin.data.spin.BenchDocuments.technicalPassages(paths, 100, 150, 150);
        double[] sc = new double[tech.size()];
        for (int i = 0; i < tech.size(); i++) {
            sc[i] = score(tech.get(i), ratio)[0];
        }
        print("technical 100-150", sc);
    }

    static double[] score(String text, java.util.function.ToDoubleFunction<String> ratio) {
        Document d = Document.parse(text);
        double sum = 0;
        int k = 0;
        for (Token t : d.tokens()) {
            String w = t.text().toLowerCase(Locale.ROOT);
            if (t.type() != TokenType.WORD || FunctionWords.contains(w) || !w.chars().allMatch(Character::isLetter)) {
                continue;
            }
            sum += ratio.applyAsDouble(w);
            k++;
        }
        return new double[] {k == 0 ? 0 : sum / k, k};
    }

    static void print(String name, double[] sc) {
        double[] s = sc.clone();
        java.util.Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%s n=%d min %.2f p10 %.2f p50 %.2f p90 %.2f p95 %.2f p99 %.2f max %.2f%n", name, s.length,
                s[0], s[s.length / 10], s[s.length / 2], s[s.length * 9 / 10], s[s.length * 95 / 100],
                s[Math.min(s.length - 1, s.length * 99 / 100)], s[s.length - 1]);
    }
}
