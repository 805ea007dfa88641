package org.despin.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.despin.data.DataPaths;
import org.despin.lexicon.Candidate;
import org.despin.model.Model;
import org.despin.model.Models;
import org.despin.spin.Edit;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Spinner;

/**
 * How the training spinners' edits differ from the held-out spinner's on the same passages:
 * fit-fold passages of 100-150 words, each spun at 0.3 with the same seed by every spinner
 * (MyThes only to DESCRIBE the held-out spinner; nothing of it is fitted or kept). Per spinner: edits
 * per 100 words, phrase edits, "X and Y" insertions, the share of edits the model's lexicon lists
 * (and by which link), the replacement's and the original's unigram log10 P (median), and the
 * share of edits whose replacement is 10x rarer than the original.
 *
 * <pre>
 *   java -cp ... org.despin.detect.SpinnerComparison MODEL [passages] [variants, e.g. plain,rare:0.5,rare:1]
 * </pre>
 */
public final class SpinnerComparison {
    private SpinnerComparison() {
    }

    public static void main(String[] args) throws Exception {
        Model model = Models.load(Path.of(args[0]));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        List<String> variants = List.of((args.length > 2 ? args[2] : "plain").split(","));
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        List<String> passages = DetectorEvaluation.passages(ArcFitting.trainingText(paths, true), 100, 150, n);
        ToDoubleFunction<String> unigram = TrainingSpinners.unigrams(model.lm());
        Map<String, Spinner> spinners = new LinkedHashMap<>();
        spinners.put("mythes (held-out; described only)", new Spinner(DevMyThes.load(paths.cache()), SpinOptions.of(0.3, 1)));
        for (String v : variants) {
            System.setProperty("trainSpin", v);
            Spinner[] pair = TrainingSpinners.load(paths, model.lm());
            spinners.put("moby " + v, pair[0]);
            spinners.put("wordnet " + v, pair[1]);
        }
        System.out.printf(Locale.ROOT, "%d fit-fold passages of 100-150 words, rate 0.3, seeds 1..%d%n", passages.size(), n);
        Senses senses = Senses.load();
        System.out.println("| spinner | edits/100 words | phrase edits | insertions | lexicon lists it | as synonym | as related word | in pool | replacement log10 P (median) | original log10 P (median) | replacement 10x rarer | replacement unknown to LM | WordNet sense: first | later | none |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        DetectorSettings settings = DetectorSettings.DEFAULTS;
        CandidateTable pool = new CandidateTable(model.lexicon(), model.lm(), settings);
        for (Map.Entry<String, Spinner> e : spinners.entrySet()) {
            int edits = 0;
            int words = 0;
            int phrase = 0;
            int insertion = 0;
            int listed = 0;
            int synonym = 0;
            int related = 0;
            int inPool = 0;
            int rarer = 0;
            int unknown = 0;
            int[] sense = new int[3];
            List<Double> repl = new ArrayList<>();
            List<Double> orig = new ArrayList<>();
            int seed = 0;
            for (String p : passages) {
                words += org.despin.text.Document.parse(p).wordCount();
                SpinResult s = e.getValue().withOptions(SpinOptions.of(0.3, ++seed)).spin(p);
                for (Edit ed : s.edits()) {
                    edits++;
                    String sp = CoverageDiagnostic.normal(ed.spun());
                    String or = CoverageDiagnostic.normal(ed.original());
                    if (sp.startsWith(or + " and ")) {
                        insertion++;
                        continue;
                    }
                    if (sp.indexOf(' ') >= 0 || or.indexOf(' ') >= 0) {
                        phrase++;
                    }
                    for (Candidate c : model.lexicon().candidates(sp)) {
                        if (c.original().equals(or)) {
                            listed++;
                            if (c.source().startsWith(org.despin.lexicon.LinkFeatures.RELATED_SOURCE)) {
                                related++;
                            } else {
                                synonym++;
                            }
                            break;
                        }
                    }
                    for (PreparedCandidate c : pool.candidates(sp)) {
                        if (c.original().equals(or)) {
                            inPool++;
                            break;
                        }
                    }
                    sense[senses.pick(or, sp)]++;
                    double r = unigram.applyAsDouble(sp);
                    double o = unigram.applyAsDouble(or);
                    if (r == Double.NEGATIVE_INFINITY) {
                        unknown++;
                    }
                    if (sp.indexOf(' ') < 0 && or.indexOf(' ') < 0) {
                        repl.add(Math.max(r, -9));
                        orig.add(Math.max(o, -9));
                        if (r < o - 1) {
                            rarer++;
                        }
                    }
                }
            }
            double words1 = repl.size();
            int sensed = sense[0] + sense[1] + sense[2];
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f %% | %.1f %% | %.1f %% | %.1f %% | %.1f %% | %.1f %% | %.2f | %.2f | %.1f %% | %.1f %% | %.1f %% | %.1f %% | %.1f %% |%n",
                    e.getKey(), 100.0 * edits / words, pct(phrase, edits), pct(insertion, edits), pct(listed, edits),
                    pct(synonym, edits), pct(related, edits), pct(inPool, edits), median(repl), median(orig),
                    pct(rarer, (int) words1), pct(unknown, edits), pct(sense[0], sensed), pct(sense[1], sensed),
                    pct(sense[2], sensed));
        }
    }

