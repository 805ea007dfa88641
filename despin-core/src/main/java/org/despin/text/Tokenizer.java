package org.despin.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits text into tokens with offsets into the original string, and tokens into sentences.
 * Stateless and thread-safe. The same tokeniser feeds model training and detection, so that
 * the language model sees text exactly as the detector will.
 *
 * <p>Rules: a word is a run of letters (and combining marks) with inner apostrophes ("don't",
 * "Council’s"); a hyphen between two letters or digits is a {@link TokenType#JOINER} token and
 * its neighbours are marked {@code compound}; a number is a run of digits with inner "," or "."
 * followed by digits; a word immediately followed by "." that is a known abbreviation or an
 * initialism ("U.S.", "U.N.", "Dr.") keeps its period; everything else visible is one
 * {@link TokenType#PUNCT} token per character.
 */
public final class Tokenizer {
    /** The shared default instance. */
    public static final Tokenizer DEFAULT = new Tokenizer();

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "gov", "sen", "rep", "col",
            "lt", "sgt", "capt", "cmdr", "adm", "maj", "rev", "hon", "pres", "supt", "vs", "etc", "inc",
            "ltd", "co", "corp", "no", "nos", "vol", "fig", "figs", "eq", "al", "approx", "dept", "est",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g",
            "i.e", "cf", "ca", "op", "pp", "ed", "eds");

    /** Tokenises and sentence-splits {@code text}. Never throws on any string. */
    public Document parse(String text) {
        List<Token> tokens = tokenize(text);
        return new Document(text, tokens, splitSentences(text, tokens));
    }

    /** Tokens of {@code text}, in order, with offsets into it. */
    public List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>(Math.max(16, text.length() / 5));
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                i++;
                continue;
            }
            if (isLetter(text, i)) {
                int j = endOfWord(text, i);
                // initialisms such as U.S. or U.N. and known abbreviations keep their period
                int k = endOfInitialism(text, i);
                if (k > j) {
                    j = k;
                } else if (j < n && text.charAt(j) == '.' && isAbbreviation(text.substring(i, j))) {
                    j++;
                }
                out.add(new Token(i, j, text.substring(i, j), TokenType.WORD, false));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < n) {
                    char d = text.charAt(j);
                    if (Character.isDigit(d)) {
                        j++;
                    } else if ((d == ',' || d == '.') && j + 1 < n && Character.isDigit(text.charAt(j + 1))) {
                        j += 2;
                    } else {
                        break;
                    }
                }
                out.add(new Token(i, j, text.substring(i, j), TokenType.NUMBER, false));
                i = j;
            } else {
                int len = Character.charCount(text.codePointAt(i));
                TokenType type = TokenType.PUNCT;
                if (isHyphen(c) && !out.isEmpty() && out.get(out.size() - 1).end() == i && i + 1 < n
                        && Character.isLetterOrDigit(text.charAt(i + 1))
                        && out.get(out.size() - 1).type() != TokenType.PUNCT) {
                    type = TokenType.JOINER;
                    Token prev = out.remove(out.size() - 1);
                    out.add(new Token(prev.start(), prev.end(), prev.text(), prev.type(), true));
                }
                out.add(new Token(i, i + len, text.substring(i, i + len), type, false));
                i += len;
                if (type == TokenType.JOINER) {
                    // the next word or number is a compound part; mark it when it is read
                    int j = i;
                    if (isLetter(text, j)) {
                        int e = endOfWord(text, j);
                        out.add(new Token(j, e, text.substring(j, e), TokenType.WORD, true));
                        i = e;
                    }
                }
            }
        }
        return out;
    }

    private static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011';
    }

    private static boolean isLetter(String s, int i) {
        int cp = s.codePointAt(i);
        return Character.isLetter(cp);
    }

    private static int endOfWord(String s, int i) {
        int n = s.length();
        int j = i;
        while (j < n) {
            int cp = s.codePointAt(j);
            if (Character.isLetter(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
                j += Character.charCount(cp);
            } else if ((cp == '\'' || cp == '\u2019') && j + 1 < n && Character.isLetter(s.codePointAt(j + 1))
                    && j > i) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    /** End of an initialism like "U.S." or "e.g." starting at i, or i when there is none. */
    private static int endOfInitialism(String s, int i) {
        int n = s.length();
        int j = i;
        int letters = 0;
        while (j + 1 < n && Character.isLetter(s.charAt(j)) && s.charAt(j + 1) == '.') {
            if (j > i && Character.isLetter(s.charAt(j - 1)) && s.charAt(j - 1) != '.') {
                break;
            }
            letters++;
            j += 2;
            if (j < n && !Character.isLetter(s.charAt(j))) {
                break;
            }
        }
        if (letters >= 2 && (j >= n || !Character.isLetter(s.charAt(j)))) {
            return j;
        }
        return i;
    }

    private static boolean isAbbreviation(String word) {
        return ABBREVIATIONS.contains(Normalizer.lmForm(word));
    }

    private static List<Sentence> splitSentences(String text, List<Token> tokens) {
        List<Sentence> out = new ArrayList<>();
        int start = 0;
        for (int t = 0; t < tokens.size(); t++) {
            Token tok = tokens.get(t);
            boolean boundary = false;
            String s = tok.text();
            if (tok.type() == TokenType.PUNCT && (s.equals(".") || s.equals("!") || s.equals("?"))) {
                boundary = startsSentence(tokens, t + 1, text, tok.end());
                // closing quotes and brackets stay with the sentence they close
                while (boundary && t + 1 < tokens.size() && isCloser(tokens.get(t + 1).text())
                        && tokens.get(t + 1).start() == tokens.get(t).end()) {
                    t++;
                }
            } else if (tok.type() == TokenType.WORD && s.endsWith(".") && t + 1 < tokens.size()) {
                // "... in the U.S. The next ..." : an initialism at a sentence end
                Token next = tokens.get(t + 1);
                boundary = next.isWord() && Character.isUpperCase(next.text().charAt(0))
                        && isCommonSentenceStart(next.text()) && !isAbbreviation(s.substring(0, s.length() - 1));
            }
            if (!boundary && t + 1 < tokens.size() && hasBlankLine(text, tok.end(), tokens.get(t + 1).start())) {
                boundary = true;
            }
            if (boundary) {
                out.add(new Sentence(start, t + 1));
                start = t + 1;
            }
        }
        if (start < tokens.size()) {
            out.add(new Sentence(start, tokens.size()));
        }
        return out;
    }

    private static boolean isCloser(String s) {
        return s.equals("\"") || s.equals("\u201d") || s.equals("'") || s.equals("\u2019") || s.equals(")")
                || s.equals("]");
    }

    private static boolean startsSentence(List<Token> tokens, int next, String text, int after) {
        if (next >= tokens.size()) {
            return true;
        }
        int k = next;
        while (k < tokens.size() && isCloser(tokens.get(k).text()) && tokens.get(k).start() == (k == next ? after : tokens.get(k - 1).end())) {
            k++;
        }
        if (k >= tokens.size()) {
            return true;
        }
        Token t = tokens.get(k);
        if (t.start() == after && k == next) {
            return false; // "3.5" or "x.y" without a space
        }
        char c = t.text().charAt(0);
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\u201c' || c == '(' || c == '\'';
    }

    private static final Set<String> COMMON_STARTS = Set.of("the", "a", "an", "it", "he", "she", "they", "we",
            "i", "this", "that", "these", "those", "but", "and", "in", "on", "at", "his", "her", "their", "its",
            "there", "officials", "some", "many", "most", "after", "before", "when", "while", "if", "as");

    private static boolean isCommonSentenceStart(String word) {
        return COMMON_STARTS.contains(Normalizer.lmForm(word));
    }

    private static boolean hasBlankLine(String text, int from, int to) {
        int newlines = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                newlines++;
                if (newlines >= 2) {
                    return true;
                }
            }
        }
        return false;
    }
}
