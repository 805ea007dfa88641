package org.despin.data.lexicon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.despin.DespinException;
import org.despin.detect.FunctionWords;
import org.despin.lexicon.WordClass;
import org.despin.text.Document;
import org.despin.text.Sentence;
import org.despin.text.Token;
import org.despin.text.TokenType;

/**
 * Multi-word terms of technical prose: the doc comments of source jars for the default model
 * ({@link #mineSources}, see {@link TermBuild}) and, for an optional model, the paragraphs
 * ({@code <p>}) of the HTML documentation in Debian's {@code python-sklearn-doc},
 * {@code python-scipy-doc} and {@code python-statsmodels-doc} (BSD-licensed; fetched by
 * {@code scripts/fetch-debian-data --technical}), code excluded. A bigram or trigram of words is a
 * term when it is frequent ({@link Limits#minCount}), its words stick together
 * ({@link Limits#minPmiLog10} per extra word), it has the shape of a noun phrase
 * ({@link #nounPhrase}) and at least two of its words are content words, none repeated. Files are
 * read in sorted order: same packages, same terms.
 */
public final class TechnicalTerms {
    /** The Debian packages as {@code scripts/fetch-debian-data --technical} fetches them (versions pinned there). */
    public static final List<String> PACKAGES = List.of("python-sklearn-doc", "python-scipy-doc",
            "python-statsmodels-doc");
    private static final Pattern PARAGRAPH = Pattern.compile("<p>(.*?)</p>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|[a-z]+);");
    /** Markup of code or maths, or a link's address, inside a paragraph's HTML. */
    private static final Pattern NOT_PROSE = Pattern.compile(
            "<code|<tt|<pre|<span class=\"math|<math|\\\\\\(|\\\\\\[|\\$|https?:|://");

    /**
     * @param minCount occurrences at least
     * @param minPmiLog10 log10 of observed over expected count, per word beyond the first, at least
     * @param minSources in at least this many of the sources mined together ({@link #mineSources})
     */
    public record Limits(int minCount, double minPmiLog10, int minSources) {
        public static final Limits DEFAULT = new Limits(8, 1.0);

        /** Limits with no condition on the sources. */
        public Limits(int minCount, double minPmiLog10) {
            this(minCount, minPmiLog10, 1);
        }

        @Override
        public String toString() {
            return "minCount=" + minCount + ", minPmiLog10=" + minPmiLog10
                    + (minSources > 1 ? ", minSources=" + minSources : "");
        }
    }

    private TechnicalTerms() {
    }

    /** The package folders under {@code <cache>/debian}, each checked to be complete. */
    public static List<Path> packages(Path cache) throws DespinException {
        List<Path> out = new ArrayList<>();
        for (String name : PACKAGES) {
            Path dir = cache.resolve("debian").resolve(name);
            if (!Files.exists(dir.resolve(".complete"))) {
                throw new DespinException(DespinException.Kind.MODEL, "missing Debian package data " + dir
                        + "; run scripts/fetch-debian-data --technical");
            }
            out.add(dir);
        }
        return out;
    }

    /** The terms of the HTML paragraphs under {@code roots}. */
    public static TreeSet<String> mine(List<Path> roots, Map<String, Integer> classes, Limits limits)
            throws DespinException {
        Counts counts = new Counts();
        for (Path root : roots) {
            forEachPage(root, page -> page.forEach(raw -> counts.add(text(raw))));
        }
        return counts.terms(classes, limits);
    }

    /**
     * The terms of plain-text sentences or paragraphs (the same test as for the Debian HTML, with
     * the limits given: a smaller corpus needs a lower count).
     */
    public static TreeSet<String> mineText(Iterable<String> texts, Map<String, Integer> classes, Limits limits) {
        Counts counts = new Counts();
        for (String text : texts) {
            counts.add(text);
        }
        return counts.terms(classes, limits);
    }

    /**
     * The terms of several sources of plain-text sentences (projects), each term in at least
     * {@link Limits#minSources} of them: a phrase only one code base uses is its own naming habit
     * ("attitude provider", "mate reference"), a phrase several independent projects use is the
     * field's term. Counts and PMI are over all sources together.
     */
    public static TreeSet<String> mineSources(List<? extends Iterable<String>> sources, Map<String, Integer> classes,
            Limits limits) {
        Counts counts = new Counts();
        for (Iterable<String> source : sources) {
            counts.nextSource();
            for (String text : source) {
                counts.add(text);
            }
        }
        return counts.terms(classes, limits);
    }

