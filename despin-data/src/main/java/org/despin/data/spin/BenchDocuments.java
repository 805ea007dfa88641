package org.despin.data.spin;

import java.util.ArrayList;
import java.util.List;
import org.despin.DespinException;
import org.despin.data.DataPaths;
import org.despin.data.corpus.BrownCorpus;
import org.despin.data.corpus.Corpus;
import org.despin.data.corpus.CorpusDocument;
import org.despin.data.corpus.DefaultCorpora;
import org.despin.data.corpus.EuroparlCorpus;
import org.despin.data.corpus.SotuCorpus;
import org.despin.eval.Passages;

/**
 * The evaluation text of {@code despin bench}: passages of the documents every model build holds
 * out ({@link CorpusDocument#heldOut()}), so that no figure is measured on training text.
 * State of the Union addresses from 1900 on (older ones are another English), Brown and the
 * English Europarl lines; the WordNet examples are single sentences and left out.
 */
public final class BenchDocuments {
    private BenchDocuments() {
    }

    /**
     * Up to {@code limit} held-out passages of {@code minWords} to {@code maxWords} words, taken
     * from the corpora in turn (one from each, then the next from each, ...) so that every
     * register is represented; always the same passages in the same order.
     */
    public static List<String> heldOutPassages(DataPaths paths, int minWords, int maxWords, int limit) throws DespinException {
        List<Corpus> corpora = List.of(SotuCorpus.from(paths), BrownCorpus.from(paths), new EuroparlCorpus());
        List<List<String>> perCorpus = new ArrayList<>();
        for (Corpus corpus : corpora) {
            List<String> passages = new ArrayList<>();
            for (CorpusDocument d : DefaultCorpora.heldOut(corpus)) {
                if (corpus.name().equals(SotuCorpus.NAME) && yearOf(d.id()) < 1900) {
                    continue;
                }
                passages.addAll(Passages.split(d.text(), minWords, maxWords));
            }
            perCorpus.add(passages);
        }
        List<String> out = new ArrayList<>(limit);
        for (int round = 0; out.size() < limit; round++) {
            boolean any = false;
            for (List<String> passages : perCorpus) {
                if (round < passages.size() && out.size() < limit) {
                    out.add(passages.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return out;
    }

    /** The year a SOTU id ("1901_McKinley_R.txt") starts with, or 0. */
    static int yearOf(String id) {
        int slash = id.lastIndexOf('/');
        String name = id.substring(slash + 1);
        if (name.length() >= 4 && name.chars().limit(4).allMatch(Character::isDigit)) {
            return Integer.parseInt(name.substring(0, 4));
        }
        return 0;
    }
}
