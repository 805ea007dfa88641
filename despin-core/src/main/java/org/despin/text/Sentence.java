package org.despin.text;

/**
 * A sentence as a range of token indexes into {@link Document#tokens()}.
 *
 * @param firstToken index of the first token
 * @param endToken index after the last token
 */
public record Sentence(int firstToken, int endToken) {
    public int size() {
        return endToken - firstToken;
    }
}
