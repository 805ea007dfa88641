package org.despin.data.lm;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import org.despin.data.DataPaths;
import org.despin.lm.build.BackoffMixer;
import org.despin.lm.build.BackoffSource;
import org.junit.jupiter.api.Test;

/**
 * The held-out perplexity table of BENCHMARKS-corpora.md. Slow (trains the own model): runs only
 * with {@code -Ddespin.bench=true}:
 * <pre>
 * mvn -q -B -o -pl despin-core,despin-data test -Dtest=DefaultLmBench -Ddespin.bench=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * and writes {@code despin-data/target/bench-corpora.md}.
 */
class DefaultLmBench {
    @Test
    void heldOutPerplexities() throws Exception {
        assumeTrue(Boolean.getBoolean("despin.bench"), "bench only: -Ddespin.bench=true");
        long start = System.nanoTime();
        DefaultLmBuild.Components c = DefaultLmBuild.components(new DataPaths(DataPaths.defaultCache()));
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "components built and scored in %.1f s; chosen lambda (own model) = %.1f%n%n",
                seconds, c.choice().lambda()));
        md.append("| held-out corpus | tokens | unknown to both (left out) | unknown to own | unknown to Sphinx"
                + " | own KN-4 | Sphinx 3-gram | mix |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (MixWeight.CorpusEvaluation e : c.choice().corpora()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f | %.1f | %.1f |%n", e.corpus(),
                    e.tokens(), e.unknownToBoth(), e.unknownToOwn(), e.unknownToSphinx(), e.ownPerplexity(),
                    e.sphinxPerplexity(), e.mix(c.choice().index())));
        }
        md.append("\n| lambda |");
        for (MixWeight.CorpusEvaluation e : c.choice().corpora()) {
            md.append(' ').append(e.corpus()).append(" |");
        }
        md.append("\n|---|").append("---:|".repeat(c.choice().corpora().size())).append('\n');
        for (int i = 0; i < MixWeight.GRID.length; i++) {
            md.append(String.format(Locale.ROOT, "| %.1f |", MixWeight.GRID[i]));
            for (MixWeight.CorpusEvaluation e : c.choice().corpora()) {
                md.append(String.format(Locale.ROOT, " %.1f |", e.mix(i)));
            }
            md.append('\n');
        }
        md.append(crossCheck(c));
        md.append("\nmetadata:\n\n```\n");
        for (Map.Entry<String, String> e : c.metadata().entrySet()) {
            md.append(e.getKey()).append(" = ").append(e.getValue()).append('\n');
        }
        md.append("```\n");
        Path out = Path.of("target", "bench-corpora.md");
        Files.writeString(out, md, StandardCharsets.UTF_8);
        System.out.println(md);
        for (MixWeight.CorpusEvaluation e : c.choice().corpora()) {
            double mix = e.mix(c.choice().index());
            assertTrue(mix < e.ownPerplexity() && mix < e.sphinxPerplexity(), e.corpus() + ": the mix does not beat both");
        }
    }

    /**
     * Writes each component (and the mixture, when the mixer is there) as a despin model section,
     * reads it back and scores the held-out text with it: the figures of the models as stored.
     */
    private static String crossCheck(DefaultLmBuild.Components c) throws Exception {
        StringBuilder md = new StringBuilder("\nStored models (despin lm section, default quantisation), same tokens:\n\n"
                + "| held-out corpus | model | max abs log10 diff to exact | perplexity stored | perplexity exact |\n"
                + "|---|---|---:|---:|---:|\n");
        Path dir = Path.of("target");
        BackoffSource mixed = null;
        try {
            mixed = BackoffMixer.mix(c.own(), c.sphinx(), c.choice().lambda());
        } catch (UnsupportedOperationException e) {
            md.append("(BackoffMixer not written yet: no stored mixture)\n\n");
        }
        for (Map.Entry<String, List<String[]>> e : c.heldOut().entrySet()) {
            HeldOutScorer scorer = new HeldOutScorer(e.getValue(), DefaultLmBuild.ORDER);
            HeldOutScorer.Scores own = scorer.score(c.own());
            HeldOutScorer.Scores sphinx = scorer.score(c.sphinx());
            HeldOutScorer.Scores both = new HeldOutScorer.Scores(own.log10(), either(own.known(), sphinx.known()));
            row(md, e.getKey(), "own KN-4", TrieCrossCheck.compare(TrieCrossCheck.scores(c.own(), e.getValue(), dir), own));
            row(md, e.getKey(), "Sphinx", TrieCrossCheck.compare(TrieCrossCheck.scores(c.sphinx(), e.getValue(), dir), sphinx));
            if (mixed != null) {
                double[] stored = TrieCrossCheck.scores(mixed, e.getValue(), dir);
                double[] r = TrieCrossCheck.compare(stored, both);
                md.append(String.format(Locale.ROOT, "| %s | stored mixture (lambda %.1f) | - | %.1f | - |%n", e.getKey(),
                        c.choice().lambda(), r[1]));
            }
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String corpus, String model, double[] r) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %.4f | %.1f | %.1f |%n", corpus, model, r[0], r[1], r[2]));
    }

    private static boolean[] either(boolean[] a, boolean[] b) {
        boolean[] out = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] || b[i];
        }
        return out;
    }
}
