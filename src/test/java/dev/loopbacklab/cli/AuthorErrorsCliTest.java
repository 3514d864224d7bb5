package dev.loopbacklab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A lesson author's view: a copy of the repository's lessons with lessons broken the way authors
 * break them, and {@code list} / {@code serve --dev} run in that copy. Each problem is one line
 * naming the file and line, the exit is non-zero, and no stack trace is printed.
 */
class AuthorErrorsCliTest {
    @TempDir Path repo;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void copyTheRepository() throws IOException {
        copy(Path.of("lessons"), repo.resolve("lessons"));
        copy(Path.of("site"), repo.resolve("site"));
        Files.copy(Path.of("pom.xml"), repo.resolve("pom.xml"));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = repo.resolve("lessons").resolve(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), file + " no longer contains " + from);
        Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private int run(Object command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private int list() {
        ListCommand list = new ListCommand();
        list.workingDir = repo;
        return run(list);
    }

    @Test
    void theUnchangedCopyIsListedWithExitZero() {
        assertEquals(0, list(), err::toString);
        assertEquals("", err.toString());
    }

    @Test
    void anIndentedUnknownCheckAndAMapObjectiveInOneLessonAreOneLineEach() throws IOException {
        edit(
                "02-port-binding/lesson.md",
                "## Bad port numbers",
                "## Bad port numbers\n\n1. A step:\n\n   ```check no-such-check\n   ```\n");
        edit(
                "02-port-binding/lesson.md",
                "objectives:\n",
                "objectives:\n  - Tell two things apart: this one and that one.\n");
        assertEquals(1, list());
        List<String> lines = err.toString().lines().toList();
        assertTrue(
                lines.stream()
                        .anyMatch(
                                l ->
                                        l.matches(
                                                "lessons/02-port-binding/lesson\\.md:\\d+: no check named \"no-such-check\"")),
                err::toString);
        assertTrue(
                lines.contains(
                        "lessons/02-port-binding/lesson.md:7: objective 1 must be plain text, but YAML reads"
                                + " it as a map (a \": \" inside it starts a key): put the whole text in quotes"),
                err::toString);
        assertEquals(
                "2 problems in the lessons; nothing was started.", lines.get(lines.size() - 1));
        assertEquals("", out.toString());
        assertNoStackTrace();
    }

    @Test
    void aYamlSyntaxErrorIsOneLineWithFileAndLine() throws IOException {
        edit("03-ephemeral-ports/lesson.md", "minutes: 25", "minutes: [25");
        assertEquals(1, list());
        List<String> lines = err.toString().lines().toList();
        assertEquals(2, lines.size(), err::toString);
        assertTrue(
                lines.get(0)
                        .matches(
                                "lessons/03-ephemeral-ports/lesson\\.md:\\d+: front matter is not valid YAML: .+"),
                err::toString);
        assertNoStackTrace();
    }

    @Test
    void serveDevRefusesToStartWithTheSameLines() throws IOException {
        edit(
                "02-port-binding/lesson.md",
                "objectives:\n",
                "objectives:\n  - Tell two things apart: this one and that one.\n");
        ServeCommand serve = new ServeCommand();
        serve.block = false;
        serve.workingDir = repo;
        assertEquals(1, run(serve, "--dev", "--port", "0"));
        assertNull(serve.server, "no server was started");
        assertTrue(
                err.toString().startsWith("lessons/02-port-binding/lesson.md:7: objective 1"),
                err::toString);
        assertNoStackTrace();
    }

    private void assertNoStackTrace() {
        assertFalse(err.toString().contains("Exception"), err::toString);
        assertFalse(err.toString().contains("\tat "), err::toString);
    }
}
