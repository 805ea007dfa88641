package org.despin.lexicon;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The content of a lexicon before it is written: links observed -> original with their
 * {@link LinkFeatures}, how often each observed lemma is offered, and the dictionary's word
 * classes. Sorted, so that what is written from it does not depend on the order things were added.
 * {@link LexiconFormat#section} writes it; {@link #toLexicon} gives an in-memory lexicon with any
 * {@link ChannelWeights}, the cheap way to try other weights.
 */
public final class LexiconData {
    private final NavigableMap<String, NavigableMap<String, LinkFeatures>> links;
    private final NavigableMap<String, Integer> observedPicks;
    private final NavigableMap<String, Integer> wordClasses;
    private final int maxSpanWords;

    private LexiconData(NavigableMap<String, NavigableMap<String, LinkFeatures>> links,
            NavigableMap<String, Integer> observedPicks, NavigableMap<String, Integer> wordClasses, int maxSpanWords) {
        this.links = links;
        this.observedPicks = observedPicks;
        this.wordClasses = wordClasses;
        this.maxSpanWords = maxSpanWords;
    }

    /** Observed spans, sorted, each with its originals sorted. Unmodifiable. */
    public NavigableMap<String, NavigableMap<String, LinkFeatures>> links() {
        return links;
    }

    /** How many originals list each observed lemma, for spans that have links (absent means 1). */
    public int observedPicks(String observed) {
        return observedPicks.getOrDefault(observed, 1);
    }

    /** Known words and their {@link WordClass} masks, sorted. Unmodifiable. */
    public NavigableMap<String, Integer> wordClasses() {
        return wordClasses;
    }

    public int maxSpanWords() {
        return maxSpanWords;
    }

    /** Number of links. */
    public long linkCount() {
        long n = 0;
        for (Map<String, LinkFeatures> m : links.values()) {
            n += m.size();
        }
        return n;
    }

    /** An in-memory lexicon over this data with the given weights (same answers as the written one). */
    public Lexicon toLexicon(ChannelWeights weights) {
        MapLexicon.Builder b = new MapLexicon.Builder();
        links.forEach((observed, originals) -> {
            int picks = observedPicks(observed);
            int observedWords = words(observed);
            originals.forEach((original, f) -> b.add(observed, new Candidate(original,
                    weights.logChannel(f, observedWords, words(original), picks), f.hops(), f.source())));
        });
        wordClasses.forEach((w, mask) -> b.knownWord(w, WordClass.fromMask(mask)));
        b.maxSpanWords(maxSpanWords);
        return b.build();
    }

    /** Words in a normalised span (spaces + 1). */
    static int words(String span) {
        int n = 1;
        for (int i = 0; i < span.length(); i++) {
            if (span.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }

    /** Collects links and word classes. Not thread-safe. */
    public static final class Builder {
        private final TreeMap<String, TreeMap<String, LinkFeatures>> links = new TreeMap<>();
        private final TreeMap<String, Integer> picks = new TreeMap<>();
        private final TreeMap<String, Integer> classes = new TreeMap<>();

        /** Adds a link; a second link for the same pair is merged ({@link LinkFeatures#merge}). */
        public Builder link(String observed, String original, LinkFeatures features) {
            checkSpan(observed);
            checkSpan(original);
            if (observed.equals(original)) {
                throw new IllegalArgumentException("a link from a span to itself: " + observed);
            }
            links.computeIfAbsent(observed, k -> new TreeMap<>()).merge(original, features, LinkFeatures::merge);
            return this;
        }

        /** How many originals list {@code observed} (its lemma), at least 1. */
        public Builder observedPicks(String observed, int count) {
            checkSpan(observed);
            picks.put(observed, Math.max(1, count));
            return this;
        }

        /** A known word form and its {@link WordClass} bits (merged with earlier ones). */
        public Builder word(String word, int classMask) {
            checkSpan(word);
            if (word.indexOf(' ') >= 0) {
                throw new IllegalArgumentException("a known word is one word: '" + word + "'");
            }
            classes.merge(word, classMask, (a, b) -> a | b);
            return this;
        }

        public boolean hasLinks(String observed) {
            return links.containsKey(observed);
        }

        /** The data; the builder is left empty (its maps move into the result instead of being copied). */
        public LexiconData build() {
            TreeMap<String, NavigableMap<String, LinkFeatures>> l = new TreeMap<>();
            int maxSpan = 1;
            for (Map.Entry<String, TreeMap<String, LinkFeatures>> e : links.entrySet()) {
                l.put(e.getKey(), Collections.unmodifiableNavigableMap(e.getValue()));
                maxSpan = Math.max(maxSpan, words(e.getKey()));
            }
            links.clear();
            TreeMap<String, Integer> p = new TreeMap<>();
            picks.forEach((k, v) -> {
                if (l.containsKey(k)) {
                    p.put(k, v);
                }
            });
            TreeMap<String, Integer> c = new TreeMap<>(classes);
            picks.clear();
            classes.clear();
            return new LexiconData(Collections.unmodifiableNavigableMap(l), Collections.unmodifiableNavigableMap(p),
                    Collections.unmodifiableNavigableMap(c), maxSpan);
        }

        private static void checkSpan(String span) {
            if (span.isEmpty() || span.startsWith(" ") || span.endsWith(" ") || span.contains("  ")) {
                throw new IllegalArgumentException("not a normalised span: '" + span + "'");
            }
        }
    }

    /** The observed spans in sorted order, for reports. */
    public List<String> observedSpans() {
        return new ArrayList<>(links.keySet());
    }
}
