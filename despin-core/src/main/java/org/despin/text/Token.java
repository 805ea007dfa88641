package org.despin.text;

/**
 * One token of a {@link Document}. {@code start}/{@code end} are offsets into the original input
 * string (UTF-16 code units, end exclusive), so {@code input.substring(start, end).equals(text)}.
 *
 * @param start offset of the first character in the original input
 * @param end offset after the last character
 * @param text the token exactly as it stands in the input
 * @param type what kind of token it is
 * @param compound true when the token is a part of a hyphen compound (joined to a neighbour by a {@link TokenType#JOINER})
 */
public record Token(int start, int end, String text, TokenType type, boolean compound) {
    public Token {
        if (start < 0 || end < start || text.length() != end - start) {
            throw new IllegalArgumentException("bad token offsets " + start + ".." + end + " for '" + text + "'");
        }
    }

    public boolean isWord() {
        return type == TokenType.WORD;
    }

    /** The token as the language model and the lexicon see it: lower case, straight apostrophes. */
    public String normal() {
        return Normalizer.lmForm(text);
    }
}
