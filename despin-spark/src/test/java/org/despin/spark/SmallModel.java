package org.despin.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.despin.DespinException;
import org.despin.lexicon.LexiconData;
import org.despin.lexicon.LexiconFormat;
import org.despin.lexicon.LinkFeatures;
import org.despin.lm.LmTrainer;
import org.despin.model.ModelFile;

/**
 * A small real model file for the tests, built in a few hundred milliseconds: a trigram model
 * trained by {@code despin train}'s trainer on a dozen news sentences, and a hand-made lexicon
 * that swaps four word pairs.
 */
final class SmallModel {
    static final List<String> CORPUS = List.of(
            "The Security Council met on Tuesday.",
            "The Security Council met in New York.",
            "The Security Council will meet again next week.",
            "Members of the Security Council agreed on a statement.",
            "The Secretary-General told reporters that the talks had failed.",
            "The Secretary-General said the talks would resume.",
            "The Permanent Mission of France issued a statement.",
            "Protection of civilians is the main concern.",
            "It is a common problem in the region.",
            "The general said the war was over.",
            "The permanent members of the council met on Tuesday.",
            "They told reporters the talks had failed.",
            "He told reporters that the council would meet.",
            "He advised the minister to leave.");

    private SmallModel() {
    }

    /** Writes the model to {@code dir/small.dspm} and returns its path. */
    static Path build(Path dir) throws IOException, DespinException {
        Path lexicon = dir.resolve("lexicon-only.dspm");
        LexiconData.Builder b = new LexiconData.Builder();
        String[][] pairs = {{"protection", "security"}, {"common", "general"}, {"lasting", "permanent"}, {"advised", "told"}};
        for (String[] p : pairs) {
            b.link(p[0], p[1], new LinkFeatures(5, 1, LinkFeatures.DIRECT | LinkFeatures.MOBY));
            b.link(p[1], p[0], new LinkFeatures(5, 1, LinkFeatures.DIRECT | LinkFeatures.MOBY));
        }
        try (ModelFile.Writer w = new ModelFile.Writer(lexicon)) {
            w.section(LexiconFormat.SECTION, LexiconFormat.section(b.build()));
            w.finish(Map.of("model", "spark test model"));
        }
        Path corpus = Files.writeString(dir.resolve("corpus.txt"), String.join("\n\n", CORPUS) + "\n", StandardCharsets.UTF_8);
        Path model = dir.resolve("small.dspm");
        new LmTrainer(LmTrainer.Options.defaults().withOrder(3).withBaseModel(lexicon, 0))
                .train(List.of(corpus), model, LmTrainer.Progress.NONE);
        return model;
    }
}
