package org.despin.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A manual check that a huge input is processed in bounded memory: runs the command line with
 * the stand-in detector. Not a test; run it with a small heap, e.g.
 * {@code java -Xmx128m -cp <test classpath> org.despin.cli.BigInputRun check --format json big.txt > /dev/null}.
 */
public final class BigInputRun {
    private BigInputRun() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = Main.run(new CliEnvironment(System.in, out, err, System.getenv(), false, FakeChecker.FACTORY), args);
        System.exit(code);
    }
}
