package org.despin.lexicon;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link TermTable} in plain arrays: sorted words, and the terms' word ids in one array with an
 * offset per term. Terms are sorted by their word ids, which (words being sorted) is the order of
 * their texts word by word.
 */
final class ArrayTermTable implements TermTable {
    private final String[] words;
    private final Map<String, Integer> ids;
    /** Term t is termWords[start[t] .. start[t+1]). */
    private final int[] start;
    private final int[] termWords;
    /** Per word id: first term starting with it; firstTerm[w+1] ends the range. */
    private final int[] firstTerm;
    /** Observed forms of the links, sorted (String order); links of key k are links[keyStart[k] .. keyStart[k+1]). */
    private final String[] keys;
    private final int[] keyStart;
    /** Packed links (word id | tier << 24), sorted by word id within a key. */
    private final int[] links;
    /** Per word id: its fan-out ({@link TermTable#linkCount}). */
    private final int[] fanOut;
    private final TermRegister register;
    /** The first two words of the multi-word keys ({@link #mayStartObserved}); null when no key has two words. */
    private final PairFilter keyPairs;

    ArrayTermTable(String[] words, int[] start, int[] termWords) {
        this(words, start, termWords, new String[0], new int[] {0}, new int[0], new int[words.length]);
    }

    ArrayTermTable(String[] words, int[] start, int[] termWords, String[] keys, int[] keyStart, int[] links,
            int[] fanOut) {
        this(words, start, termWords, keys, keyStart, links, fanOut, TermRegister.NONE);
    }

    ArrayTermTable(String[] words, int[] start, int[] termWords, String[] keys, int[] keyStart, int[] links,
            int[] fanOut, TermRegister register) {
        this.register = register;
        this.words = words;
        this.start = start;
        this.termWords = termWords;
        this.keys = keys;
        this.keyStart = keyStart;
        this.links = links;
        this.fanOut = fanOut;
        int multi = 0;
        for (String key : keys) {
            multi += key.indexOf(' ') >= 0 ? 1 : 0;
        }
        PairFilter pairs = multi == 0 ? null : new PairFilter(multi);
        for (int k = 0; k < keys.length && pairs != null; k++) {
            pairs.addKey(keys[k]);
        }
        this.keyPairs = pairs;
        this.ids = new HashMap<>(words.length * 2);
        for (int i = 0; i < words.length; i++) {
            ids.put(words[i], i);
        }
        int terms = start.length - 1;
        this.firstTerm = new int[words.length + 1];
        int t = 0;
        for (int w = 0; w <= words.length; w++) {
            while (t < terms && termWords[start[t]] < w) {
                t++;
            }
            firstTerm[w] = t;
        }
    }

    static ArrayTermTable of(Collection<String> terms, TermLinks termLinks) {
        TreeSet<String> wordSet = new TreeSet<>();
        for (String term : terms) {
            String[] w = term.split(" ");
            if (w.length < 2 || w.length > MAX_WORDS || term.contains("  ") || term.isBlank()) {
                throw new IllegalArgumentException("a term has 2-" + MAX_WORDS + " words: '" + term + "'");
            }
            wordSet.addAll(Arrays.asList(w));
        }
        String[] words = wordSet.toArray(new String[0]);
        int[][] coded = terms.stream().distinct().map(term -> {
            String[] w = term.split(" ");
            int[] c = new int[w.length];
            for (int k = 0; k < w.length; k++) {
                c[k] = Arrays.binarySearch(words, w[k]);
            }
            return c;
        }).sorted(Arrays::compare).toArray(int[][]::new);
        int[] start = new int[coded.length + 1];
        int total = 0;
        for (int t = 0; t < coded.length; t++) {
            start[t] = total;
            total += coded[t].length;
        }
        start[coded.length] = total;
        int[] termWords = new int[total];
        for (int t = 0; t < coded.length; t++) {
            System.arraycopy(coded[t], 0, termWords, start[t], coded[t].length);
        }
        return withLinks(words, start, termWords, termLinks);
    }

    private static ArrayTermTable withLinks(String[] words, int[] start, int[] termWords, TermLinks termLinks) {
        TreeMap<String, int[]> byKey = new TreeMap<>();
        for (Map.Entry<String, Map<String, Integer>> e : termLinks.observed().entrySet()) {
            String key = e.getKey();
            int n = key.split(" ").length;
            if (key.isBlank() || key.contains("  ") || n > TermLinks.MAX_OBSERVED_WORDS) {
                throw new IllegalArgumentException("an observed form has 1-" + TermLinks.MAX_OBSERVED_WORDS
                        + " words: '" + key + "'");
            }
            int[] packed = e.getValue().entrySet().stream().filter(x -> Arrays.binarySearch(words, x.getKey()) >= 0)
                    .mapToInt(x -> {
                        int tier = x.getValue();
                        if (tier < TermTable.SYNONYM || tier > TermTable.RELATED) {
                            throw new IllegalArgumentException("bad link tier " + tier);
                        }
                        return Arrays.binarySearch(words, x.getKey()) | tier << 24;
                    }).boxed().sorted(java.util.Comparator.comparingInt(TermTable::linkWord))
                    .mapToInt(Integer::intValue).toArray();
            if (packed.length > 0) {
                byKey.put(key, packed);
            }
        }
        String[] keys = byKey.keySet().toArray(new String[0]);
        int[] keyStart = new int[keys.length + 1];
        int total = 0;
        int k = 0;
        for (int[] p : byKey.values()) {
            keyStart[k++] = total;
            total += p.length;
        }
        keyStart[keys.length] = total;
        int[] links = new int[total];
        k = 0;
        for (int[] p : byKey.values()) {
            System.arraycopy(p, 0, links, keyStart[k++], p.length);
        }
        int[] fanOut = new int[words.length];
        for (int w = 0; w < words.length; w++) {
            fanOut[w] = termLinks.fanOut().getOrDefault(words[w], 0);
        }
        return new ArrayTermTable(words, start, termWords, keys, keyStart, links, fanOut);
    }

