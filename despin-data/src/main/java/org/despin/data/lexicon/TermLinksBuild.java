package org.despin.data.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.despin.DespinException;
import org.despin.detect.FunctionWords;
import org.despin.lexicon.TermLinks;
import org.despin.lexicon.TermTable;

/**
 * Every thesaurus link of the term words ({@link TermLinks}), for the term table: what a spinner
 * may write in place of a word of a known term. Unlike the lexicon (the best 50 originals per
 * observed form, for every word), no bound: a term word's rarer synonyms are exactly what a
 * tortured phrase uses ("ergodic" for "random", "woody plant" for "tree").
 *
 * <ul>
 * <li>{@link TermTable#SYNONYM}: Moby in both directions (the word's entry lists the form, or the
 * form's entry lists the word), WordNet synset members;</li>
 * <li>{@link TermTable#RELATED}: the members of WordNet synsets one pointer away: hypernyms
 * (a spinner's thesaurus lists broader words: "tree" -> "woody plant"), similar-to and see-also
 * (adjectives: "random" -> "ergodic").</li>
 * </ul>
 * Inflected term words ("learning", "rights") link their lemma's related words re-inflected the
 * same way (LanguageTool's synthesiser, every form: "ascertaining", "informations"): a spinner
 * keeps the inflection. Hyphens become spaces, as the tokenizer splits compounds; forms of more
 * than {@value TermLinks#MAX_OBSERVED_WORDS} words, with other characters than letters and
 * apostrophes, or made of one function word are left out. Deterministic: sorted maps throughout.
 */
public final class TermLinksBuild {
    private static final Map<String, String> POS_FILE = Map.of("n", "noun", "v", "verb", "a", "adj", "s", "adj",
            "r", "adv");

    private TermLinksBuild() {
    }

    /** The links of {@code termWords}, from the Moby file {@code moby} and the WordNet data on the classpath. */
    public static TermLinks build(Set<String> termWords, Path moby, Morphology morphology) throws DespinException {
        Map<String, Map<String, Integer>> related = lemmaLinks(termWords, morphology, moby);
        TreeMap<String, Map<String, Integer>> observed = new TreeMap<>();
        Map<String, Integer> fanOut = new TreeMap<>();
        for (String word : termWords) {
            Set<String> lemmas = new TreeSet<>();
            for (Reading r : readings(word, morphology)) {
                Map<String, Integer> rel = related.get(r.lemma());
                if (rel == null) {
                    continue;
                }
                for (Map.Entry<String, Integer> e : rel.entrySet()) {
                    String s = e.getKey();
                    if (s.equals(word) || s.equals(r.lemma())) {
                        continue;
                    }
                    lemmas.add(s);
                    for (String form : r.tag() == null ? List.of(s) : inflect(s, r.tag(), morphology)) {
                        if (usable(form) && !form.equals(word)) {
                            observed.computeIfAbsent(form, k -> new TreeMap<>()).merge(word, e.getValue(), Math::min);
                        }
                    }
                }
            }
            if (!lemmas.isEmpty()) {
                fanOut.put(word, lemmas.size());
            }
        }
        return new TermLinks(observed, fanOut);
    }

    /** A term word as it stands, and as each inflected reading's lemma with the inflection's tag. */
    record Reading(String lemma, String tag) {
    }

