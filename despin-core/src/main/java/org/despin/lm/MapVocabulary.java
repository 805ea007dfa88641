package org.despin.lm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A vocabulary in a hash map. Built once, then read-only. */
public final class MapVocabulary implements Vocabulary {
    private final Map<String, Integer> ids;
    private final List<String> words;

    private MapVocabulary(Map<String, Integer> ids, List<String> words) {
        this.ids = ids;
        this.words = words;
    }

    @Override
    public int id(String word) {
        Integer id = ids.get(word);
        return id == null ? UNKNOWN : id;
    }

    @Override
    public String word(int id) {
        return words.get(id);
    }

    @Override
    public int size() {
        return words.size();
    }

    /** Adds words in the order first seen; ids 0-2 are {@code <unk>}, {@code <s>}, {@code </s>}. */
    public static final class Builder {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> words = new ArrayList<>();

        public Builder() {
            add("<unk>");
            add("<s>");
            add("</s>");
        }

        public int add(String word) {
            Integer id = ids.get(word);
            if (id != null) {
                return id;
            }
            ids.put(word, words.size());
            words.add(word);
            return words.size() - 1;
        }

        public MapVocabulary build() {
            return new MapVocabulary(new HashMap<>(ids), List.copyOf(words));
        }
    }
}
