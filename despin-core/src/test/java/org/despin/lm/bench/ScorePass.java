package org.despin.lm.bench;

import java.nio.file.Path;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmFormat;
import org.despin.lm.LmState;
import org.despin.lm.Vocabulary;
import org.despin.model.ModelFile;

/**
 * One pass of a lookup pattern over the held-out ids, for {@link ScoreAb}, which loads this class
 * once per variant (each in its own class loader, with that variant's classes). Pattern 0 is the
 * sliding window, 1 ten candidates in one slot per position over a tenth of the text (the same
 * number of calls). Returns a checksum: a hash of the bits of every score and every output
 * state's words (the top 53 bits, as a double), equal for two builds only if they give the same
 * floats and states.
 */
public final class ScorePass implements IntToDoubleFunction {
    private final LanguageModel lm;
    private final int[] ids;
    private final int[] candidates;

    public ScorePass(String model, int[] ids) throws Exception {
        this.lm = LmFormat.read(ModelFile.open(Path.of(model)));
        this.ids = ids;
        candidates = ids.clone();
        Random r = new Random(1);
        for (int i = candidates.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = candidates[i];
            candidates[i] = candidates[j];
            candidates[j] = t;
        }
    }

    @Override
    public double applyAsDouble(int pattern) {
        LmState s = lm.newState();
        LmState out = lm.newState();
        lm.beginSentence(s);
        long hash = 0;
        if (pattern == 0) {
            for (int id : ids) {
                hash = hash * 31 + Float.floatToRawIntBits(lm.score(s, id, s));
                hash = hash * 31 + s.hashCode();
                if (id == Vocabulary.END_SENTENCE) {
                    lm.beginSentence(s);
                }
            }
            return hash >>> 11;
        }
        for (int p = 0; p < ids.length / 10; p++) {
            for (int c = 0; c < 10; c++) {
                hash = hash * 31 + Float.floatToRawIntBits(lm.score(s, candidates[(p * 10 + c) % candidates.length], out));
                hash = hash * 31 + out.hashCode();
            }
            int w = ids[p];
            lm.score(s, w, s);
            if (w == Vocabulary.END_SENTENCE) {
                lm.beginSentence(s);
            }
        }
        return hash >>> 11;
    }
}
