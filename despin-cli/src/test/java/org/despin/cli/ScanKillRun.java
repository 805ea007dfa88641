package org.despin.cli;

import java.io.ByteArrayInputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A separate JVM for the kill test: {@code despin scan} with the stand-in detector slowed down,
 * so that the test can kill it (SIGKILL) in the middle of the run.
 */
final class ScanKillRun {
    private ScanKillRun() {
    }

    public static void main(String[] args) {
        CliEnvironment.CheckerFactory slow = model -> (text, options) -> {
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new FakeChecker().check(text, options);
        };
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        CliEnvironment env = new CliEnvironment(new ByteArrayInputStream(new byte[0]), out, out,
                Map.of("DESPIN_MODEL", "test.dspm"), false, slow);
        System.exit(Main.run(env, args));
    }
}
