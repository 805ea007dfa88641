package org.despin.spin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.despin.text.Document;
import org.despin.text.Normalizer;
import org.despin.text.Sentence;
import org.despin.text.Token;
import org.despin.text.TokenType;

/**
 * A synthetic article spinner for evaluation data, modelled on real ones (WordAi, SpinnerChief):
 * it walks the text left to right and at every eligible content word decides, with probability
 * {@link SpinOptions#rate()}, to replace the longest thesaurus key that starts there (1-3 words,
 * so "asked for" -> "requested" and "discuss" -> "talk over" both happen) by one of its synonyms,
 * re-inflected to the original's form and cased like it.
 *
 * <p>What it touches: content words in lower case; capitalised words at a sentence start; words
 * inside multi-word capitalised names ("Security Council" -> "Safety Council"); single-word parts
 * of hyphen compounds ("Secretary-General" -> "Secretary-Common"); possessives keep their
 * "'s". What it never touches: the stop list ({@link FunctionWords}), numbers, words with digits,
 * all-capital acronyms, a capitalised word standing alone (most proper names). Like real
 * spinners it leaves the grammar around a replacement alone ("a" before a vowel stays "a").
 *
 * <p>Deterministic: the output is a pure function of the input, the thesaurus and the options
 * (the seed). Immutable and thread-safe; each call keeps its own random generator.
 *
 * <pre>{@code
 * Spinner spinner = new Spinner(thesaurus, SpinOptions.of(0.3, 42));
 * SpinResult r = spinner.spin("The council requested a meeting.");
 * r.restore();   // "The council requested a meeting."
 * }</pre>
 */
