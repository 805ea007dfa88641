package org.despin.model;

import java.util.Map;

/**
 * What a model file holds and how it was built, as printed by {@code despin model info}.
 *
 * @param formatVersion the binary format version
 * @param metadata build metadata: inputs with versions and checksums, sizes, build parameters (ordered)
 */
public record ModelInfo(int formatVersion, Map<String, String> metadata) {
    public ModelInfo {
        metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }
}
