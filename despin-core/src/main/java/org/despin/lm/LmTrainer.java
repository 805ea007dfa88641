package org.despin.lm;

import java.nio.file.Path;
import java.util.List;
import org.despin.DespinException;

/**
 * Trains an n-gram model ({@code despin train CORPUS... --out MODEL}) from plain-text or JSONL
 * files with bounded memory: n-grams are counted in chunks that fit {@link Options#memoryBudgetBytes},
 * spilled as sorted files to a temporary folder and merged on disk; the counts are smoothed with
 * modified Kneser-Ney ({@link org.despin.lm.build.KneserNeyEstimator}), optionally interpolated with
 * the language model of a base model, and written as a model file.
 *
 * <pre>{@code
 * TrainingReport r = new LmTrainer(LmTrainer.Options.defaults().withOrder(4))
 *         .train(List.of(Path.of("news.jsonl")), Path.of("news.despin"), (read, total) -> bar.show(read, total));
 * }</pre>
 */
public final class LmTrainer {
    private final Options options;

    public LmTrainer(Options options) {
        this.options = options;
    }

    /** Reports how far training has got; called from the training thread. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (read, total) -> { };

        /** @param bytesRead input bytes consumed so far  @param bytesTotal total input bytes */
        void update(long bytesRead, long bytesTotal);
    }

    /**
     * Training options.
     *
     * @param order n-gram order (>= 1)
     * @param jsonField the JSONL field holding the text (files ending .jsonl or .ndjson)
     * @param memoryBudgetBytes n-gram counts held in memory before a sorted chunk is spilled to disk
     * @param tempDir where chunk files go (null: the system temporary folder)
     * @param baseModel a model file whose non-LM sections (the lexicon) are copied into the output
     *                  and whose LM is mixed in when {@code baseWeight > 0} (null: none)
     * @param baseWeight weight of the base model's LM in the mixture (0: not mixed)
     */
    public record Options(int order, String jsonField, long memoryBudgetBytes, Path tempDir, Path baseModel,
            double baseWeight) {
        public Options {
            if (order < 1) {
                throw new IllegalArgumentException("order must be >= 1, got " + order);
            }
            if (baseWeight < 0 || baseWeight >= 1) {
                throw new IllegalArgumentException("base model weight must be in [0, 1), got " + baseWeight);
            }
            if (memoryBudgetBytes < 1) {
                throw new IllegalArgumentException("memory budget must be positive");
            }
        }

        public static Options defaults() {
            return new Options(4, "text", 512L << 20, null, null, 0);
        }

        public Options withOrder(int o) {
            return new Options(o, jsonField, memoryBudgetBytes, tempDir, baseModel, baseWeight);
        }

        public Options withJsonField(String f) {
            return new Options(order, f, memoryBudgetBytes, tempDir, baseModel, baseWeight);
        }

        public Options withMemoryBudget(long bytes) {
            return new Options(order, jsonField, bytes, tempDir, baseModel, baseWeight);
        }

        public Options withTempDir(Path dir) {
            return new Options(order, jsonField, memoryBudgetBytes, dir, baseModel, baseWeight);
        }

        public Options withBaseModel(Path model, double weight) {
            return new Options(order, jsonField, memoryBudgetBytes, tempDir, model, weight);
        }
    }

    /**
     * Trains on {@code inputs} and writes the model to {@code out}. Unreadable, binary or
     * non-UTF-8 files are skipped and listed in the report.
     */
    public TrainingReport train(List<Path> inputs, Path out, Progress progress) throws DespinException {
        throw new UnsupportedOperationException("not written yet");
    }

    public Options options() {
        return options;
    }
}
