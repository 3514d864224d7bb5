package dev.loopbacklab.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.loopbacklab.lesson.Lesson;
import dev.loopbacklab.lesson.LessonCatalog;
import dev.loopbacklab.lesson.LessonParser;
import dev.loopbacklab.net.SocketTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code .jsh} script and every {@code jshell} block in every lesson runs as printed: no
 * rejected snippet, no exception, expected output as documented, and no server left listening.
 */
class LessonSnippetsTest {
    private static final List<Lesson> LESSONS = LessonCatalog.load(Path.of("lessons")).lessons();

    @TestFactory
    Stream<DynamicTest> everyJshellScriptRunsCleanly() {
        return LESSONS.stream()
                .flatMap(
                        lesson ->
                                lesson.scripts().stream()
                                        .map(
                                                script ->
                                                        dynamicTest(
                                                                lesson.folderName()
                                                                        + "/"
                                                                        + script.fileName(),
                                                                () ->
                                                                        assertRunsCleanly(
                                                                                "lessons/"
                                                                                        + lesson
                                                                                                .folderName()
                                                                                        + "/"
                                                                                        + script
                                                                                                .fileName(),
                                                                                1,
                                                                                List.of(
                                                                                        script
                                                                                                .text())))));
    }

    @TestFactory
    Stream<DynamicTest> everyJshellBlockInTheLessonsRunsCleanly() {
        return LESSONS.stream()
                .filter(l -> !jshellBlocks(l).isEmpty())
                .map(
                        lesson ->
                                dynamicTest(
                                        lesson.folderName() + "/lesson.md",
                                        () -> {
                                            List<String> problems = new ArrayList<>();
                                            try (SnippetRunner runner = new SnippetRunner()) {
                                                Set<String> before = ownListeners();
                                                for (Lesson.Embed block : jshellBlocks(lesson)) {
                                                    problems.addAll(
                                                            runner.run(
                                                                    "lessons/"
                                                                            + lesson.folderName()
                                                                            + "/lesson.md",
                                                                    block.line() + 1,
                                                                    block.body()));
                                                }
                                                problems.addAll(leftListening(before));
                                            }
                                            assertEquals(List.of(), problems);
                                        }));
    }

    /** The snippets of a lesson this test runs: its JShell blocks, wherever they sit. */
    static List<Lesson.Embed> jshellBlocks(Lesson lesson) {
        return lesson.embeds().stream().filter(e -> e.kind() == Lesson.Embed.Kind.JSHELL).toList();
    }

    @Test
    void aJshellBlockIndentedInAListItemIsRunToo() throws Exception {
        Lesson lesson =
                LessonParser.read(
                        Path.of(
                                LessonSnippetsTest.class
                                        .getResource("/fixtures/nested-embeds/00-first")
                                        .toURI()));
        List<Lesson.Embed> blocks = jshellBlocks(lesson);
        assertEquals(1, blocks.size(), blocks::toString);
        try (SnippetRunner runner = new SnippetRunner()) {
            assertEquals(
                    List.of(),
                    runner.run("nested-embeds.md", blocks.get(0).line() + 1, blocks.get(0).body()));
            // the same block with a wrong expectation fails, so the run above proves something
            assertEquals(
                    1,
                    runner.run(
                                    "nested-embeds.md",
                                    blocks.get(0).line() + 1,
                                    blocks.get(0)
                                            .body()
                                            .replace("prints: answer: 42", "prints: answer: 43"))
                            .size());
        }
    }

    private static void assertRunsCleanly(String where, int firstLine, List<String> sources) {
        List<String> problems = new ArrayList<>();
        try (SnippetRunner runner = new SnippetRunner()) {
            Set<String> before = ownListeners();
            for (String source : sources) {
                problems.addAll(runner.run(where, firstLine, source));
            }
            problems.addAll(leftListening(before));
        }
        assertEquals(List.of(), problems, where);
    }

    private static List<String> leftListening(Set<String> before) {
        Set<String> after = ownListeners();
        after.removeAll(before);
        return after.isEmpty() ? List.of() : List.of("left listening: " + after);
    }

    /**
     * The listening sockets owned by this process and its children (JShell runs snippets in a child
     * JVM), as "pid address:port".
     */
    static Set<String> ownListeners() {
        Set<Long> pids = new java.util.HashSet<>();
        pids.add(ProcessHandle.current().pid());
        ProcessHandle.current().descendants().forEach(p -> pids.add(p.pid()));
        var owners = SocketTable.owners();
        Set<String> mine = new TreeSet<>();
        for (SocketTable.Entry entry : SocketTable.listening()) {
            var owner = owners.get(entry.inode());
            if (owner != null && pids.contains(owner.pid())) {
                mine.add(owner.pid() + " " + entry.localEndpoint());
            }
        }
        return mine;
    }

    @Test
    void theRunnerCatchesEveryKindOfProblem() {
        try (SnippetRunner runner = new SnippetRunner()) {
            List<String> problems =
                    runner.run(
                            "fixture.jsh",
                            1,
                            String.join(
                                    "\n",
                                    "int a = 1;",
                                    "System.out.println(a + 1); // prints: 2",
                                    "System.out.println(a); // prints: 99",
                                    "int b = nope;",
                                    "Integer.parseInt(\"x\");",
                                    "/vars",
                                    "System.out.println(\"on the next line\");",
                                    "// prints: on the next line",
                                    "System.out.println(\"something else\");",
                                    "// prints: not this",
                                    ""));
            assertEquals(5, problems.size(), problems.toString());
            assertEquals(
                    true, problems.get(0).contains("JShell command /vars"), problems.toString());
            assertEquals(
                    true,
                    problems.get(1).startsWith("fixture.jsh:3: expected output containing \"99\""),
                    problems.toString());
            assertEquals(
                    true,
                    problems.get(2).startsWith("fixture.jsh:4: rejected"),
                    problems.toString());
            assertEquals(
                    true, problems.get(3).contains("NumberFormatException"), problems.toString());
            assertEquals(
                    true,
                    problems.get(4)
                            .startsWith("fixture.jsh:10: expected output containing \"not this\""),
                    problems.toString());
        }
    }

    @Test
    void theListenerCheckSeesAServerLeftRunning() throws Exception {
        try (SnippetRunner runner = new SnippetRunner()) {
            Set<String> before = ownListeners();
            assertEquals(
                    List.of(),
                    runner.run("leak.jsh", 1, "var leak = EchoServer.start(\"127.0.0.1\", 0);"));
            assertEquals(1, leftListening(before).size());
            runner.run("leak.jsh", 2, "leak.close();");
            assertEquals(List.of(), leftListening(before));
        }
    }
}