    static List<Reading> readings(String word, Morphology morphology) {
        List<Reading> out = new ArrayList<>();
        out.add(new Reading(word, null));
        for (Morphology.Analysis a : morphology.analyse(word)) {
            if (Morphology.INFLECTIONS.contains(a.tag()) && !a.lemma().equals(word)) {
                Reading r = new Reading(a.lemma(), a.tag());
                if (!out.contains(r)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** Every form of {@code term} with the inflection on its head: a verb's first word, otherwise the last. */
    static List<String> inflect(String term, String tag, Morphology morphology) {
        int space = term.indexOf(' ');
        if (space < 0) {
            return morphology.inflect(term, tag);
        }
        List<String> out = new ArrayList<>();
        if (tag.startsWith("VB")) {
            for (String f : morphology.inflect(term.substring(0, space), tag)) {
                out.add(f + term.substring(space));
            }
        } else {
            int last = term.lastIndexOf(' ');
            for (String f : morphology.inflect(term.substring(last + 1), tag)) {
                out.add(term.substring(0, last + 1) + f);
            }
        }
        return out;
    }

    /** 1-3 words of letters and apostrophes, not a lone function word. */
    static boolean usable(String form) {
        if (form.isEmpty() || form.startsWith(" ") || form.endsWith(" ") || form.contains("  ")) {
            return false;
        }
        int words = 1;
        for (int i = 0; i < form.length(); i++) {
            char c = form.charAt(i);
            if (c == ' ') {
                words++;
            } else if (!Character.isLetter(c) && c != '\'') {
                return false;
            }
        }
        return words <= TermLinks.MAX_OBSERVED_WORDS && !(words == 1 && FunctionWords.contains(form));
    }

    /** Lemma of a term word (as it stands or its readings' lemmas) -> related lemma -> best tier. */
    private static Map<String, Map<String, Integer>> lemmaLinks(Set<String> termWords, Morphology morphology, Path moby)
            throws DespinException {
        Set<String> wanted = new java.util.HashSet<>();
        for (String w : termWords) {
            for (Reading r : readings(w, morphology)) {
                wanted.add(r.lemma());
            }
        }
        Map<String, Map<String, Integer>> out = new HashMap<>();
        try (InputStream in = Files.newInputStream(moby)) {
            MobyReader.read(in, moby.toString(), (head, synonyms) -> {
                String h = normal(head);
                boolean headWanted = wanted.contains(h);
                for (String syn : synonyms) {
                    String s = normal(syn);
                    if (headWanted) {
                        link(out, h, s, TermTable.SYNONYM);
                    }
                    if (wanted.contains(s)) {
                        link(out, s, h, TermTable.SYNONYM);
                    }
                }
            });
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.MODEL, moby + ": cannot read: " + e.getMessage(), e);
        }
        WordNet wn = WordNet.read();
        for (WordNet.Synset synset : wn.synsets.values()) {
            for (String a : synset.lemmas) {
                if (!wanted.contains(a)) {
                    continue;
                }
                for (String b : synset.lemmas) {
                    link(out, a, b, TermTable.SYNONYM);
                }
                for (String target : synset.related) {
                    WordNet.Synset t = wn.synsets.get(target);
                    if (t != null) {
                        for (String b : t.lemmas) {
                            link(out, a, b, TermTable.RELATED);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void link(Map<String, Map<String, Integer>> out, String lemma, String related, int tier) {
        if (!lemma.equals(related)) {
            out.computeIfAbsent(lemma, k -> new HashMap<>()).merge(related, tier, Math::min);
        }
    }

    /** Lower case, hyphens as spaces (the tokenizer splits "motion-picture"). */
    static String normal(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replace('-', ' ').trim();
    }

    /** WordNet synsets with the pointers a thesaurus entry shows: hypernyms, similar-to, see-also. */
    static final class WordNet {
        record Synset(List<String> lemmas, List<String> related) {
        }

        /** Key: part-of-speech file name + ":" + offset. */
        final Map<String, Synset> synsets = new HashMap<>();

        static WordNet read() throws DespinException {
            WordNet wn = new WordNet();
            for (String pos : WordNetReader.POS) {
                String name = WordNetReader.DIR + "data." + pos;
                try (InputStream in = WordNetReader.open(name);
                        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    String line;
                    long lineNo = 0;
                    while ((line = r.readLine()) != null) {
                        lineNo++;
                        if (!line.startsWith("  ") && !line.isBlank()) {
                            wn.add(pos, line, name, lineNo);
                        }
                    }
                } catch (IOException e) {
                    throw new DespinException(DespinException.Kind.MODEL, name + ": cannot read: " + e.getMessage(), e);
                }
            }
            return wn;
        }

        private void add(String pos, String line, String name, long lineNo) throws DespinException {
            String[] f = line.split(" ");
            int count = Integer.parseInt(f[3], 16);
            List<String> lemmas = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                lemmas.add(normal(WordNetReader.lemma(f[4 + 2 * i], name, lineNo)));
            }
            int p = 4 + 2 * count;
            int pointers = Integer.parseInt(f[p]);
            List<String> related = new ArrayList<>();
            for (int i = 0; i < pointers; i++) {
                String symbol = f[p + 1 + 4 * i];
                if (symbol.equals("@") || symbol.equals("@i") || symbol.equals("&") || symbol.equals("^")) {
                    related.add(POS_FILE.get(f[p + 3 + 4 * i]) + ":" + f[p + 2 + 4 * i]);
                }
            }
            synsets.put(pos + ":" + f[0], new Synset(List.copyOf(lemmas), List.copyOf(related)));
        }
    }
}
