package org.despin.data.spin;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.despin.data.DataPaths;
import org.despin.spin.*;

public class SpinTry {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        SpinThesaurus t = args[1].equals("moby") ? MobySpinThesaurus.load(new DataPaths(DataPaths.defaultCache())) : MyThesThesaurus.load(DataPaths.defaultCache());
        System.err.println("load ms " + (System.nanoTime() - t0) / 1e6);
        String text = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        Spinner s = new Spinner(t, SpinOptions.of(Double.parseDouble(args[2]), Long.parseLong(args[3])));
        SpinResult r = s.spin(text);
        System.out.println(r.spunText());
        for (Edit e : r.edits()) System.out.println(e.original() + " -> " + e.spun());
        System.out.println(r.edits().size() + " edits of " + s.eligibleWords(text) + " eligible");
    }
}
