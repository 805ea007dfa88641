package org.despin.spin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * English inflection by suffix rules plus a list of irregular forms. Deliberately independent of
 * the detector's morphology (LanguageTool's dictionaries): a spinner that shared the detector's
 * exact inflections would make the benchmark measure itself.
 *
 * <p>Analysis over-generates (every suffix rule that applies gives a reading); callers filter the
 * readings by what their dictionary knows. Inflection of regular words: {@code -s/-es/-ies},
 * {@code -ed/-ied} with consonant doubling after a stressed short vowel, {@code -ing} with silent
 * {@code e} dropped, {@code -er/-est} for adjectives of one syllable or two ending in {@code y},
 * {@code more/most} otherwise.
 */
public final class RuleInflector implements Inflector {
    /** The shared instance (immutable). */
    public static final RuleInflector DEFAULT = new RuleInflector();

    // base past participle; "-" where the form is regular
    private static final String IRREGULAR_VERBS = """
            arise arose arisen
            awake awoke awoken
            be was been
            bear bore borne
            beat beat beaten
            become became become
            begin began begun
            bend bent bent
            bet bet bet
            bid bid bid
            bind bound bound
            bite bit bitten
            bleed bled bled
            blow blew blown
            break broke broken
            breed bred bred
            bring brought brought
            build built built
            burn burnt burnt
            burst burst burst
            buy bought bought
            cast cast cast
            catch caught caught
            choose chose chosen
            cling clung clung
            come came come
            cost cost cost
            creep crept crept
            cut cut cut
            deal dealt dealt
            dig dug dug
            do did done
            draw drew drawn
            dream dreamt dreamt
            drink drank drunk
            drive drove driven
            dwell dwelt dwelt
            eat ate eaten
            fall fell fallen
            feed fed fed
            feel felt felt
            fight fought fought
            find found found
            flee fled fled
            fling flung flung
            fly flew flown
            forbid forbade forbidden
            forecast forecast forecast
            foresee foresaw foreseen
            forget forgot forgotten
            forgive forgave forgiven
            freeze froze frozen
            get got gotten
            give gave given
            go went gone
            grind ground ground
            grow grew grown
            hang hung hung
            have had had
            hear heard heard
            hide hid hidden
            hit hit hit
            hold held held
            hurt hurt hurt
            keep kept kept
            kneel knelt knelt
            know knew known
            lay laid laid
            lead led led
            lean leant leant
            leap leapt leapt
            learn learnt learnt
            leave left left
            lend lent lent
            let let let
            lie lay lain
            light lit lit
            lose lost lost
            make made made
            mean meant meant
            meet met met
            mislead misled misled
            mistake mistook mistaken
            overcome overcame overcome
            oversee oversaw overseen
            overtake overtook overtaken
            overthrow overthrew overthrown
            pay paid paid
            prove - proven
            put put put
            quit quit quit
            read read read
            rebuild rebuilt rebuilt
            rid rid rid
            ride rode ridden
            ring rang rung
            rise rose risen
            run ran run
            say said said
            see saw seen
            seek sought sought
            sell sold sold
            send sent sent
            set set set
            shake shook shaken
            shed shed shed
            shine shone shone
            shoot shot shot
            show - shown
            shrink shrank shrunk
            shut shut shut
            sing sang sung
            sink sank sunk
            sit sat sat
            sleep slept slept
            slide slid slid
            sling slung slung
            speak spoke spoken
            speed sped sped
            spend spent spent
            spin spun spun
            split split split
            spread spread spread
            spring sprang sprung
            stand stood stood
            steal stole stolen
            stick stuck stuck
            sting stung stung
            strike struck struck
            string strung strung
            strive strove striven
            swear swore sworn
            sweep swept swept
            swim swam swum
            swing swung swung
            take took taken
            teach taught taught
            tear tore torn
            tell told told
            think thought thought
            throw threw thrown
            thrust thrust thrust
            tread trod trodden
            undergo underwent undergone
            understand understood understood
            undertake undertook undertaken
            undo undid undone
            uphold upheld upheld
            upset upset upset
            wake woke woken
            wear wore worn
            weave wove woven
            weep wept wept
            win won won
            wind wound wound
            withdraw withdrew withdrawn
            withhold withheld withheld
            withstand withstood withstood
            write wrote written
            """;

