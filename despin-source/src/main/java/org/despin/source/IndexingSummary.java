package org.despin.source;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an indexing run did.
 *
 * @param added sources added or replaced
 * @param skipped how many inputs were skipped, by reason
 * @param examples the first few skipped inputs ("path[:line]: reason"), for the user to look at
 * @param indexSize sources in the index after the run
 */
public record IndexingSummary(long added, Map<SkipReason, Long> skipped, List<String> examples, long indexSize) {
    public IndexingSummary {
        EnumMap<SkipReason, Long> copy = new EnumMap<>(SkipReason.class);
        copy.putAll(skipped);
        skipped = java.util.Collections.unmodifiableMap(copy);
        examples = List.copyOf(examples);
    }

    /** Inputs skipped for any reason. */
    public long skippedTotal() {
        long n = 0;
        for (long v : skipped.values()) {
            n += v;
        }
        return n;
    }
}
