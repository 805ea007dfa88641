package org.despin.data.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import org.despin.lm.build.BackoffSource;
import org.despin.lm.build.NgramVisitor;
import org.junit.jupiter.api.Test;

class HeldOutScorerTest {
    /** A bigram model small enough to work out by hand. */
    private static final BackoffSource TINY = new ListSource(2, List.of(
            new Entry(-2.0f, 0f, "<unk>"),
            new Entry(-99f, -0.3f, "<s>"),
            new Entry(-0.8f, 0f, "</s>"),
            new Entry(-0.5f, -0.2f, "a"),
            new Entry(-0.7f, -0.1f, "b"),
            new Entry(-0.1f, 0f, "<s>", "a"),
            new Entry(-0.2f, 0f, "a", "b"),
            new Entry(-0.05f, 0f, "b", "</s>")));

    @Test
    void backsOffAsArpaDoes() throws Exception {
        HeldOutScorer scorer = new HeldOutScorer(List.of(
                new String[] {"a", "b"}, new String[] {"b", "a"}, new String[] {"c"}), 4);
        HeldOutScorer.Scores s = scorer.score(TINY);
        assertArrayEquals(new double[] {
            -0.1, -0.2, -0.05, // <s> a, a b, b </s>: stored bigrams
            -0.3 - 0.7, -0.1 - 0.5, -0.2 - 0.8, // backed off: bo(<s>) + p(b), bo(b) + p(a), bo(a) + p(</s>)
            -2.0, -0.8}, // c is unknown: p(<unk>); then p(</s>) with no context
                s.log10(), 1e-6);
        assertArrayEquals(new boolean[] {true, true, true, true, true, true, false, true}, s.known());
    }

    private record Entry(float prob, float backoff, String... words) {
    }

    private record ListSource(int order, List<Entry> entries) implements BackoffSource {
        @Override
        public long count(int n) {
            return entries.stream().filter(e -> e.words().length == n).count();
        }

        @Override
        public void forEach(int n, NgramVisitor visitor) {
            List<Entry> of = new ArrayList<>();
            for (Entry e : entries) {
                if (e.words().length == n) {
                    of.add(e);
                }
            }
            for (Entry e : of) {
                visitor.visit(e.words().clone(), e.prob(), e.backoff());
            }
        }
    }
}