    private static final String IRREGULAR_NOUNS = """
            man men
            woman women
            child children
            person people
            foot feet
            tooth teeth
            goose geese
            mouse mice
            ox oxen
            crisis crises
            analysis analyses
            thesis theses
            basis bases
            hypothesis hypotheses
            phenomenon phenomena
            criterion criteria
            medium media
            datum data
            life lives
            wife wives
            knife knives
            leaf leaves
            half halves
            shelf shelves
            thief thieves
            wolf wolves
            self selves
            calf calves
            loaf loaves
            potato potatoes
            tomato tomatoes
            hero heroes
            veto vetoes
            echo echoes
            sheep sheep
            fish fish
            deer deer
            series series
            species species
            aircraft aircraft
            """;

    private static final String IRREGULAR_ADJECTIVES = """
            good better best
            well better best
            bad worse worst
            far farther farthest
            little less least
            many more most
            much more most
            """;

    // two-syllable verbs stressed on the last syllable double their final consonant
    private static final Set<String> DOUBLING = Set.of("admit", "commit", "submit", "permit", "omit", "emit",
            "transmit", "occur", "recur", "incur", "prefer", "refer", "confer", "defer", "infer", "deter",
            "control", "patrol", "compel", "expel", "propel", "repel", "rebel", "regret", "forget", "begin",
            "equip", "acquit", "abet", "allot", "upset", "outwit", "embed", "overlap", "handicap", "kidnap",
            "fulfil", "distil", "instil", "enrol", "enthral", "annul");

    private final Map<String, String[]> verbForms = new HashMap<>();      // lemma -> {past, participle}
    private final Map<String, String> nounPlurals = new HashMap<>();      // lemma -> plural
    private final Map<String, String[]> adjectiveForms = new HashMap<>(); // lemma -> {comparative, superlative}
    private final Map<String, List<Analysis>> irregularReadings = new HashMap<>();

    private RuleInflector() {
        for (String line : IRREGULAR_VERBS.split("\n")) {
            String[] f = line.trim().split(" ");
            String past = f[1].equals("-") ? regularPast(f[0]) : f[1];
            verbForms.put(f[0], new String[] {past, f[2]});
            reading(past, f[0], WordForm.PAST);
            reading(f[2], f[0], WordForm.PAST_PARTICIPLE);
        }
        for (String line : IRREGULAR_NOUNS.split("\n")) {
            String[] f = line.trim().split(" ");
            nounPlurals.put(f[0], f[1]);
            reading(f[1], f[0], WordForm.PLURAL);
        }
        for (String line : IRREGULAR_ADJECTIVES.split("\n")) {
            String[] f = line.trim().split(" ");
            adjectiveForms.putIfAbsent(f[0], new String[] {f[1], f[2]});
            reading(f[1], f[0], WordForm.COMPARATIVE);
            reading(f[2], f[0], WordForm.SUPERLATIVE);
        }
        // irregular "were", "is", "are", "has" etc. are function words the spinner never reads
    }

    private void reading(String form, String lemma, WordForm wf) {
        List<Analysis> list = irregularReadings.computeIfAbsent(form, k -> new ArrayList<>(2));
        Analysis a = new Analysis(lemma, wf);
        if (!list.contains(a)) {
            list.add(a);
        }
    }

