package org.despin.data.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.despin.model.DataFormatException;
import org.junit.jupiter.api.Test;

class MobyReaderTest {
    private static List<String> read(String text) throws Exception {
        List<String> out = new ArrayList<>();
        MobyReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "words.txt",
                (head, syns) -> out.add(head + ":" + String.join("|", syns)));
        return out;
    }

    @Test
    void readsEntriesNormalisedAndIgnoresTrailingEmptyFields() throws Exception {
        assertEquals(List.of("tell:advise|Notify".toLowerCase(), "a la mode:in the mode|chic"),
                read("tell,advise,Notify\r\na la mode,in the mode,chic,,\r\n"));
    }

    @Test
    void badTokenIsReportedWithFileLineAndToken() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> read("tell,advise,notify\nsay,state,ut<ter,declare\n"));
        assertEquals("words.txt:2: unexpected character U+003C in synonym 2 'ut<ter'", e.getMessage());
        assertEquals(2, e.line());
        assertEquals("words.txt", e.file());
    }

    @Test
    void emptyFieldInsideALineIsReported() {
        DataFormatException e = assertThrows(DataFormatException.class, () -> read("tell,advise,,notify\n"));
        assertEquals("words.txt:1: empty synonym 2", e.getMessage());
    }

    @Test
    void entryWithoutSynonymsAndStraySpacesAreReported() {
        assertEquals("words.txt:1: entry 'lonely' lists no synonyms",
                assertThrows(DataFormatException.class, () -> read("lonely,,\n")).getMessage());
        assertEquals("words.txt:3: stray spaces in synonym 1 ' advise'",
                assertThrows(DataFormatException.class, () -> read("a,b\nc,d\ntell, advise\n")).getMessage());
    }
}
