package org.despin.data.lm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.despin.data.DataPaths;
import org.despin.data.corpus.Corpus;
import org.despin.data.corpus.CorpusDocument;
import org.despin.data.corpus.DefaultCorpora;
import org.despin.data.corpus.WordNetDefinitions;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmText;
import org.despin.lm.Vocabulary;
import org.despin.lm.build.BackoffSource;
import org.despin.lm.build.KneserNeyEstimator;
import org.despin.model.ModelFile;
import org.despin.lm.LmFormat;
import org.despin.text.Tokenizer;

/**
 * Held-out perplexity with and without the WordNet definitions in the own model's corpora (the
 * figures of docs/benchmarks-corpora.md, "WordNet definitions"). Two modes:
 * <pre>
 * java -Xmx5g -cp $CP org.despin.data.lm.DefinitionsPerplexity components
 * java -Xmx3g -cp $CP org.despin.data.lm.DefinitionsPerplexity stored MODEL...
 * </pre>
 * {@code components} trains the own model on the default corpora with the definitions, then
 * without, and prints for each corpus' held-out text (the definitions' own included, scored by
 * both) the own model, the Sphinx model and the exact interpolation at every weight, with the
 * weight chosen by {@link MixWeight} (all corpora) and by the running-text corpora alone.
 * {@code three} trains a separate Kneser-Ney model on the definitions alone and scores the exact
 * three-way interpolation own·a + definitions·b + Sphinx·(1-a-b) over a grid (the weights chosen
 * by the running-text corpora).
 * {@code stored} scores the "lm" section of each model file on the same held-out text, on the
 * tokens whose word every one of the models knows (so that the models are compared on the same
 * tokens).
 */
final class DefinitionsPerplexity {
    private DefinitionsPerplexity() {
    }

    public static void main(String[] args) throws Exception {
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        if (args[0].equals("components")) {
            components(paths);
        } else if (args[0].equals("three")) {
            three(paths);
        } else {
            stored(paths, args);
        }
    }

    private static void components(DataPaths paths) throws Exception {
        DefaultLmBuild.Components with = DefaultLmBuild.components(DefaultCorpora.withDefinitions(paths));
        List<String[]> definitions = with.heldOut().get(WordNetDefinitions.NAME);
        MixWeight.Choice withChoice = with.choice();
        print("with definitions", withChoice.corpora(), withChoice.lambda());
        with = null;
        DefaultLmBuild.Components without = DefaultLmBuild.components(paths);
        HeldOutScorer scorer = new HeldOutScorer(definitions, DefaultLmBuild.ORDER);
        List<MixWeight.CorpusEvaluation> rows = new ArrayList<>(without.choice().corpora());
        rows.add(MixWeight.evaluate(new MixWeight.CorpusScores(WordNetDefinitions.NAME, scorer.score(without.own()),
                scorer.score(without.sphinx()))));
        print("without definitions (main)", rows, without.choice().lambda());
    }

