package org.despin.spin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link SpinThesaurus} held in a hash map: the readers in despin-data build one from their
 * files, tests build small ones by hand.
 *
 * <pre>{@code
 * SpinThesaurus t = MapSpinThesaurus.builder("test")
 *         .add("request", PartOfSpeech.VERB, "ask for", "call for")
 *         .build();
 * }</pre>
 */
public final class MapSpinThesaurus implements SpinThesaurus {
    private final String name;
    private final Map<String, List<Synonym>> entries;
    private final int maxKeyWords;
    private final java.util.Set<String> names;

    private MapSpinThesaurus(String name, Map<String, List<Synonym>> entries, java.util.Set<String> names) {
        this.name = name;
        this.names = java.util.Set.copyOf(names);
        Map<String, List<Synonym>> copy = new HashMap<>(entries.size() * 2);
        int max = 1;
        for (Map.Entry<String, List<Synonym>> e : entries.entrySet()) {
            copy.put(e.getKey(), List.copyOf(e.getValue()));
            max = Math.max(max, wordCount(e.getKey()));
        }
        this.entries = copy;
        this.maxKeyWords = max;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    @Override
    public List<Synonym> synonyms(String key) {
        return entries.getOrDefault(key, List.of());
    }

    @Override
    public boolean isName(String key) {
        return names.contains(key);
    }

    @Override
    public int maxKeyWords() {
        return maxKeyWords;
    }

    @Override
    public String name() {
        return name;
    }

    /** Number of keys. */
    public int size() {
        return entries.size();
    }

    private static int wordCount(String key) {
        int n = 1;
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }

    /** Collects entries; keys are lower-cased and their spaces collapsed. Not thread-safe; the built thesaurus is. */
    public static final class Builder {
        private final String name;
        private final Map<String, List<Synonym>> entries = new HashMap<>();
        private final java.util.Set<String> names = new java.util.HashSet<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Adds synonyms of weight 1 under {@code pos}. */
        public Builder add(String key, PartOfSpeech pos, String... synonyms) {
            for (String s : synonyms) {
                add(key, new Synonym(s, pos, 1.0));
            }
            return this;
        }

        /** Adds one synonym; a synonym already listed for the key keeps its first entry. */
        public Builder add(String key, Synonym synonym) {
            String k = normalKey(key);
            List<Synonym> list = entries.computeIfAbsent(k, x -> new ArrayList<>(4));
            for (Synonym s : list) {
                if (s == synonym || s.pos() == synonym.pos() && s.text().equals(synonym.text())) {
                    return this;
                }
            }
            list.add(synonym);
            return this;
        }

        /** Marks {@code key} as also a proper name (see {@link SpinThesaurus#isName}). */
        public Builder name(String key) {
            names.add(normalKey(key));
            return this;
        }

        public MapSpinThesaurus build() {
            return new MapSpinThesaurus(name, entries, names);
        }

        static String normalKey(String key) {
            boolean plain = !key.isEmpty() && key.charAt(0) != ' ' && key.charAt(key.length() - 1) != ' ';
            for (int i = 0; plain && i < key.length(); i++) {
                char c = key.charAt(i);
                plain = !Character.isUpperCase(c) && !(Character.isWhitespace(c) && (c != ' ' || key.charAt(i + 1) == ' '));
            }
            return plain ? key : String.join(" ", key.trim().toLowerCase(Locale.ROOT).split("\\s+"));
        }
    }
}
