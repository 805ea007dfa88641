package org.despin.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits text into tokens with offsets into the original string, and tokens into sentences.
 * Stateless and thread-safe. The same tokeniser feeds model training and detection, so that
 * the language model sees text exactly as the detector will.
 *
 * <p>The contract (tested as properties over random strings, Lucene-style): for every token
 * {@code text.substring(start, end).equals(token.text())}; offsets strictly increase and tokens
 * never overlap; the characters between tokens are whitespace, control or format characters
 * only (nothing visible is dropped); the sentences cover all tokens, in order, without gaps.
 *
 * <p>Rules:
 * <ul>
 * <li>a word is a run of letters and combining marks with inner apostrophes, straight or curly
 *     ("don't", "Council’s"); a word immediately followed by digits takes them in and becomes a
 *     {@link TokenType#NUMBER} ("G7");</li>
 * <li>a number is a run of digits with inner "," or "." between digits ("1,200", "3.5"), and
 *     any letters and digits glued to it ("1990s", "3rd");</li>
 * <li>a hyphen between two tokens that touch it ("face-to-face", "COVID-19") is a
 *     {@link TokenType#JOINER} and both neighbours are marked {@code compound};</li>
 * <li>initialisms ("U.S.", "U.N.", "e.g."), single capital initials ("J." of "J. R. R.
 *     Tolkien", except "I") and known abbreviations ("Dr.", "etc.") keep their period;</li>
 * <li>every other visible code point is one {@link TokenType#PUNCT} token (a surrogate pair is
 *     one code point; a lone surrogate is one token of length 1).</li>
 * </ul>
 * Sentences end after ".", "!", "?" or "…" followed by a capital, a digit or an opening quote
 * (closing quotes and brackets stay with the sentence they close); after an initialism or
 * abbreviation other than a title only when a common sentence opener follows ("... in the U.S.
 * The ..."); and at blank lines. No regular expressions and no per-character allocation: the
 * detector must run at tens of thousands of words per second.
 */
public final class Tokenizer {
    /** The shared default instance. */
    public static final Tokenizer DEFAULT = new Tokenizer();

    /** Abbreviations before a name: never the end of a sentence. */
    private static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "gov", "sen", "rep", "col",
            "lt", "sgt", "capt", "cmdr", "adm", "maj", "rev", "hon", "pres", "supt", "fr", "messrs");

    /** Abbreviations that may end a sentence ("... Acme Inc. The company ..."). */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "vs", "etc", "inc", "ltd", "co", "corp", "al", "approx",
            "dept", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "cf", "ca", "op", "pp", "ed", "eds", "ave", "blvd", "bros");

    /** Abbreviations only before a number ("No. 5", "pp. 12"); elsewhere "No." is a word and a period. */
    private static final Set<String> NUMBER_ABBREVIATIONS = Set.of("no", "nos", "vol", "fig", "figs", "eq", "pp",
            "op", "art", "sec", "ch", "p");

    private static final int LONGEST_ABBREVIATION = 6;

    /** Tokenises and sentence-splits {@code text}. Never throws on any string. */
    public Document parse(String text) {
        List<Token> tokens = tokenize(text);
        return new Document(text, tokens, splitSentences(text, tokens));
    }

    /** Tokens of {@code text}, in order, with offsets into it. Never throws on any string. */
    public List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>(Math.max(16, text.length() / 5));
        int n = text.length();
        int i = 0;
        boolean afterJoiner = false; // the next token is the second part of a compound
        while (i < n) {
            char c = text.charAt(i);
            if (isSkipped(c)) {
                i++;
                afterJoiner = false;
                continue;
            }
            int cp = Character.codePointAt(text, i);
            int j;
            TokenType type;
            if (Character.isLetter(cp)) {
                j = endOfWord(text, i);
                type = TokenType.WORD;
                if (j < n && isDigit(text.charAt(j))) {
                    j = endOfAlnum(text, j); // "G7", "mp3"
                    type = TokenType.NUMBER;
                } else {
                    int k = endOfInitialism(text, i);
                    if (k > j) {
                        j = k;
                    } else if (j < n && text.charAt(j) == '.' && (isInitial(text, i, j) || abbreviationKind(text, i, j) != 0
                            || beforeNumber(text, j + 1) && NUMBER_ABBREVIATIONS.contains(Normalizer.lmForm(text.substring(i, j))))) {
                        j++;
                    }
                }
            } else if (isDigit(c)) {
                j = endOfNumber(text, i);
                type = TokenType.NUMBER;
            } else {
                j = i + Character.charCount(cp);
                type = TokenType.PUNCT;
                if (isHyphen(c) && !out.isEmpty() && out.get(out.size() - 1).end() == i && j < n
                        && Character.isLetterOrDigit(Character.codePointAt(text, j))
                        && out.get(out.size() - 1).type() != TokenType.PUNCT
                        && out.get(out.size() - 1).type() != TokenType.JOINER) {
                    type = TokenType.JOINER;
                    Token prev = out.remove(out.size() - 1);
                    out.add(new Token(prev.start(), prev.end(), prev.text(), prev.type(), true));
                }
            }
            boolean compound = afterJoiner && type != TokenType.PUNCT && type != TokenType.JOINER;
            out.add(new Token(i, j, text.substring(i, j), type, compound));
            afterJoiner = type == TokenType.JOINER;
            i = j;
        }
        return out;
    }

    /** Whitespace, control and format characters (zero-width space, byte-order mark) separate tokens and are dropped. */
    private static boolean isSkipped(char c) {
        if (c <= ' ') {
            return true; // ASCII space and controls: the common case, decided without a table lookup
        }
        if (c < 0x7f) {
            return false;
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9' || c > 0x7f && Character.isDigit(c);
    }

    private static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011';
    }

    private static int endOfWord(String s, int i) {
        int n = s.length();
        int j = i;
        while (j < n) {
            int cp = Character.codePointAt(s, j);
            if (Character.isLetter(cp)) {
                j += Character.charCount(cp);
                continue;
            }
            int t = Character.getType(cp);
            if (t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK) {
                j += Character.charCount(cp);
            } else if ((cp == '\'' || cp == '\u2019') && j + 1 < n && Character.isLetter(Character.codePointAt(s, j + 1))) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    private static int endOfAlnum(String s, int i) {
        int n = s.length();
        int j = i;
        while (j < n) {
            int cp = Character.codePointAt(s, j);
            if (!Character.isLetterOrDigit(cp)) {
                break;
            }
            j += Character.charCount(cp);
        }
        return j;
    }

    private static int endOfNumber(String s, int i) {
        int n = s.length();
        int j = i + 1;
        while (j < n) {
            char d = s.charAt(j);
            if (isDigit(d)) {
                j++;
            } else if ((d == ',' || d == '.') && j + 1 < n && isDigit(s.charAt(j + 1))) {
                j += 2;
            } else {
                break;
            }
        }
        if (j < n && Character.isLetter(Character.codePointAt(s, j))) {
            j = endOfAlnum(s, j); // "1990s", "3rd", "10am"
        }
        return j;
    }

    /** End of an initialism like "U.S." or "e.g." starting at i, or i when there is none. */
    private static int endOfInitialism(String s, int i) {
        int n = s.length();
        int j = i;
        int letters = 0;
        while (j + 1 < n && Character.isLetter(s.charAt(j)) && !Character.isSurrogate(s.charAt(j)) && s.charAt(j + 1) == '.') {
            letters++;
            j += 2;
            if (j >= n || !Character.isLetter(s.charAt(j))) {
                break;
            }
        }
        if (letters >= 2 && (j >= n || !Character.isLetterOrDigit(Character.codePointAt(s, j)))) {
            return j;
        }
        return i;
    }

    /** Spaces then a digit from {@code i}. */
    private static boolean beforeNumber(String s, int i) {
        int j = i;
        while (j < s.length() && s.charAt(j) == ' ') {
            j++;
        }
        return j > i && j < s.length() && isDigit(s.charAt(j));
    }

    /** A single capital letter other than "I" before a period: an initial ("J. R. R. Tolkien"). */
    private static boolean isInitial(String s, int start, int end) {
        char c = s.charAt(start);
        return end - start == 1 && Character.isUpperCase(c) && c != 'I';
    }

    /** 1 for a title ("Dr"), 2 for another known abbreviation ("etc"), 0 for neither; {@code s[start, end)} without the period. */
    private static int abbreviationKind(String s, int start, int end) {
        if (end - start > LONGEST_ABBREVIATION) {
            return 0;
        }
        String lower = Normalizer.lmForm(s.substring(start, end));
        return TITLES.contains(lower) ? 1 : ABBREVIATIONS.contains(lower) ? 2 : 0;
    }

    private static boolean isSentenceEnd(Token t) {
        if (t.type() != TokenType.PUNCT || t.end() - t.start() != 1) {
            return false;
        }
        char c = t.text().charAt(0);
        return c == '.' || c == '!' || c == '?' || c == '\u2026';
    }

    private static List<Sentence> splitSentences(String text, List<Token> tokens) {
        List<Sentence> out = new ArrayList<>();
        int start = 0;
        int size = tokens.size();
        for (int t = 0; t < size; t++) {
            Token tok = tokens.get(t);
            boolean boundary = false;
            if (isSentenceEnd(tok)) {
                boundary = startsSentence(tokens, t + 1, tok.end());
                // closing quotes and brackets stay with the sentence they close
                while (boundary && t + 1 < size && isCloser(tokens.get(t + 1)) && tokens.get(t + 1).start() == tokens.get(t).end()) {
                    t++;
                }
            } else if (tok.type() == TokenType.WORD && tok.text().endsWith(".") && t + 1 < size) {
                // "... in the U.S. The next ...": an initialism or abbreviation at a sentence end
                Token next = tokens.get(t + 1);
                boundary = next.isWord() && Character.isUpperCase(next.text().charAt(0))
                        && isCommonSentenceStart(next.text())
                        && abbreviationKind(text, tok.start(), tok.end() - 1) != 1
                        && !isInitial(text, tok.start(), tok.end() - 1);
            }
            if (!boundary && t + 1 < size && hasBlankLine(text, tokens.get(t).end(), tokens.get(t + 1).start())) {
                boundary = true;
            }
            if (boundary) {
                out.add(new Sentence(start, t + 1));
                start = t + 1;
            }
        }
        if (start < size) {
            out.add(new Sentence(start, size));
        }
        return out;
    }

    private static boolean isCloser(Token t) {
        if (t.type() != TokenType.PUNCT || t.end() - t.start() != 1) {
            return false;
        }
        char c = t.text().charAt(0);
        return c == '"' || c == '\u201d' || c == '\'' || c == '\u2019' || c == ')' || c == ']' || c == '\u00bb';
    }

    /** Whether the token at {@code next} (after closing quotes glued to the period at {@code after}) opens a sentence. */
    private static boolean startsSentence(List<Token> tokens, int next, int after) {
        int size = tokens.size();
        if (next >= size) {
            return true;
        }
        if (tokens.get(next).start() == after && !isCloser(tokens.get(next))) {
            return false; // "3.5", "x.y", "?!" : no space after the mark
        }
        int k = next;
        int end = after;
        while (k < size && isCloser(tokens.get(k)) && tokens.get(k).start() == end) {
            end = tokens.get(k).end();
            k++;
        }
        if (k >= size) {
            return true;
        }
        Token t = tokens.get(k);
        if (t.start() == end) {
            return false;
        }
        char c = t.text().charAt(0);
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\u201c' || c == '\u2018'
                || c == '(' || c == '\'' || c == '\u00ab' || c == '[';
    }

    private static final Set<String> COMMON_STARTS = Set.of("the", "a", "an", "it", "he", "she", "they", "we",
            "i", "this", "that", "these", "those", "but", "and", "in", "on", "at", "his", "her", "their", "its",
            "there", "officials", "some", "many", "most", "after", "before", "when", "while", "if", "as",
            "however", "meanwhile", "according", "for", "one", "our", "what", "why", "how", "yet", "so");

    private static boolean isCommonSentenceStart(String word) {
        return word.length() <= 10 && COMMON_STARTS.contains(Normalizer.lmForm(word));
    }

    private static boolean hasBlankLine(String text, int from, int to) {
        int newlines = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                if (++newlines >= 2) {
                    return true;
                }
            }
        }
        return false;
    }
}
