package org.despin.data.lm;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.List;
import org.despin.data.DataPaths;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmFormat;
import org.despin.lm.build.BackoffMixer;
import org.despin.lm.build.BackoffSource;
import org.junit.jupiter.api.Test;

/**
 * The held-out perplexity table of docs/benchmarks-corpora.md. Slow (trains the own model): runs only
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
     * Writes each component exactly (32-bit values) and with the default quantisation, and the
     * mixture as the default build stores it, reads them back and scores the held-out text: checks
     * the scorer against the real models and gives the figures of the models as stored.
     */
    private static String crossCheck(DefaultLmBuild.Components c) throws Exception {
        StringBuilder md = new StringBuilder();
        Path dir = Path.of("target");
        long start = System.nanoTime();
        BackoffSource mixed = BackoffMixer.mix(c.own(), c.sphinx(), c.choice().lambda());
        double mixSeconds = (System.nanoTime() - start) / 1e9;
        Path mixFile = dir.resolve("bench-mix.despin");
        start = System.nanoTime();
        LanguageModel mixLm = TrieCrossCheck.write(mixed, LmFormat.Quantization.DEFAULT, mixFile);
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        long mixBytes = Files.size(mixFile);
        long mixNgrams = 0;
        StringBuilder counts = new StringBuilder();
        for (int n = 1; n <= mixed.order(); n++) {
            mixNgrams += mixed.count(n);
            counts.append(n == 1 ? "" : " / ").append(mixed.count(n));
        }
        md.append(String.format(Locale.ROOT, "%nmixture: %s n-grams (%d in all), mixed in %.1f s, written in %.1f s,"
                + " %d bytes on disk (%.2f bytes per n-gram)%n", counts, mixNgrams, mixSeconds, writeSeconds, mixBytes,
                (double) mixBytes / mixNgrams));
        Map<String, LanguageModel> stored = new LinkedHashMap<>();
        stored.put("own KN-4, exact", TrieCrossCheck.write(c.own(), LmFormat.Quantization.EXACT, dir.resolve("bench-own-exact.despin")));
        stored.put("own KN-4, quantised", TrieCrossCheck.write(c.own(), LmFormat.Quantization.DEFAULT, dir.resolve("bench-own.despin")));
        stored.put("Sphinx, exact", TrieCrossCheck.write(c.sphinx(), LmFormat.Quantization.EXACT, dir.resolve("bench-sphinx-exact.despin")));
        stored.put("Sphinx, quantised", TrieCrossCheck.write(c.sphinx(), LmFormat.Quantization.DEFAULT, dir.resolve("bench-sphinx.despin")));
        md.append("\nStored models (despin lm section) against the exact scorer, on the tokens each model knows:\n\n"
                + "| held-out corpus | model | max abs log10 diff | perplexity stored | perplexity exact |\n"
                + "|---|---|---:|---:|---:|\n");
        StringBuilder mixTable = new StringBuilder("\nThe stored mixture (default quantisation) on the tokens of the first table:\n\n"
                + "| held-out corpus | own KN-4 | Sphinx 3-gram | interpolated (exact) | stored mixture |\n|---|---:|---:|---:|---:|\n");
        for (Map.Entry<String, List<String[]>> e : c.heldOut().entrySet()) {
            HeldOutScorer scorer = new HeldOutScorer(e.getValue(), DefaultLmBuild.ORDER);
            HeldOutScorer.Scores own = scorer.score(c.own());
            HeldOutScorer.Scores sphinx = scorer.score(c.sphinx());
            for (Map.Entry<String, LanguageModel> m : stored.entrySet()) {
                row(md, e.getKey(), m.getKey(), TrieCrossCheck.compare(TrieCrossCheck.scores(m.getValue(), e.getValue()),
                        m.getKey().startsWith("own") ? own : sphinx));
            }
            HeldOutScorer.Scores either = new HeldOutScorer.Scores(own.log10(), either(own.known(), sphinx.known()));
            double[] r = TrieCrossCheck.compare(TrieCrossCheck.scores(mixLm, e.getValue()), either);
            MixWeight.CorpusEvaluation ev = c.choice().corpora().stream().filter(x -> x.corpus().equals(e.getKey()))
                    .findFirst().orElseThrow();
            mixTable.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", e.getKey(), ev.ownPerplexity(),
                    ev.sphinxPerplexity(), ev.mix(c.choice().index()), r[1]));
        }
        return md.append(mixTable).toString();
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
