package dev.loopbacklab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopbacklab.lesson.EventJson;
import dev.loopbacklab.testing.FakeExperiments;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code run} and {@code check}: what they print and the exit status a script sees. */
class TerminalRunTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(TerminalRun command, String... args) {
        command.registry = FakeExperiments.registry();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private List<String> lines() {
        return out.toString().lines().toList();
    }

    @Test
    void aCompletedRunExitsWith0AndFramesItsOutput() {
        assertEquals(0, run(new RunCommand(), "test-count", "--param", "count=4"));
        List<String> lines = lines();
        assertEquals("== Counting (test-count)", lines.get(0));
        assertEquals("== completed", lines.get(lines.size() - 1));
        assertTrue(lines.contains("  counted: 4  (all of them)"), lines.toString());
        assertEquals("", err.toString());
    }

    @Test
    void aFailedRunExitsWith1AndSaysWhyWithoutAStackTrace() {
        assertEquals(1, run(new RunCommand(), "test-boom"));
        String text = out.toString();
        assertTrue(text.contains("about to fail\n"), text);
        assertTrue(text.contains("\nError: BindException: Address already in use\n"), text);
        assertTrue(text.endsWith("== failed\n"), text);
        assertFalse(
                text.contains("\tat ") || text.contains("java.net."), "no stack trace: " + text);
    }

    @Test
    void aPassedCheckExitsWith0AndANotPassedOneWith1() {
        assertEquals(0, run(new CheckCommand(), "test-judge", "--param", "pass=true"));
        assertTrue(
                out.toString().contains("PASS: it passed\n  - host 127.0.0.1\n"), out.toString());
        assertTrue(out.toString().endsWith("== passed\n"), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(1, run(new CheckCommand(), "test-judge", "--param", "pass=false"));
        assertTrue(out.toString().contains("NOT YET: it did not pass\n"), out.toString());
        assertTrue(out.toString().endsWith("== not passed\n"), out.toString());
    }

    @Test
    void aCheckGivenToRunAndAnExperimentGivenToCheckAreUsageErrors() {
        assertEquals(2, run(new RunCommand(), "test-judge"));
        assertTrue(err.toString().contains("There is no experiment named \"test-judge\""));
        assertTrue(err.toString().contains("(\"test-judge\" is a check: use 'check'.)"));
        assertTrue(err.toString().contains("  test-count  Counting"), err.toString());
        assertFalse(err.toString().contains("  test-judge  Judging"), "only experiments listed");

        err.getBuffer().setLength(0);
        assertEquals(2, run(new CheckCommand(), "test-count"));
        assertTrue(err.toString().contains("(\"test-count\" is a experiment: use 'run'.)"));
        assertEquals("", out.toString(), "nothing ran");
    }

    @Test
    void parameterHelpWritesDefaultsAsItWritesBounds() {
        assertEquals(2, runLessons(new RunCommand(), "echo-rtt", "--param", "count=0"));
        String count =
                err.toString().lines().filter(l -> l.startsWith("  count ")).findFirst().orElse("");
        assertTrue(count.endsWith("(from 1 to 1,000,000; default 10,000)"), err.toString());

        err.getBuffer().setLength(0);
        assertEquals(2, runLessons(new CheckCommand(), "listening-spot", "--param", "port=0"));
        // A port is written as in an address.
        assertTrue(err.toString().contains("(from 1 to 65,535; default 7010)"), err.toString());
        assertEquals("", out.toString(), "nothing ran");
    }

    /** Runs {@code command} on the lessons' own experiments. */
    private int runLessons(TerminalRun command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void badParametersAreUsageErrorsThatListTheParameters() {
        assertEquals(2, run(new RunCommand(), "test-count", "--param", "count=0"));
        assertTrue(err.toString().contains("Parameters of test-count:"), err.toString());
        assertTrue(
                err.toString()
                        .contains("count      how far to count (from 1 to 1,000,000; default 3)"),
                err.toString());

        err.getBuffer().setLength(0);
        assertEquals(2, run(new RunCommand(), "test-count", "--param", "count"));
        assertTrue(
                err.toString().contains("write parameters as name=value, e.g. --param count=1000"),
                err.toString());
        assertEquals("", out.toString(), "nothing ran");
    }

    @Test
    void jsonPrintsOneObjectPerEventAndNoFrame() throws Exception {
        assertEquals(0, run(new RunCommand(), "test-count", "--param", "count=4", "--json"));
        List<String> lines = lines();
        assertFalse(lines.isEmpty());
        for (String line : lines) {
            JsonNode event = EventJson.mapper().readTree(line);
            assertTrue(event.hasNonNull("type"), line);
        }
        assertEquals("progress", EventJson.mapper().readTree(lines.get(0)).get("type").asText());
        assertEquals(
                "chart",
                EventJson.mapper().readTree(lines.get(lines.size() - 1)).get("type").asText());
        assertFalse(out.toString().contains("=="), out.toString());
    }

    @Test
    void aFailedRunInJsonEndsWithAnErrorEventAndExits1() throws Exception {
        assertEquals(1, run(new RunCommand(), "test-boom", "--json"));
        List<String> lines = lines();
        assertEquals(
                "error",
                EventJson.mapper().readTree(lines.get(lines.size() - 1)).get("type").asText());
    }
}
