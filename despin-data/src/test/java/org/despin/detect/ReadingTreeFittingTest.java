package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ReadingTreeFitting on a tiny fixed data set: the dump read back, the fit reproducible to the bit and pinned. */
class ReadingTreeFittingTest {
    /**
     * 60 groups of three readings in 20 passages: features from a fixed linear congruential sequence; the original is the
     * reading with sharedPrefix 1 when its channel is above -2, else the first reading: a rule the logit alone cannot read.
     */
    private static String dump() {
        StringBuilder sb = new StringBuilder("passage\tgroup\ttrain\tflagged\toriginal\tdecoded\t"
                + String.join("\t", ReadingChoice.FEATURES) + "\treading\tobserved\n");
        long seed = 12345;
        for (int g = 0; g < 60; g++) {
            double[][] x = new double[3][ReadingChoice.SIZE];
            for (int r = 0; r < 3; r++) {
                seed = (seed * 6364136223846793005L + 1442695040888963407L);
                x[r][ReadingChoice.FEATURES.indexOf("channel")] = -((seed >>> 33) % 50) / 10.0;
                x[r][ReadingChoice.FEATURES.indexOf("sharedPrefix")] = r == (int) ((seed >>> 20) % 3) ? 1 : 0;
            }
            int original = 0;
            for (int r = 0; r < 3; r++) {
                if (x[r][ReadingChoice.FEATURES.indexOf("sharedPrefix")] == 1 && x[r][ReadingChoice.FEATURES.indexOf("channel")] > -2) {
                    original = r;
                }
            }
            for (int r = 0; r < 3; r++) {
                sb.append(g / 3).append('\t').append(g).append('\t').append(g < 40 ? 1 : 0).append('\t').append(g % 2).append('\t')
                        .append(r == original ? 1 : 0).append('\t').append(r == 0 ? 1 : 0);
                for (double v : x[r]) {
                    sb.append('\t').append(String.format(Locale.ROOT, "%.6g", v));
                }
                sb.append("\tr").append(r).append("\tobs\n");
            }
        }
        return sb.toString();
    }

    @Test
    void theFitOnAFixedTinySetIsReproducibleAndLowersTheLoss(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("groups.tsv");
        Files.writeString(file, dump());
        ReadingTreeFitting.Groups all = ReadingTreeFitting.read(file);
        assertEquals(60, all.groups());
        assertEquals(180, all.x().length);
        assertEquals(13, all.passage()[40]);
        ReadingChoice base = new ReadingChoice(new double[ReadingChoice.SIZE]); // all readings alike: log-loss ln 3
        assertEquals(Math.log(3), ReadingTreeFitting.logLoss(ReadingTreeFitting.scores(base, all), all), 1e-12);
        String a = ReadingTreeFitting.fitted(all, base, 2, 0.5, 3, 1.0, 4, "tiny");
        String b = ReadingTreeFitting.fitted(all, base, 2, 0.5, 3, 1.0, 4, "tiny");
        assertEquals(a, b);
        ReadingChoice fitted = ReadingTreeFitting.withTrees(base, a);
        assertEquals(4, fitted.trees().size());
        double loss = ReadingTreeFitting.logLoss(ReadingTreeFitting.scores(fitted, all), all);
        assertTrue(loss < Math.log(3) - 0.3, "log-loss " + loss);
        // pinned: the first split and the loss after four trees (a change of the Booster or the softmax gradient shows here)
        assertEquals("split 0 channel -3.3499999999999996 1 2", a.lines().filter(l -> l.startsWith("split")).findFirst().orElseThrow());
        assertEquals(PINNED_LOSS, loss, 1e-12);
        int[] right = ReadingTreeFitting.right(ReadingTreeFitting.scores(fitted, all), all, false);
        assertEquals(PINNED_RIGHT, right[0]);
        assertEquals(60, right[1]);
    }

    private static final double PINNED_LOSS = 0.7620442222687982;
    private static final int PINNED_RIGHT = 48;
}