    /**
     * Which WordNet sense of the original a replacement comes from: WordNet's index lists a lemma's
     * synsets most frequent sense first, so an edit whose replacement shares the original's first
     * synset took the commonest sense, one that shares only a later synset a rarer sense, and "none"
     * is a replacement that shares no synset with it (a related word, a phrase, another thesaurus's
     * synonym). Both sides are tried as written and as the inflector's lemmas.
     */
    static final class Senses {
        private final Map<String, List<Integer>> sensesOf = new java.util.HashMap<>(); // "pos lemma" -> synset ids
        private final List<java.util.Set<String>> synsets = new ArrayList<>();
        private final org.despin.spin.Inflector inflector = org.despin.spin.RuleInflector.DEFAULT;

        static Senses load() throws Exception {
            Senses s = new Senses();
            Map<String, Integer> byPlace = new java.util.HashMap<>();
            org.despin.data.lexicon.WordNetReader.readAll(syn -> {
                byPlace.put(syn.pos() + syn.offset(), s.synsets.size());
                s.synsets.add(new java.util.HashSet<>(syn.lemmas()));
            });
            for (String pos : org.despin.data.lexicon.WordNetReader.POS) {
                String name = "/net/sf/extjwnl/data/wordnet/wn31/index." + pos;
                try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(
                        Senses.class.getResourceAsStream(name), java.nio.charset.StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith(" ")) {
                            continue;
                        }
                        String[] f = line.split(" ");
                        int count = Integer.parseInt(f[2]);
                        List<Integer> ids = new ArrayList<>(count);
                        for (int k = f.length - count; k < f.length; k++) {
                            Integer id = byPlace.get(pos + Integer.parseInt(f[k]));
                            if (id != null) {
                                ids.add(id);
                            }
                        }
                        s.sensesOf.merge(pos + " " + f[0].replace('_', ' ').toLowerCase(Locale.ROOT), ids, (a, b) -> {
                            List<Integer> m = new ArrayList<>(a);
                            m.addAll(b);
                            return m;
                        });
                    }
                }
            }
            return s;
        }

        /** 0 first sense, 1 a later sense, 2 no shared synset. */
        int pick(String original, String replacement) {
            java.util.Set<String> repl = forms(replacement);
            int best = 2;
            for (String o : forms(original)) {
                for (String pos : org.despin.data.lexicon.WordNetReader.POS) {
                    List<Integer> ids = sensesOf.getOrDefault(pos + " " + o, List.of());
                    for (int k = 0; k < ids.size() && best > 0; k++) {
                        java.util.Set<String> lemmas = synsets.get(ids.get(k));
                        for (String r : repl) {
                            if (lemmas.contains(r)) {
                                best = Math.min(best, k == 0 ? 0 : 1);
                            }
                        }
                    }
                }
            }
            return best;
        }

        private java.util.Set<String> forms(String phrase) {
            java.util.Set<String> out = new java.util.HashSet<>();
            out.add(phrase);
            String[] w = phrase.split(" ");
            for (int end : new int[] {0, w.length - 1}) {
                for (org.despin.spin.Inflector.Analysis a : inflector.analyse(w[end])) {
                    String[] c = w.clone();
                    c[end] = a.lemma();
                    out.add(String.join(" ", c));
                }
            }
            return out;
        }
    }

    private static double pct(int a, int b) {
        return b == 0 ? 0 : 100.0 * a / b;
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length == 0 ? Double.NaN : a[a.length / 2];
    }
}
