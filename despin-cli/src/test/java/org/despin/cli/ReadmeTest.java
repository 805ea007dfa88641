package org.despin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.despin.data.DataPaths;
import org.despin.data.spin.MyThesThesaurus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's examples are tests. Every {@code ./despin} line of its {@code sh} blocks runs
 * in-process, in order, against the real detector over a tiny model (file arguments that exist in
 * the repository are read from there; other file names go to a temporary folder), and must
 * exit 0 unless its comment says {@code # exit: 0|1}. A line commented {@code # needs: X} runs
 * only in the full run ({@code -Ddespin.model}) when X is there (moby, mythes, default model: the
 * real one, given by {@code -Ddespin.model}); other needs (your own corpus, fetched data) are not run.
 * The Java example is compiled, and run when a real model is given ({@code -Ddespin.model}).
 */
class ReadmeTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path README = ROOT.resolve("README.md");
    private static final Pattern FILE = Pattern.compile("[\\w./~-]*\\.(txt|html|tsv|dspm|jsonl|json)");

    @TempDir
    static Path work;

    record Example(int line, String text, String command, String stdin, Set<Integer> exits, String needs) {
    }

    static List<String> blocks(String language) throws IOException {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : Files.readAllLines(README, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (current == null && t.equals("```" + language)) {
                current = new StringBuilder();
            } else if (current != null && t.equals("```")) {
                blocks.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return blocks;
    }

    static List<Example> shellExamples() throws IOException {
        List<Example> out = new ArrayList<>();
        int n = 0;
        for (String block : blocks("sh")) {
            for (String line : block.split("\n")) {
                n++;
                String code = line;
                String comment = "";
                int hash = line.indexOf("  #");
                if (hash >= 0) {
                    code = line.substring(0, hash).strip();
                    comment = line.substring(hash + 3).strip();
                }
                int despin = code.indexOf("./despin ");
                if (despin < 0) {
                    continue;
                }
                String stdin = null;
                if (despin > 0) {
                    Matcher echo = Pattern.compile("echo \"([^\"]*)\" \\| ").matcher(code.substring(0, despin));
                    assertTrue(echo.matches(), "README: only 'echo \"...\" | ./despin' pipes are supported: " + line);
                    stdin = echo.group(1) + "\n";
                }
                Set<Integer> exits = Set.of(0);
                Matcher m = Pattern.compile("exit: ([0-9|]+)").matcher(comment);
                if (m.find()) {
                    exits = Stream.of(m.group(1).split("\\|")).map(Integer::valueOf).collect(java.util.stream.Collectors.toSet());
                }
                Matcher needs = Pattern.compile("needs: (.+)$").matcher(comment);
                out.add(new Example(n, line.strip(), code.substring(despin + "./despin ".length()), stdin, exits,
                        needs.find() ? needs.group(1).strip() : null));
            }
        }
        return out;
    }

    /**
     * Whether every need of a line is there. Loading a full thesaurus or the default model takes
     * seconds: these run only in the full run (./run-tests), where the data is fetched.
     */
    static boolean available(String needs) {
        if (System.getProperty("despin.model", "").isBlank()) {
            return false;
        }
        for (String need : needs.split(",")) {
            if (!availableOne(need.strip())) {
                return false;
            }
        }
        return true;
    }

    private static boolean availableOne(String need) {
        Path cache = DataPaths.defaultCache();
        return switch (need) {
            case "default model" -> true;
            case "moby" -> Files.isDirectory(cache.resolve("npm").resolve(DataPaths.MOBY).resolve("package"));
            case "mythes" -> Files.isRegularFile(MyThesThesaurus.defaultFile(cache));
            default -> false; // a user's own corpus, the fetched data for a full model build: not in unit tests
        };
    }

    static String[] args(String command) {
        List<String> args = new ArrayList<>();
        for (String a : command.trim().split("\\s+")) {
            if (!a.startsWith("-") && FILE.matcher(a).matches()) {
                Path inRepo = ROOT.resolve(a);
                a = Files.exists(inRepo) || a.startsWith("examples/") ? inRepo.toString() : work.resolve(a).toString();
            }
            args.add(a);
        }
        return args.toArray(new String[0]);
    }

    @TestFactory
    List<DynamicTest> everyShellExampleRuns() throws IOException {
        Path model = ModelCommandTest.writeModel(work.resolve("default.dspm"));
        List<DynamicTest> tests = new ArrayList<>();
        List<Example> examples = shellExamples();
        assertTrue(examples.size() >= 10, "README examples found: " + examples);
        for (Example e : examples) {
            tests.add(DynamicTest.dynamicTest("README: " + e.text(), () -> {
                assumeTrue(e.needs() == null || available(e.needs()), "needs " + e.needs());
                String[] args = args(e.command());
                for (String a : args) {
                    assumeTrue(!a.endsWith("examples/spun-news.txt") || Files.exists(Path.of(a)),
                            "examples/spun-news.txt is not written yet (branch textspin)");
                }
                boolean real = e.needs() != null && e.needs().contains("default model");
                CliRun.Builder cli = real
                        ? CliRun.with(CliEnvironment.MODEL_FILES).env("DESPIN_MODEL", System.getProperty("despin.model"))
                        : CliRun.with(TinyModel.CHECKERS).env("DESPIN_MODEL", model.toString());
                if (e.stdin() != null) {
                    cli.stdin(e.stdin());
                }
                CliRun r = cli.run(args);
                assertTrue(e.exits().contains(r.exitCode), "README line " + e.line() + ": " + e.text() + "\n" + r);
                if (r.exitCode == 0) {
                    assertEquals("", r.err.lines().filter(l -> l.startsWith("despin: ") && !l.startsWith("despin: wrote"))
                            .findFirst().orElse(""), "no error line for a successful example");
                }
            }));
        }
        return tests;
    }

    @Test
    void theJavaExampleCompilesAndRuns() throws Exception {
        List<String> java = blocks("java");
        assertEquals(1, java.size(), "one Java example");
        Path src = work.resolve("java-example/Example.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, java.get(0), StandardCharsets.UTF_8);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = compiler.run(null, null, errors, "-classpath", System.getProperty("java.class.path"), "-d",
                src.getParent().toString(), src.toString());
        assertEquals(0, rc, "the README's Java example must compile:\n" + errors.toString(StandardCharsets.UTF_8) + diagnostics);

        String model = System.getProperty("despin.model", "");
        assumeTrue(!model.isBlank() || Boolean.getBoolean("despin.requireModel"), "no -Ddespin.model: compiled, not run");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {src.getParent().toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass("Example").getMethod("main", String[].class);
            PrintStream saved = System.out;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                main.invoke(null, (Object) new String[] {model});
            } finally {
                System.setOut(saved);
            }
            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.lines().reduce((a, b) -> b).orElse("").startsWith("The "), printed);
        }
    }
}
