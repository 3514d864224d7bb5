package dev.loopbacklab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptRulesTest {
    private static List<String> problems(String... lines) {
        return ScriptRules.check("01-x/x.jsh", String.join("\n", lines)).stream()
                .map(ContentChecker.Problem::toString)
                .toList();
    }

    @Test
    void aScriptThatImportsTheToolkitAndLabelsWhatItPrintsPasses() {
        assertEquals(
                List.of(),
                problems(
                        "import dev.loopbacklab.net.*;",
                        "var server = EchoServer.start(\"127.0.0.1\", 0);",
                        "System.out.println(\"server port: \" + server.port());",
                        "System.out.printf(\"%d clients%n\", 0);",
                        "System.out.println();",
                        "System.out.println(",
                        "    \"closed: \" + server.isClosed());",
                        "// System.out.println(server); is only a comment",
                        "List.of(1).forEach(x -> System.out.println(\"x: \" + x));"));
    }

    @Test
    void flagsEveryBareValueWithItsLine() {
        assertEquals(
                List.of(
                        "01-x/x.jsh:2: prints a bare value: start with a label in quotes, e.g."
                                + " System.out.println(\"server port: \" + port)",
                        "01-x/x.jsh:3: prints a bare value: start with a label in quotes, e.g."
                                + " System.out.println(\"server port: \" + port)",
                        "01-x/x.jsh:5: prints values without a label: write forEach(x ->"
                                + " System.out.println(\"label: \" + x))"),
                problems(
                        "import dev.loopbacklab.net.*;",
                        "System.out.println(server.port() > 0);",
                        "System.out.println(",
                        "    client.roundTrip(\"hello\"));",
                        "hosts.forEach(System.out::println);"));
    }

    @Test
    void flagsExitSoTheLearnerStaysInJshell() {
        assertEquals(
                List.of(
                        "01-x/x.jsh:2: /exit ends JShell: leave it out, so whoever opens the"
                                + " script stays in JShell with what it made"),
                problems("import dev.loopbacklab.net.*;", "/exit", ""));
    }

    @Test
    void flagsAScriptThatLeavesPlainJshellWithoutTheToolkit() {
        assertEquals(
                List.of(
                        "01-x/x.jsh: does not import the toolkit: add import"
                                + " dev.loopbacklab.net.*; so plain jshell leaves the learner with"
                                + " it"),
                problems("System.out.println(\"hi: \" + 1);"));
    }

    @Test
    void aLessonsJshellBlockIsJudgedByItsPrintsAtItsLineInTheLesson() {
        assertEquals(
                List.of(
                        "01-x/lesson.md:42: prints a bare value: start with a label in quotes,"
                                + " e.g. System.out.println(\"server port: \" + port)"),
                ScriptRules.barePrints(
                                "01-x/lesson.md",
                                41,
                                "System.out.println(\"ok: \" + 1);\nSystem.out.println(1);\n")
                        .stream()
                        .map(ContentChecker.Problem::toString)
                        .toList());
    }
}
