package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Reading-choice trees: FindingTrees' format over ReadingChoice.FEATURES, their sum added to a reading's score. */
class ReadingTreesTest {
    private static final String H = FindingTrees.READING_HEADER + "\n";

    private static FindingTrees read(String text) throws IOException {
        return FindingTrees.read(new StringReader(text), "reading.txt", FindingTrees.Schema.reading());
    }

    private static void bad(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void theReadingSchemaReadsReadingFeaturesAndItsOwnHeaderOnly() throws IOException {
        FindingTrees t = read(H + "tree\nsplit 0 sharedPrefix 0.5 1 2\nleaf 1 -0.25\nleaf 2 1.2\n");
        double[] x = new double[ReadingChoice.SIZE];
        assertEquals(-0.25, t.logOdds(x), 0);
        x[ReadingChoice.FEATURES.indexOf("sharedPrefix")] = 1;
        assertEquals(1.2, t.logOdds(x), 0);
        assertEquals(t, read(t.write("again")));
        // a finding feature is not a reading feature, and the finding header is not this format's
        bad(H + "tree\nsplit 0 rate 1 1 2\nleaf 1 0\nleaf 2 0\n", "reading.txt line 3: unknown feature \"rate\" (see ReadingChoice.FEATURES)");
        bad(FindingTrees.HEADER + "\ntree\nleaf 0 1\n",
                "reading.txt line 1: expected \"despin reading trees 1\", got \"despin finding trees 1\"");
        bad("", "reading.txt: empty, expected \"despin reading trees 1\"");
        bad(H + "tree\nsplit 0 channel 1 1 3\nleaf 1 0\nleaf 2 0\n",
                "reading.txt line 6: the tree ending here has 3 nodes, but node 0 names child 3");
        // and the finding format still names its own features
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FindingTrees.read(new StringReader(
                FindingTrees.HEADER + "\ntree\nsplit 0 sharedPrefix 1 1 2\nleaf 1 0\nleaf 2 0\n"), "f.txt"));
        assertEquals("f.txt line 3: unknown feature \"sharedPrefix\" (see FindingModel.FEATURES)", e.getMessage());
        // the same nodes in the two schemas are not the same trees
        FindingTrees leafR = read(H + "tree\nleaf 0 1\n");
        FindingTrees leafF = FindingTrees.read(new StringReader(FindingTrees.HEADER + "\ntree\nleaf 0 1\n"), "f.txt");
        assertNotEquals(leafR, leafF);
    }

    @Test
    void aReadingChoiceWithoutTreesScoresItsWeightsAloneAndTreesAddToTheScore() throws IOException {
        double[] w = new double[ReadingChoice.SIZE];
        w[ReadingChoice.FEATURES.indexOf("posterior")] = 1;
        ReadingChoice plain = new ReadingChoice(w);
        ReadingChoice withTrees = plain.withTrees(read(H + "tree\nsplit 0 sharedPrefix 0.5 1 2\nleaf 1 -0.25\nleaf 2 1.2\n"));
        double[] x = new double[ReadingChoice.SIZE];
        x[ReadingChoice.FEATURES.indexOf("posterior")] = -0.5;
        assertEquals(-0.5, plain.score(x), 0);
        assertEquals(-0.75, withTrees.score(x), 1e-15);
        x[ReadingChoice.FEATURES.indexOf("sharedPrefix")] = 1;
        assertEquals(0.7, withTrees.score(x), 1e-15);
        assertEquals(plain, withTrees.withTrees(null));
        assertNotEquals(plain, withTrees);
        // an empty ensemble adds nothing
        assertEquals(-0.5, plain.withTrees(read(H)).score(new double[] {-0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}), 0);
    }
}