    /**
     * The prose paragraphs of the HTML files under {@code root}, one list per file (files in
     * sorted order, paragraphs in document order, each once in the whole tree): the {@code <p>}
     * paragraphs of at least {@code minWords} whitespace-separated words with no code, inline
     * markup of code or maths ({@code <code>}, {@code <tt>}, {@code <span class="math">}, TeX
     * delimiters) or URL, as plain text on one line. Technical writing without the snippets a
     * text checker is not meant for: {@code despin bench --technical} reads it.
     */
    public static List<List<String>> proseParagraphs(Path root, int minWords) throws DespinException {
        Set<String> seen = new HashSet<>();
        List<List<String>> out = new ArrayList<>();
        forEachPage(root, page -> {
            List<String> paragraphs = new ArrayList<>();
            for (String raw : page) {
                if (NOT_PROSE.matcher(raw).find()) {
                    continue;
                }
                String plain = String.join(" ", text(raw).strip().split("\\s+"));
                if (plain.split(" ").length >= minWords && seen.add(plain)) {
                    paragraphs.add(plain);
                }
            }
            if (!paragraphs.isEmpty()) {
                out.add(paragraphs);
            }
        });
        return out;
    }

    /** The {@code <p>} paragraphs (their inner HTML) of each HTML file under {@code root}, file by file in sorted order. */
    private static void forEachPage(Path root, Consumer<List<String>> page) throws DespinException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.MODEL, root + ": cannot list: " + e.getMessage(), e);
        }
        for (Path f : files) {
            String html;
            try {
                html = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new DespinException(DespinException.Kind.MODEL, f + ": cannot read: " + e.getMessage(), e);
            }
            List<String> paragraphs = new ArrayList<>();
            Matcher m = PARAGRAPH.matcher(html);
            while (m.find()) {
                paragraphs.add(m.group(1));
            }
            page.accept(paragraphs);
        }
    }

    /** Paragraph HTML to plain text: tags removed, the common entities decoded. */
    static String text(String html) {
        String plain = TAG.matcher(html).replaceAll(" ");
        Matcher m = ENTITY.matcher(plain);
        StringBuilder sb = new StringBuilder(plain.length());
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "nbsp" -> " ";
                default -> e.startsWith("#x") ? new String(Character.toChars(Integer.parseInt(e.substring(2), 16)))
                        : e.startsWith("#") ? new String(Character.toChars(Integer.parseInt(e.substring(1)))) : " ";
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** n-gram counts of runs of words (no punctuation between them) within sentences. */
    static final class Counts {
        /** Per n-gram: count, number of sources it occurs in, the last source it occurred in. */
        private final Map<String, int[]> grams = new HashMap<>();
        private long words;
        private int source;

        /** The texts added from now on are of a new source. */
        void nextSource() {
            source++;
        }

        void add(String text) {
            Document doc = Document.parse(text);
            for (Sentence s : doc.sentences()) {
                List<String> run = new ArrayList<>();
                for (int t = s.firstToken(); t < s.endToken(); t++) {
                    Token tok = doc.tokens().get(t);
                    if (tok.type() == TokenType.WORD) {
                        run.add(tok.normal());
                        words++;
                        int n = run.size();
                        for (int k = 1; k <= 3 && k <= n; k++) {
                            int[] c = grams.computeIfAbsent(String.join(" ", run.subList(n - k, n)), x -> new int[] {0, 0, -1});
                            c[0]++;
                            if (c[2] != source) {
                                c[1]++;
                                c[2] = source;
                            }
                        }
                    } else if (tok.type() != TokenType.JOINER) {
                        run.clear();
                    }
                }
            }
        }

        TreeSet<String> terms(Map<String, Integer> classes, Limits limits) {
            TreeSet<String> out = new TreeSet<>();
            for (Map.Entry<String, int[]> e : grams.entrySet()) {
                String gram = e.getKey();
                int c = e.getValue()[0];
                String[] w = gram.split(" ");
                if (w.length < 2 || c < limits.minCount() || e.getValue()[1] < limits.minSources()
                        || !TermBuild.qualifies(gram) || repeats(w)
                        || FunctionWords.contains(w[0]) || FunctionWords.contains(w[w.length - 1])) {
                    continue;
                }
                // log10 of c(gram) over its expected count N * prod P(word), per word beyond the first
                double pmi = (Math.log10(c) + (w.length - 1) * Math.log10(words) - sumLog(w)) / (w.length - 1);
                if (pmi >= limits.minPmiLog10() && nounPhrase(w, classes)) {
                    out.add(gram);
                }
            }
            return out;
        }

        private static boolean repeats(String[] w) {
            return w[0].equals(w[1]) || (w.length > 2 && (w[1].equals(w[2]) || w[0].equals(w[2])));
        }

        private double sumLog(String[] w) {
            double s = 0;
            for (String x : w) {
                s += Math.log10(grams.get(x)[0]);
            }
            return s;
        }
    }

    /**
     * Prepositions, adverbs and quantifiers that {@link FunctionWords} lacks (it lists what a spinner
     * never replaces): a term neither starts nor ends with one, and none stands inside it ("pixels
     * outside", "along each axis", "works well", "more iterations"). The tagger dictionary's own
     * function-word tags are too noisy for this (it allows "order" as an interjection and "nearest"
     * as a preposition).
     */
    private static final Set<String> CLOSED = Set.of("inside", "outside", "along", "alongside", "behind", "beside",
            "besides", "beneath", "beyond", "around", "throughout", "despite", "except", "versus", "well", "most", "more",
            "less", "much", "many", "several", "few", "sure", "else", "instead", "rather", "always", "never", "often",
            "sometimes", "perhaps", "maybe", "etc", "otherwise", "whatever", "whichever", "everything", "anything",
            "nothing", "something");

    /**
     * Whether words mined from prose have the shape of a noun phrase, judged by the classes the
     * tagger dictionary allows each word (no tagger in context): the last word can be a noun, the
     * first a noun or adjective, and a middle word is "of" or can be a noun or adjective or is a
     * gerund ("gradient boosting machine"). Since the classes are only what a word CAN be, a verb
     * phrase or a phrase cut out of a sentence often passes that alone ("works well", "check to see",
     * "array is empty", "coordinates of two", "pixels outside"), so also: no word is a number or one
     * of {@link #CLOSED}, a middle word is no function word but "of", and the first word is no -s
     * form of a verb ("makes sure", "compares two": the first noun of a compound term is singular,
     * "feature extraction" not "features extraction"). A verb phrase of words that are nouns too
     * ("cause issues") still passes.
     */
    static boolean nounPhrase(String[] w, Map<String, Integer> classes) {
        String first = w[0];
        String last = w[w.length - 1];
        if (!can(classes, last, WordClass.NOUN) || !(can(classes, first, WordClass.NOUN)
                || can(classes, first, WordClass.ADJECTIVE)) || closed(classes, first) || closed(classes, last)
                || verbS(classes, first)) {
            return false;
        }
        for (int k = 1; k < w.length - 1; k++) {
            if (!w[k].equals("of") && (closed(classes, w[k]) || FunctionWords.contains(w[k])
                    || !(can(classes, w[k], WordClass.NOUN) || can(classes, w[k], WordClass.ADJECTIVE)
                            || w[k].endsWith("ing")))) {
                return false;
            }
        }
        return true;
    }

    private static boolean closed(Map<String, Integer> classes, String word) {
        return CLOSED.contains(word) || can(classes, word, WordClass.NUMBER);
    }

    /**
     * The -s form of a verb: a verb form ending in "s" whose stem without it ("makes" -> "make") or
     * without "es" ("matches" -> "match") is a verb too ("bias", "focus", "process" are not).
     */
    private static boolean verbS(Map<String, Integer> classes, String word) {
        if (!word.endsWith("s") || word.endsWith("ss") || !can(classes, word, WordClass.VERB)) {
            return false;
        }
        String stem = word.substring(0, word.length() - 1);
        return can(classes, stem, WordClass.VERB)
                || (stem.endsWith("e") && can(classes, stem.substring(0, stem.length() - 1), WordClass.VERB));
    }

    private static boolean can(Map<String, Integer> classes, String word, WordClass c) {
        Integer mask = classes.get(word);
        return mask != null && (mask & c.bit()) != 0;
    }
}
