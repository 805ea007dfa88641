package org.despin.text;

/** What a token is. Only {@link #WORD} tokens are candidates for restoration. */
public enum TokenType {
    /** Letters, possibly with inner apostrophes ("don't", "Council's"). */
    WORD,
    /** Digits, possibly with inner separators ("1,200", "3.5"). */
    NUMBER,
    /** A hyphen joining two parts of a compound ("face-to-face"): kept for offsets, skipped by the LM. */
    JOINER,
    /** Any other visible character: punctuation, symbols. */
    PUNCT
}
