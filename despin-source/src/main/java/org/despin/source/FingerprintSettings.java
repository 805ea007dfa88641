package org.despin.source;

import java.util.Map;

/**
 * Shingle sizes of the fingerprints. They are part of an index: a query must use the sizes the
 * index was built with, so they are stored in the index's commit data.
 *
 * @param immutableShingle n of the n-grams over the immutable-only sequence
 * @param restoredShingle n of the n-grams over the restored lemma sequence
 * @param baselineShingle n of the plain word n-grams of the unrestored text (the text-matcher baseline)
 * @param overlapGram n of the word n-grams behind {@code overlapBefore}/{@code overlapAfter}
 */
public record FingerprintSettings(int immutableShingle, int restoredShingle, int baselineShingle, int overlapGram) {
    /** Sizes chosen on development data made with the project's spinner (see docs/benchmarks-source.md). */
    public static final FingerprintSettings DEFAULT = new FingerprintSettings(5, 3, 5, 3);

    public FingerprintSettings {
        if (immutableShingle < 1 || restoredShingle < 1 || baselineShingle < 1 || overlapGram < 1) {
            throw new IllegalArgumentException("shingle sizes must be at least 1");
        }
    }

    Map<String, String> toCommitData() {
        return Map.of("despin.source.immutableShingle", Integer.toString(immutableShingle),
                "despin.source.restoredShingle", Integer.toString(restoredShingle),
                "despin.source.baselineShingle", Integer.toString(baselineShingle),
                "despin.source.overlapGram", Integer.toString(overlapGram));
    }

    static FingerprintSettings fromCommitData(Map<String, String> data) {
        return new FingerprintSettings(intOf(data, "despin.source.immutableShingle"),
                intOf(data, "despin.source.restoredShingle"), intOf(data, "despin.source.baselineShingle"),
                intOf(data, "despin.source.overlapGram"));
    }

    private static int intOf(Map<String, String> data, String key) {
        String v = data.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return Integer.parseInt(v);
    }
}