    String[] keys() {
        return keys;
    }

    @Override
    public TermRegister register() {
        return register;
    }

    @Override
    public TermTable withoutGated() {
        if (!register.hasGated()) {
            return this;
        }
        int terms = size();
        boolean[] usedWord = new boolean[words.length];
        int keptTerms = 0;
        int keptTermWords = 0;
        for (int t = 0; t < terms; t++) {
            if (!register.gated(t)) {
                keptTerms++;
                keptTermWords += start[t + 1] - start[t];
                for (int p = start[t]; p < start[t + 1]; p++) {
                    usedWord[termWords[p]] = true;
                }
            }
        }
        int[] newId = new int[words.length];
        int kept = 0;
        for (int w = 0; w < words.length; w++) {
            newId[w] = usedWord[w] ? kept++ : -1;
        }
        String[] newWords = new String[kept];
        int[] newFanOut = new int[kept];
        for (int w = 0; w < words.length; w++) {
            if (usedWord[w]) {
                newWords[newId[w]] = words[w];
                newFanOut[newId[w]] = fanOut[w];
            }
        }
        int[] newStart = new int[keptTerms + 1];
        int[] newTermWords = new int[keptTermWords];
        int k = 0;
        int p = 0;
        for (int t = 0; t < terms; t++) {
            if (!register.gated(t)) {
                newStart[k++] = p;
                for (int q = start[t]; q < start[t + 1]; q++) {
                    newTermWords[p++] = newId[termWords[q]];
                }
            }
        }
        newStart[keptTerms] = p;
        // links to words no kept term uses are dropped, and keys left without links (as TermTable.of does)
        java.util.List<String> newKeys = new java.util.ArrayList<>();
        int[] newKeyStart = new int[keys.length + 1];
        int[] newLinks = new int[links.length];
        int l = 0;
        for (int key = 0; key < keys.length; key++) {
            int before = l;
            for (int q = keyStart[key]; q < keyStart[key + 1]; q++) {
                int w = newId[TermTable.linkWord(links[q])];
                if (w >= 0) {
                    newLinks[l++] = w | TermTable.linkTier(links[q]) << 24;
                }
            }
            if (l > before) {
                newKeyStart[newKeys.size()] = before;
                newKeys.add(keys[key]);
            }
        }
        newKeyStart[newKeys.size()] = l;
        return new ArrayTermTable(newWords, newStart, newTermWords, newKeys.toArray(new String[0]),
                Arrays.copyOf(newKeyStart, newKeys.size() + 1), Arrays.copyOf(newLinks, l), newFanOut);
    }

    @Override
    public TermTable withRegister(TermRegister r) {
        int[] g = r.gatedTerms();
        if (g.length > 0 && (g[0] < 0 || g[g.length - 1] >= size())) {
            throw new IllegalArgumentException("gated term ids outside the table's " + size() + " terms");
        }
        return new ArrayTermTable(words, start, termWords, keys, keyStart, links, fanOut, r);
    }

    int[] keyStarts() {
        return keyStart;
    }

    int[] links() {
        return links;
    }

    int[] fanOuts() {
        return fanOut;
    }

    @Override
    public int[] reach(String observed) {
        int k = Arrays.binarySearch(keys, observed);
        return k < 0 ? TermLinks.EMPTY : Arrays.copyOfRange(links, keyStart[k], keyStart[k + 1]);
    }

    @Override
    public boolean mayStartObserved(String first, String second) {
        return keyPairs == null || keyPairs.mayHold(first, second);
    }

    @Override
    public boolean hasLinks() {
        return keys.length > 0;
    }

    @Override
    public int linkCount(int wordId) {
        return fanOut[wordId];
    }

    /** The words, sorted; for writing. */
    String[] words() {
        return words;
    }

    int[] starts() {
        return start;
    }

    int[] termWords() {
        return termWords;
    }

    @Override
    public int size() {
        return start.length - 1;
    }

    @Override
    public int wordCount() {
        return words.length;
    }

    @Override
    public int wordId(String word) {
        Integer id = ids.get(word);
        return id == null ? -1 : id;
    }

    @Override
    public String wordText(int wordId) {
        return words[wordId];
    }

    @Override
    public int firstStartingWith(int wordId) {
        return firstTerm[wordId];
    }

    @Override
    public int endStartingWith(int wordId) {
        return firstTerm[wordId + 1];
    }

    @Override
    public int length(int term) {
        return start[term + 1] - start[term];
    }

    @Override
    public int word(int term, int k) {
        return termWords[start[term] + k];
    }

    @Override
    public int find(int[] wordIds, int from, int to) {
        if (to - from < 1 || wordIds[from] < 0 || wordIds[from] >= words.length) {
            return -1;
        }
        for (int t = firstStartingWith(wordIds[from]); t < endStartingWith(wordIds[from]); t++) {
            if (Arrays.equals(termWords, start[t], start[t + 1], wordIds, from, to)) {
                return t;
            }
        }
        return -1;
    }
}
