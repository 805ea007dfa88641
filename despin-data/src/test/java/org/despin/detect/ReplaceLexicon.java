package org.despin.detect;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.despin.data.ComponentBuild;
import org.despin.data.DataPaths;
import org.despin.data.lexicon.DefaultLexiconBuild;
import org.despin.data.lexicon.LexiconBuilder;
import org.despin.lexicon.ChannelWeights;
import org.despin.lexicon.LexiconFormat;
import org.despin.model.ModelFile;

/**
 * Development shortcut: copies a built model's sections and metadata to a new file with a freshly
 * built lexicon section (a minute or two instead of the LM's many minutes). The result equals a
 * full model build of the same code when only the lexicon build changed. Usage:
 * {@code ReplaceLexicon IN OUT} (system properties of the lexicon build apply, e.g.
 * {@code -Ddespin.lexicon.noRelated=true}, {@code -Dlexicon.maxCandidates=N}, {@code -Dlexicon.maxRelated=N}, {@code -Dlexicon.maxSynonyms=N}).
 */
final class ReplaceLexicon {
    private ReplaceLexicon() {
    }

    public static void main(String[] args) throws Exception {
        ModelFile in = ModelFile.open(Path.of(args[0]));
        LexiconBuilder.Limits d = LexiconBuilder.Limits.DEFAULT;
        LexiconBuilder.Limits limits = new LexiconBuilder.Limits(Integer.getInteger("lexicon.maxCandidates", d.maxCandidates()),
                d.twoHopWhenFewerThan(), d.maxTwoHop(), d.commonnessWeight(), Integer.getInteger("lexicon.maxRelated", d.maxRelated()),
                Integer.getInteger("lexicon.maxSynonyms", d.maxSynonyms()));
        ComponentBuild lexicon = DefaultLexiconBuild.build(new DataPaths(DataPaths.defaultCache()), ChannelWeights.DEFAULT,
                limits);
        Map<String, String> meta = new LinkedHashMap<>(in.info().metadata());
        meta.putAll(lexicon.metadata());
        try (ModelFile.Writer w = new ModelFile.Writer(Path.of(args[1]))) {
            for (String name : in.sectionNames()) {
                if (name.equals(LexiconFormat.SECTION)) {
                    w.section(lexicon.sectionName(), lexicon.body());
                    continue;
                }
                w.section(name, ModelFile.SectionBody.copyOf(in.section(name)));
            }
            w.finish(meta);
        }
    }
}
