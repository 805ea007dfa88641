package org.despin.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.despin.DespinException;
import org.despin.data.lexicon.WordNetReader;
import org.despin.spin.MapSpinThesaurus;
import org.despin.spin.PartOfSpeech;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Synonym;

/**
 * A training spinner's thesaurus made from WordNet 3.1 (which the detector reads anyway): for
 * each lemma its synset's other lemmas (weight 1) and the words hand-made thesauri list after the
 * synonyms, at half weight: similar-to and see-also synsets, and the hypernyms of nouns and verbs
 * (the "broader" words). The arc fit (ArcFitting, {@code -DfitSpinner=moby+wordnet}) uses it next
 * to Moby so that spinner edits along related-word links are in its data. Never the evaluation
 * spinner (that is MyThes, held out).
 */
final class WordNetSpinThesaurus {
    private WordNetSpinThesaurus() {
    }

    static SpinThesaurus load() throws DespinException {
        List<WordNetReader.Synset> synsets = new ArrayList<>();
        Map<String, Integer> byPlace = new HashMap<>();
        WordNetReader.readAll(s -> {
            byPlace.put(s.pos() + s.offset(), synsets.size());
            synsets.add(s);
        });
        MapSpinThesaurus.Builder b = MapSpinThesaurus.builder("wordnet-3.1 (synonyms and related words)");
        for (WordNetReader.Synset s : synsets) {
            PartOfSpeech pos = switch (s.pos()) {
                case "noun" -> PartOfSpeech.NOUN;
                case "verb" -> PartOfSpeech.VERB;
                case "adj" -> PartOfSpeech.ADJECTIVE;
                default -> PartOfSpeech.ADVERB;
            };
            for (String key : s.lemmas()) {
                for (String syn : s.lemmas()) {
                    if (!syn.equals(key)) {
                        b.add(key, new Synonym(syn, pos, 1.0));
                    }
                }
                for (WordNetReader.Pointer p : s.pointers()) {
                    boolean related = p.symbol().equals("&") || p.symbol().equals("^")
                            || p.symbol().equals("@") && (pos == PartOfSpeech.NOUN || pos == PartOfSpeech.VERB);
                    Integer t = byPlace.get(p.pos() + p.offset());
                    if (!related || t == null || p.source() != 0 && !s.lemmas().get(p.source() - 1).equals(key)) {
                        continue;
                    }
                    List<String> targets = synsets.get(t).lemmas();
                    for (String r : p.target() == 0 ? targets : List.of(targets.get(p.target() - 1))) {
                        if (!r.equals(key)) {
                            b.add(key, new Synonym(r, pos, 0.5));
                        }
                    }
                }
            }
        }
        return b.build();
    }
}
