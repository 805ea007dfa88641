package org.despin.data.lexicon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.despin.data.DataPaths;
import org.despin.lexicon.ChannelWeights;
import org.despin.lexicon.Lexicon;
import org.despin.lexicon.LexiconData;
import org.despin.model.Model;
import org.despin.model.Models;
import org.despin.text.Document;
import org.despin.text.Token;
import org.despin.text.TokenType;

/**
 * The "not a candidate" edits of an {@code errors N -Dverbose=true} listing split by why: the first
 * WordNet relation that joins the observed word and the original (any sense), the per-key limit, a
 * multi-word key, an inserted "X and Y" whose Y is not linked to X, re-inflection. Reads the
 * listing's EDIT lines only (the spinner's words), never the spinner's thesaurus. A development tool.
 *
 * <pre>
 *   java -cp ... org.despin.data.lexicon.CoverageClasses MODEL ERRORS.txt [-Dexamples=N]
 * </pre>
 */
public final class CoverageClasses {
    private static final Pattern EDIT = Pattern.compile("^EDIT (.*?) <- (.*?) : .*not a candidate.*$");

    private final List<WordNetReader.Synset> synsets = new ArrayList<>();
    private final Map<String, Integer> byPlace = new HashMap<>();
    private final Map<String, List<Integer>> byLemma = new HashMap<>();

    private CoverageClasses() throws Exception {
        WordNetReader.readAll(s -> {
            int id = synsets.size();
            byPlace.put(s.pos() + s.offset(), id);
            synsets.add(s);
            for (String l : s.lemmas()) {
                byLemma.computeIfAbsent(l, k -> new ArrayList<>()).add(id);
            }
        });
    }

