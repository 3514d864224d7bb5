package dev.loopbacklab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.ContentRoot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code jshell FILE} for a learner who has only the jar: the lesson scripts the pages name run
 * from the copy the lab carries when the file is not on disk.
 */
class JShellCommandTest {
    /** A lesson script as the pages name it, relative to a clone's root. */
    static final String LESSON_SCRIPT = "lessons/00-you-are-here/javalin.jsh";

    @TempDir Path elsewhere;

    @Test
    void aFileOnDiskIsRunAsItIs() throws Exception {
        Path mine = Files.writeString(elsewhere.resolve("mine.jsh"), "int x = 1;\n");
        assertEquals(mine, JShellCommand.script(Path.of("mine.jsh"), elsewhere, failing()));
        // a lesson script of one's own on disk wins over the packed one
        Path edited = elsewhere.resolve(LESSON_SCRIPT);
        Files.createDirectories(edited.getParent());
        Files.writeString(edited, "int edited = 1;\n");
        assertEquals(edited, JShellCommand.script(Path.of(LESSON_SCRIPT), elsewhere, failing()));
    }

    @Test
    void aLessonScriptNotOnDiskIsCopiedFromTheLessonsTheLabCarries() throws Exception {
        Path script = JShellCommand.script(Path.of(LESSON_SCRIPT), elsewhere, ContentRoot::packed);
        assertFalse(script.startsWith(elsewhere), script.toString());
        // the packed lessons are built from the repository's lessons/ folder
        assertEquals(Files.readString(Path.of(LESSON_SCRIPT)), Files.readString(script));
    }

    @Test
    void namesThatAreNoLessonScriptFindNothing() throws Exception {
        for (String name :
                List.of(
                        "nope.jsh",
                        "lessons/00-you-are-here/nope.jsh",
                        "lessons/00-you-are-here/lesson.md",
                        "lessons/../lessons/../pom.xml",
                        "lessons/00-you-are-here/../../../pom.xml",
                        "00-you-are-here/javalin.jsh")) {
            assertNull(JShellCommand.script(Path.of(name), elsewhere, ContentRoot::packed), name);
        }
    }

    @Test
    void aNameThatIsNeitherSaysNoSuchFileWithExitTwo() {
        StringWriter err = new StringWriter();
        JShellCommand jshell = new JShellCommand();
        jshell.workingDir = elsewhere;
        CommandLine cli = new CommandLine(jshell);
        cli.setErr(new PrintWriter(err, true));
        assertEquals(2, cli.execute("--exit", "lessons/00-you-are-here/nope.jsh"));
        assertEquals("No such file: lessons/00-you-are-here/nope.jsh", err.toString().strip());
    }

    @Test
    void aLearnerWithOnlyTheLabRunsTheLessonScriptThePageNames() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process =
                new ProcessBuilder(
                                java,
                                "-cp",
                                System.getProperty("java.class.path"),
                                "dev.loopbacklab.cli.Main",
                                "jshell",
                                "--exit",
                                LESSON_SCRIPT)
                        .directory(elsewhere.toFile())
                        .redirectErrorStream(true)
                        .start();
        try {
            process.getOutputStream().close();
            String output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // a bound, not a measurement: JShell leaves once the script has run
            assertTrue(process.waitFor(3, TimeUnit.MINUTES), output);
            assertEquals(0, process.exitValue(), output);
            assertEquals(
                    1,
                    output.lines()
                            .filter(l -> l.startsWith("No " + LESSON_SCRIPT + " in this folder"))
                            .count(),
                    output);
            assertTrue(output.contains("GET / answered: 200 hello from 127.0.0.1"), output);
        } finally {
            process.destroyForcibly();
        }
    }

    /** For names found on disk: the packed lessons must not be needed. */
    private static java.util.function.Supplier<ContentRoot> failing() {
        return () -> {
            throw new AssertionError("looked in the packed lessons");
        };
    }
}
