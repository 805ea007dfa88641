package org.despin.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BrownCorpusTest {
    @Test
    void stripsTagsAndRebuildsSpacing() throws IOException {
        String tagged;
        try (InputStream in = getClass().getResourceAsStream("brown-fixture")) {
            tagged = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals("The Fulton County Grand Jury said Friday an investigation of Atlanta's recent primary election"
                + " produced \"no evidence\" that any irregularities took place.\n"
                + "He did not say (at least not yet) that the 1-1/2 per cent rise -- a surprise -- was 'fair'; he"
                + " asked: why?\n"
                + "Votes: Ten to one\n", BrownCorpus.untagFile(tagged));
    }

    @Test
    void wordWithoutTagIsKeptAsIs() {
        assertEquals("odd token here.", BrownCorpus.untag("odd token/nn here/rb ./."));
    }
}
