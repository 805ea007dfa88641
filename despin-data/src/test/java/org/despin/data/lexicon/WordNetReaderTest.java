package org.despin.data.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.despin.model.DataFormatException;
import org.junit.jupiter.api.Test;

class WordNetReaderTest {
    private static final String HEADER = "  1 This software and database is being provided to you, the LICENSEE\n";

    private static List<WordNetReader.Synset> read(String text) throws Exception {
        List<WordNetReader.Synset> out = new ArrayList<>();
        WordNetReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "data.verb", "verb", out::add);
        return out;
    }

    @Test
    void readsLemmasWithSpacesAndWithoutMarkers() throws Exception {
        assertEquals(List.of(new WordNetReader.Synset("verb", List.of("request", "ask for", "bespeak"), 754770,
                List.of(new WordNetReader.Pointer("@", 744289, "verb", 0, 0)))),
                read(HEADER + "00754770 32 v 03 request 1 ask_for 0 bespeak 0 001 @ 00744289 v 0000 | express the need\n"));
        assertEquals(List.of("long", "lasting"), read("01437405 00 s 02 long(a) 0 lasting(p) 0 000 | gloss\n").get(0).lemmas());
    }

    @Test
    void readsSimilarToAndLexicalPointers() throws Exception {
        WordNetReader.Synset s = read("00363972 00 s 02 beaming 0 glad 0 002 & 00363547 a 0000 + 07542406 n 0201 | cheerful\n")
                .get(0);
        assertEquals(List.of(new WordNetReader.Pointer("&", 363547, "adj", 0, 0),
                new WordNetReader.Pointer("+", 7542406, "noun", 2, 1)), s.pointers());
    }

    @Test
    void badPointerIsReported() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> read("00754770 32 v 01 request 1 001 @ 00744289 x 0000 | gloss\n"));
        assertEquals("data.verb:1: bad pointer part of speech 'x'", e.getMessage());
    }

    @Test
    void badCountIsReportedWithFileLineAndToken() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> read(HEADER + "00754770 32 v 0x request 1 ask_for 0 001 @ 00744289 v 0000 | gloss\n"));
        assertEquals("data.verb:2: bad word count '0x'", e.getMessage());
    }

    @Test
    void badLemmaIsReported() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> read("00754770 32 v 02 request 1 ask__for 0 001 @ 00744289 v 0000 | gloss\n"));
        assertEquals("data.verb:1: bad lemma 'ask__for'", e.getMessage());
    }
}
