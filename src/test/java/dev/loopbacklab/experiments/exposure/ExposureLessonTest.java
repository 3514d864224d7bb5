package dev.loopbacklab.experiments.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.loopbacklab.lesson.Lesson;
import dev.loopbacklab.lesson.LessonParser;
import dev.loopbacklab.testing.LessonAsserts;
import java.nio.file.Path;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/** Lesson 04's text: what it embeds exists, and its JShell code runs as printed. */
class ExposureLessonTest {
    private static final Path FOLDER = Path.of("lessons", "04-exposure");

    @Test
    void embedsAllThreeExperimentsAndTheCheck() {
        LessonAsserts.embeds(
                LessonParser.read(FOLDER),
                List.of("exposure-matrix", "exposure-default-bind", "exposure-self-defence"),
                List.of("exposure-private", "exposure-room-reach"));
    }

    @Test
    void jshellBlocksRunAsWritten() {
        Lesson lesson = LessonParser.read(FOLDER);
        List<Lesson.Embed> blocks =
                lesson.embeds().stream().filter(e -> e.kind() == Lesson.Embed.Kind.JSHELL).toList();
        assertEquals(3, blocks.size());
        for (Lesson.Embed block : blocks) {
            run("lesson.md:" + block.line(), block.body());
        }
    }

    @Test
    void theSshTunnelItShowsListensOnLoopbackOnly() {
        // The command is shown, never run (it needs a second machine): its shape is what can be
        // held true. The local end of -L must name 127.0.0.1, not rely on GatewayPorts.
        String markdown = LessonParser.read(FOLDER).markdown();
        List<String> commands = markdown.lines().filter(l -> l.startsWith("ssh ")).toList();
        assertEquals(1, commands.size(), commands.toString());
        String[] words = commands.get(0).split(" ");
        int l = List.of(words).indexOf("-L");
        String[] forward = words[l + 1].split(":");
        assertEquals(4, forward.length, words[l + 1]);
        assertEquals("127.0.0.1", forward[0], "the tunnel's local end binds loopback only");
        assertEquals("127.0.0.1", forward[2], "the server connects to its own loopback");
        assertTrue(!List.of(words).contains("-g"), "-g would open the local end to the network");
    }

    @Test
    void scriptRunsAndStaysInJShell() {
        Lesson lesson = LessonParser.read(FOLDER);
        Lesson.Script script = LessonAsserts.stayingInJShell(lesson, "exposure.jsh");
        run(script.fileName(), script.text());
    }

    /**
     * Feeds {@code code} to a fresh JShell line by line, as the jshell tool does with a pasted
     * block, and fails on any rejected snippet or exception.
     */
    private static void run(String where, String code) {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.addToClasspath(System.getProperty("java.class.path"));
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            StringBuilder pending = new StringBuilder();
            for (String line : code.split("\n", -1)) {
                pending.append(line).append('\n');
                SourceCodeAnalysis.CompletionInfo info =
                        analysis.analyzeCompletion(pending.toString());
                if (!info.completeness().isComplete()) {
                    continue;
                }
                if (info.completeness() != SourceCodeAnalysis.Completeness.EMPTY) {
                    for (SnippetEvent event : shell.eval(info.source())) {
                        if (event.status() == Snippet.Status.REJECTED
                                || event.exception() != null) {
                            fail(
                                    where
                                            + ": "
                                            + info.source().strip()
                                            + " -> "
                                            + event.status()
                                            + " "
                                            + event.exception()
                                            + " "
                                            + shell.diagnostics(event.snippet()).toList());
                        }
                    }
                }
                pending.setLength(0);
                pending.append(info.remaining()); // two statements on one line: keep the second
            }
            assertTrue(pending.toString().isBlank(), where + ": unfinished code: " + pending);
        }
    }
}
