package dev.loopbacklab.jshell;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Runs JShell source the way a learner would, through the {@code jdk.jshell} API with JShell's
 * usual remote execution engine (a child JVM, as in the jshell tool: the local engine joins every
 * thread a snippet starts, so a snippet that leaves an echo server running would never return), and
 * collects every problem: a rejected snippet, a compile error, an exception, or output that does
 * not match a {@code // prints: ...} comment at the end of the snippet's line.
 */
public final class SnippetRunner implements AutoCloseable {
    private static final Pattern PRINTS = Pattern.compile("^[ \\t]*// prints: (.*)$");

    private static final int SNIPPET_SECONDS = 60;
    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread thread = new Thread(r, "jshell-watchdog");
                        thread.setDaemon(true);
                        return thread;
                    });

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final JShell shell;

    public SnippetRunner() {
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        shell = JShell.builder().out(out).err(out).build();
        shell.addToClasspath(System.getProperty("java.class.path"));
        // the imports lab jshell and the page's cells make, from the same startup script
        for (String line : dev.loopbacklab.notebook.Toolkit.imports()) {
            shell.eval(line);
        }
    }

    /**
     * Runs {@code source} (named {@code where} in messages, first line {@code firstLine}) line by
     * line, as the jshell tool reads a file: a snippet runs as soon as the lines so far complete
     * it.
     */
    public List<String> run(String where, int firstLine, String source) {
        List<String> problems = new ArrayList<>();
        String[] lines = stripCommands(source, where, firstLine, problems).split("\n", -1);
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        StringBuilder buffer = new StringBuilder();
        String lastPrinted = "";
        int bufferStart = 0;
        for (int i = 0; i < lines.length; i++) {
            if (buffer.length() == 0) {
                bufferStart = i;
            }
            buffer.append(lines[i]).append('\n');
            output.reset();
            boolean ran = false;
            while (true) {
                SourceCodeAnalysis.CompletionInfo info =
                        analysis.analyzeCompletion(buffer.toString());
                if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                    buffer.setLength(0);
                    break;
                }
                if (!info.completeness().isComplete()) {
                    break;
                }
                problems.addAll(eval(where + ":" + (firstLine + bufferStart), info.source()));
                ran = true;
                buffer.setLength(0);
                buffer.append(info.remaining());
                bufferStart = i;
                if (info.remaining().isBlank()) {
                    buffer.setLength(0);
                    break;
                }
            }
            Matcher expected =
                    PRINTS.matcher(
                            lines[i].contains("// prints:")
                                    ? lines[i].substring(lines[i].indexOf("// prints:"))
                                    : "");
            boolean onItsOwnLine = lines[i].trim().startsWith("// prints:");
            if (ran) {
                lastPrinted = output.toString(StandardCharsets.UTF_8);
            }
            // "// prints: X" checks the code on its own line, or, standing alone, the line that ran
            // before
            if ((ran || onItsOwnLine) && expected.matches()) {
                String printed = lastPrinted;
                if (!expectation(expected.group(1)).matcher(printed).find()) {
                    problems.add(
                            where
                                    + ":"
                                    + (firstLine + i)
                                    + ": expected output containing \""
                                    + expected.group(1).trim()
                                    + "\" but got \""
                                    + printed.strip()
                                    + "\"");
                }
            }
        }
        if (!buffer.toString().isBlank()) {
            problems.add(
                    where
                            + ":"
                            + (firstLine + bufferStart)
                            + ": incomplete snippet: "
                            + first(buffer.toString()));
        }
        return problems;
    }

    /** A placeholder in an expectation, such as {@code <port>}: any text stands there. */
    private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>\\s][^<>]*>");

    /**
     * What a {@code // prints: X} comment expects: the text X somewhere in the output, where each
     * placeholder such as {@code <port>} or {@code <your source port>} stands for any text on one
     * line, so a comment can say what is printed even where the machine chooses the figure.
     */
    public static Pattern expectation(String text) {
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(text.trim());
        int from = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(text.trim().substring(from, placeholder.start())))
                    .append("[^\\n]+?");
            from = placeholder.end();
        }
        regex.append(Pattern.quote(text.trim().substring(from)));
        return Pattern.compile(regex.toString());
    }

    private List<String> eval(String at, String snippet) {
        List<String> problems = new ArrayList<>();
        List<SnippetEvent> events;
        // a snippet that hangs is stopped, so one bad script cannot hang the build
        java.util.concurrent.ScheduledFuture<?> watchdog =
                WATCHDOG.schedule(
                        shell::stop, SNIPPET_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        try {
            events = shell.eval(snippet);
        } finally {
            watchdog.cancel(false);
        }
        for (SnippetEvent event : events) {
            if (event.status() == Snippet.Status.REJECTED) {
                String diags =
                        shell.diagnostics(event.snippet())
                                .map(this::message)
                                .collect(Collectors.joining("; "));
                problems.add(at + ": rejected: " + first(snippet) + " — " + diags);
            }
            if (event.exception() != null) {
                String type =
                        event.exception() instanceof jdk.jshell.EvalException e
                                ? e.getExceptionClassName()
                                : event.exception().getClass().getName();
                problems.add(
                        at
                                + ": threw "
                                + type.substring(type.lastIndexOf('.') + 1)
                                + ": "
                                + event.exception().getMessage()
                                + " in: "
                                + first(snippet));
            }
            if (event.status() == Snippet.Status.VALID
                    && event.exception() == null
                    && event.snippet().kind() == Snippet.Kind.ERRONEOUS) {
                problems.add(at + ": erroneous snippet: " + first(snippet));
            }
        }
        return problems;
    }

    private static String stripCommands(
            String source, String where, int firstLine, List<String> problems) {
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String trimmed = lines[i].trim();
            if (trimmed.startsWith("/") && !trimmed.startsWith("//") && !trimmed.startsWith("/*")) {
                if (!trimmed.equals("/exit")) {
                    problems.add(
                            where
                                    + ":"
                                    + (firstLine + i)
                                    + ": JShell command "
                                    + trimmed
                                    + " cannot be tested; use only /exit");
                }
                lines[i] = "";
            }
        }
        return String.join("\n", lines);
    }

    private String message(Diag diag) {
        return diag.getMessage(java.util.Locale.ROOT);
    }

    private static String first(String snippet) {
        String line = snippet.strip().lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }

    @Override
    public void close() {
        shell.close();
    }
}