public final class Spinner {
    private static final int MAX_PHRASE_WORDS = 3;
    // before these a verb form ending in -ed/-en is a participle ("has told" -> "has advised")
    private static final Set<String> PARTICIPLE_CUES = Set.of("have", "has", "had", "having", "be", "been",
            "being", "is", "are", "was", "were", "am", "get", "gets", "got", "getting", "'s", "'ve", "'d");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "this", "that", "these", "those",
            "my", "your", "his", "her", "its", "our", "their", "some", "any", "no", "every", "each", "many",
            "several", "few", "other", "such");
    private static final Set<String> SUBJECT_PRONOUNS = Set.of("i", "you", "he", "she", "it", "we", "they",
            "who", "which", "that");
    private static final Set<String> VERB_CUES = Set.of("to", "will", "would", "can", "could", "should", "must",
            "may", "might", "shall", "not", "i", "you", "we", "they", "don't", "didn't", "doesn't", "won't",
            "can't", "couldn't", "wouldn't", "shouldn't");
    private static final Set<String> LOWER_IN_TITLES = Set.of("of", "and", "the", "a", "an", "in", "on", "for",
            "to", "with", "or", "at", "by");

    private final SpinThesaurus thesaurus;
    private final SpinOptions options;
    private final Inflector inflector;

    public Spinner(SpinThesaurus thesaurus, SpinOptions options) {
        this(thesaurus, options, RuleInflector.DEFAULT);
    }

    public Spinner(SpinThesaurus thesaurus, SpinOptions options, Inflector inflector) {
        this.thesaurus = thesaurus;
        this.options = options;
        this.inflector = inflector;
    }

    /** The same spinner with other options (cheap: the thesaurus is shared). */
    public Spinner withOptions(SpinOptions newOptions) {
        return new Spinner(thesaurus, newOptions, inflector);
    }

    public SpinOptions options() {
        return options;
    }

    public SpinThesaurus thesaurus() {
        return thesaurus;
    }

    /** Spins {@code text}. Never throws on any string; the result restores to {@code text} exactly. */
    public SpinResult spin(String text) {
        return new Run(text).spin();
    }

    /**
     * How many words of {@code text} the spinner could replace (the denominator of the rate).
     * Words inside a phrase key count once per word.
     */
    public int eligibleWords(String text) {
        Run run = new Run(text);
        int n = 0;
        for (int i = 0; i < run.tokens.size(); i++) {
            if (!run.choicesAt(i).isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /** One way to replace the span of tokens [first, end): a thesaurus key read in some form. */
    private record Choice(int first, int end, String key, WordForm form, int headWord, List<Synonym> synonyms,
            boolean compoundPart) {
    }

    /** The state of one call. */
    private final class Run {
        final String text;
        final List<Token> tokens;
        final boolean[] sentenceStart;
        final SplittableRandom random = new SplittableRandom(options.seed());

        Run(String text) {
            this.text = text;
            Document doc = Document.parse(text);
            this.tokens = doc.tokens();
            this.sentenceStart = new boolean[tokens.size()];
            for (Sentence s : doc.sentences()) {
                for (int t = s.firstToken(); t < s.endToken(); t++) {
                    if (tokens.get(t).isWord()) {
                        sentenceStart[t] = true;
                        break;
                    }
                }
            }
        }

        SpinResult spin() {
            StringBuilder out = new StringBuilder(text.length() + text.length() / 8);
            List<Edit> edits = new ArrayList<>();
            int copied = 0;
            int i = 0;
            while (i < tokens.size()) {
                List<Choice> choices = choicesAt(i);
                if (choices.isEmpty() || random.nextDouble() >= options.rate()) {
                    i++;
                    continue;
                }
                Choice choice = choices.get(random.nextInt(choices.size()));
                String replacement = render(choice);
                int start = tokens.get(choice.first()).start();
                int end = tokens.get(choice.end() - 1).end();
                String original = text.substring(start, end);
                if (replacement.equalsIgnoreCase(original)) {
                    i++;
                    continue;
                }
                out.append(text, copied, start);
                edits.add(new Edit(out.length(), out.length() + replacement.length(), replacement, original));
                out.append(replacement);
                copied = end;
                i = choice.end();
            }
            out.append(text, copied, text.length());
            return new SpinResult(out.toString(), edits);
        }

        /** The ways to replace a span starting at token i: all readings of the longest key found there. */
        List<Choice> choicesAt(int i) {
            Token first = tokens.get(i);
            if (!mayStart(i)) {
                return List.of();
            }
            if (!first.compound()) {
                for (int k = Math.min(MAX_PHRASE_WORDS, thesaurus.maxKeyWords()); k >= 2; k--) {
                    List<Choice> phrase = phraseChoices(i, k);
                    if (!phrase.isEmpty()) {
                        return phrase;
                    }
                }
            }
            return wordChoices(i);
        }

        private boolean mayStart(int i) {
            Token t = tokens.get(i);
            if (t.type() != TokenType.WORD || t.text().length() < 3 || (t.compound() && !options.compounds())) {
                return false;
            }
            String word = core(t.text());
            if (!plainWord(word) || FunctionWords.contains(Normalizer.lmForm(word))) {
                return false;
            }
            Normalizer.Casing casing = casingOf(word);
            if (casing == null || casing == Normalizer.Casing.UPPER) {
                return false; // camel case or acronym: a name
            }
            if (casing == Normalizer.Casing.TITLE) {
                if (nameLike(Normalizer.lmForm(word))) {
                    return false;
                }
                return sentenceStart[i] || options.names() && insideName(i);
            }
            return true;
        }

        /**
         * A capitalised word next to another capitalised common word (across a space or a
         * compound hyphen): "Security Council", "Secretary-General", "World Food Programme". A
         * capitalised word whose neighbours are names or rare words ("Helena Marsh", where the
         * thesaurus lists "Marsh" as a name) is itself taken for a name.
         */
        private boolean insideName(int i) {
            for (int step = -1; step <= 1; step += 2) {
                int next = capitalisedNeighbour(i, step);
                if (next >= 0) {
                    String lower = Normalizer.lmForm(core(tokens.get(next).text()));
                    if (commonWord(lower) && !nameLike(lower)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean commonWord(String lower) {
            for (Inflector.Analysis a : inflector.analyse(lower)) {
                if (thesaurus.contains(a.lemma())) {
                    return true;
                }
            }
            return false;
        }

        /** A word the thesaurus lists with itself capitalised ("Marsh" under "marsh"): also a name. */
        private boolean nameLike(String lower) {
            if (thesaurus.isName(lower)) {
                return true;
            }
            for (Synonym s : thesaurus.synonyms(lower)) {
                if (s.text().equalsIgnoreCase(lower) && !s.text().equals(lower)) {
                    return true;
                }
            }
            return false;
        }

        /** The index of the capitalised word next to token i in direction step, or -1. */
        private int capitalisedNeighbour(int i, int step) {
            int j = i + step;
            if (j >= 0 && j < tokens.size() && tokens.get(j).type() == TokenType.JOINER) {
                j += step;
            }
            if (j < 0 || j >= tokens.size()) {
                return -1;
            }
            Token a = tokens.get(Math.min(i, j));
            Token b = tokens.get(Math.max(i, j));
            Token n = tokens.get(j);
            boolean capitalised = n.isWord() && onlySpaces(a.end(), b.start(), true) && plainWord(core(n.text()))
                    && casingOf(core(n.text())) == Normalizer.Casing.TITLE
                    && !FunctionWords.contains(Normalizer.lmForm(n.text()));
            return capitalised ? j : -1;
        }

        private List<Choice> phraseChoices(int i, int k) {
            if (i + k > tokens.size()) {
                return List.of();
            }
            String[] words = new String[k];
            for (int j = 0; j < k; j++) {
                Token t = tokens.get(i + j);
                if (t.type() != TokenType.WORD || t.compound() || !plainWord(t.text())
                        || j > 0 && !onlySpaces(tokens.get(i + j - 1).end(), t.start(), false)) {
                    return List.of();
                }
                Normalizer.Casing c = casingOf(t.text());
                boolean casingOk = c == Normalizer.Casing.LOWER || j == 0 && c == Normalizer.Casing.TITLE && sentenceStart[i];
                if (!casingOk) {
                    return List.of();
                }
                words[j] = Normalizer.lmForm(t.text());
            }
            List<Choice> out = new ArrayList<>(2);
            String rest = String.join(" ", java.util.Arrays.copyOfRange(words, 1, k));
            String init = String.join(" ", java.util.Arrays.copyOfRange(words, 0, k - 1));
            // verb phrases inflect their first word ("asked for"), noun phrases their last ("peace talks")
            for (Inflector.Analysis a : contextual(inflector.analyse(words[0]), i)) {
                if (a.form() == WordForm.BASE || a.form().pos() == PartOfSpeech.VERB) {
                    addChoice(out, i, i + k, a.lemma() + " " + rest, a.form(), 0, words);
                }
            }
            for (Inflector.Analysis a : inflector.analyse(words[k - 1])) {
                if (a.form() == WordForm.PLURAL) {
                    addChoice(out, i, i + k, init + " " + a.lemma(), a.form(), k - 1, words);
                }
            }
            return out;
        }

        private List<Choice> wordChoices(int i) {
            Token t = tokens.get(i);
            String word = Normalizer.lmForm(core(t.text()));
            List<Choice> out = new ArrayList<>(3);
            for (Inflector.Analysis a : contextual(inflector.analyse(word), i)) {
                if (!FunctionWords.contains(a.lemma())) {
                    addChoice(out, i, i + 1, a.lemma(), a.form(), 0, new String[] {word});
                }
            }
            // a past form outside a noun phrase ("delegations wanted", "diplomats said") is a verb far
            // more often than an adjective
            if (!nounContext(i) && out.stream().anyMatch(c -> c.form() == WordForm.PAST || c.form() == WordForm.PAST_PARTICIPLE)) {
                out.removeIf(c -> c.form() == WordForm.BASE);
            }
            return out;
        }

        /**
         * Drops readings the word before rules out, a crude part-of-speech tagger of the kind
         * spinners use: the past tense or the participle of an -ed form; a verb form after a
         * determiner or a possessive ("the issues", "the meeting"); a plural noun after a subject
         * pronoun ("it issues").
         */
        private List<Inflector.Analysis> contextual(List<Inflector.Analysis> readings, int i) {
            WordForm unwanted = participleContext(i) ? WordForm.PAST : WordForm.PAST_PARTICIPLE;
            boolean nounContext = nounContext(i);
            boolean verbContext = SUBJECT_PRONOUNS.contains(wordBefore(i));
            List<Inflector.Analysis> out = new ArrayList<>(readings.size());
            for (Inflector.Analysis a : readings) {
                WordForm f = a.form();
                boolean verbForm = f == WordForm.THIRD_PERSON || f == WordForm.PAST || f == WordForm.PAST_PARTICIPLE
                        || f == WordForm.GERUND;
                if (f != unwanted && !(nounContext && verbForm) && !(verbContext && f == WordForm.PLURAL)) {
                    out.add(a);
                }
            }
            return out;
        }

        private String wordBefore(int i) {
            return i > 0 && tokens.get(i - 1).isWord() ? Normalizer.lmForm(tokens.get(i - 1).text()) : "";
        }

        /** After a determiner or a possessive: a noun (or an adjective) follows. */
        private boolean nounContext(int i) {
            String before = wordBefore(i);
            boolean possessive = i > 1 && Normalizer.lmForm(tokens.get(i - 1).text()).equals("'")
                    && tokens.get(i - 2).isWord() && tokens.get(i - 2).end() == tokens.get(i - 1).start();
            return DETERMINERS.contains(before) || before.endsWith("'s") || possessive;
        }

        /** The word classes a dictionary form may be read as at token i: a verb after "to" or a modal, not a verb after "the". */
        private boolean baseAllows(int i, PartOfSpeech pos) {
            if (pos == PartOfSpeech.UNKNOWN) {
                return true;
            }
            if (nounContext(i)) {
                return pos == PartOfSpeech.NOUN || pos == PartOfSpeech.ADJECTIVE;
            }
            if (VERB_CUES.contains(wordBefore(i))) {
                return pos == PartOfSpeech.VERB;
            }
            return true;
        }

        private boolean participleContext(int i) {
            for (int j = i - 1; j >= 0 && j >= i - 2; j--) {
                Token t = tokens.get(j);
                if (!t.isWord()) {
                    return false;
                }
                String w = Normalizer.lmForm(t.text());
                if (PARTICIPLE_CUES.contains(w)) {
                    return true;
                }
                if (!w.endsWith("ly") && !w.equals("not") && !w.equals("never") && !w.equals("also")) {
                    return false;
                }
            }
            return false;
        }

        private void addChoice(List<Choice> out, int first, int end, String key, WordForm form, int head,
                String[] surface) {
            List<Synonym> all = thesaurus.synonyms(key);
            if (all.isEmpty()) {
                return;
            }
            boolean compoundPart = tokens.get(first).compound();
            List<Synonym> usable = new ArrayList<>(all.size());
            for (Synonym s : all) {
                boolean classFits = form == WordForm.BASE ? baseAllows(first, s.pos()) : form.pos().compatibleWith(s.pos());
                if (classFits && usable(s.text(), key, surface, compoundPart)) {
                    usable.add(s);
                }
            }
            if (!usable.isEmpty()) {
                out.add(new Choice(first, end, key, form, head, usable, compoundPart));
            }
        }

        /** A replacement a spinner would write: 1-3 plain lower-case words, not the key itself nor containing it. */
        private boolean usable(String syn, String key, String[] surface, boolean compoundPart) {
            int words = 1;
            for (int c = 0; c < syn.length(); c++) {
                char ch = syn.charAt(c);
                if (ch == ' ') {
                    words++;
                } else if (!(ch >= 'a' && ch <= 'z') && ch != '-' && ch != '\'') {
                    return false;
                }
            }
            if (words > MAX_PHRASE_WORDS || syn.equals(key) || syn.startsWith("-") || syn.endsWith("-")
                    || compoundPart && (words > 1 || syn.indexOf('-') >= 0 || syn.indexOf('\'') >= 0)
                    || words == 1 && FunctionWords.contains(syn)) {
                return false;
            }
            // no part of the replacement may repeat the key or the words it replaces ("security measures" for "security")
            int from = 0;
            for (int c = 0; c <= syn.length(); c++) {
                if (c == syn.length() || syn.charAt(c) == ' ' || syn.charAt(c) == '-') {
                    if (c > from && (containsWord(key, syn, from, c) || containsWord(surface, syn, from, c))
                            && !FunctionWords.contains(syn.substring(from, c))) {
                        return false; // a shared particle is fine: "ask for" -> "call for"
                    }
                    from = c + 1;
                }
            }
            return true;
        }

        private String render(Choice c) {
            Synonym syn = pickWeighted(c.synonyms());
            String phrase = inflectPhrase(syn.text(), c.form());
            Token firstToken = tokens.get(c.first());
            String surface = firstToken.text();
            String core = core(surface);
            Normalizer.Casing casing = casingOf(core);
            boolean name = casing == Normalizer.Casing.TITLE && !sentenceStart[c.first()];
            boolean insertion = c.end() - c.first() == 1 && !c.compoundPart() && !name
                    && random.nextDouble() < options.insertionRate();
            String cased = name ? titleCase(phrase) : Normalizer.applyCasing(phrase, casing);
            if (insertion) {
                cased = core + " and " + phrase;
            }
            if (c.end() - c.first() == 1) {
                cased += surface.substring(core.length()); // possessive 's
            }
            return cased;
        }

        private Synonym pickWeighted(List<Synonym> synonyms) {
            double total = 0;
            for (Synonym s : synonyms) {
                total += s.weight();
            }
            double x = random.nextDouble() * total;
            for (Synonym s : synonyms) {
                x -= s.weight();
                if (x < 0) {
                    return s;
                }
            }
            return synonyms.get(synonyms.size() - 1);
        }

        private String inflectPhrase(String phrase, WordForm form) {
            if (form == WordForm.BASE) {
                return phrase;
            }
            String[] words = phrase.split(" ");
            if (form == WordForm.COMPARATIVE || form == WordForm.SUPERLATIVE) {
                return words.length == 1 ? inflector.inflect(phrase, form)
                        : (form == WordForm.COMPARATIVE ? "more " : "most ") + phrase;
            }
            int head;
            if (form == WordForm.PLURAL) {
                int of = java.util.Arrays.asList(words).indexOf("of");
                head = of > 0 ? of - 1 : words.length - 1;
            } else {
                head = 0;
            }
            words[head] = inflectHyphenated(words[head], form);
            return String.join(" ", words);
        }

        /** "stand-in" -> "stand-ins", "follow-up" -> "follows-up" is wrong; inflect the last part of a noun, the first of a verb. */
        private String inflectHyphenated(String word, WordForm form) {
            if (form == WordForm.PLURAL && looksPlural(word)) {
                return word; // "living accommodations" is plural already
            }
            int h = form == WordForm.PLURAL ? word.lastIndexOf('-') : word.indexOf('-');
            if (h < 0) {
                return inflector.inflect(word, form);
            }
            return form == WordForm.PLURAL ? word.substring(0, h + 1) + inflector.inflect(word.substring(h + 1), form)
                    : inflector.inflect(word.substring(0, h), form) + word.substring(h);
        }

        private boolean onlySpaces(int from, int to, boolean allowJoiner) {
            if (to <= from) {
                return allowJoiner && to == from;
            }
            for (int c = from; c < to; c++) {
                char ch = text.charAt(c);
                if (ch == '\n' || ch == '\r' || !Character.isWhitespace(ch) && !(allowJoiner && isHyphen(ch))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Whether {@code phrase} (words separated by single spaces) has the word {@code s[from, to)}. */
    private static boolean containsWord(String phrase, String s, int from, int to) {
        int len = to - from;
        int at = 0;
        while (at <= phrase.length() - len) {
            int space = phrase.indexOf(' ', at);
            int end = space < 0 ? phrase.length() : space;
            if (end - at == len && phrase.regionMatches(at, s, from, len)) {
                return true;
            }
            if (space < 0) {
                return false;
            }
            at = space + 1;
        }
        return false;
    }

    private static boolean containsWord(String[] words, String s, int from, int to) {
        for (String w : words) {
            if (w.length() == to - from && w.regionMatches(0, s, from, to - from)) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksPlural(String word) {
        return word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is");
    }

    private static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011';
    }

    /** The word without a possessive ending ("Council's" -> "Council"). */
    private static String core(String word) {
        int n = word.length();
        if (n > 2 && (word.charAt(n - 2) == '\'' || word.charAt(n - 2) == '\u2019')
                && (word.charAt(n - 1) == 's' || word.charAt(n - 1) == 'S')) {
            return word.substring(0, n - 2);
        }
        return word;
    }

    /** Letters only (ASCII), the only words the spinner replaces; "don't", "U.S." and "naïve" are left alone. */
    private static boolean plainWord(String w) {
        if (w.length() < 2) {
            return false;
        }
        for (int c = 0; c < w.length(); c++) {
            char ch = w.charAt(c);
            if (!(ch >= 'a' && ch <= 'z') && !(ch >= 'A' && ch <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    /** LOWER, TITLE or UPPER; null for mixed case ("iPhone", "McDonald"), which marks a name. */
    private static Normalizer.Casing casingOf(String w) {
        boolean restUpper = true;
        boolean restLower = true;
        for (int c = 1; c < w.length(); c++) {
            if (Character.isUpperCase(w.charAt(c))) {
                restLower = false;
            } else {
                restUpper = false;
            }
        }
        boolean firstUpper = !w.isEmpty() && Character.isUpperCase(w.charAt(0));
        if (restLower) {
            return firstUpper ? Normalizer.Casing.TITLE : Normalizer.Casing.LOWER;
        }
        return restUpper && firstUpper ? Normalizer.Casing.UPPER : null;
    }

    private static String titleCase(String phrase) {
        String[] words = phrase.split(" ");
        StringBuilder sb = new StringBuilder(phrase.length());
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            String w = words[i];
            boolean keepLower = i > 0 && LOWER_IN_TITLES.contains(w);
            sb.append(keepLower || w.isEmpty() ? w : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1));
        }
        return sb.toString();
    }
}
