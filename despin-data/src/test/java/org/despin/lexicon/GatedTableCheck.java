package org.despin.lexicon;

import java.nio.file.Path;
import java.util.Arrays;
import org.despin.model.Models;

/** Throw-away check: a model's terms without the gated ones equal another model's terms (words, terms, links, fan-outs). */
final class GatedTableCheck {
    public static void main(String[] args) throws Exception {
        ArrayTermTable a = (ArrayTermTable) Models.load(Path.of(args[0])).terms().withoutGated();
        ArrayTermTable b = (ArrayTermTable) Models.load(Path.of(args[1])).terms();
        System.out.println("words " + Arrays.equals(a.words(), b.words()) + " starts " + Arrays.equals(a.starts(), b.starts())
                + " termWords " + Arrays.equals(a.termWords(), b.termWords()) + " keys " + Arrays.equals(a.keys(), b.keys())
                + " keyStarts " + Arrays.equals(a.keyStarts(), b.keyStarts()) + " links " + Arrays.equals(a.links(), b.links())
                + " fanOuts " + Arrays.equals(a.fanOuts(), b.fanOuts()) + " sizes " + a.size() + " " + b.size());
    }
}
