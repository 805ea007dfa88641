package org.despin.spark;

import java.io.Serializable;
import java.util.List;
import org.despin.lm.LmTrainer;

/**
 * What the Spark train job does.
 *
 * @param inputs training files (plain text, or JSONL by name) on storage every executor can read,
 *               in the order {@code despin train} would be given them; a folder stands for its files in sorted order
 * @param output the model file, written by the driver
 * @param order n-gram order
 * @param jsonField the JSONL field holding the text
 * @param baseModel a model whose lexicon and terms are copied, whose names are joined with the text's and whose LM is mixed in (null: none), as {@code despin train --base}
 * @param baseWeight the base LM's weight in the mixture (0: not mixed)
 * @param memoryBudgetBytes the driver's sort buffers for the estimate (as {@code despin train --memory})
 */
public record TrainSettings(List<String> inputs, String output, int order, String jsonField, String baseModel, double baseWeight,
        long memoryBudgetBytes) implements Serializable {

    /** The default memory budget of {@code despin train}. */
    public static final long DEFAULT_MEMORY = LmTrainer.Options.defaults().memoryBudgetBytes();

    public TrainSettings {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input");
        }
        trainer(order, jsonField, baseModel, baseWeight, memoryBudgetBytes); // validates
    }

    /** {@code despin train}'s trainer with these settings: the same reading, estimation and writing. */
    LmTrainer trainer() {
        return trainer(order, jsonField, baseModel, baseWeight, memoryBudgetBytes);
    }

    private static LmTrainer trainer(int order, String jsonField, String baseModel, double baseWeight, long memory) {
        LmTrainer.Options o = LmTrainer.Options.defaults().withOrder(order).withJsonField(jsonField).withMemoryBudget(memory);
        if (baseModel != null) {
            o = o.withBaseModel(java.nio.file.Path.of(baseModel), baseWeight);
        }
        return new LmTrainer(o);
    }
}
