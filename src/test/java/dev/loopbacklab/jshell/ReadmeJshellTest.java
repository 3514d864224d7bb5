package dev.loopbacklab.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The README's "In JShell" section does what it says: each command in it, run as a learner runs it,
 * opens JShell with the toolkit imported, runs the script it names (printing what the script's
 * {@code // prints:} comments say, in order) and leaves the learner at the prompt; the lines it
 * shows typed at the prompt print what their comments say.
 *
 * <p>The commands run against this build rather than the packaged jar: {@code java -jar
 * target/loopback-lab.jar} is the lab's {@code Main} on the test class path, and so is {@code
 * ./mvnw … exec:java} (JarIT runs the jar itself).
 */
class ReadmeJshellTest {
    private static final Pattern PRINTS = Pattern.compile("//\\s*prints: (.*)$");

    /** Typed after each command: it proves the prompt is still there, with the toolkit. */
    private static final String PROBE =
            "System.out.println(\"still in JShell, with \" + EchoServer.class.getName())";

    private static final String STILL_THERE =
            "still in JShell, with dev.loopbacklab.net.EchoServer";

    private static String section() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## In JShell\n");
        assertTrue(start >= 0, "README.md has no \"## In JShell\" section");
        int end = readme.indexOf("\n#", start + 5);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static List<String> block(String language) throws IOException {
        String section = section();
        int start = section.indexOf("```" + language + "\n");
        assertTrue(start >= 0, "no ```" + language + " block in the README's In JShell section");
        int end = section.indexOf("\n```", start + 4);
        return section.substring(start + language.length() + 4, end).lines().toList();
    }

    /** The command a README line stands for, run from this build. */
    static List<String> command(String line) {
        List<String> words =
                new ArrayList<>(
                        Arrays.asList(line.replaceFirst("\\s+#.*$", "").strip().split("\\s+")));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> lab =
                List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.loopbacklab.cli.Main");
        List<String> command = new ArrayList<>();
        if (words.subList(0, 3).equals(List.of("java", "-jar", "target/loopback-lab.jar"))) {
            command.addAll(lab);
            command.addAll(words.subList(3, words.size()));
        } else if (words.get(0).equals("./mvnw") && words.contains("exec:java")) {
            command.addAll(lab);
            words.stream()
                    .filter(w -> w.startsWith("-Dexec.args="))
                    .forEach(w -> command.addAll(Arrays.asList(w.substring(12).split(" "))));
        } else if (words.subList(0, 3)
                .equals(List.of("jshell", "--class-path", "target/loopback-lab.jar"))) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "jshell").toString());
            command.addAll(List.of("--class-path", System.getProperty("java.class.path")));
            command.addAll(words.subList(3, words.size()));
        } else {
            throw new AssertionError("the README shows a command this test cannot run: " + line);
        }
        return command;
    }

    /** Runs {@code command} with {@code typed} as its input; returns what it printed. */
    private static String run(List<String> command, String typed) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            process.getOutputStream().write(typed.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // a bound, not a measurement: JShell ends when its input does
            assertTrue(process.waitFor(3, TimeUnit.MINUTES), output);
            assertEquals(0, process.exitValue(), output);
            return output;
        } finally {
            process.destroyForcibly();
        }
    }

    /** The {@code // prints:} expectations of some lines, in order. */
    static List<String> expectations(List<String> lines) {
        List<String> expected = new ArrayList<>();
        for (String line : lines) {
            Matcher prints = PRINTS.matcher(line);
            if (prints.find()) {
                expected.add(prints.group(1));
            }
        }
        return expected;
    }

    /** The first expectation not found in {@code output} after the ones before it, or null. */
    static String firstMissing(List<String> expected, String output) {
        int from = 0;
        for (String text : expected) {
            Matcher found = SnippetRunner.expectation(text).matcher(output);
            if (!found.find(from)) {
                return text;
            }
            from = found.end();
        }
        return null;
    }

    @TestFactory
    Stream<DynamicTest> everyCommandOpensJshellWithTheToolkitRunsItsScriptAndStays()
            throws IOException {
        // one run per distinct command: the Maven line is the first line, run the same way
        Map<List<String>, String> commands = new LinkedHashMap<>();
        for (String line : block("bash")) {
            if (!line.isBlank()) {
                commands.putIfAbsent(command(line), line);
            }
        }
        assertEquals(3, commands.size(), commands.values().toString());
        return commands.entrySet().stream()
                .map(
                        entry ->
                                dynamicTest(
                                        entry.getValue().replaceFirst("\\s+#.*$", ""),
                                        () -> {
                                            List<String> command = entry.getKey();
                                            String last = command.get(command.size() - 1);
                                            boolean lab =
                                                    command.contains("dev.loopbacklab.cli.Main");
                                            List<String> expected = new ArrayList<>();
                                            if (lab) {
                                                expected.add("Loopback Lab toolkit loaded");
                                            }
                                            // with no script, the learner types the README's
                                            // lines (one JShell start fewer for the suite)
                                            List<String> typed =
                                                    last.endsWith(".jsh")
                                                            ? List.of()
                                                            : typedLines();
                                            expected.addAll(expectations(typed));
                                            String output =
                                                    run(
                                                            command,
                                                            typed.stream()
                                                                            .map(l -> l + "\n")
                                                                            .reduce(
                                                                                    "",
                                                                                    String::concat)
                                                                    + PROBE
                                                                    + "\n/exit\n");
                                            if (last.endsWith(".jsh")) {
                                                List<String> script =
                                                        expectations(
                                                                Files.readAllLines(Path.of(last)));
                                                assertFalse(script.isEmpty(), last);
                                                expected.addAll(script);
                                                if (lab) {
                                                    expected.add(
                                                            "echo.jsh has run. You are in JShell"
                                                                    + " with the toolkit imported");
                                                }
                                            }
                                            // then the prompt, with the toolkit
                                            expected.add(STILL_THERE);
                                            assertEquals(
                                                    null, firstMissing(expected, output), output);
                                        }));
    }

    /** The README's lines typed at the prompt, without their comments. */
    private static List<String> typedLines() throws IOException {
        List<String> lines = block("java");
        // they must say what they print, or this test would prove nothing about them
        assertTrue(expectations(lines).size() >= 3, lines::toString);
        return lines.stream().map(l -> l.replaceFirst("\\s+//.*$", "")).toList();
    }

    @Test
    void expectationsAreFoundOnlyInTheirOrder() {
        List<String> expected = List.of("server: <address>", "sent hello, got back: hello");
        assertEquals(
                null, firstMissing(expected, "server: 127.0.0.1:5\nsent hello, got back: hello\n"));
        assertEquals(
                "sent hello, got back: hello",
                firstMissing(expected, "sent hello, got back: hello\nserver: 127.0.0.1:5\n"));
        // a placeholder stands for text on one line, never for a line break
        assertEquals("server: <address>", firstMissing(expected, "server: \nx\n"));
    }
}
