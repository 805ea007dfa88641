package org.despin.data.corpus;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EnglishFilterTest {
    @Test
    void acceptsEnglish() {
        assertTrue(EnglishFilter.isEnglish("Mr President, the report which we have before us is a balanced one and I"
                + " would like to thank the rapporteur."));
        assertTrue(EnglishFilter.isEnglish("As regards the functioning of the car service, we need to re-evaluate it."));
    }

    @Test
    void rejectsTheOtherEuroparlLanguages() {
        // Dutch, Danish, Swedish, Finnish, Italian, German, Polish: each shares some short words with English
        assertFalse(EnglishFilter.isEnglish("Op zich is 9000 ton vis een betrekkelijk geringe hoeveelheid. Toch gaat het"
                + " om een belangrijke zaak voor de vissers in het noorden, en dat is wat we willen."));
        assertFalse(EnglishFilter.isEnglish("og det er derfor, at vi har stemt for betaenkningen, fordi den er et skridt i"
                + " den rigtige retning for alle borgere i Unionen."));
        assertFalse(EnglishFilter.isEnglish("Detta är, givetvis, en komplicerad fråga. Sedan den lades fram gjorde jag ett"
                + " uttalande av kommissionen i plenarsammanträdet den 20 oktober."));
        assertFalse(EnglishFilter.isEnglish("Tämä on hyvä mietintö ja se on tärkeä asia, koska komissio on esittänyt sen"
                + " meille ja me olemme tyytyväisiä siihen."));
        assertFalse(EnglishFilter.isEnglish("Invitiamo dunque la Commissione a sottoporre nuove proposte intese a"
                + " combattere in modo efficace la discriminazione."));
        assertFalse(EnglishFilter.isEnglish("Ich glaube, daß wir bei der Abstimmung über den Haushalt vor allem darauf"
                + " hinwirken können, daß die Änderungsanträge angenommen werden."));
        assertFalse(EnglishFilter.isEnglish("To jest bardzo ważne sprawozdanie i to w tym momencie, gdy Unia musi podjąć"
                + " decyzję w sprawie budżetu na rok 2005."));
    }

    @Test
    void tooShortIsNotEnglish() {
        assertFalse(EnglishFilter.isEnglish("the of and"));
    }
}
