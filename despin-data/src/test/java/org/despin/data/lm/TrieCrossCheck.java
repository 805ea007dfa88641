package org.despin.data.lm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmFormat;
import org.despin.lm.LmState;
import org.despin.lm.Vocabulary;
import org.despin.lm.build.BackoffSource;
import org.despin.model.ModelFile;

/**
 * Writes a back-off source as a despin "lm" section, reads it back as a queryable model and scores
 * held-out sentences token by token: checks {@link HeldOutScorer} against the real model, and the
 * model file against its source.
 */
final class TrieCrossCheck {
    private TrieCrossCheck() {
    }

    /** Writes {@code source} to {@code file} as a model with only an "lm" section, and maps it. */
    static LanguageModel write(BackoffSource source, LmFormat.Quantization quantization, Path file) throws Exception {
        try (ModelFile.Writer w = new ModelFile.Writer(file)) {
            w.section(LmFormat.SECTION, LmFormat.section(source, quantization));
            w.finish(Map.of());
        }
        return LmFormat.read(ModelFile.open(file));
    }

    /** Per-token log10 probabilities (words and sentence ends), with state passing along each sentence. */
    static double[] scores(LanguageModel lm, List<String[]> sentences) {
        int tokens = 0;
        for (String[] s : sentences) {
            tokens += s.length + 1;
        }
        double[] out = new double[tokens];
        int at = 0;
        LmState state = lm.newState();
        for (String[] s : sentences) {
            lm.beginSentence(state);
            for (String word : s) {
                out[at++] = lm.score(state, lm.vocabulary().id(word), state);
            }
            out[at++] = lm.score(state, Vocabulary.END_SENTENCE, state);
        }
        return out;
    }

    /** Largest |a - b| over the tokens {@code known} marks, and the perplexities over them. */
    static double[] compare(double[] a, HeldOutScorer.Scores b) {
        double max = 0;
        double sumA = 0;
        double sumB = 0;
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (b.known()[i]) {
                max = Math.max(max, Math.abs(a[i] - b.log10()[i]));
                sumA += a[i];
                sumB += b.log10()[i];
                n++;
            }
        }
        return new double[] {max, Math.pow(10, -sumA / n), Math.pow(10, -sumB / n)};
    }
}
