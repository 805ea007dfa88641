package org.despin.lm;

import java.util.ArrayList;
import java.util.List;
import org.despin.lm.build.BackoffSource;
import org.despin.lm.build.NgramVisitor;

/** A hand-written back-off model for tests (log10 values, ARPA semantics). */
public final class TestSource implements BackoffSource {
    private final int order;
    private final List<List<Object[]>> byOrder = new ArrayList<>();

    public TestSource(int order) {
        this.order = order;
        for (int n = 0; n <= order; n++) {
            byOrder.add(new ArrayList<>());
        }
    }

    /** Adds an n-gram with a probability and back-off weight (not logs). */
    public TestSource add(double prob, double backoff, String words) {
        String[] w = words.split(" ");
        byOrder.get(w.length).add(new Object[] {w, (float) Math.log10(prob), (float) Math.log10(backoff)});
        return this;
    }

    /** Adds an n-gram with log10 values as they are. */
    public TestSource addLog(float log10Prob, float log10Backoff, String words) {
        String[] w = words.split(" ");
        byOrder.get(w.length).add(new Object[] {w, log10Prob, log10Backoff});
        return this;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public long count(int n) {
        return byOrder.get(n).size();
    }

    @Override
    public void forEach(int n, NgramVisitor visitor) {
        for (Object[] e : byOrder.get(n)) {
            visitor.visit(((String[]) e[0]).clone(), (Float) e[1], (Float) e[2]);
        }
    }
}
