package org.despin.detect;

import java.nio.file.Path;
import java.util.Locale;
import org.despin.model.Model;
import org.despin.model.Models;
import org.despin.text.Document;

/** Development probe: the term matches of each argument sentence, with their channel weights. Usage: TermProbe MODEL SENTENCE... */
final class TermProbe {
    private TermProbe() {
    }

    static float unigram(Model model, String word) {
        org.despin.lm.LmState a = model.lm().newState();
        model.lm().emptyContext(a);
        return model.lm().score(a, model.lm().vocabulary().id(word), model.lm().newState());
    }

    public static void main(String[] args) throws Exception {
        Model model = Models.load(Path.of(args[0]));
        TermCandidates terms = new TermCandidates(model.terms(), model.lexicon(), model.lm());
        for (int k = 1; k < args.length; k++) {
            Document doc = Document.parse(args[k]);
            LatticeBuilder.SentenceWords w = LatticeBuilder.SentenceWords.of(doc.tokens(), doc.sentences().get(0));
            for (TermCandidates.Match m : terms.matches(w)) {
                String obs = String.join(" ", java.util.Arrays.asList(w.normal).subList(m.from(), m.to()));
                StringBuilder uni = new StringBuilder();
                for (String x : obs.split(" ")) {
                    uni.append(String.format(Locale.ROOT, " %.1f", unigram(model, x)));
                }
                uni.append(" |");
                for (String x : m.candidate().original().split(" ")) {
                    uni.append(String.format(Locale.ROOT, " %.1f", unigram(model, x)));
                }
                System.out.printf(Locale.ROOT, "%-30s -> %-28s channel %6.2f intrinsic %6.2f unigrams%s%n", obs,
                        m.candidate().original(), m.candidate().candidate().logChannel(), m.candidate().intrinsicLog10(), uni);
                TermCandidates.ArcFacts facts = terms.facts(m, w);
                StringBuilder f = new StringBuilder();
                for (int x = 0; x < TermCandidates.ArcFacts.NAMES.size(); x++) {
                    f.append(String.format(Locale.ROOT, " %s=%.2f", TermCandidates.ArcFacts.NAMES.get(x), facts.values()[x]));
                }
                System.out.printf(Locale.ROOT, "    term evidence %.2f (gate %.2f):%s%n", TermEvidence.DEFAULTS.score(facts),
                        DetectorSettings.DEFAULTS.termGate(), f);
            }
        }
    }
}
