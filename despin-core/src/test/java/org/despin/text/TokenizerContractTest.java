package org.despin.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The token-stream contract, checked over random strings (as Lucene's BaseTokenStreamTestCase
 * does for its analysers): offsets into the original, strictly increasing, no overlap, nothing
 * but whitespace, control and format characters dropped, sentences covering every token in order.
 */
class TokenizerContractTest {

    static void assertContract(String text) {
        Document doc = Document.parse(text);
        assertEquals(text, doc.text());
        List<Token> tokens = doc.tokens();
        int previousEnd = 0;
        for (int i = 0; i < tokens.size(); i++) {
            final int at = i;
            Token t = tokens.get(i);
            assertTrue(t.end() > t.start(), () -> "empty token " + t);
            assertTrue(t.start() >= previousEnd, () -> "overlap or backwards at " + t);
            assertEquals(text.substring(t.start(), t.end()), t.text());
            for (int c = previousEnd; c < t.start(); c++) {
                final int pos = c;
                assertTrue(invisible(text.charAt(c)), () -> "visible character dropped at " + pos + " in " + escape(text));
            }
            // a surrogate pair is never cut in two
            assertTrue(!Character.isLowSurrogate(text.charAt(t.start())) || t.start() == 0
                    || !Character.isHighSurrogate(text.charAt(t.start() - 1)), () -> "pair split at " + t);
            if (t.type() == TokenType.JOINER) {
                assertTrue(at > 0 && at + 1 < tokens.size() && tokens.get(at - 1).compound() && tokens.get(at + 1).compound(),
                        () -> "joiner without compound neighbours " + t);
            }
            previousEnd = t.end();
        }
        for (int c = previousEnd; c < text.length(); c++) {
            assertTrue(invisible(text.charAt(c)), () -> "visible tail dropped in " + escape(text));
        }
        int next = 0;
        for (Sentence s : doc.sentences()) {
            assertEquals(next, s.firstToken(), "sentences leave a gap");
            assertTrue(s.endToken() > s.firstToken(), "empty sentence");
            next = s.endToken();
        }
        assertEquals(tokens.size(), next, "sentences do not cover all tokens");
    }

    private static boolean invisible(char ch) {
        return Character.isWhitespace(ch) || Character.isSpaceChar(ch) || Character.isISOControl(ch)
                || Character.getType(ch) == Character.FORMAT;
    }

    @Property(tries = 1000)
    void holdsForAnyString(@ForAll String text) {
        assertContract(text);
    }

    @Property(tries = 1000)
    void holdsForTextLikeStrings(@ForAll("textLike") String text) {
        assertContract(text);
    }

    @Provide
    Arbitrary<String> textLike() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("U.S.", "U.N.", "Dr.", "Mr.", "J.", "e.g.", "etc.", "3.5", "1,200", "1990s", "G7",
                        "don't", "Council’s", "face-to-face", "Secretary-General", "COVID-19", "--", "...", "…",
                        "\"", "“", "”", "‘", "’", "'", "(", ")", ".", "!", "?", "-", "‐", "The", "it", "naïve",
                        "e\u0301", "\u0301", "\uD835\uDD18", "\uD83D\uDE00", "\uD800", "\uDC00", "\u200B", "\uFEFF",
                        "\u00AD", "\u0000", "\u0085", "\u2028"),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6),
                Arbitraries.strings().all().ofMaxLength(3));
        Arbitrary<String> separators = Arbitraries.of("", " ", " ", "  ", "\n", "\r\n", "\r\n\r\n", "\t", "\u00A0", "\n\n");
        return net.jqwik.api.Combinators.combine(pieces, separators).as(String::concat)
                .list().ofMaxSize(30).map(l -> String.join("", l));
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return sb.toString();
    }
}
