package org.despin.lexicon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A lexicon in a hash map: for tests and small hand-made lexicons. */
public final class MapLexicon implements Lexicon {
    private final Map<String, List<Candidate>> byObserved;
    private final int maxSpanWords;

    private MapLexicon(Map<String, List<Candidate>> byObserved, int maxSpanWords) {
        this.byObserved = byObserved;
        this.maxSpanWords = maxSpanWords;
    }

    @Override
    public int maxSpanWords() {
        return maxSpanWords;
    }

    @Override
    public List<Candidate> candidates(String observed) {
        return byObserved.getOrDefault(observed, List.of());
    }

    /** Collects links observed -> original. */
    public static final class Builder {
        private final Map<String, List<Candidate>> map = new HashMap<>();
        private int maxSpan = 1;

        /** A spinner may write {@code observed} for {@code original} with the given natural-log channel weight. */
        public Builder add(String observed, String original, float logChannel) {
            return add(observed, new Candidate(original, logChannel, 1, "test"));
        }

        public Builder add(String observed, Candidate c) {
            map.computeIfAbsent(observed, k -> new ArrayList<>()).add(c);
            maxSpan = Math.max(maxSpan, observed.split(" ").length);
            return this;
        }

        public MapLexicon build() {
            Map<String, List<Candidate>> m = new HashMap<>();
            map.forEach((k, v) -> {
                List<Candidate> sorted = new ArrayList<>(v);
                sorted.sort(Comparator.comparingDouble(Candidate::logChannel).reversed().thenComparing(Candidate::original));
                m.put(k, List.copyOf(sorted));
            });
            return new MapLexicon(m, maxSpan);
        }
    }
}
