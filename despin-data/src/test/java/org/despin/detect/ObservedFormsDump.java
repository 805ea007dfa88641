package org.despin.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.despin.data.DataPaths;
import org.despin.model.Model;
import org.despin.model.Models;

/**
 * Branch {@code forms28}: appends {@link ObservedForms}' two features ({@code formShare}, {@code production}) to a
 * {@code fitfindings -DfindingDump} file, row for row with its {@code -DfindingStudy} file (the candidate's observed
 * text's word tokens, normalised, as the lattice joins them; word arcs only, 0 for the other kinds), read with the fold LM
 * ({@code -DfoldLm}) as the dump's other features were. {@code java -cp $CP -DfoldLm=F org.despin.detect.ObservedFormsDump
 * MODEL STUDY.tsv DUMP.tsv OUT.tsv}
 */
public final class ObservedFormsDump {
    public static void main(String[] args) throws Exception {
        Model model = Models.load(Path.of(args[0]));
        Model fit = FoldModel.forFitting(model, new DataPaths(DataPaths.defaultCache()));
        ObservedForms forms = new ObservedForms(fit.lm(), fit.lexicon());
        List<String> study = Files.readAllLines(Path.of(args[1]));
        List<String> dump = Files.readAllLines(Path.of(args[2]));
        if (study.size() != dump.size()) {
            throw new IllegalStateException("study " + study.size() + " rows, dump " + dump.size());
        }
        List<String> out = new ArrayList<>(dump.size());
        out.add(dump.get(0) + "\tformShare\tproduction\tproductionMax\tobservedLinks");
        for (int i = 1; i < dump.size(); i++) {
            String[] s = study.get(i).split("\t", -1);
            double[] v = new double[4];
            if (s[7].equals("WORD")) {
                StringBuilder span = new StringBuilder(); // the lattice's observed words: word tokens, normalised
                for (org.despin.text.Token t : org.despin.text.Document.parse(s[4]).tokens()) {
                    if (t.isWord()) {
                        span.append(span.length() == 0 ? "" : " ").append(t.normal());
                    }
                }
                v = forms.of(span.length() > 0 ? span.toString()
                        : org.despin.text.Normalizer.lmForm(s[4].trim())); // a number: one token of its own type
            }
            out.add(dump.get(i) + String.format(Locale.ROOT, "\t%.4f\t%.4f\t%.4f\t%.4f", v[0], v[1], v[2], v[3]));
        }
        Files.write(Path.of(args[3]), out);
    }
}
