package org.despin.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.despin.data.DataPaths;
import org.despin.data.lexicon.LexiconBuilder;
import org.despin.data.lexicon.LexiconProbe;
import org.despin.lexicon.Lexicon;
import org.despin.lexicon.LexiconData;
import org.despin.lexicon.ChannelWeights;
import org.despin.model.Model;
import org.despin.model.Models;
import org.despin.spin.Edit;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Spinner;
import org.despin.text.Document;
import org.despin.text.Token;
import org.despin.text.TokenType;

/**
 * Why spinner edits have no candidate: classifies every edit of the held-out spun-0.3 passages of
 * {@link DetectorEvaluation#spun} (same passages and seeds) by the first reason that applies. It
 * reads the spinner's edits only to count them (the fixes must not read the spinner's thesaurus).
 *
 * <pre>
 *   java -cp ... org.despin.detect.CoverageDiagnostic MODEL [passages] [-Dspinner=moby] [-Dexamples=N]
 * </pre>
 */
public final class CoverageDiagnostic {
    private CoverageDiagnostic() {
    }

    public static void main(String[] args) throws Exception {
        Model model = Models.load(Path.of(args[0]));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int examples = Integer.getInteger("examples", 8);
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        SpinThesaurus thesaurus = "moby".equals(System.getProperty("spinner"))
                ? org.despin.data.spin.SpinThesauri.load("moby", paths) : DevMyThes.load(paths.cache());
        DetectorSettings settings = DetectorEvaluation.settingsFromProperties(model);
        CandidateTable pool = new CandidateTable(model.lexicon(), model.lm(), settings);
        CandidateTable uncapped = new CandidateTable(model.lexicon(), model.lm(), settings.with().candidatePool(100_000).build());
        Path moby = paths.npmPackage(DataPaths.MOBY).resolve("words.txt");
        LexiconProbe probe = new LexiconProbe(moby);
        List<String> passages = DetectorEvaluation.passages(DetectorEvaluation.heldOutText(paths), 200, 300, n);

        record Miss(String spun, String original, String spunText, String originalText) {
        }
        List<Miss> misses = new ArrayList<>();
        Map<String, List<String>> classes = new LinkedHashMap<>();
        int edits = 0;
        int seed = 0;
        for (String p : passages) {
            SpinResult s = new Spinner(thesaurus, SpinOptions.of(0.3, ++seed)).spin(p);
            for (Edit e : s.edits()) {
                edits++;
                String spun = normal(e.spun());
                String orig = normal(e.original());
                if (covered(model.lexicon(), spun, orig)) {
                    boolean inPool = false;
                    for (PreparedCandidate c : pool.candidates(spun)) {
                        inPool |= c.original().equals(orig);
                    }
                    String why = inPool ? "covered, in the candidate pool"
                            : FunctionWords.onlyFunctionWords(orig) || FunctionWords.onlyFunctionWords(spun)
                                    ? "covered, dropped: function words"
                                    : CandidateTable.ids(model.lm().vocabulary(), orig) == null
                                            ? "covered, dropped: original unknown to the LM"
                                            : "covered, cut by candidatePool " + settings.candidatePool();
                    String detail = "";
                    if (why.startsWith("covered, cut")) {
                        PreparedCandidate[] all = uncapped.candidates(spun);
                        for (int r = 0; r < all.length; r++) {
                            if (all[r].original().equals(orig)) {
                                detail = String.format(Locale.ROOT, " (rank %d of %d, channel %.2f %s)", r, all.length,
                                        all[r].candidate().logChannel(), all[r].candidate().source());
                            }
                        }
                    }
                    classes.computeIfAbsent(why, k -> new ArrayList<>()).add(spun + " <- " + orig + detail);
                } else {
                    misses.add(new Miss(spun, orig, e.spun(), e.original()));
                }
            }
        }
        // the same lemmas built with no per-key limit: what the model's limit (metadata lexicon.limits) cuts
        Set<String> lemmas = new HashSet<>();
        for (Miss m : misses) {
            lemmas.addAll(probe.lemmas(m.spun()));
        }
        LexiconData unlimited = probe.build(lemmas::contains, new LexiconBuilder.Limits(1_000_000,
                LexiconBuilder.Limits.DEFAULT.twoHopWhenFewerThan(), LexiconBuilder.Limits.DEFAULT.maxTwoHop(),
                LexiconBuilder.Limits.DEFAULT.commonnessWeight()));
        Lexicon all = unlimited.toLexicon(ChannelWeights.DEFAULT);
        for (Miss m : misses) {
            classes.computeIfAbsent(classify(m.spun(), m.original(), m.spunText(), m.originalText(), probe, all,
                    model.lexicon()), k -> new ArrayList<>()).add(m.spun() + " <- " + m.original());
        }
        System.out.printf(Locale.ROOT, "%d passages, %d edits; lexicon limits %s%n", passages.size(), edits,
                model.info().metadata().get("lexicon.limits"));
        for (Map.Entry<String, List<String>> c : new TreeMap<>(classes).entrySet()) {
            List<String> ex = c.getValue();
            System.out.printf(Locale.ROOT, "%6d %5.1f %%  %s: %s%n", ex.size(), 100.0 * ex.size() / edits, c.getKey(),
                    String.join("; ", ex.subList(0, Math.min(examples, ex.size()))));
        }
    }

    static String classify(String spun, String orig, String spunText, String origText, LexiconProbe probe,
            Lexicon unlimited, Lexicon lexicon) {
        String prefix = spunText.indexOf('-') >= 0 || origText.indexOf('-') >= 0 ? "hyphen: "
                : !spunText.equals(spunText.toLowerCase(Locale.ROOT)) ? "capitalised: " : "";
        if (spun.isEmpty() || orig.isEmpty()) {
            return prefix + "no words on one side";
        }
        if (covered(unlimited, spun, orig)) {
            return prefix + "cut by the per-key limit";
        }
        boolean multi = spun.indexOf(' ') >= 0 || orig.indexOf(' ') >= 0;
        String kind = multi ? "multi-word " : "";
        int flags = -1;
        boolean two = false;
        int rel = 0;
        for (String a : probe.lemmas(spun)) {
            for (String b : probe.lemmas(orig)) {
                int f = probe.oneHop(a, b);
                flags = f >= 0 && (f & org.despin.lexicon.LinkFeatures.SYNONYM_FLAGS) != 0 ? f : flags;
                two |= probe.twoHops(a, b);
                rel |= probe.relation(a, b);
            }
        }
        if (flags >= 0) {
            return prefix + kind + "lemmas linked, form lost (re-inflection)" + (lexicon.candidates(spun).isEmpty() ? ", observed form no key" : "");
        }
        if ((rel & 1) != 0) {
            return prefix + kind + "WordNet similar-to / also-see";
        }
        if ((rel & 2) != 0) {
            return prefix + kind + "WordNet hypernym (observed is generic)";
        }
        if (two) {
            return prefix + kind + "two hops, not added";
        }
        return prefix + kind + "not linked" + (probe.degree(spun) == 0 && lexicon.candidates(spun).isEmpty() ? " (observed unknown)" : "");
    }

    static boolean covered(Lexicon lexicon, String spun, String orig) {
        return lexicon.candidates(spun).stream().anyMatch(k -> k.original().equals(orig));
    }

    static String normal(String text) {
        return String.join(" ", Document.parse(text).tokens().stream().filter(t -> t.type() == TokenType.WORD)
                .map(Token::normal).toList());
    }
}
