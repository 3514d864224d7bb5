package dev.loopbacklab.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.ChildJvm;
import dev.loopbacklab.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run the way a learner runs it: from another folder, with nothing else. */
class JarIT {
    static final Path JAR = Path.of("target/loopback-lab.jar").toAbsolutePath();
    private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir Path elsewhere;

    static Process java(Path dir, String... args) throws Exception {
        return javaJar(dir, JAR.toString(), args);
    }

    /** {@code java -jar jar args} in {@code dir}, with {@code jar} as a learner would type it. */
    static Process javaJar(Path dir, String jar, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ChildJvm.java(), "-jar", jar));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
    }

    @Test
    void servesTheSiteFromAnyFolderWithEverythingInsideTheJar() throws Exception {
        Process lab = java(elsewhere, "serve", "--port", "0");
        try {
            String line = ChildJvm.firstLine(lab, l -> URL.matcher(l).find());
            assertTrue(line != null, "no URL line");
            assertTrue(line.startsWith("Loopback Lab is running at "), line);
            Matcher m = URL.matcher(line);
            assertTrue(m.find());
            int port = Integer.parseInt(m.group(1));
            for (String path :
                    List.of(
                            "/",
                            "/lessons/you-are-here",
                            "/assets/lab.css",
                            "/assets/lab.js",
                            "/favicon.ico")) {
                assertEquals(200, RawHttp.get(port, path, "127.0.0.1:" + port).status(), path);
            }
            assertEquals(403, RawHttp.get(port, "/", "evil.example").status());
        } finally {
            lab.destroy();
            lab.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aLearnerWithOnlyTheJarRunsTheScriptCommandItsLessonPageGives() throws Exception {
        // the jar as downloaded from a teacher's room: in the folder it is run from
        Files.copy(JAR, elsewhere.resolve("loopback-lab.jar"));
        Process lab = javaJar(elsewhere, "loopback-lab.jar", "serve", "--port", "0");
        List<String> command;
        try {
            Matcher m = URL.matcher(ChildJvm.firstLine(lab, l -> URL.matcher(l).find()));
            assertTrue(m.find());
            int port = Integer.parseInt(m.group(1));
            String page = RawHttp.get(port, "/lessons/you-are-here", "127.0.0.1:" + port).body();
            String shown =
                    Jsoup.parse(page).select(".lesson-scripts code").eachText().stream()
                            .filter(c -> c.endsWith("/javalin.jsh"))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError(page));
            // the jar lies in the working directory, so the page names it as it is there
            assertTrue(shown.startsWith("java -jar loopback-lab.jar jshell lessons/"), shown);
            command = List.of(shown.split(" "));
        } finally {
            lab.destroy();
            lab.waitFor(10, TimeUnit.SECONDS);
        }
        // run just as shown, with nothing but the jar in the folder
        List<String> args = new ArrayList<>(List.of("jshell", "--exit"));
        args.addAll(command.subList(4, command.size()));
        Process jshell = javaJar(elsewhere, command.get(2), args.toArray(String[]::new));
        jshell.getOutputStream().close();
        String text = new String(jshell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(jshell.waitFor(90, TimeUnit.SECONDS));
        assertEquals(0, jshell.exitValue(), text);
        assertTrue(text.contains("in this folder: running the copy the lab carries"), text);
        assertTrue(text.contains("GET / answered: 200 hello from 127.0.0.1"), text);
    }

    @Test
    void listsTheLessonsFromInsideTheJar() throws Exception {
        Process list = java(elsewhere, "list");
        String text = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(list.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, list.exitValue(), text);
        assertTrue(text.startsWith("00  you-are-here"), text);
    }

    @Test
    void theJshellCommandRunsAPipedSnippetWithTheToolkitImported() throws Exception {
        Process jshell = java(elsewhere, "jshell");
        jshell.getOutputStream()
                .write(
                        String.join(
                                        "\n",
                                        "try (var echo = EchoServer.start(\"127.0.0.1\", 0);",
                                        "     var client = EchoClient.connect(echo.address(), echo.port(), Duration.ofSeconds(2))) {",
                                        "  System.out.println(\"echoed \" + client.roundTrip(\"ping\"));",
                                        "}",
                                        "Lab.help()",
                                        "/exit",
                                        "")
                                .getBytes(StandardCharsets.UTF_8));
        jshell.getOutputStream().close();
        String text = new String(jshell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(jshell.waitFor(90, TimeUnit.SECONDS));
        assertEquals(0, jshell.exitValue(), text);
        assertTrue(text.contains("Loopback Lab toolkit loaded"), text);
        assertTrue(text.contains("echoed ping"), text);
        assertTrue(text.contains("Lab.run("), text);
    }

    @Test
    void theJshellCommandRunsAScriptFileAndLeavesWithExit() throws Exception {
        Path script = elsewhere.resolve("hello.jsh");
        Files.writeString(
                script, "System.out.println(\"62893: \" + Ports.classify(62893).category());\n");
        // --exit leaves once the script has run: what is typed after it never runs
        Process jshell = java(elsewhere, "jshell", "--exit", script.toString());
        jshell.getOutputStream()
                .write(
                        "System.out.println(\"still \" + \"here\")\n"
                                .getBytes(StandardCharsets.UTF_8));
        jshell.getOutputStream().close();
        String text = new String(jshell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(jshell.waitFor(90, TimeUnit.SECONDS));
        assertEquals(0, jshell.exitValue(), text);
        assertTrue(text.contains("62893: DYNAMIC"), text);
        assertTrue(!text.contains("still here"), text);
        assertTrue(!text.contains("has run. You are in JShell"), text);
    }
}
