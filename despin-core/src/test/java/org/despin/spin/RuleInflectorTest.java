package org.despin.spin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleInflectorTest {
    private final RuleInflector inflector = RuleInflector.DEFAULT;

    @ParameterizedTest
    @CsvSource({
        "advise, PAST, advised", "stop, PAST, stopped", "go, PAST, went", "give, PAST_PARTICIPLE, given",
        "try, PAST, tried", "visit, PAST, visited", "admit, PAST, admitted", "open, PAST, opened",
        "play, PAST, played", "make, GERUND, making", "run, GERUND, running", "die, GERUND, dying",
        "see, GERUND, seeing", "refer, GERUND, referring", "box, PLURAL, boxes", "policy, PLURAL, policies",
        "day, PLURAL, days", "child, PLURAL, children", "go, THIRD_PERSON, goes", "watch, THIRD_PERSON, watches",
        "quick, COMPARATIVE, quicker", "happy, COMPARATIVE, happier", "big, COMPARATIVE, bigger",
        "large, SUPERLATIVE, largest", "important, COMPARATIVE, more important", "good, SUPERLATIVE, best",
        "prove, PAST_PARTICIPLE, proven", "prove, PAST, proved", "ask, BASE, ask"
    })
    void inflects(String lemma, WordForm form, String expected) {
        assertEquals(expected, inflector.inflect(lemma, form));
    }

    @ParameterizedTest
    @CsvSource({
        "stopped, stop, PAST", "making, make, GERUND", "told, tell, PAST", "told, tell, PAST_PARTICIPLE",
        "policies, policy, PLURAL", "happier, happy, COMPARATIVE", "requests, request, THIRD_PERSON",
        "men, man, PLURAL", "dying, die, GERUND", "controlled, control, PAST", "asked, ask, PAST",
        "worse, bad, COMPARATIVE", "meeting, meeting, BASE"
    })
    void analysisIncludesTheTrueReading(String word, String lemma, WordForm form) {
        assertTrue(inflector.analyse(word).contains(new Inflector.Analysis(lemma, form)),
                () -> word + " -> " + inflector.analyse(word));
    }
}
