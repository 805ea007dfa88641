package org.despin.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImmutablesTest {
    @Test
    void functionWordsNumbersAndNamesButNotSentenceInitialCapitals() {
        String text = "Officials told reporters that the Security Council would meet on 12 March. "
                + "Diplomats said it could not agree, and Mr. Guterres was in New York.";
        assertEquals(List.of("that", "the", "security", "council", "would", "on", "12", "march",
                "it", "could", "not", "and", "mr.", "guterres", "was", "in", "new", "york"), Immutables.sequence(text));
    }

    @Test
    void hyphenPartsAreJudgedOneByOne() {
        assertEquals(List.of("he", "the", "secretary", "general", "to", "in", "2024"),
                Immutables.sequence("He met the Secretary-General face-to-face in 2024."));
    }

    @Test
    void crudeLemmaKeys() {
        assertEquals(List.of("council", "country", "box", "stop", "fall", "crisis", "walk", "walk"),
                List.of(CrudeLemmatizer.lemma("council's"), CrudeLemmatizer.lemma("countries"),
                        CrudeLemmatizer.lemma("boxes"), CrudeLemmatizer.lemma("stopped"),
                        CrudeLemmatizer.lemma("falling"), CrudeLemmatizer.lemma("crisis"),
                        CrudeLemmatizer.lemma("walked"), CrudeLemmatizer.lemma("walking")));
    }
}