    @Override
    public List<Analysis> analyse(String w) {
        List<Analysis> out = new ArrayList<>(6);
        out.add(new Analysis(w, WordForm.BASE));
        List<Analysis> irregular = irregularReadings.get(w);
        if (irregular != null) {
            out.addAll(irregular);
        }
        int n = w.length();
        if (n < 4) {
            return out;
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            String stem = w.substring(0, n - 1);
            addBoth(out, stem, WordForm.PLURAL, WordForm.THIRD_PERSON);
            if (w.endsWith("ies") && n > 4) {
                addBoth(out, w.substring(0, n - 3) + "y", WordForm.PLURAL, WordForm.THIRD_PERSON);
            } else if (w.endsWith("es")) {
                addBoth(out, w.substring(0, n - 2), WordForm.PLURAL, WordForm.THIRD_PERSON);
            }
        } else if (w.endsWith("ed") && n > 4) {
            for (String stem : pastStems(w)) {
                out.add(new Analysis(stem, WordForm.PAST));
                out.add(new Analysis(stem, WordForm.PAST_PARTICIPLE));
            }
        } else if (w.endsWith("ing") && n > 4) {
            String stem = w.substring(0, n - 3);
            out.add(new Analysis(stem, WordForm.GERUND));
            out.add(new Analysis(stem + "e", WordForm.GERUND));
            if (stem.endsWith("y") && stem.length() >= 2) {
                out.add(new Analysis(stem.substring(0, stem.length() - 1) + "ie", WordForm.GERUND));
            }
            if (doubledEnd(stem)) {
                out.add(new Analysis(stem.substring(0, stem.length() - 1), WordForm.GERUND));
            }
        } else if (w.endsWith("er") || w.endsWith("est")) {
            boolean comparative = w.endsWith("er");
            WordForm form = comparative ? WordForm.COMPARATIVE : WordForm.SUPERLATIVE;
            String stem = w.substring(0, n - (comparative ? 2 : 3));
            if (stem.length() >= 2) {
                out.add(new Analysis(stem, form));
                out.add(new Analysis(stem + "e", form));
                if (stem.endsWith("i")) {
                    out.add(new Analysis(stem.substring(0, stem.length() - 1) + "y", form));
                }
                if (doubledEnd(stem)) {
                    out.add(new Analysis(stem.substring(0, stem.length() - 1), form));
                }
            }
        }
        return out;
    }

    private static void addBoth(List<Analysis> out, String stem, WordForm a, WordForm b) {
        out.add(new Analysis(stem, a));
        out.add(new Analysis(stem, b));
    }

    private static List<String> pastStems(String w) {
        int n = w.length();
        List<String> stems = new ArrayList<>(3);
        if (w.endsWith("ied")) {
            stems.add(w.substring(0, n - 3) + "y");
        }
        String stem = w.substring(0, n - 2);
        stems.add(stem);
        stems.add(w.substring(0, n - 1)); // "-e" + "d"
        if (doubledEnd(stem)) {
            stems.add(stem.substring(0, stem.length() - 1));
        }
        return stems;
    }

    private static boolean doubledEnd(String s) {
        int n = s.length();
        return n >= 3 && s.charAt(n - 1) == s.charAt(n - 2) && !isVowel(s.charAt(n - 1)) && s.charAt(n - 1) != 's'
                && s.charAt(n - 1) != 'l' || n >= 3 && s.endsWith("ll") && DOUBLING.contains(s.substring(0, n - 1));
    }

    @Override
    public String inflect(String lemma, WordForm form) {
        switch (form) {
            case BASE:
                return lemma;
            case PLURAL: {
                String irregular = nounPlurals.get(lemma);
                return irregular != null ? irregular : sForm(lemma, false);
            }
            case THIRD_PERSON:
                if (lemma.equals("be")) {
                    return "is";
                }
                if (lemma.equals("have")) {
                    return "has";
                }
                return sForm(lemma, true);
            case PAST: {
                String[] f = verbForms.get(lemma);
                return f != null ? f[0] : regularPast(lemma);
            }
            case PAST_PARTICIPLE: {
                String[] f = verbForms.get(lemma);
                return f != null ? f[1] : regularPast(lemma);
            }
            case GERUND:
                return gerund(lemma);
            case COMPARATIVE:
            case SUPERLATIVE:
                return graded(lemma, form == WordForm.COMPARATIVE);
            default:
                throw new AssertionError(form);
        }
    }

