package org.despin.spin;

/**
 * One replacement a thesaurus offers for a key.
 *
 * @param text the replacement in its dictionary form, lower case unless it is a name; 1 or more
 *     words separated by single spaces
 * @param pos the word class of the sense it comes from
 * @param weight how readily a spinner picks it relative to the other synonyms of the same key
 *     (1 for a plain synonym; less for a broader term); positive
 */
public record Synonym(String text, PartOfSpeech pos, double weight) {
    public Synonym {
        if (text.isEmpty() || !(weight > 0)) {
            throw new IllegalArgumentException("bad synonym '" + text + "' weight " + weight);
        }
    }
}
