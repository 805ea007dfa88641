package org.despin.lm;

/**
 * A language model that passes every call to another: the base of wrappers that count, trace or
 * check the calls a component makes. The bulk queries ({@link #scoreEach}, {@link #scoreAfterEach},
 * {@link #sentenceLog10}) stay the interface's defaults, so that each of their lookups reaches
 * {@link #score} of the wrapper; a wrapper overrides what it watches.
 *
 * <pre>{@code
 * LongAdder calls = new LongAdder();
 * LanguageModel counted = new ForwardingLanguageModel(lm) {
 *     public float score(LmState in, int word, LmState out) {
 *         calls.increment();
 *         return super.score(in, word, out);
 *     }
 * };
 * }</pre>
 */
public abstract class ForwardingLanguageModel implements LanguageModel {
    private final LanguageModel delegate;

    protected ForwardingLanguageModel(LanguageModel delegate) {
        this.delegate = delegate;
    }

    /** The model the calls go to. */
    protected final LanguageModel delegate() {
        return delegate;
    }

    @Override
    public int order() {
        return delegate.order();
    }

    @Override
    public Vocabulary vocabulary() {
        return delegate.vocabulary();
    }

    @Override
    public LmState newState() {
        return delegate.newState();
    }

    @Override
    public void beginSentence(LmState state) {
        delegate.beginSentence(state);
    }

    @Override
    public void emptyContext(LmState state) {
        delegate.emptyContext(state);
    }

    @Override
    public float score(LmState in, int word, LmState out) {
        return delegate.score(in, word, out);
    }

    @Override
    public int matchedOrder(LmState in, int word) {
        return delegate.matchedOrder(in, word);
    }
}