    private List<Integer> targets(int s, String symbol) {
        List<Integer> out = new ArrayList<>();
        for (WordNetReader.Pointer p : synsets.get(s).pointers()) {
            if (p.symbol().equals(symbol)) {
                Integer t = byPlace.get(p.pos() + p.offset());
                if (t != null) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** The relations (pointer symbols, or paths of two) from a synset of the original to one holding the observed lemma. */
    Set<String> relations(String observed, String original) {
        Set<String> out = new HashSet<>();
        Set<Integer> obs = new HashSet<>(byLemma.getOrDefault(observed, List.of()));
        if (obs.isEmpty()) {
            return out;
        }
        for (int s : byLemma.getOrDefault(original, List.of())) {
            if (obs.contains(s)) {
                out.add("same synset");
            }
            for (WordNetReader.Pointer p : synsets.get(s).pointers()) {
                Integer t = byPlace.get(p.pos() + p.offset());
                if (t != null && obs.contains(t)) {
                    out.add(p.symbol());
                }
            }
            for (String up : List.of("@", "@i")) {
                for (int h : targets(s, up)) {
                    for (int h2 : targets(h, "@")) {
                        if (obs.contains(h2)) {
                            out.add("@@");
                        }
                    }
                    for (String down : List.of("~", "~i")) {
                        for (int sister : targets(h, down)) {
                            if (sister != s && obs.contains(sister)) {
                                out.add("sister");
                            }
                        }
                    }
                }
            }
            for (int d : targets(s, "~")) {
                for (int d2 : targets(d, "~")) {
                    if (obs.contains(d2)) {
                        out.add("~~");
                    }
                }
            }
            // similar/also-see of a synonym set one hop on, derivation of a synonym
            for (int d : targets(s, "+")) {
                for (int h : targets(d, "@")) {
                    if (obs.contains(h)) {
                        out.add("+@");
                    }
                }
            }
        }
        return out;
    }

    private static final List<String> ORDER = List.of("same synset", "@", "@i", "~", "~i", "&", "^", "$", "*", ">", "+",
            "\\", "=", "<", "@@", "~~", "sister", "+@", "#m", "#p", "#s", "%m", "%p", "%s", ";c", "-c", ";r", "-r", ";u",
            "-u");

    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("same synset", "same synset"),
            Map.entry("@", "hypernym (observed generic; GENERIC)"), Map.entry("@i", "instance hypernym (observed generic)"),
            Map.entry("~", "hyponym (observed specific)"), Map.entry("~i", "instance hyponym (observed specific)"),
            Map.entry("&", "similar-to"), Map.entry("^", "also-see"), Map.entry("$", "verb group"),
            Map.entry("*", "entailment"), Map.entry(">", "cause"), Map.entry("+", "derivation"),
            Map.entry("\\", "pertainym"), Map.entry("=", "attribute"), Map.entry("<", "participle"),
            Map.entry("@@", "hypernym of hypernym (observed two up)"), Map.entry("~~", "hyponym of hyponym"),
            Map.entry("sister", "sister (shared hypernym)"), Map.entry("+@", "hypernym of a derivation"));

    private static String first(Set<String> rels) {
        for (String r : ORDER) {
            if (rels.contains(r)) {
                return NAMES.getOrDefault(r, "WordNet " + r);
            }
        }
        return rels.isEmpty() ? null : "WordNet " + rels.iterator().next();
    }

    private Set<String> lemmaRelations(LexiconProbe probe, String spun, String orig) {
        Set<String> rels = new HashSet<>();
        for (String a : probe.lemmas(spun)) {
            for (String b : probe.lemmas(orig)) {
                rels.addAll(relations(a, b));
            }
        }
        return rels;
    }

    public static void main(String[] args) throws Exception {
        Model model = Models.load(Path.of(args[0]));
        int examples = Integer.getInteger("examples", 12);
        Lexicon lexicon = model.lexicon();
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        Path moby = paths.npmPackage(org.despin.data.DataPaths.MOBY).resolve("words.txt");
        LexiconProbe probe = new LexiconProbe(moby);
        CoverageClasses wn = new CoverageClasses();
        record Miss(String spun, String orig, String spunText, String origText, String line) {
        }
        List<Miss> misses = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            Matcher m = EDIT.matcher(line);
            if (m.matches()) {
                misses.add(new Miss(normal(m.group(1)), normal(m.group(2)), m.group(1), m.group(2), line));
            }
        }
        Set<String> lemmas = new HashSet<>();
        for (Miss m : misses) {
            lemmas.addAll(probe.lemmas(m.spun()));
        }
        LexiconBuilder.Limits d = LexiconBuilder.Limits.DEFAULT;
        LexiconData unlimited = probe.build(lemmas::contains, new LexiconBuilder.Limits(1_000_000, d.twoHopWhenFewerThan(),
                d.maxTwoHop(), d.commonnessWeight()));
        Lexicon all = unlimited.toLexicon(ChannelWeights.DEFAULT);
        Map<String, List<String>> classes = new LinkedHashMap<>();
        Map<String, Integer> relCounts = new TreeMap<>();
        Map<String, Integer> cutBy = new TreeMap<>();
        for (Miss m : misses) {
            String why = wn.classify(m.spun(), m.orig(), m.spunText(), m.origText(), probe, all, lexicon);
            String kind = m.line().contains("flagged, wrong") ? " [W]" : "";
            String detail = "";
            if (why.endsWith("cut by the per-key limit") && !why.contains("insertion")) {
                var links = all.candidates(m.spun());
                var f = links.stream().filter(c -> c.original().equals(m.orig())).findFirst().orElseThrow();
                long syn = links.stream().filter(x -> !x.source().startsWith("wordnet-")).count();
                int rank = 0;
                for (var c : links) {
                    rank += c.source().equals(f.source()) && c.logChannel() > f.logChannel() ? 1 : 0;
                }
                detail = " (" + f.source() + (f.hops() == 2 ? " 2-hop" : "") + ", " + syn + " syn of " + links.size()
                        + ", channel rank " + rank + ")";
                cutBy.merge(f.source() + (f.hops() == 2 ? " 2-hop" : "") + (syn >= d.maxCandidates() ? ", synonyms fill the limit" : ", " + (links.size() <= 300 ? "<=300" : links.size() <= 600 ? "<=600" : ">600")), 1, Integer::sum);
            }
            classes.computeIfAbsent(why, k -> new ArrayList<>()).add(m.spun() + " <- " + m.orig() + kind + detail);
            for (String r : wn.lemmaRelations(probe, m.spun(), m.orig())) {
                relCounts.merge(NAMES.getOrDefault(r, "WordNet " + r), 1, Integer::sum);
            }
        }
        System.out.printf(Locale.ROOT, "%d 'not a candidate' edits ([W] = flagged with a wrong reading)%n", misses.size());
        classes.entrySet().stream().sorted((x, y) -> Integer.compare(y.getValue().size(), x.getValue().size()))
                .forEach(c -> System.out.printf(Locale.ROOT, "%5d  %s: %s%n", c.getValue().size(), c.getKey(),
                        String.join("; ", c.getValue().subList(0, Math.min(examples, c.getValue().size())))));
        for (String rs : System.getProperty("probe.maxRelated", "").split(",")) {
            if (rs.isBlank()) {
                continue;
            }
            int r = Integer.parseInt(rs.trim());
            Lexicon withRelated = probe.build(lemmas::contains, new LexiconBuilder.Limits(d.maxCandidates(),
                    d.twoHopWhenFewerThan(), d.maxTwoHop(), d.commonnessWeight(), r)).toLexicon(ChannelWeights.DEFAULT);
            Lexicon before = probe.build(lemmas::contains, new LexiconBuilder.Limits(d.maxCandidates(),
                    d.twoHopWhenFewerThan(), d.maxTwoHop(), d.commonnessWeight(), 0)).toLexicon(ChannelWeights.DEFAULT);
            int now = 0;
            int was = 0;
            long keys = 0;
            long linksBefore = 0;
            long linksAfter = 0;
            for (Miss m : misses) {
                now += covered(withRelated, m.spun(), m.orig()) ? 1 : 0;
                was += covered(before, m.spun(), m.orig()) ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "maxRelated %d: %d of %d covered (limit 150 with none: %d)%n", r, now,
                    misses.size(), was);
        }
        System.out.println("cut by the limit, by the link's source:");
        cutBy.forEach((k, v) -> System.out.printf(Locale.ROOT, "%5d  %s%n", v, k));
        System.out.println("any relation (an edit may count under several):");
        relCounts.forEach((k, v) -> System.out.printf(Locale.ROOT, "%5d  %s%n", v, k));
    }

    String classify(String spun, String orig, String spunText, String origText, LexiconProbe probe, Lexicon unlimited,
            Lexicon lexicon) {
        String prefix = spunText.indexOf('-') >= 0 || origText.indexOf('-') >= 0 ? "hyphen: "
                : !spunText.equals(spunText.toLowerCase(Locale.ROOT)) ? "capitalised: " : "";
        if (spun.isEmpty() || orig.isEmpty()) {
            return prefix + "no words on one side";
        }
        int and = spun.indexOf(" and ");
        if (and > 0 && spun.substring(0, and).equals(orig)) {
            String y = spun.substring(and + 5);
            boolean linked = lexicon.candidates(orig).stream().anyMatch(k -> k.original().equals(y))
                    || lexicon.candidates(y).stream().anyMatch(k -> k.original().equals(orig));
            if (linked) {
                return prefix + "insertion 'X and Y', Y linked to X (other cause)";
            }
            String r = first(lemmaRelations(probe, y, orig));
            if (r == null) {
                r = first(lemmaRelations(probe, orig, y));
                r = r == null ? null : r + " (reversed)";
            }
            boolean cut = covered(unlimited, y, orig);
            return prefix + "insertion 'X and Y', Y not linked to X: " + (cut ? "cut by the per-key limit"
                    : r != null ? r : probe.twoHops(y, orig) ? "two hops" : y.indexOf(' ') >= 0 ? "multi-word Y" : "none");
        }
        if (covered(unlimited, spun, orig)) {
            return prefix + "cut by the per-key limit";
        }
        for (String a : probe.lemmas(spun)) {
            for (String b : probe.lemmas(orig)) {
                int f = probe.oneHop(a, b);
                if (f >= 0) {
                    return prefix + "lemmas linked, form lost (re-inflection)";
                }
            }
        }
        boolean multi = spun.indexOf(' ') >= 0 || orig.indexOf(' ') >= 0;
        String kind = multi ? "multi-word " + (lexicon.candidates(spun).isEmpty() ? "(observed no key) " : "") : "";
        String r = first(lemmaRelations(probe, spun, orig));
        if (r != null) {
            return prefix + kind + r;
        }
        boolean two = false;
        for (String a : probe.lemmas(spun)) {
            for (String b : probe.lemmas(orig)) {
                two |= probe.twoHops(a, b);
            }
        }
        if (two) {
            return prefix + kind + "two synonym hops, not added";
        }
        return prefix + kind + "not linked" + (probe.degree(spun) == 0 && lexicon.candidates(spun).isEmpty()
                ? " (observed unknown)" : "");
    }

    static boolean covered(Lexicon lexicon, String spun, String orig) {
        return lexicon.candidates(spun).stream().anyMatch(k -> k.original().equals(orig));
    }

    static String normal(String text) {
        return String.join(" ", Document.parse(text).tokens().stream().filter(t -> t.type() == TokenType.WORD)
                .map(Token::normal).toList());
    }
}
