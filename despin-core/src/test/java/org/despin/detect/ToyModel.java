package org.despin.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.despin.lexicon.MapLexicon;
import org.despin.lm.MapLanguageModel;
import org.despin.model.Model;
import org.despin.model.ModelInfo;
import org.despin.text.Document;
import org.despin.text.Sentence;
import org.despin.text.Token;
import org.despin.text.TokenType;

/**
 * A small exact model for unit tests: a back-off LM with absolute discounting (D = 0.5) counted
 * from a handful of sentences, tokenised like the detector tokenises, and a hand-made lexicon.
 * P(w | h) = (c(h w) - D) / c(h .) for stored n-grams; the back-off weight of h is
 * D * N1+(h .) / c(h .). Not exactly normalised, which the detector does not need.
 */
final class ToyModel {
    private static final double D = 0.5;

    private ToyModel() {
    }

    static MapLanguageModel lm(int order, List<String> corpus) {
        List<Map<List<String>, Integer>> counts = new ArrayList<>();
        for (int k = 0; k <= order; k++) {
            counts.add(new HashMap<>());
        }
        long total = 0;
        for (String text : corpus) {
            Document doc = Document.parse(text);
            for (Sentence s : doc.sentences()) {
                List<String> words = new ArrayList<>();
                words.add("<s>");
                for (int t = s.firstToken(); t < s.endToken(); t++) {
                    Token tok = doc.tokens().get(t);
                    if (tok.type() == TokenType.WORD || tok.type() == TokenType.NUMBER) {
                        words.add(tok.normal());
                    }
                }
                words.add("</s>");
                total += words.size() - 1;
                for (int k = 1; k <= order; k++) {
                    for (int i = 0; i + k <= words.size(); i++) {
                        counts.get(k).merge(List.copyOf(words.subList(i, i + k)), 1, Integer::sum);
                    }
                }
            }
        }
        // context totals and distinct followers
        List<Map<List<String>, int[]>> contexts = new ArrayList<>();
        for (int k = 0; k <= order; k++) {
            contexts.add(new HashMap<>());
        }
        for (int k = 2; k <= order; k++) {
            for (Map.Entry<List<String>, Integer> e : counts.get(k).entrySet()) {
                int[] c = contexts.get(k - 1).computeIfAbsent(e.getKey().subList(0, k - 1), x -> new int[2]);
                c[0] += e.getValue();
                c[1]++;
            }
        }
        MapLanguageModel.Builder b = new MapLanguageModel.Builder(order);
        for (int k = 1; k <= order; k++) {
            for (Map.Entry<List<String>, Integer> e : counts.get(k).entrySet()) {
                List<String> gram = e.getKey();
                double p;
                if (k == 1) {
                    p = gram.get(0).equals("<s>") ? -99 : Math.log10((double) e.getValue() / total);
                } else {
                    int[] ctx = contexts.get(k - 1).get(gram.subList(0, k - 1));
                    p = Math.log10((e.getValue() - D) / ctx[0]);
                }
                int[] asContext = k < order ? contexts.get(k).get(gram) : null;
                double bo = asContext == null ? 0 : Math.log10(D * asContext[1] / asContext[0]);
                b.add((float) p, (float) bo, gram.toArray(new String[0]));
            }
        }
        return b.build();
    }

    static Model model(MapLanguageModel lm, MapLexicon lexicon) {
        return new Model(lm, lexicon, new ModelInfo(1, Map.of("model", "toy")));
    }

    /** The corpus the detector tests share: news-like sentences with a few stock phrases. */
    static final List<String> NEWS = List.of(
            "The Security Council met on Tuesday.",
            "The Security Council met in New York.",
            "The Security Council will meet again next week.",
            "Members of the Security Council agreed on a statement.",
            "The security council met on Monday to discuss the war.",
            "The Secretary-General told reporters that the talks had failed.",
            "The Secretary-General said the talks would resume.",
            "The secretary-general of the alliance spoke on Monday.",
            "The Permanent Mission of France issued a statement.",
            "The Permanent Mission of Japan said it would vote.",
            "The ministry requested to meet the press on Monday.",
            "The minister requested to speak to the council.",
            "The police asked reporters to leave the building.",
            "Protection of civilians is the main concern.",
            "The protection of children is a duty.",
            "They sought protection from the storm.",
            "Peace is the goal of the talks.",
            "Peace and security are the aims of the council.",
            "The peace process will resume next week.",
            "They want peace in the region.",
            "World peace is a dream.",
            "The people want peace.",
            "Lasting peace requires trust.",
            "A truce was agreed on Monday.",
            "The two sides agreed to a truce.",
            "It is a common problem in the region.",
            "The basic problem is money.",
            "The general said the war was over.",
            "The general public was told to stay at home.",
            "John Smith said the talks had failed.",
            "The blacksmith made a new gate.",
            "The blacksmith said the iron was hot.",
            "She met an individual who spoke French.",
            "She met a person who spoke French.",
            "A person was hurt in the storm.",
            "The permanent members of the council met on Tuesday.",
            "The lasting effects of the war are clear.",
            "They told reporters the talks had failed.",
            "He told reporters that the council would meet.",
            "He advised the minister to leave.");

    /** The lexicon the tests share: observed form -> candidate originals (both directions for some). */
    static MapLexicon lexicon() {
        return new MapLexicon.Builder()
                .add("protection", "security", -1.0f)
                .add("security", "protection", -1.0f)
                .add("truce", "peace", -1.0f)
                .add("peace", "truce", -1.0f)
                .add("common", "general", -1.0f)
                .add("basic", "general", -1.0f)
                .add("general", "common", -1.0f)
                .add("lasting", "permanent", -1.0f)
                .add("permanent", "lasting", -1.0f)
                .add("advised", "told", -1.0f)
                .add("told", "advised", -1.0f)
                .add("correspondents", "reporters", -1.0f)
                .add("asked for", "requested", -1.0f)
                .add("requested", "asked for", -1.0f)
                .add("smith", "blacksmith", -1.0f)
                .add("individual", "person", -1.0f)
                .add("person", "individual", -1.0f)
                .build();
    }

    /**
     * The toy lexicon's channel weights are plain -1 nats, not the default lexicon's scale the
     * default settings were tuned on (docs/detector.md), so the tests use the untuned channel.
     */
    static final DetectorSettings SETTINGS = DetectorSettings.DEFAULTS.with().channelOffset(0)
            .frequencyDiscount(0.5).maxCandidatesPerSpan(8).build();

    static Detector detector() {
        return new Detector(news(), SETTINGS);
    }

    static Model news() {
        return model(lm(4, NEWS), lexicon());
    }
}
