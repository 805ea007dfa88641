package org.despin.spark;

import java.io.Serializable;
import java.util.List;
import org.despin.cli.scan.Scanner;

/**
 * What the Spark scan job does. Serializable: it travels to the executors with the tasks (the
 * model travels as a path only).
 *
 * @param inputs files and folders on storage every executor can read, as {@code despin scan} takes them
 * @param parquetInputs Parquet files or folders (read by Spark), the text in {@code parquetTextColumn}
 * @param output the output folder
 * @param format how the results are written
 * @param model the model file (a path every executor can read, or shipped with {@code --files})
 * @param textField the JSONL field holding the text
 * @param idField the JSONL field (and Parquet column) holding the id
 * @param parquetTextColumn the Parquet column holding the text
 * @param minConfidence the lowest confidence a finding is reported at (null: the model's default)
 * @param maxRecordBytes the largest JSONL line or archive record held in memory
 */
public record ScanSettings(List<String> inputs, List<String> parquetInputs, String output, OutputFormat format, String model,
        String textField, String idField, String parquetTextColumn, Double minConfidence, int maxRecordBytes)
        implements Serializable {

    /** How the results are written: JSON Lines exactly as {@code despin scan} writes them, or Parquet with the same fields. */
    public enum OutputFormat { JSONL, PARQUET }

    public ScanSettings {
        inputs = List.copyOf(inputs);
        parquetInputs = List.copyOf(parquetInputs);
        if (inputs.isEmpty() && parquetInputs.isEmpty()) {
            throw new IllegalArgumentException("no input");
        }
        if (minConfidence != null && !(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("the minimum confidence must be between 0 and 1, got " + minConfidence);
        }
    }

    /** The settings of {@code despin scan} these amount to (the thread count is Spark's business). */
    Scanner.Settings scanner() {
        return new Scanner.Settings(1, textField, idField, maxRecordBytes);
    }
}
