package org.despin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class FindingTreesTest {
    /** Two log-odds of the near trees (branch spun29) that pin the file: all features 0; a number read as number words. */
    private static final double ZERO_NEAR = -6.788197644983912;
    private static final double NUMBER_NEAR = -7.809292217935711;
    /** The log-odds of the restored-context trees (branch precision30) with all features 0. */
    private static final double RESTORED_ZERO = -8.15221238009795;
    /** Two trees: rate <= -2.5 ? -0.25 : (spanMass <= 0.75 ? 0.125 : 0.5), and a single leaf 0.0625. */
    static final String TINY = """
            despin finding trees 1
            # a hand-made ensemble
            tree
            split 0 rate -2.5 1 2
            leaf 1 -0.25
            split 2 spanMass 0.75 3 4
            leaf 3 0.125
            leaf 4 0.5

            tree
            leaf 0 0.0625
            """;

    static FindingTrees read(String text) throws IOException {
        return FindingTrees.read(new StringReader(text), "test.txt");
    }

    private static double[] features(double rate, double spanMass) {
        double[] x = new double[FindingModel.SIZE];
        x[FindingModel.FEATURES.indexOf("rate")] = rate;
        x[FindingModel.FEATURES.indexOf("spanMass")] = spanMass;
        return x;
    }

    @Test
    void theLogOddsAreTheSumOfTheLeavesReached() throws IOException {
        FindingTrees trees = read(TINY);
        assertEquals(2, trees.size());
        assertEquals(6, trees.nodes());
        assertEquals(-0.1875, trees.logOdds(features(-3, 2)), 0);
        assertEquals(-0.1875, trees.logOdds(features(-2.5, 2)), 0);   // at the threshold: left
        assertEquals(0.1875, trees.logOdds(features(-2, 0.75)), 0);
        assertEquals(0.5625, trees.logOdds(features(-2, 0.76)), 0);
    }

    @Test
    void theTreesAddToTheLogisticModelsLogOdds() throws IOException {
        double[] w = new double[FindingModel.SIZE + 1];
        w[0] = -1;
        w[FindingModel.FEATURES.indexOf("rate") + 1] = 0.5;
        FindingTrees trees = read(TINY);
        FindingModel linear = new FindingModel(w, -1.5);
        FindingModel boosted = linear.withTrees(trees);
        double[] x = features(-2, 1); // linear -2, trees 0.5625
        assertEquals(1 / (1 + Math.exp(2.0)), linear.probability(x), 1e-15);
        assertEquals(1 / (1 + Math.exp(1.4375)), boosted.probability(x), 1e-15);
        assertEquals(0.19193278644723683, boosted.probability(x), 1e-15);
        assertEquals(1 / (1 + Math.exp(2.9375)), boosted.confidence(x), 1e-15);
        // the document score reads the logistic part alone
        assertEquals(linear.probability(x), boosted.linearProbability(x), 0);
        // another operating point keeps the trees; no trees is the logistic model
        assertEquals(trees, boosted.withBias(0.3).trees());
        assertEquals(linear, boosted.withTrees(null));
        assertNull(linear.trees());
        assertFalse(boosted.equals(linear));
    }

    @Test
    void theFileFormatRoundTrips() throws IOException {
        FindingTrees trees = read(TINY);
        String written = trees.write("a comment\nover two lines");
        assertEquals("""
                despin finding trees 1
                # a comment
                # over two lines
                tree
                split 0 rate -2.5 1 2
                leaf 1 -0.25
                split 2 spanMass 0.75 3 4
                leaf 3 0.125
                leaf 4 0.5
                tree
                leaf 0 0.0625
                """, written);
        assertEquals(trees, read(written));
        assertEquals(written, read(written).write("a comment\nover two lines"));
        // doubles are written so that they read back to the same value
        FindingTrees odd = read(FindingTrees.HEADER + "\ntree\nsplit 0 gain 0.1 1 2\nleaf 1 0.30000000000000004\nleaf 2 -1.0E-7\n");
        assertEquals(odd, read(odd.write("")));
        assertEquals(0.30000000000000004, odd.logOdds(new double[FindingModel.SIZE]), 0);
    }

    @Test
    void aTreeSplittingOnTheStoredOrdersMakesTheDetectorComputeThem() throws IOException {
        FindingModel m = new FindingModel(new double[FindingModel.SIZE + 1], 0);
        assertFalse(m.readsStoredOrder());
        assertFalse(m.withTrees(read(TINY)).readsStoredOrder());
        assertTrue(m.withTrees(read(FindingTrees.HEADER + "\ntree\nsplit 0 observedStored 1 1 2\nleaf 1 0\nleaf 2 1\n"))
                .readsStoredOrder());
    }

    @Test
    void theTreesOverDefaultsAreReadFromTheirResource() {
        // trees25's trees (148 of depth 3, fitted with lightly spun short texts in the fold), in the default settings
        FindingTrees trees = FindingModel.defaultsTrees();
        assertEquals(148, trees.size());
        assertEquals(2094, trees.nodes());
        assertFalse(trees.reads(FindingModel.FEATURES.indexOf("observedStored")));
        assertFalse(trees.reads(FindingModel.FEATURES.indexOf("candidateStored")));
        assertFalse(FindingModel.DEFAULTS_WITH_TREES.readsStoredOrder());
        assertEquals(-3.0326184969086873, trees.logOdds(new double[FindingModel.SIZE]), 0); // pins the file
        double[] x = new double[FindingModel.SIZE];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.5 * (i % 3) - 0.4;
        }
        assertEquals(-3.2082615079254766, trees.logOdds(x), 0);
        assertEquals(FindingTrees.resource("finding-trees-defaults.txt"), trees);
    }

    /** Trees of the default settings are read on first use, not when the constant is made: start-up does not pay for them. */
    @Test
    void lazyTreesAreReadOnFirstUse() {
        FindingTrees missing = FindingTrees.lazyResource("no-such-trees.txt"); // nothing read yet: no error
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> missing.logOdds(new double[FindingModel.SIZE]));
        assertEquals("no resource no-such-trees.txt beside org.despin.detect.FindingTrees", e.getMessage());
        FindingTrees lazy = FindingTrees.lazyResource("finding-trees-spun.txt");
        FindingTrees eager = FindingTrees.resource("finding-trees-spun.txt");
        double[] x = new double[FindingModel.SIZE];
        x[FindingModel.FEATURES.indexOf("rate")] = -2;
        assertEquals(eager.logOdds(x), lazy.logOdds(x), 0);
        assertEquals(eager, lazy);
        assertEquals(eager.hashCode(), lazy.hashCode());
        assertEquals(eager.toString(), lazy.toString());
        assertEquals(eager.write(""), lazy.write(""));
        assertEquals(eager, FindingTrees.lazyResource("finding-trees-spun.txt")); // equals reads it too
    }

    @Test
    void theTreesOverSpunAreReadFromTheirResource() {
        FindingTrees trees = FindingModel.spunWithTrees().trees();
        assertEquals(175, trees.size());
        assertEquals(2071, trees.nodes());
        assertFalse(trees.reads(FindingModel.FEATURES.indexOf("observedStored")));
        assertFalse(FindingModel.spunWithTrees().readsStoredOrder());
        assertEquals(0.3273851037988463, trees.logOdds(new double[FindingModel.SIZE]), 0); // pins the file
    }

    @Test
    void theTreesOverSpunWithTheLinksAreReadFromTheirResource() {
        // digits read as number words: -2.6 nats
        assertSpunLinkTrees(FindingModel.spunWithLinkTrees(), 197, 2491, 0.40, -2.3878790090778423, -5.011749171896675);
    }

    @Test
    void theTreesOverSpunFittedOnWidenedDecodesAreReadFromTheirResource() {
        assertSpunLinkTrees(FindingModel.spunWithWideTrees(), 139, 1767, 0.375, -2.3916513351379, -4.8260195075894226);
    }

    @Test
    void theTreesOverSpunWithNearCleanPassagesAreReadFromTheirResource() {
        assertSpunLinkTrees(FindingModel.spunWithNearTrees(), 198, 2464, 0.375, ZERO_NEAR, NUMBER_NEAR);
        assertTrue(FindingModel.spunWithNearTrees().readsObservedForms());
        assertFalse(FindingModel.spunWithWideTrees().readsObservedForms());
    }

    @Test
    void theTreesWithTheRestoredContextAreReadFromTheirResourceAndAskForTheLm() {
        FindingModel m = FindingModel.spunWithRestoredTrees();
        assertEquals(199, m.trees().size());
        assertEquals(2567, m.trees().nodes());
        assertEquals(0.38, 1 / (1 + Math.exp(m.bias())), 1e-4);
        assertTrue(m.readsPrecisionFeatures());
        assertTrue(m.readsStoredOrder()); // the restored context needs the LM
        assertFalse(FindingModel.spunWithNearTrees().readsPrecisionFeatures());
        assertFalse(FindingModel.spunWithNearTrees().readsStoredOrder());
        assertFalse(FindingModel.DEFAULTS_WITH_LINK_TREES.readsPrecisionFeatures());
        assertEquals(RESTORED_ZERO, m.logOdds(new double[FindingModel.SIZE]), 1e-12);
    }

    /**
     * SPUN's weights with trees that read the lexicon link's type: the file's size, the threshold, and two log-odds that
     * pin it (all features 0; a number read as number words).
     */
    private static void assertSpunLinkTrees(FindingModel m, int size, int nodes, double threshold, double zero, double number) {
        FindingTrees trees = m.trees();
        assertEquals(size, trees.size());
        assertEquals(nodes, trees.nodes());
        assertTrue(trees.reads(FindingModel.FEATURES.indexOf("numberLink")));
        assertTrue(trees.reads(FindingModel.FEATURES.indexOf("mobyOnly")));
        assertFalse(m.readsStoredOrder());
        assertEquals(FindingModel.SPUN_WITH_NAMES, m.withTrees(null).withBias(0.0));
        assertEquals(threshold, 1 / (1 + Math.exp(m.bias())), 1e-4);
        assertEquals(zero, trees.logOdds(new double[FindingModel.SIZE]), 0);
        double[] x = new double[FindingModel.SIZE];
        x[FindingModel.FEATURES.indexOf("numberLink")] = 1;
        assertEquals(number, trees.logOdds(x), 0);
    }

    @Test
    void theTreesOverSpunWithTheObservedFormsAreReadFromTheirResource() {
        FindingModel m = FindingModel.spunWithFormTrees();
        FindingTrees trees = m.trees();
        assertEquals(199, trees.size());
        assertEquals(2431, trees.nodes());
        for (String f : new String[] {"formShare", "production", "productionMax", "observedLinks", "mobyOnly"}) {
            assertTrue(trees.reads(FindingModel.FEATURES.indexOf(f)), f);
        }
        assertTrue(m.readsObservedForms());
        assertFalse(FindingModel.spunWithLinkTrees().readsObservedForms());
        assertFalse(FindingModel.SPUN_WITH_NAMES.readsObservedForms());
        assertFalse(m.readsStoredOrder());
        assertEquals(FindingModel.SPUN_WITH_NAMES, m.withTrees(null).withBias(0.0));
        assertEquals(0.45, 1 / (1 + Math.exp(m.bias())), 1e-4);
        assertEquals(-0.7458849476300452, trees.logOdds(new double[FindingModel.SIZE]), 0); // pins the file
        double[] common = new double[FindingModel.SIZE];
        common[FindingModel.FEATURES.indexOf("production")] = 4;
        common[FindingModel.FEATURES.indexOf("observedLinks")] = 4;
        assertEquals(-0.3987404668153417, trees.logOdds(common), 0); // a productive, much-linked word: +0.35 nats
    }

    @Test
    void theTreesOverDefaultsWithTheLinksAreReadFromTheirResource() {
        // deftrees28's trees (trees25's recipe with the five link features), in the default settings
        FindingTrees trees = FindingModel.defaultsLinkTrees();
        assertEquals(197, trees.size());
        assertEquals(2719, trees.nodes());
        assertTrue(trees.reads(FindingModel.FEATURES.indexOf("numberLink")));
        assertTrue(trees.reads(FindingModel.FEATURES.indexOf("genericLink")));
        assertFalse(trees.reads(FindingModel.FEATURES.indexOf("observedStored")));
        assertFalse(trees.reads(FindingModel.FEATURES.indexOf("candidateStored")));
        assertFalse(FindingModel.DEFAULTS_WITH_LINK_TREES.readsStoredOrder());
        assertSame(trees, FindingModel.DEFAULTS_WITH_LINK_TREES.trees());
        assertSame(trees, FindingModel.UNCERTAIN_WITH_LINK_TREES.trees());
        assertEquals(FindingModel.DEFAULTS_WITH_DOC_COMMENTS.withBias(FindingModel.DEFAULTS_WITH_LINK_TREES.bias()),
                FindingModel.DEFAULTS_WITH_LINK_TREES.withTrees(null));
        assertEquals(0.32, 1 / (1 + Math.exp(FindingModel.DEFAULTS_WITH_LINK_TREES.bias())), 1e-4);
        assertEquals(0.37, 1 / (1 + Math.exp(FindingModel.UNCERTAIN_WITH_LINK_TREES.bias())), 1e-4);
        assertEquals(-3.839085622833375, trees.logOdds(new double[FindingModel.SIZE]), 0); // pins the file
        double[] x = new double[FindingModel.SIZE];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.5 * (i % 3) - 0.4;
        }
        assertEquals(-3.1831487320086476, trees.logOdds(x), 0);
        assertEquals(FindingTrees.resource("finding-trees-defaults-links.txt"), trees);
    }

    private static void bad(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aBadFileIsRejectedWithItsLine() {
        String h = FindingTrees.HEADER + "\n";
        bad("", "test.txt: empty, expected \"despin finding trees 1\"");
        bad("despin finding trees 2\ntree\nleaf 0 1\n", "test.txt line 1: expected \"despin finding trees 1\", got \"despin finding trees 2\"");
        bad("tree\nleaf 0 1\n", "test.txt line 1: expected \"despin finding trees 1\" before the first tree");
        bad(h + "leaf 0 1\n", "test.txt line 2: a node before the first \"tree\" line");
        bad(h + "tree\nsplit 0 colour 1 1 2\nleaf 1 0\nleaf 2 0\n", "test.txt line 3: unknown feature \"colour\" (see FindingModel.FEATURES)");
        bad(h + "tree\nleaf 1 0\n", "test.txt line 3: node 1 out of order: expected node 0");
        bad(h + "tree\nsplit 0 rate 1 0 2\nleaf 1 0\nleaf 2 0\n",
                "test.txt line 3: the children of node 0 must be two nodes numbered above it, got 0 and 2");
        bad(h + "tree\nsplit 0 rate 1 1 3\nleaf 1 0\nleaf 2 0\n",
                "test.txt line 6: the tree ending here has 3 nodes, but node 0 names child 3");
        bad(h + "tree\nsplit 0 rate 1 1 2\nleaf 1 0\nleaf 2 0\nleaf 3 0\n",
                "test.txt line 7: node 3 of the tree ending here is the child of 0 splits, not one");
        bad(h + "tree\nsplit 0 rate NaN 1 2\nleaf 1 0\nleaf 2 0\n", "test.txt line 3: the threshold must be finite, got NaN");
        bad(h + "tree\nleaf 0 x\n", "test.txt line 3: bad leaf value \"x\"");
        bad(h + "tree\nleaf 0\n", "test.txt line 3: expected \"leaf ID VALUE\" or \"split ID FEATURE THRESHOLD LEFT RIGHT\", got \"leaf 0\"");
        bad(h + "tree\ntree\nleaf 0 1\n", "test.txt line 3: a tree without nodes ends here");
    }
}
