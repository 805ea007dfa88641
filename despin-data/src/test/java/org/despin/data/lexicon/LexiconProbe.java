package org.despin.data.lexicon;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.despin.DespinException;
import org.despin.lexicon.ChannelWeights;
import org.despin.lexicon.LexiconData;

/**
 * Lemma-level questions about the thesauri behind the lexicon, for the coverage diagnostic
 * (org.despin.detect.CoverageDiagnostic): are two lemmas linked at all, by two hops, by a WordNet
 * relation; what are a form's lemmas. A development tool in test sources.
 */
public final class LexiconProbe {
    private final Path moby;
    private final Morphology morphology;
    private final SynonymGraph graph;
    private final Map<String, Map<String, Integer>> relations = new HashMap<>();

    public LexiconProbe(Path moby) throws DespinException {
        this.moby = moby;
        this.morphology = Morphology.load();
        this.graph = DefaultLexiconBuild.thesauri(moby).graph();
        WordNetRelations.load().links((obs, orig, rel) -> relations.computeIfAbsent(obs, k -> new HashMap<>())
                .merge(orig, rel, (a, b) -> a | b));
    }

    /** The form itself and its lemmas by the tagger. */
    public Set<String> lemmas(String form) {
        Set<String> out = new LinkedHashSet<>();
        out.add(form);
        if (form.indexOf(' ') < 0) {
            morphology.analyse(form).forEach(a -> out.add(a.lemma()));
        }
        return out;
    }

    /** Flags of a one-hop lemma link observed -> original, or -1. */
    public int oneHop(String observedLemma, String originalLemma) {
        int o = graph.find(observedLemma);
        int t = graph.find(originalLemma);
        if (o < 0 || t < 0) {
            return -1;
        }
        for (int i = 0; i < graph.linksFrom(o); i++) {
            if (graph.original(o, i) == t) {
                return graph.flags(o, i);
            }
        }
        return -1;
    }

    /** Whether some one-hop original of the observed lemma links to the original. */
    public boolean twoHops(String observedLemma, String originalLemma) {
        int o = graph.find(observedLemma);
        int t = graph.find(originalLemma);
        if (o < 0 || t < 0) {
            return false;
        }
        for (int i = 0; i < graph.linksFrom(o); i++) {
            int mid = graph.original(o, i);
            for (int j = 0; j < graph.linksFrom(mid); j++) {
                if (graph.original(mid, j) == t) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How many one-hop originals the observed lemma has. */
    public int degree(String observedLemma) {
        int o = graph.find(observedLemma);
        return o < 0 ? 0 : graph.linksFrom(o);
    }

    /** {@link WordNetRelations} bits of observed -> original (0: none). */
    public int relation(String observedLemma, String originalLemma) {
        return relations.getOrDefault(observedLemma, Map.of()).getOrDefault(originalLemma, 0);
    }

    /** The lexicon data for just these observed lemmas, built with the given limits. */
    public LexiconData build(Predicate<String> observedLemmas, LexiconBuilder.Limits limits) throws DespinException {
        return DefaultLexiconBuild.data(moby, ChannelWeights.DEFAULT, limits, observedLemmas);
    }
}
