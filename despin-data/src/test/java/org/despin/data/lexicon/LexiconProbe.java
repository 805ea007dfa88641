package org.despin.data.lexicon;

import java.nio.file.Path;
import org.despin.data.DataPaths;
import org.despin.lexicon.ChannelWeights;
import org.despin.lexicon.Lexicon;
import org.despin.lexicon.LexiconData;

/** Manual probe: prints candidates for the arguments. */
public final class LexiconProbe {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Path moby = new DataPaths(DataPaths.defaultCache()).npmPackage(DataPaths.MOBY).resolve("words.txt");
        LexiconData d = DefaultLexiconBuild.data(moby, ChannelWeights.DEFAULT, LexiconBuilder.Limits.DEFAULT);
        System.err.printf("built in %d ms: %d keys %d links%n", (System.nanoTime() - t0) / 1_000_000, d.links().size(), d.linkCount());
        Lexicon lex = d.toLexicon(ChannelWeights.DEFAULT);
        for (String a : args) {
            String[] p = a.split("=");
            var c = lex.candidates(p[0]);
            int rank = -1;
            for (int i = 0; i < c.size(); i++) {
                if (p.length > 1 && c.get(i).original().equals(p[1])) {
                    rank = i;
                }
            }
            System.err.println(a + " n=" + c.size() + " rank=" + rank + " " + (rank >= 0 ? c.get(rank) : "") + " top: "
                    + c.subList(0, Math.min(6, c.size())));
        }
    }
}
