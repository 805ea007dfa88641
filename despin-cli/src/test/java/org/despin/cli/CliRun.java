package org.despin.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Runs the command line in-process with captured streams. */
final class CliRun {
    final int exitCode;
    final String out;
    final String err;

    private CliRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static Builder with(CliEnvironment.CheckerFactory checkers) {
        return new Builder(checkers);
    }

    static final class Builder {
        private final CliEnvironment.CheckerFactory checkers;
        private final Map<String, String> env = new HashMap<>();
        private InputStream stdin = new ByteArrayInputStream(new byte[0]);
        private boolean terminal;

        Builder(CliEnvironment.CheckerFactory checkers) {
            this.checkers = checkers;
            env.put("DESPIN_MODEL", "test.dspm");
        }

        Builder env(String key, String value) {
            if (value == null) {
                env.remove(key);
            } else {
                env.put(key, value);
            }
            return this;
        }

        Builder stdin(String text) {
            return stdin(text.getBytes(StandardCharsets.UTF_8));
        }

        Builder stdin(byte[] bytes) {
            this.stdin = new ByteArrayInputStream(bytes);
            return this;
        }

        Builder closedStdin() {
            this.stdin = null;
            return this;
        }

        Builder terminal() {
            this.terminal = true;
            return this;
        }

        CliRun run(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CliEnvironment e = new CliEnvironment(stdin, new PrintWriter(out), new PrintWriter(err), Map.copyOf(env), terminal,
                    checkers);
            int code = Main.run(e, args);
            return new CliRun(code, out.toString(), err.toString());
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
