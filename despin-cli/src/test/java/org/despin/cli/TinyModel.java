package org.despin.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.despin.detect.Detector;
import org.despin.lexicon.MapLexicon;
import org.despin.lm.MapLanguageModel;
import org.despin.model.Model;
import org.despin.model.ModelInfo;
import org.despin.text.Document;
import org.despin.text.Sentence;
import org.despin.text.Token;
import org.despin.text.TokenType;

/**
 * A tiny exact model for command-line tests, built in memory: a trigram back-off LM with
 * absolute discounting (D = 0.5) counted from a few news sentences, tokenised as the detector
 * tokenises, and a hand-made lexicon. (The same construction as the detector's own toy model.)
 */
final class TinyModel {
    private static final double D = 0.5;

    static final List<String> CORPUS = List.of(
            "The Security Council met on Tuesday.",
            "The Security Council met in New York.",
            "The Security Council will meet again next week.",
            "Members of the Security Council agreed on a statement.",
            "The Secretary-General told reporters that the talks had failed.",
            "The Secretary-General said the talks would resume.",
            "The Permanent Mission of France issued a statement.",
            "The Permanent Mission of Japan said it would vote.",
            "Protection of civilians is the main concern.",
            "The protection of children is a duty.",
            "It is a common problem in the region.",
            "The general said the war was over.",
            "The permanent members of the council met on Tuesday.",
            "The lasting effects of the war are clear.",
            "They told reporters the talks had failed.",
            "He told reporters that the council would meet.",
            "He advised the minister to leave.");

    static final Model MODEL = new Model(lm(4), new MapLexicon.Builder()
            .add("protection", "security", -1.0f)
            .add("security", "protection", -1.0f)
            .add("common", "general", -1.0f)
            .add("general", "common", -1.0f)
            .add("lasting", "permanent", -1.0f)
            .add("permanent", "lasting", -1.0f)
            .add("advised", "told", -1.0f)
            .add("told", "advised", -1.0f)
            .build(), new ModelInfo(1, Map.of("model", "tiny test model")));

    /** Every model path gives the real detector over the tiny model. */
    static final CliEnvironment.CheckerFactory CHECKERS = path -> new Detector(MODEL)::check;

    private TinyModel() {
    }

    private static MapLanguageModel lm(int order) {
        List<Map<List<String>, Integer>> counts = new ArrayList<>();
        List<Map<List<String>, int[]>> contexts = new ArrayList<>();
        for (int k = 0; k <= order; k++) {
            counts.add(new HashMap<>());
            contexts.add(new HashMap<>());
        }
        long total = 0;
        for (String text : CORPUS) {
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
                    p = Math.log10((e.getValue() - D) / contexts.get(k - 1).get(gram.subList(0, k - 1))[0]);
                }
                int[] asContext = k < order ? contexts.get(k).get(gram) : null;
                double bo = asContext == null ? 0 : Math.log10(D * asContext[1] / asContext[0]);
                b.add((float) p, (float) bo, gram.toArray(new String[0]));
            }
        }
        return b.build();
    }
}
