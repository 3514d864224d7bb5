package dev.loopbacklab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.ParamException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JShell facade: what a learner types after {@code Lab.help()}, and what it prints. */
class LabTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void capture() {
        original = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(original);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpNamesOnlyToolkitCallsThatExist() throws Exception {
        Lab.help();
        String help = printed();
        assertEquals(Lab.helpText(), help);
        Matcher call = Pattern.compile("\\b([A-Z][A-Za-z]+)\\.([a-z][A-Za-z]*)\\(").matcher(help);
        int checked = 0;
        while (call.find()) {
            String type = call.group(1);
            String method = call.group(2);
            Class<?> owner =
                    type.equals("Lab") ? Lab.class : Class.forName("dev.loopbacklab.net." + type);
            assertTrue(
                    Arrays.stream(owner.getMethods()).anyMatch(m -> m.getName().equals(method)),
                    "Lab.help() names " + type + "." + method + "(...), which does not exist");
            checked++;
        }
        assertTrue(checked >= 12, "calls checked: " + checked);
    }

    @Test
    void helpSaysWhatDiffersOnThisSystemFromThePlatformModel() {
        String help = Lab.helpText();
        assertTrue(help.contains("Platform.current()"), help);
        for (String note : dev.loopbacklab.net.Platform.current().notes().split("\n")) {
            assertTrue(help.contains("  " + note + "\n"), "missing: " + note + "\n" + help);
        }
        assertTrue(help.contains("SocketTable.listeners()"), help);
    }

    @Test
    void runPrintsTheResultsAndReturnsTheOutcome() {
        assertEquals(Outcome.COMPLETED, Lab.run("echo-hello"));
        String text = printed();
        assertTrue(text.endsWith("== completed" + System.lineSeparator()), text);
        assertTrue(text.contains("hello"), text);
    }

    @Test
    void checkPrintsTheVerdict() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        assertEquals(Outcome.NOT_PASSED, Lab.check("echo-yours", "port=" + port));
        String text = printed();
        assertTrue(
                text.contains(
                        "NOT YET: Connection refused: nothing is listening on 127.0.0.1:" + port),
                text);
        assertTrue(text.endsWith("== not passed" + System.lineSeparator()), text);
    }

    @Test
    void mistakesAreClearExceptionsNotRuns() {
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> Lab.run("no-such-thing"));
        assertEquals(
                "no experiment or check named \"no-such-thing\"; try Lab.list()",
                unknown.getMessage());
        ParamException shape =
                assertThrows(ParamException.class, () -> Lab.run("echo-rtt", "count"));
        assertTrue(shape.getMessage().contains("\"name=value\""), shape.getMessage());
        assertThrows(ParamException.class, () -> Lab.run("echo-rtt", "count=0"));
        assertEquals("", printed(), "nothing ran");
    }

    @Test
    void listShowsEveryLessonWithItsExperimentsAndChecks() {
        Lab.list();
        String text = printed();
        assertTrue(text.contains("loopback-echo"), text);
        assertTrue(text.contains("     experiment echo-rtt"), text);
        assertTrue(text.contains("     check      echo-yours"), text);
    }
}
