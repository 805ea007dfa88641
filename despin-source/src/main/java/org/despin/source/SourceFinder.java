package org.despin.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.despin.DespinException;

/**
 * Finds the sources a (possibly spun) text was copied from: fingerprint the query, let Lucene
 * gather the candidates sharing the most fingerprints, re-score them exactly, align the best.
 * Thread-safe when its {@link Restorer} is.
 *
 * <pre>{@code
 * try (SourceIndex index = SourceIndex.open(dir)) {
 *     List<SourceMatch> best = new SourceFinder(index, Restorer.IDENTITY).find(spunText, 10);
 * }
 * }</pre>
 */
public final class SourceFinder {
    /** How candidates are fingerprinted. */
    public enum Method {
        /** Immutable shingles and restored lemma shingles: survives spinning. */
        FINGERPRINTS,
        /** Plain word shingles of the unrestored text: the text-matcher baseline. */
        WORD_SHINGLES
    }

    /**
     * @param candidates how many candidates the index returns for exact re-scoring
     * @param alignment alignment settings
     */
    public record Options(int candidates, Aligner.Settings alignment) {
        public static final Options DEFAULT = new Options(50, Aligner.Settings.DEFAULT);

        public Options {
            if (candidates < 1) {
                throw new IllegalArgumentException("candidates must be at least 1");
            }
        }
    }

    /** Lucene's default limit on the clauses of one query; the query's fingerprints are sampled below it. */
    private static final int MAX_CLAUSES = IndexSearcher.getMaxClauseCount();

    private final SourceIndex index;
    private final Restorer restorer;
    private final Options options;
    private final Aligner aligner;

    public SourceFinder(SourceIndex index, Restorer restorer) {
        this(index, restorer, Options.DEFAULT);
    }

    public SourceFinder(SourceIndex index, Restorer restorer, Options options) {
        this.index = index;
        this.restorer = restorer;
        this.options = options;
        this.aligner = new Aligner(options.alignment());
    }

    /** The {@code topK} most likely sources of {@code query}, best first, with aligned passages. */
    public List<SourceMatch> find(String query, int topK) throws DespinException {
        return find(query, topK, Method.FINGERPRINTS);
    }

    /** As {@link #find(String, int)}, with the chosen fingerprinting method. */
    public List<SourceMatch> find(String query, int topK, Method method) throws DespinException {
        TextProfile profile = TextProfile.of(query, method == Method.FINGERPRINTS ? restorer : Restorer.IDENTITY);
        return find(profile, topK, method);
    }

    /** As {@link #find(String, int, Method)}, for a query already profiled with this finder's restorer. */
    public List<SourceMatch> find(TextProfile query, int topK, Method method) throws DespinException {
        FingerprintSettings s = index.settings();
        QueryPrints prints = method == Method.FINGERPRINTS
                ? new QueryPrints(query.immutableShingles(s), query.restoredShingles(s))
                : new QueryPrints(query.baselineShingles(s), new long[0]);
        if (prints.size() == 0) {
            return List.of();
        }
        String firstField = method == Method.FINGERPRINTS ? SourceIndex.FIELD_IMMUTABLE : SourceIndex.FIELD_BASELINE;
        try {
            IndexSearcher searcher = index.searcher();
            boolean sampled = prints.size() > MAX_CLAUSES;
            TopDocs top = searcher.search(luceneQuery(prints, firstField), Math.max(options.candidates(), topK));
            StoredFields stored = searcher.storedFields();
            List<Scored> scored = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                if (sampled) {
                    // Lucene counted a sample of the fingerprints: count them all
                    StoredSource src = index.load(stored, sd.doc);
                    TextProfile candidate = src.profile();
                    double score = method == Method.FINGERPRINTS
                            ? prints.containedIn(candidate.immutableShingles(s), candidate.restoredShingles(s))
                            : Shingles.containment(prints.first, candidate.baselineShingles(s));
                    scored.add(new Scored(sd.doc, src, candidate, score));
                } else {
                    // every clause scores 1, so Lucene's score is the exact number of shared fingerprints
                    scored.add(new Scored(sd.doc, null, null, Math.round(sd.score) / (double) prints.size()));
                }
            }
            List<Scored> best = new ArrayList<>(Math.min(topK, scored.size()));
            scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::doc));
            for (Scored x : scored.subList(0, Math.min(topK, scored.size()))) {
                best.add(x.source == null ? x.load(index, stored) : x);
            }
            // equal scores in id order, so that the output does not depend on segment layout
            best.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(x -> x.source.id()));
            List<SourceMatch> out = new ArrayList<>(best.size());
            for (Scored x : best) {
                out.add(describe(query, x));
            }
            return out;
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.MODEL, "cannot read source index " + index.path() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The full comparison of the query with one candidate: overlaps and alignment. */
    private SourceMatch describe(TextProfile query, Scored x) {
        int n = index.settings().overlapGram();
        double before = Shingles.containment(Shingles.of(query.plainWords(), n), Shingles.of(x.profile.plainWords(), n));
        double after = Shingles.containment(Shingles.of(query.restoredWords(), n),
                Shingles.of(x.profile.restoredWords(), n));
        List<Passage> passages = aligner.align(query, x.profile);
        int matched = 0;
        for (Passage p : passages) {
            matched += p.matchedTokens();
        }
        int tokens = query.keyedTokens().size();
        double coverage = tokens == 0 ? 0.0 : (double) matched / tokens;
        return new SourceMatch(x.source.id(), x.score, before, after, coverage, passages, x.source);
    }

    /**
     * One SHOULD clause per fingerprint, each scoring 1, so that Lucene's score is the number of
     * the query's fingerprints a source shares: the candidates are the best by exact containment
     * (up to the sampling of very long queries).
     */
    private static BooleanQuery luceneQuery(QueryPrints prints, String firstField) {
        long[][] sampled = prints.sample(MAX_CLAUSES);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (long h : sampled[0]) {
            b.add(new ConstantScoreQuery(new TermQuery(new Term(firstField, Shingles.term(h)))), BooleanClause.Occur.SHOULD);
        }
        for (long h : sampled[1]) {
            b.add(new ConstantScoreQuery(new TermQuery(new Term(SourceIndex.FIELD_RESTORED, Shingles.term(h)))),
                    BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    private record Scored(int doc, StoredSource source, TextProfile profile, double score) {
        Scored load(SourceIndex index, StoredFields stored) throws IOException {
            StoredSource src = index.load(stored, doc);
            return new Scored(doc, src, src.profile(), score);
        }
    }

    /** The query's fingerprints in one or two fields (sorted distinct hashes). */
    private record QueryPrints(long[] first, long[] second) {
        int size() {
            return first.length + second.length;
        }

        double containedIn(long[] candidateFirst, long[] candidateSecond) {
            return (double) (Shingles.intersectionSize(first, candidateFirst)
                    + Shingles.intersectionSize(second, candidateSecond)) / size();
        }

        /**
         * At most {@code max} hashes in all, the same share from each field. The smallest hashes of
         * a set are a consistent random sample (min-hashing), so a long query keeps matching its source.
         */
        long[][] sample(int max) {
            if (size() <= max) {
                return new long[][] {first, second};
            }
            int fromFirst = (int) ((long) max * first.length / size());
            int fromSecond = max - fromFirst;
            return new long[][] {Arrays.copyOf(first, fromFirst), Arrays.copyOf(second, Math.min(fromSecond, second.length))};
        }
    }
}
