package org.despin.spin;

/** The inflected form of a word, which the spinner carries over from the original to its replacement. */
public enum WordForm {
    /** The dictionary form ("request", "council", "quick"). */
    BASE(PartOfSpeech.UNKNOWN),
    /** Noun plural ("councils"). */
    PLURAL(PartOfSpeech.NOUN),
    /** Verb third person singular present ("requests"). */
    THIRD_PERSON(PartOfSpeech.VERB),
    /** Verb simple past ("requested", "told"). */
    PAST(PartOfSpeech.VERB),
    /** Verb past participle ("requested", "given"). */
    PAST_PARTICIPLE(PartOfSpeech.VERB),
    /** Verb -ing form ("requesting"). */
    GERUND(PartOfSpeech.VERB),
    /** Adjective comparative ("quicker"). */
    COMPARATIVE(PartOfSpeech.ADJECTIVE),
    /** Adjective superlative ("quickest"). */
    SUPERLATIVE(PartOfSpeech.ADJECTIVE);

    private final PartOfSpeech pos;

    WordForm(PartOfSpeech pos) {
        this.pos = pos;
    }

    /** The word class this form belongs to ({@link PartOfSpeech#UNKNOWN} for {@link #BASE}: any). */
    public PartOfSpeech pos() {
        return pos;
    }
}
