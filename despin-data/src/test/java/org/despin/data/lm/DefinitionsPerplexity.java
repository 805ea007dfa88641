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
