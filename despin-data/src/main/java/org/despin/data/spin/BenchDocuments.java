package org.despin.data.spin;

import java.nio.file.Path;
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
import org.despin.data.lexicon.TechnicalTerms;
import org.despin.eval.Passages;

/**
 * The evaluation text of {@code despin bench}: passages of the documents every model build holds
 * out ({@link CorpusDocument#heldOut()}), so that no figure is measured on training text.
 * State of the Union addresses from 1900 on (older ones are another English), Brown and the
 * English Europarl lines; the WordNet examples are single sentences and left out.
 */
public final class BenchDocuments {
    /** Shorter paragraphs of the technical documentation are mostly captions, notes and API one-liners. */
    static final int MIN_PARAGRAPH_WORDS = 25;

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
        return inTurn(perCorpus, limit);
    }

    /**
     * Up to {@code limit} passages of {@code minWords} to {@code maxWords} words of technical prose:
     * the paragraphs of the Debian documentation of scikit-learn, SciPy and statsmodels that hold
     * no code or maths ({@link TechnicalTerms#proseParagraphs}), each page's paragraphs joined and
     * cut into passages, taken from the three packages in turn. No model's language model is built
     * from them; the optional technical model mines its terms from them, so its figures here are
     * not held out. Needs {@code scripts/fetch-debian-data --technical}.
     */
    public static List<String> technicalPassages(DataPaths paths, int minWords, int maxWords, int limit)
            throws DespinException {
        List<List<String>> perPackage = new ArrayList<>();
        for (Path root : TechnicalTerms.packages(paths.cache())) {
            List<String> passages = new ArrayList<>();
            for (List<String> page : TechnicalTerms.proseParagraphs(root, MIN_PARAGRAPH_WORDS)) {
                passages.addAll(Passages.split(String.join("\n\n", page), minWords, maxWords));
            }
            perPackage.add(passages);
        }
        return inTurn(perPackage, limit);
    }

    /** Up to {@code limit} passages, one from each source in turn. */
    private static List<String> inTurn(List<List<String>> perSource, int limit) {
        List<String> out = new ArrayList<>(limit);
        for (int round = 0; out.size() < limit; round++) {
            boolean any = false;
            for (List<String> passages : perSource) {
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
