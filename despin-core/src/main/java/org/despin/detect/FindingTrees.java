package org.despin.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Gradient-boosted regression trees over a candidate finding's {@link FindingModel#FEATURES}: log-odds added to the
 * {@link FindingModel}'s linear part (the trees were fitted to the logistic loss's gradient with that linear part as
 * the base margin, so that with no trees the model is the logistic one; TreeFitting in the test sources,
 * docs/detector.md "Boosted trees on the finding model"). Immutable (trees of {@link #lazyResource} are read once, on
 * first use, and are then the same as read at once); the nodes are kept in flat arrays and
 * {@link #logOdds} allocates nothing.
 *
 * <p>The file format ({@link #read}, {@link #write}): UTF-8 lines; blank lines and lines starting with {@code #} are
 * ignored; the first other line is {@value #HEADER}; then each tree starts with a line {@code tree} followed by its
 * nodes, one a line, numbered from 0 in order, the root first:
 * <pre>
 * despin finding trees 1
 * # x[rate] &lt;= -2.5 goes to node 1, else to node 2
 * tree
 * split 0 rate -2.5 1 2
 * leaf 1 -0.03
 * split 2 spanMass 0.75 3 4
 * leaf 3 0.01
 * leaf 4 0.08
 * </pre>
 * {@code split ID FEATURE THRESHOLD LEFT RIGHT} sends a candidate whose feature (a name of {@link FindingModel#FEATURES})
 * is at most the threshold to node LEFT, else to node RIGHT; {@code leaf ID VALUE} adds VALUE (shrinkage included) to
 * the log-odds. A child's number is above its parent's and every node but the root is the child of exactly one split,
 * so a tree is a tree; any other line is an error naming its line number.
 *
 * <p>The same trees serve {@link ReadingChoice} (branch {@code choice26}): a {@link Schema} names the header and the
 * features a file's splits may read ({@link Schema#finding()}: {@value #HEADER} over {@link FindingModel#FEATURES};
 * {@link Schema#reading()}: {@value #READING_HEADER} over {@link ReadingChoice#FEATURES}, the trees' sum added to a
 * reading's score).
 */
public final class FindingTrees {
    /** The first line of the file format. */
    public static final String HEADER = "despin finding trees 1";
    /** The first line of reading-choice trees ({@link Schema#reading()}). */
    public static final String READING_HEADER = "despin reading trees 1";

    /** What a file of trees reads: its first line and the features its splits name (in the order of the scored arrays). */
    record Schema(String header, List<String> features, String featuresName) {
        /**
         * Trees over a candidate finding's features (the finding model's log-odds). A method, not a constant: FindingModel's
         * own constants read trees while it is initialised, and a constant here would read FindingModel.FEATURES in turn.
         */
        static Schema finding() {
            return new Schema(HEADER, FindingModel.FEATURES, "FindingModel.FEATURES");
        }

        /** Trees over a reading's features (a flagged span's reading choice, added to the conditional logit's score). */
        static Schema reading() {
            return new Schema(READING_HEADER, ReadingChoice.FEATURES, "ReadingChoice.FEATURES");
        }
    }
    private static final int LEAF = -1;

    /** The nodes in flat arrays: each tree's root, and per node its feature (LEAF for a leaf), threshold, children, leaf value. */
    private record Nodes(int[] roots, int[] feature, double[] threshold, int[] left, int[] right, double[] value) {
    }

    /** Non-null for trees read from this resource on first use ({@link #lazyResource}); null for trees read at once. */
    private final String resource;
    /** The header and the features of the file format. */
    private final Schema schema;
    /** The nodes; for lazy trees null until first used (then set once: every thread reads the same resource's nodes). */
    private volatile Nodes nodes;

    private FindingTrees(Schema schema, int[] roots, int[] feature, double[] threshold, int[] left, int[] right, double[] value) {
        this.resource = null;
        this.schema = schema;
        this.nodes = new Nodes(roots, feature, threshold, left, right, value);
    }

    private FindingTrees(String resource, Schema schema) {
        this.resource = resource;
        this.schema = schema;
    }

    /** The nodes, read from the resource on first use for lazy trees. */
    private Nodes loaded() {
        Nodes n = nodes;
        if (n == null) {
            synchronized (this) {
                n = nodes;
                if (n == null) {
                    n = resource(resource, schema).loaded();
                    nodes = n;
                }
            }
        }
        return n;
    }

    /** The number of trees. */
    public int size() {
        return loaded().roots().length;
    }

    /** The number of nodes of all trees. */
    public int nodes() {
        return loaded().feature().length;
    }

    /** The highest feature index a split reads (-1: none; found on first use, -2 until then). */
    private volatile int maxFeature = -2;

    /** The highest index of the schema's features that a split reads, -1 when none does (scanned once). */
    int maxFeature() {
        int m = maxFeature;
        if (m == -2) {
            m = -1;
            for (int f : loaded().feature()) {
                m = Math.max(m, f);
            }
            maxFeature = m;
        }
        return m;
    }

    /** Whether a split reads feature {@code k} (an index of the schema's features, e.g. {@link FindingModel#FEATURES}). */
    boolean reads(int k) {
        for (int f : loaded().feature()) {
            if (f == k) {
                return true;
            }
        }
        return false;
    }

    /** The sum of the trees' leaves that the features {@code x} (in the order of the schema's features) reach. */
    public double logOdds(double[] x) {
        Nodes t = loaded();
        int[] roots = t.roots();
        int[] feature = t.feature();
        double[] threshold = t.threshold();
        int[] left = t.left();
        int[] right = t.right();
        double[] value = t.value();
        double sum = 0;
        for (int root : roots) {
            int n = root;
            while (feature[n] != LEAF) {
                n = x[feature[n]] <= threshold[n] ? left[n] : right[n];
            }
            sum += value[n];
        }
        return sum;
    }

    /**
     * Trees of a resource of this package read when first used ({@link #logOdds} or any other method), not now: a
     * constant of the default settings that holds them costs start-up nothing (reading ~2,000 nodes takes a few hundred
     * ms in a cold JVM), and a text the trees never decide in (under 100 words, or called spun) never reads them. A
     * missing or malformed resource fails at that first use. Equal to the same trees read at once.
     */
    public static FindingTrees lazyResource(String name) {
        return lazyResource(name, Schema.finding());
    }

    /** As {@link #lazyResource(String)}, trees of this schema. */
    static FindingTrees lazyResource(String name, Schema schema) {
        return new FindingTrees(java.util.Objects.requireNonNull(name, "name"), java.util.Objects.requireNonNull(schema, "schema"));
    }

    /** Reads trees from a resource of this package. */
    public static FindingTrees resource(String name) {
        return resource(name, Schema.finding());
    }

    /** Reads trees of this schema from a resource of this package. */
    static FindingTrees resource(String name, Schema schema) {
        try (InputStream in = FindingTrees.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name + " beside " + FindingTrees.class.getName());
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), name, schema);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /**
     * Reads the file format (see the class comment); {@code source} names the file in the errors.
     *
     * @throws IllegalArgumentException on a malformed file, naming the source and the line
     */
    public static FindingTrees read(Reader reader, String source) throws IOException {
        return read(reader, source, Schema.finding());
    }

    /** Reads the file format of this schema (its header, splits over its features). */
    static FindingTrees read(Reader reader, String source, Schema schema) throws IOException {
        final String first = schema.header();
        BufferedReader in = new BufferedReader(reader);
        List<Integer> roots = new ArrayList<>();
        List<int[]> splits = new ArrayList<>(); // feature, left, right (absolute), for each node
        List<double[]> numbers = new ArrayList<>(); // threshold or value
        int treeStart = -1;
        int[] referenced = new int[0];
        boolean header = false;
        int lineNumber = 0;
        Where where = new Where(source); // the line named in an error, made into text only then
        for (String line = in.readLine(); ; line = in.readLine()) {
            lineNumber++;
            where.number = lineNumber;
            if (line == null || line.strip().equals("tree")) {
                if (treeStart >= 0) {
                    checkTree(splits, treeStart, where);
                }
                if (line == null) {
                    break;
                }
                if (!header) {
                    throw new IllegalArgumentException(where + "expected \"" + first + "\" before the first tree");
                }
                treeStart = splits.size();
                roots.add(treeStart);
                continue;
            }
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!s.equals(first)) {
                    throw new IllegalArgumentException(where + "expected \"" + first + "\", got \"" + s + "\"");
                }
                header = true;
                continue;
            }
            if (treeStart < 0) {
                throw new IllegalArgumentException(where + "a node before the first \"tree\" line");
            }
            String[] f = fields(s);
            int id = parseInt(f.length > 1 ? f[1] : "", "node number", where);
            if (id != splits.size() - treeStart) {
                throw new IllegalArgumentException(where + "node " + id + " out of order: expected node " + (splits.size() - treeStart));
            }
            if (f[0].equals("leaf") && f.length == 3) {
                splits.add(new int[] {LEAF, 0, 0});
                numbers.add(new double[] {parseFinite(f[2], "leaf value", where)});
            } else if (f[0].equals("split") && f.length == 6) {
                int k = schema.features().indexOf(f[2]);
                if (k < 0) {
                    throw new IllegalArgumentException(where + "unknown feature \"" + f[2] + "\" (see " + schema.featuresName() + ")");
                }
                double t = parseFinite(f[3], "threshold", where);
                int l = parseInt(f[4], "left child", where);
                int r = parseInt(f[5], "right child", where);
                if (l <= id || r <= id || l == r) {
                    throw new IllegalArgumentException(where + "the children of node " + id + " must be two nodes numbered above it, got "
                            + l + " and " + r);
                }
                splits.add(new int[] {k, treeStart + l, treeStart + r});
                numbers.add(new double[] {t});
            } else {
                throw new IllegalArgumentException(where + "expected \"leaf ID VALUE\" or \"split ID FEATURE THRESHOLD LEFT RIGHT\", got \""
                        + s + "\"");
            }
        }
        if (!header) {
            throw new IllegalArgumentException(source + ": empty, expected \"" + first + "\"");
        }
        int n = splits.size();
        int[] feature = new int[n];
        double[] threshold = new double[n];
        int[] left = new int[n];
        int[] right = new int[n];
        double[] value = new double[n];
        for (int i = 0; i < n; i++) {
            feature[i] = splits.get(i)[0];
            if (feature[i] == LEAF) {
                value[i] = numbers.get(i)[0];
            } else {
                threshold[i] = numbers.get(i)[0];
                left[i] = splits.get(i)[1];
                right[i] = splits.get(i)[2];
            }
        }
        return new FindingTrees(schema, roots.stream().mapToInt(Integer::intValue).toArray(), feature, threshold, left, right, value);
    }

    /** Every node of the tree from {@code start} on is the child of exactly one split of it, and every child exists. */
    private static void checkTree(List<int[]> splits, int start, Where where) {
        int n = splits.size() - start;
        if (n == 0) {
            throw new IllegalArgumentException(where + "a tree without nodes ends here");
        }
        int[] parents = new int[n];
        for (int i = 0; i < n; i++) {
            int[] s = splits.get(start + i);
            if (s[0] == LEAF) {
                continue;
            }
            for (int c : new int[] {s[1] - start, s[2] - start}) {
                if (c >= n) {
                    throw new IllegalArgumentException(where + "the tree ending here has " + n + " nodes, but node " + i
                            + " names child " + c);
                }
                parents[c]++;
            }
        }
        for (int i = 1; i < n; i++) {
            if (parents[i] != 1) {
                throw new IllegalArgumentException(where + "node " + i + " of the tree ending here is the child of " + parents[i]
                        + " splits, not one");
            }
        }
    }

    /**
     * The source and line an error names ({@code "SOURCE line N: "}). Not a String made for every line: reading the
     * trees is part of a cold start's first check, where a regex split and a string concatenation per line took
     * ~0.2 s of the ~0.3 s.
     */
    private static final class Where {
        private final String source;
        private int number;

        Where(String source) {
            this.source = source;
        }

        @Override
        public String toString() {
            return source + " line " + number + ": ";
        }
    }

    /** The whitespace-separated fields of a stripped line (as {@code split("\\s+")}, without a regex). */
    private static String[] fields(String s) {
        List<String> out = new ArrayList<>(6);
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int j = i;
            while (j < s.length() && !Character.isWhitespace(s.charAt(j))) {
                j++;
            }
            if (j > i) {
                out.add(s.substring(i, j));
            }
            i = j;
        }
        return out.toArray(new String[0]);
    }

    private static int parseInt(String s, String what, Where where) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "bad " + what + " \"" + s + "\"");
        }
    }

    private static double parseFinite(String s, String what, Where where) {
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "bad " + what + " \"" + s + "\"");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(where + "the " + what + " must be finite, got " + s);
        }
        return v;
    }

    /** The file format of these trees, which {@link #read} reads back to equal trees ({@code comment} lines first, may be empty). */
    public String write(String comment) {
        Nodes all = loaded();
        int[] roots = all.roots();
        int[] feature = all.feature();
        double[] threshold = all.threshold();
        int[] left = all.left();
        int[] right = all.right();
        double[] value = all.value();
        StringBuilder out = new StringBuilder();
        out.append(schema.header()).append('\n');
        for (String c : comment.lines().toList()) {
            out.append("# ").append(c).append('\n');
        }
        for (int t = 0; t < roots.length; t++) {
            int start = roots[t];
            int end = t + 1 < roots.length ? roots[t + 1] : feature.length;
            out.append("tree\n");
            for (int i = start; i < end; i++) {
                if (feature[i] == LEAF) {
                    out.append("leaf ").append(i - start).append(' ').append(value[i]).append('\n');
                } else {
                    out.append(String.format(Locale.ROOT, "split %d %s %s %d %d\n", i - start, schema.features().get(feature[i]),
                            Double.toString(threshold[i]), left[i] - start, right[i] - start));
                }
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FindingTrees other)) {
            return false;
        }
        Nodes a = loaded();
        Nodes b = other.loaded();
        return schema.equals(other.schema) && Arrays.equals(a.roots(), b.roots()) && Arrays.equals(a.feature(), b.feature())
                && Arrays.equals(a.threshold(), b.threshold()) && Arrays.equals(a.left(), b.left())
                && Arrays.equals(a.right(), b.right()) && Arrays.equals(a.value(), b.value());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(loaded().feature()) * 31 + Arrays.hashCode(loaded().value());
    }

    @Override
    public String toString() {
        return "FindingTrees[" + size() + " trees, " + nodes() + " nodes]";
    }
}
