package org.despin.source;

/**
 * A word or number of a text as the comparison sees it.
 *
 * @param start offset into the ORIGINAL text (UTF-16, inclusive); a token that comes from a
 *     restorer's multi-word suggestion carries the whole finding's span
 * @param end offset after it
 * @param surface the lower-cased form as written in the original text (or, for a restored token,
 *     the lower-cased suggestion word)
 * @param key the lower-cased, crudely lemmatised restored form: what alignment compares
 * @param immutable true for a function word, number or name (see {@link Immutables})
 * @param restored true when the token comes from a restorer's suggestion
 */
public record KeyedToken(int start, int end, String surface, String key, boolean immutable, boolean restored) {
}