    private static void three(DataPaths paths) throws Exception {
        DefaultLmBuild.Components main = DefaultLmBuild.components(paths);
        KneserNeyEstimator estimator = new KneserNeyEstimator(DefaultLmBuild.ORDER);
        Map<String, List<String[]>> heldOut = new LinkedHashMap<>(main.heldOut());
        List<String[]> defsHeldOut = new ArrayList<>();
        for (CorpusDocument d : new WordNetDefinitions().read()) {
            for (String[] s : LmText.sentenceWords(Tokenizer.DEFAULT.parse(d.text()))) {
                if (d.heldOut()) {
                    defsHeldOut.add(s);
                } else {
                    estimator.addSentence(s);
                }
            }
        }
        heldOut.put(WordNetDefinitions.NAME, defsHeldOut);
        BackoffSource defs = estimator.estimate();
        int steps = 10;
        StringBuilder md = new StringBuilder("\n## three-way: own (main corpora) a, definitions b, Sphinx 1-a-b\n\n");
        List<String> names = new ArrayList<>(heldOut.keySet());
        // perplexity per corpus and grid point (a, b) in tenths
        double[][][] ppl = new double[names.size()][steps + 1][steps + 1];
        double[][] alone = new double[names.size()][3];
        int[] tokens = new int[names.size()];
        for (int c = 0; c < names.size(); c++) {
            HeldOutScorer scorer = new HeldOutScorer(heldOut.get(names.get(c)), DefaultLmBuild.ORDER);
            HeldOutScorer.Scores[] s = {scorer.score(main.own()), scorer.score(defs), scorer.score(main.sphinx())};
            double[][] sum = new double[steps + 1][steps + 1];
            double[] sumAlone = new double[3];
            int n = 0;
            for (int t = 0; t < s[0].log10().length; t++) {
                if (!s[0].known()[t] && !s[1].known()[t] && !s[2].known()[t]) {
                    continue;
                }
                n++;
                double[] p = new double[3];
                for (int m = 0; m < 3; m++) {
                    p[m] = Math.pow(10, s[m].log10()[t]);
                    sumAlone[m] += s[m].log10()[t];
                }
                for (int a = 0; a <= steps; a++) {
                    for (int b = 0; a + b <= steps; b++) {
                        double wa = a / (double) steps;
                        double wb = b / (double) steps;
                        sum[a][b] += Math.log10(wa * p[0] + wb * p[1] + (1 - wa - wb) * p[2]);
                    }
                }
            }
            tokens[c] = n;
            for (int m = 0; m < 3; m++) {
                alone[c][m] = Math.pow(10, -sumAlone[m] / n);
            }
            for (int a = 0; a <= steps; a++) {
                for (int b = 0; a + b <= steps; b++) {
                    ppl[c][a][b] = Math.pow(10, -sum[a][b] / n);
                }
            }
        }
        int bestA = 0;
        int bestB = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int a = 0; a <= steps; a++) {
            for (int b = 0; a + b <= steps; b++) {
                double mean = 0;
                for (int c = 0; c < names.size(); c++) {
                    mean += names.get(c).equals(WordNetDefinitions.NAME) ? 0 : Math.log(ppl[c][a][b]);
                }
                if (mean < best) {
                    best = mean;
                    bestA = a;
                    bestB = b;
                }
            }
        }
        md.append(String.format(Locale.ROOT, "chosen by the running-text corpora: own %.1f, definitions %.1f, Sphinx %.1f%n%n",
                bestA / (double) steps, bestB / (double) steps, 1 - (bestA + bestB) / (double) steps));
        md.append("| held-out corpus | tokens | own KN-4 | definitions KN-4 | Sphinx | two-way 0.7/0/0.3 | three-way chosen |"
                + " 0.6/0.1/0.3 | 0.7/0.1/0.2 | 0.6/0.2/0.2 |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int c = 0; c < names.size(); c++) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                    names.get(c), tokens[c], alone[c][0], alone[c][1], alone[c][2], ppl[c][7][0], ppl[c][bestA][bestB],
                    ppl[c][6][1], ppl[c][7][1], ppl[c][6][2]));
        }
        md.append("\ndefinitions model n-grams:");
        for (int n = 1; n <= defs.order(); n++) {
            md.append(' ').append(defs.count(n));
        }
        System.out.println(md);
    }

    private static void print(String title, List<MixWeight.CorpusEvaluation> rows, double chosen) {
        StringBuilder md = new StringBuilder("\n## " + title + "\n\n");
        int index = indexOf(chosen);
        md.append(String.format(Locale.ROOT, "lambda chosen by MixWeight over its corpora: %.1f; over the running-text"
                + " corpora (no wordnet-definitions): %.1f%n%n", chosen, MixWeight.GRID[runningTextChoice(rows)]));
        md.append("| held-out corpus | tokens | unknown to both | unknown to own | unknown to Sphinx | own KN-4 | Sphinx 3-gram"
                + " | mix |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (MixWeight.CorpusEvaluation e : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f | %.1f | %.1f |%n", e.corpus(), e.tokens(),
                    e.unknownToBoth(), e.unknownToOwn(), e.unknownToSphinx(), e.ownPerplexity(), e.sphinxPerplexity(),
                    e.mix(index)));
        }
        md.append("\n| lambda |");
        rows.forEach(e -> md.append(' ').append(e.corpus()).append(" |"));
        md.append("\n|---|").append("---:|".repeat(rows.size())).append('\n');
        for (int i = 0; i < MixWeight.GRID.length; i++) {
            md.append(String.format(Locale.ROOT, "| %.1f |", MixWeight.GRID[i]));
            for (MixWeight.CorpusEvaluation e : rows) {
                md.append(String.format(Locale.ROOT, " %.1f |", e.mix(i)));
            }
            md.append('\n');
        }
        System.out.println(md);
    }

    /** The grid index minimising the mean log perplexity over the corpora other than the definitions. */
    private static int runningTextChoice(List<MixWeight.CorpusEvaluation> rows) {
        int best = 0;
        double bestMean = Double.POSITIVE_INFINITY;
        for (int i = 0; i < MixWeight.GRID.length; i++) {
            double sum = 0;
            for (MixWeight.CorpusEvaluation e : rows) {
                sum += e.corpus().equals(WordNetDefinitions.NAME) ? 0 : Math.log(e.mix(i));
            }
            if (sum < bestMean) {
                bestMean = sum;
                best = i;
            }
        }
        return best;
    }

    private static int indexOf(double lambda) {
        for (int i = 0; i < MixWeight.GRID.length; i++) {
            if (Math.abs(MixWeight.GRID[i] - lambda) < 1e-9) {
                return i;
            }
        }
        throw new IllegalArgumentException("lambda " + lambda);
    }

    private static void stored(DataPaths paths, String[] args) throws Exception {
        List<LanguageModel> models = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            models.add(LmFormat.read(ModelFile.open(Path.of(args[i]))));
        }
        StringBuilder md = new StringBuilder("| held-out corpus | tokens (known to every model) |");
        for (int i = 1; i < args.length; i++) {
            md.append(' ').append(Path.of(args[i]).getFileName()).append(" |");
        }
        md.append("\n|---|---:|").append("---:|".repeat(models.size())).append('\n');
        for (Corpus corpus : DefaultCorpora.withDefinitions(paths)) {
            List<String[]> sentences = new ArrayList<>();
            for (CorpusDocument d : DefaultCorpora.heldOut(corpus)) {
                sentences.addAll(LmText.sentenceWords(Tokenizer.DEFAULT.parse(d.text())));
            }
            boolean[] known = knownToAll(models, sentences);
            int n = 0;
            for (boolean k : known) {
                n += k ? 1 : 0;
            }
            md.append("| ").append(corpus.name()).append(" | ").append(n).append(" |");
            for (LanguageModel lm : models) {
                double[] s = TrieCrossCheck.scores(lm, sentences);
                double sum = 0;
                for (int t = 0; t < s.length; t++) {
                    sum += known[t] ? s[t] : 0;
                }
                md.append(String.format(Locale.ROOT, " %.1f |", Math.pow(10, -sum / n)));
            }
            md.append('\n');
        }
        System.out.println(md);
    }

    /** Per token (words and sentence ends, as {@link TrieCrossCheck#scores}): whether every model knows the word. */
    private static boolean[] knownToAll(List<LanguageModel> models, List<String[]> sentences) {
        List<Boolean> out = new ArrayList<>();
        for (String[] s : sentences) {
            for (String w : s) {
                boolean all = true;
                for (LanguageModel lm : models) {
                    all &= lm.vocabulary().id(w) != Vocabulary.UNKNOWN;
                }
                out.add(all);
            }
            out.add(true);
        }
        boolean[] b = new boolean[out.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = out.get(i);
        }
        return b;
    }
}
