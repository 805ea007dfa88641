package org.despin.detect;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Scores a {@code fitfindings} dump ({@code -DfindingDump=FILE}) with SPUN's finding models, for offline simulations
 * of operating points (branch band29): writes document, train, onEdit, exact, spinScore (the routing score's logit)
 * and the log-odds (without the bias) of {@link FindingModel#spunWithNearTrees()} and
 * {@link FindingModel#spunWithWideTrees()}, one candidate a line.
 * <pre>java -cp $CP org.despin.detect.DumpScoring DUMP OUT</pre>
 */
public final class DumpScoring {
    private DumpScoring() {
    }

    public static void main(String[] args) throws IOException {
        FindingModel near = FindingModel.spunWithNearTrees();
        FindingModel wide = FindingModel.spunWithWideTrees();
        int spin = FindingModel.FEATURES.indexOf("spinScore");
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]));
             BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]))) {
            String[] head = in.readLine().split("\t");
            if (!java.util.Arrays.asList(head).subList(4, head.length).equals(FindingModel.FEATURES)) {
                throw new IllegalArgumentException(args[0] + ": the columns are not FindingModel.FEATURES");
            }
            out.write("document\ttrain\tonEdit\texact\tspinScore\tnear\twide\n");
            String line;
            double[] x = new double[FindingModel.SIZE];
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t");
                for (int k = 0; k < FindingModel.SIZE; k++) {
                    x[k] = Double.parseDouble(f[4 + k]);
                }
                out.write(String.format(Locale.ROOT, "%s\t%s\t%s\t%s\t%.5f\t%.5f\t%.5f%n", f[0], f[1], f[2], f[3], x[spin],
                        near.logOdds(x), wide.logOdds(x)));
            }
        }
    }
}
