package org.despin.data.lexicon;

import java.io.IOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;
import org.despin.DespinException;
import org.despin.lexicon.WordClass;

/**
 * English inflection from LanguageTool's {@code english-pos-dict}: the tagger (form -> lemma +
 * Penn Treebank tag), the synthesiser (lemma + tag -> form) and the speller's word frequency
 * classes (0 rare .. 25 most common). All forms are lower case. Not thread-safe (the morfologik
 * lookups keep buffers); the lexicon build uses it from one thread.
 */
public final class Morphology {
    static final String TAGGER = "/org/languagetool/resource/en/english.dict";
    static final String SYNTHESISER = "/org/languagetool/resource/en/english_synth.dict";
    static final String SPELLER = "/org/languagetool/resource/en/hunspell/en_US.dict";

    /** Inflection tags a spinner's substitution has to carry over to the original. */
    public static final List<String> INFLECTIONS = List.of("VBD", "VBN", "VBG", "VBZ", "NNS", "JJR", "JJS");

    /** A reading of a form. */
    public record Analysis(String lemma, String tag) {
    }

    private final DictionaryLookup tagger;
    private final DictionaryLookup synthesiser;
    private final Map<String, Integer> frequencyClass;

    private Morphology(DictionaryLookup tagger, DictionaryLookup synthesiser, Map<String, Integer> frequencyClass) {
        this.tagger = tagger;
        this.synthesiser = synthesiser;
        this.frequencyClass = frequencyClass;
    }

    /** Loads the dictionaries from the classpath (Maven {@code org.languagetool:english-pos-dict:0.6}). */
    public static Morphology load() throws DespinException {
        Dictionary tagger = dictionary(TAGGER);
        Dictionary synth = dictionary(SYNTHESISER);
        Dictionary speller = dictionary(SPELLER);
        Map<String, Integer> freq = new HashMap<>();
        byte separator = (byte) speller.metadata.getSeparator();
        for (ByteBuffer bb : speller.fsa) {
            byte[] b = new byte[bb.remaining()];
            bb.get(b);
            int sep = b.length - 2;
            if (sep < 1 || b[sep] != separator) {
                continue;
            }
            int cls = b[sep + 1] - 'A';
            if (cls < 0 || cls > 25) {
                continue;
            }
            String word = new String(b, 0, sep, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            freq.merge(word, cls, Math::max);
        }
        return new Morphology(new DictionaryLookup(tagger), new DictionaryLookup(synth), freq);
    }

    private static Dictionary dictionary(String resource) throws DespinException {
        URL url = Morphology.class.getResource(resource);
        if (url == null) {
            throw new DespinException(DespinException.Kind.MODEL, "missing " + resource
                    + " on the classpath: it comes from the Maven artifact org.languagetool:english-pos-dict:0.6,"
                    + " a dependency of despin-data; run the build once online so that Maven fetches it");
        }
        try {
            return Dictionary.read(url);
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.MODEL, resource + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Readings of a lower-case form (looked up as given and capitalised, for names); lemmas lower case. */
    public List<Analysis> analyse(String form) {
        Set<Analysis> out = new LinkedHashSet<>();
        addAnalyses(form, out);
        if (out.isEmpty() && !form.isEmpty()) {
            addAnalyses(form.substring(0, 1).toUpperCase(Locale.ROOT) + form.substring(1), out);
        }
        return new ArrayList<>(out);
    }

    private void addAnalyses(String form, Set<Analysis> out) {
        for (WordData d : tagger.lookup(form)) {
            CharSequence tag = d.getTag();
            CharSequence stem = d.getStem();
            if (tag != null && stem != null) {
                out.add(new Analysis(stem.toString().toLowerCase(Locale.ROOT), tag.toString()));
            }
        }
    }

    /** Whether some reading of {@code form} has a tag accepted by {@code tag}. */
    public boolean canBe(String form, java.util.function.Predicate<String> tag) {
        for (Analysis a : analyse(form)) {
            if (tag.test(a.tag())) {
                return true;
            }
        }
        return false;
    }

    /** Forms of {@code lemma} with Penn tag {@code tag}, lower case; empty when it has none. */
    public List<String> inflect(String lemma, String tag) {
        Set<String> out = new LinkedHashSet<>();
        for (WordData d : synthesiser.lookup(lemma + "|" + tag)) {
            CharSequence stem = d.getStem();
            if (stem != null) {
                out.add(stem.toString().toLowerCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(out);
    }

    /** Frequency class of a word, 0 (rare or unknown) to 25 (most common). */
    public int frequencyClass(String word) {
        return frequencyClass.getOrDefault(word, 0);
    }

    /** Every tagger entry: lower-case form and its word class bits; forms without a letter or digit are skipped. */
    public Map<String, Integer> wordClasses() {
        Map<String, Integer> out = new HashMap<>();
        for (WordData d : tagger) {
            CharSequence w = d.getWord();
            CharSequence tag = d.getTag();
            if (w == null || tag == null) {
                continue;
            }
            String form = w.toString().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
            if (form.isEmpty() || form.indexOf(' ') >= 0 || form.codePoints().noneMatch(Character::isLetterOrDigit)) {
                continue;
            }
            out.merge(form, wordClass(tag.toString()), (a, b) -> a | b);
        }
        return out;
    }

    /** The coarse class bit of a Penn Treebank tag (LanguageTool's variants included). */
    static int wordClass(String tag) {
        if (tag.startsWith("NNP")) {
            return WordClass.PROPER_NOUN.bit();
        }
        if (tag.startsWith("NN")) {
            return WordClass.NOUN.bit();
        }
        if (tag.startsWith("VB") || tag.equals("MD")) {
            return WordClass.VERB.bit();
        }
        if (tag.startsWith("JJ")) {
            return WordClass.ADJECTIVE.bit();
        }
        if (tag.startsWith("RB") && !tag.startsWith("RP")) {
            return WordClass.ADVERB.bit();
        }
        if (tag.equals("CD")) {
            return WordClass.NUMBER.bit();
        }
        if (tag.startsWith("SENT") || tag.length() <= 2 && !Character.isLetter(tag.charAt(0))) {
            return 0;
        }
        return WordClass.FUNCTION_WORD.bit();
    }
}
