package org.despin.lexicon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A lexicon in a hash map: for tests, small hand-made lexicons and trying other weights. */
public final class MapLexicon implements Lexicon {
    private final Map<String, List<Candidate>> byObserved;
    private final Map<String, Set<WordClass>> knownWords;
    private final int maxSpanWords;

    private MapLexicon(Map<String, List<Candidate>> byObserved, Map<String, Set<WordClass>> knownWords, int maxSpanWords) {
        this.byObserved = byObserved;
        this.knownWords = knownWords;
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

    @Override
    public boolean isKnownWord(String word) {
        return knownWords.containsKey(word);
    }

    @Override
    public Set<WordClass> wordClasses(String word) {
        return knownWords.getOrDefault(word, Set.of());
    }

    /** Collects links observed -> original. */
    public static final class Builder {
        private final Map<String, List<Candidate>> map = new HashMap<>();
        private final Map<String, Set<WordClass>> known = new HashMap<>();
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

        /** Marks {@code word} as a known English word form with the given classes (may be empty). */
        public Builder knownWord(String word, Set<WordClass> classes) {
            known.put(word, Set.copyOf(classes));
            return this;
        }

        /** Raises the longest span reported by {@link #maxSpanWords()}. */
        public Builder maxSpanWords(int words) {
            maxSpan = Math.max(maxSpan, words);
            return this;
        }

        public MapLexicon build() {
            Map<String, List<Candidate>> m = new HashMap<>();
            map.forEach((k, v) -> {
                List<Candidate> sorted = new ArrayList<>(v);
                sorted.sort(CANDIDATE_ORDER);
                m.put(k, List.copyOf(sorted));
            });
            return new MapLexicon(m, Map.copyOf(known), maxSpan);
        }
    }

    /** Best channel weight first, ties by original. */
    /** Best channel weight first, then by original (one comparator, no chain: lexicons sort every list they build). */
    static final Comparator<Candidate> CANDIDATE_ORDER = (x, y) -> {
        int c = Double.compare(y.logChannel(), x.logChannel());
        return c != 0 ? c : x.original().compareTo(y.original());
    };
}
