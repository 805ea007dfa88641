package org.despin.lm;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link LmTrainer#train} did.
 *
 * @param filesRead input files used
 * @param skipped input files skipped, with the reason
 * @param bytesRead bytes of the files used
 * @param sentences sentences counted
 * @param words words counted
 * @param badJsonLines JSONL lines that were not a JSON object or had no string field of the configured name
 * @param ngramCounts n-grams in the written model per order (index 0 = unigrams)
 * @param chunksSpilled sorted count chunks written to disk (0 when everything fitted in memory)
 * @param modelBytes size of the written model file
 */
public record TrainingReport(List<Path> filesRead, List<Skipped> skipped, long bytesRead, long sentences, long words,
        long badJsonLines, long[] ngramCounts, int chunksSpilled, long modelBytes) {
    /** A skipped input and why. */
    public record Skipped(Path file, String reason) {
    }
}
