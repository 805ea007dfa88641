package org.despin.lm.bench;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.despin.lm.LmFormat;
import org.despin.lm.Vocabulary;
import org.despin.model.ModelFile;

/**
 * Rewrites held-out ids of one model for another model's vocabulary (through the words), so the
 * lookup benchmarks can run the same held-out text on the default model:
 * {@code java ... ConvertIds FROM_MODEL FROM_IDS TO_MODEL TO_IDS}. A word the first model did not
 * know stays unknown.
 */
public final class ConvertIds {
    private ConvertIds() {
    }

    public static void main(String[] args) throws Exception {
        Vocabulary from = LmFormat.read(ModelFile.open(Path.of(args[0]))).vocabulary();
        int[] ids = LmScoreBenchmark.readIds(Path.of(args[1]));
        Vocabulary to = LmFormat.read(ModelFile.open(Path.of(args[2]))).vocabulary();
        int unknown = 0;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(Path.of(args[3]))))) {
            out.writeInt(ids.length);
            for (int id : ids) {
                int t = id <= Vocabulary.END_SENTENCE ? id : to.id(from.word(id));
                unknown += t == Vocabulary.UNKNOWN ? 1 : 0;
                out.writeInt(t);
            }
        }
        System.out.printf("%d ids, %d unknown to %s%n", ids.length, unknown, args[2]);
    }
}
