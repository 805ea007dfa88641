package org.despin.detect;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.despin.data.DataPaths;
import org.despin.data.sphinx.SphinxTrieModel;
import org.despin.lexicon.MapLexicon;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmFormat;
import org.despin.model.Model;
import org.despin.model.ModelFile;
import org.despin.model.ModelInfo;

/**
 * A stand-in model for development while the default model build is not available: the Sphinx
 * en-us trigram LM in the project's trie format, and a plain reverse Moby index (no lemmas, no
 * re-inflection; log P(observed | original) = -ln(number of synonyms of the original)).
 */
final class DevModel {
    private DevModel() {
    }

    static Model load(Path cacheDir) throws Exception {
        Files.createDirectories(cacheDir);
        Path lmFile = cacheDir.resolve("sphinx-lm.dspm");
        if (!Files.exists(lmFile)) {
            SphinxTrieModel sphinx = SphinxTrieModel.loadEnUs();
            try (ModelFile.Writer w = new ModelFile.Writer(lmFile)) {
                w.section(LmFormat.SECTION, LmFormat.section(sphinx));
                w.finish(Map.of("model", "dev sphinx"));
            }
        }
        LanguageModel lm = LmFormat.read(ModelFile.open(lmFile));
        MapLexicon.Builder b = new MapLexicon.Builder();
        Path moby = new DataPaths(DataPaths.defaultCache()).npmPackage(DataPaths.MOBY).resolve("words.txt");
        try (BufferedReader r = Files.newBufferedReader(moby, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                String head = f[0].trim().toLowerCase(java.util.Locale.ROOT);
                if (head.split(" ").length > 3) {
                    continue;
                }
                float ch = (float) -Math.log(f.length - 1);
                for (int i = 1; i < f.length; i++) {
                    String s = f[i].trim().toLowerCase(java.util.Locale.ROOT);
                    if (!s.isEmpty() && s.split(" ").length <= 3 && !s.equals(head)) {
                        b.add(s, new org.despin.lexicon.Candidate(head, ch, 1, "moby"));
                    }
                }
            }
        }
        return new Model(lm, b.build(), new ModelInfo(1, Map.of("model", "dev")));
    }
}
