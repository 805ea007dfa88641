package org.despin.spin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.despin.model.DataFormatException;
import org.junit.jupiter.api.Test;

class AlignmentTest {
    private static final MapSpinThesaurus THESAURUS = SpinFixtures.tiny();

    @Property(tries = 300)
    void spinningRestoresAndTheAlignmentRoundTrips(@ForAll("texts") String text, @ForAll long seed,
            @ForAll @DoubleRange(min = 0, max = 1) double rate,
            @ForAll @DoubleRange(min = 0, max = 0.5) double insertionRate) throws DataFormatException {
        SpinOptions options = new SpinOptions(rate, seed, insertionRate, true, true);
        SpinResult r = new Spinner(THESAURUS, options).spin(text);
        assertEquals(text, r.restore());
        List<Edit> read = Alignment.parse(Alignment.toTsv(r.edits()), "alignment");
        assertEquals(r.edits(), read);
        assertEquals(text, Alignment.restore(r.spunText(), read));
        assertEquals(r, new Spinner(THESAURUS, options).spin(text), "deterministic");
    }

    @Property(tries = 200)
    void anyEditTextSurvivesTheTsvEscaping(@ForAll("fields") String spun, @ForAll("fields") String original)
            throws DataFormatException {
        List<Edit> edits = List.of(new Edit(3, 3 + spun.length(), spun, original));
        assertEquals(edits, Alignment.parse(Alignment.toTsv(edits), "x"));
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.strings().withChars("ab \t\n\r\\'é").ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> words = Arbitraries.of("the", "The", "council", "Council", "Security", "security",
                "requested", "asked", "for", "asking", "discuss", "discussed", "told", "tells", "information",
                "meeting", "meetings", "Secretary", "General", "general", "face", "quicker", "members'",
                "Council's", "issue", "issues", "a", "was", "has", "given", "gave", "China", "UN", "2020", "3.5");
        Arbitrary<String> junk = Arbitraries.strings().withChars("aZ-'’.\u0301\uD83D\uDE00\r\n\t ").ofMaxLength(4);
        Arbitrary<String> seps = Arbitraries.of(" ", " ", " ", "  ", "\n", "\r\n", "-", ", ", ". ", "\t", "\"", "’");
        Arbitrary<String> piece = Combinators.combine(Arbitraries.oneOf(words, words, words, junk), seps).as(String::concat);
        return piece.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Test
    void writesTheContractFormat() {
        List<Edit> edits = List.of(new Edit(4, 14, "Protection", "Security"), new Edit(15, 24, "asked for", "requested\nnow"));
        assertEquals("4\t14\tProtection\tSecurity\n15\t24\tasked for\trequested\\nnow\n", Alignment.toTsv(edits));
    }

    @Test
    void badRowsNameTheLine() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> Alignment.parse("4\t14\tProtection\tSecurity\n15\tx\tasked\trequested\n", "a.tsv"));
        assertEquals("a.tsv:2: bad offset 'x' (a non-negative integer)", e.getMessage());
        e = assertThrows(DataFormatException.class, () -> Alignment.parse("4\t14\tProtection\n", "a.tsv"));
        assertEquals("a.tsv:1: expected 4 tab-separated fields start, end, spun, original", e.getMessage());
        e = assertThrows(DataFormatException.class, () -> Alignment.parse("4\t9\tProtection\tx\n", "a.tsv"));
        assertEquals("a.tsv:1: offsets 4..9 do not fit the spun text 'Protection'", e.getMessage());
        e = assertThrows(DataFormatException.class, () -> Alignment.parse("4\t5\tP\tx\n2\t3\tQ\ty\n", "a.tsv"));
        assertEquals("a.tsv:2: edit at 2 overlaps or precedes the previous one (ending at 5)", e.getMessage());
    }
}
