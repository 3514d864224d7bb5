package dev.loopbacklab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.net.LoopbackTarget;
import dev.loopbacklab.testing.FakeExperiments;
import dev.loopbacklab.testing.RawHttp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line's side of the lab's safety: serving a room, bad hosts, missing lessons. */
class SafetyCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    @TempDir Path dir;

    private int run(Object command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static ServeCommand serve() {
        ServeCommand serve = new ServeCommand();
        serve.block = false;
        return serve;
    }

    @Test
    void servingARoomWarnsAndPrintsOneLinkWithARandomToken() throws Exception {
        ServeCommand serve = serve();
        assertEquals(0, run(serve, "--host", "0.0.0.0", "--port", "0", "--allow-host", "lab.test"));
        try {
            String text = out.toString();
            assertTrue(text.startsWith("WARNING: serving a room."), text);
            assertTrue(text.lines().count() >= 5, text);
            List<String> urls = text.lines().filter(l -> l.contains("http://")).toList();
            assertEquals(1, urls.size(), text);
            int port = serve.server.port();
            Matcher link =
                    Pattern.compile(
                                    "Loopback Lab is serving a room at http://lab\\.test:"
                                            + port
                                            + "/\\?token=([A-Za-z0-9_-]{32})")
                            .matcher(urls.get(0));
            assertTrue(link.matches(), urls.get(0));
            String token = link.group(1);
            assertEquals(1, text.split(token, -1).length - 1, "the token is printed once");
            String host = "lab.test:" + port;
            assertEquals(401, RawHttp.get(port, "/", host).status());
            RawHttp.Response entered = RawHttp.get(port, "/?token=" + token, host);
            assertEquals(200, entered.status());
            assertTrue(entered.header("set-cookie").contains("HttpOnly"));
        } finally {
            serve.server.close();
        }
    }

    @Test
    void aGivenTokenGoesInTheLink() throws Exception {
        ServeCommand serve = serve();
        String token = "9f3c1a7e5b2d8046c1e9a3f7b5d20e84";
        assertEquals(
                0,
                run(
                        serve,
                        "--host",
                        "0.0.0.0",
                        "--port",
                        "0",
                        "--token",
                        token,
                        "--allow-host",
                        "lab.test",
                        "--allow-host",
                        "other.test"));
        try {
            assertTrue(out.toString().contains("/?token=" + token + "\n"), out.toString());
            int port = serve.server.port();
            assertEquals(200, RawHttp.get(port, "/?token=" + token, "other.test:" + port).status());
        } finally {
            serve.server.close();
        }
    }

    @Test
    void aWeakTokenIsRefusedBeforeAnythingListens() {
        ServeCommand serve = serve();
        assertEquals(2, run(serve, "--host", "0.0.0.0", "--port", "0", "--token", "letmein"));
        assertTrue(err.toString().contains("--token is refused"), err.toString());
        assertTrue(err.toString().contains("at least 22 characters"), err.toString());
        assertNull(serve.server);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "abcdefghijklmnopqrstuv",
                "passwordpasswordABCDEF",
                "0000000000000000000000000001234567"
            })
    void aLongButGuessableTokenIsRefusedWithTheReason(String token) {
        ServeCommand serve = serve();
        assertEquals(2, run(serve, "--host", "0.0.0.0", "--port", "0", "--token", token));
        assertTrue(err.toString().contains("--token is refused"), err.toString());
        assertTrue(err.toString().contains("guessable"), err.toString());
        assertTrue(err.toString().contains("Leave --token out"), err.toString());
        assertNull(serve.server);
    }

    @Test
    void aHostNameIsRefusedWithoutLookingItUp() {
        ServeCommand serve = serve();
        assertEquals(2, run(serve, "--host", "lab.example", "--port", "0"));
        assertTrue(
                err.toString().contains("is not an IP address (names are not looked up)"),
                err.toString());
        assertNull(serve.server);
    }

    @Test
    void aBadAllowHostIsRefused() {
        assertEquals(2, run(serve(), "--port", "0", "--allow-host", "evil.example/x"));
        assertTrue(err.toString().contains("--allow-host"), err.toString());
    }

    @Test
    void aLoopbackLabStaysOpenWithoutAToken() throws Exception {
        ServeCommand serve = serve();
        assertEquals(0, run(serve, "--host", "::1", "--port", "0"));
        try {
            assertFalse(out.toString().contains("WARNING"), out.toString());
            assertFalse(out.toString().contains("token"), out.toString());
            assertTrue(out.toString().contains("http://[::1]:" + serve.server.port() + "/"));
        } finally {
            serve.server.close();
        }
    }

    @Test
    void devModeWithoutLessonsSaysSoAndExits() {
        ServeCommand serve = serve();
        serve.workingDir = dir;
        assertEquals(1, run(serve, "--dev", "--port", "0"));
        assertTrue(
                err.toString()
                        .contains(
                                "Cannot load the lessons: "
                                        + dir.resolve("lessons")
                                        + " is missing"),
                err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertNull(serve.server);
    }

    @Test
    void devModeWithABrokenLessonNamesTheFile() throws Exception {
        Files.createDirectories(dir.resolve("lessons/00-first"));
        Files.createDirectories(dir.resolve("site"));
        Files.writeString(dir.resolve("lessons/00-first/lesson.md"), "no front matter\n");
        ServeCommand serve = serve();
        serve.workingDir = dir;
        assertEquals(1, run(serve, "--dev", "--port", "0"));
        assertTrue(
                err.toString()
                        .contains("lessons/00-first/lesson.md:1: must start with front matter"),
                err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertFalse(err.toString().contains("lessons//"), "no absolute path glued on: " + err);
    }

    @Test
    void aRealCheckAimedOffLoopbackIsStatus2AndSaysWhatWorks() {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        assertEquals(2, cli.execute("check", "echo-yours", "--param", "host=10.0.0.1"));
        assertTrue(err.toString().contains("\"10.0.0.1\""), err.toString());
        assertTrue(err.toString().contains(LoopbackTarget.ACCEPTED_FORMS), err.toString());
        assertEquals("", out.toString(), "nothing ran");
    }

    @Test
    void aCheckAimedOffLoopbackIsStatus2AndSaysWhatWorks() {
        CheckCommand check = new CheckCommand();
        check.registry = FakeExperiments.registry();
        assertEquals(2, run(check, "test-judge", "--param", "host=10.0.0.1"));
        assertTrue(err.toString().contains("10.0.0.1"), err.toString());
        assertTrue(err.toString().contains(LoopbackTarget.ACCEPTED_FORMS), err.toString());
        assertFalse(out.toString().contains("passed"), out.toString());
    }
}
