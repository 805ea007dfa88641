package org.despin.detect;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.despin.DespinException;
import org.despin.data.lexicon.Morphology;

/**
 * The document's words counted by lemma (LanguageTool's tagger, english-pos-dict) instead of the
 * crude stem alone, so that "went" counts for "go" and "children" for "child": the key of a word
 * is the crude stem of the lemma of its first inflected reading, of the word itself when the tagger
 * gives it none. For the finding model's fit
 * ({@code -DfindingLemmas=true}); not thread-safe (the tagger keeps buffers, the cache is a map).
 */
final class LemmaWordKey implements UnaryOperator<String> {
    private static final boolean OWN = "own".equals(System.getProperty("lemmaRule"));
    private final Morphology morphology;
    private final Map<String, String> cache = new HashMap<>();

    private LemmaWordKey(Morphology morphology) {
        this.morphology = morphology;
    }

    static LemmaWordKey load() throws DespinException {
        return new LemmaWordKey(Morphology.load());
    }

    @Override
    public String apply(String word) {
        return cache.computeIfAbsent(word, this::key);
    }

    private String key(String word) {
        // -DlemmaRule=own: a word the tagger also gives as its own lemma stays itself ("left", "better")
        if (OWN) {
            for (Morphology.Analysis a : morphology.analyse(word)) {
                if (a.lemma().equals(word)) {
                    return DocumentWords.stem(word);
                }
            }
        }
        // the first inflected reading's lemma ("running" VBG -> "run", "better" JJR -> "good"); a word
        // with no inflected reading is a base form of its own
        for (Morphology.Analysis a : morphology.analyse(word)) {
            if (Morphology.INFLECTIONS.contains(a.tag())) {
                return DocumentWords.stem(a.lemma());
            }
        }
        return DocumentWords.stem(word);
    }
}