    private static String sForm(String w, boolean verb) {
        int n = w.length();
        if (n == 0) {
            return w;
        }
        if (w.endsWith("s") || w.endsWith("x") || w.endsWith("z") || w.endsWith("ch") || w.endsWith("sh")) {
            return w + "es";
        }
        if (n >= 2 && w.charAt(n - 1) == 'y' && !isVowel(w.charAt(n - 2))) {
            return w.substring(0, n - 1) + "ies";
        }
        if (verb && n >= 2 && w.charAt(n - 1) == 'o' && !isVowel(w.charAt(n - 2))) {
            return w + "es"; // goes, does, vetoes
        }
        return w + "s";
    }

    private static String regularPast(String w) {
        int n = w.length();
        if (n == 0) {
            return w;
        }
        if (w.endsWith("e")) {
            return w + "d";
        }
        if (n >= 2 && w.charAt(n - 1) == 'y' && !isVowel(w.charAt(n - 2))) {
            return w.substring(0, n - 1) + "ied";
        }
        if (doublesFinal(w)) {
            return w + w.charAt(n - 1) + "ed";
        }
        return w + "ed";
    }

    private static String gerund(String w) {
        int n = w.length();
        if (n == 0) {
            return w;
        }
        if (w.endsWith("ie")) {
            return w.substring(0, n - 2) + "ying";
        }
        if (w.endsWith("e") && n > 2 && !w.endsWith("ee") && !w.endsWith("ye") && !w.endsWith("oe")) {
            return w.substring(0, n - 1) + "ing";
        }
        if (doublesFinal(w)) {
            return w + w.charAt(n - 1) + "ing";
        }
        return w + "ing";
    }

    private String graded(String w, boolean comparative) {
        String[] irregular = adjectiveForms.get(w);
        if (irregular != null) {
            return comparative ? irregular[0] : irregular[1];
        }
        int syllables = syllables(w);
        int n = w.length();
        boolean suffix = w.indexOf(' ') < 0 && w.indexOf('-') < 0
                && (syllables == 1 || syllables == 2 && w.endsWith("y"));
        if (!suffix) {
            return (comparative ? "more " : "most ") + w;
        }
        String end = comparative ? "er" : "est";
        if (w.endsWith("e")) {
            return w + end.substring(1);
        }
        if (n >= 2 && w.charAt(n - 1) == 'y' && !isVowel(w.charAt(n - 2))) {
            return w.substring(0, n - 1) + "i" + end;
        }
        if (syllables == 1 && doublesFinal(w)) {
            return w + w.charAt(n - 1) + end;
        }
        return w + end;
    }

    /** One short stressed vowel before a final consonant: "stop", "plan", "big"; or a listed verb. */
    private static boolean doublesFinal(String w) {
        int n = w.length();
        if (n < 3) {
            return false;
        }
        char last = w.charAt(n - 1);
        if (isVowel(last) || last == 'w' || last == 'x' || last == 'y') {
            return false;
        }
        if (!isVowel(w.charAt(n - 2)) || isVowel(w.charAt(n - 3))) {
            return false;
        }
        return syllables(w) == 1 || DOUBLING.contains(w);
    }

    private static int syllables(String w) {
        int count = 0;
        boolean inVowel = false;
        for (int i = 0; i < w.length(); i++) {
            boolean v = isVowel(w.charAt(i)) || w.charAt(i) == 'y' && i > 0;
            if (v && !inVowel) {
                count++;
            }
            inVowel = v;
        }
        if (w.endsWith("e") && !w.endsWith("le") && count > 1) {
            count--; // silent e: "large", "close"
        }
        return Math.max(count, 1);
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }
}
