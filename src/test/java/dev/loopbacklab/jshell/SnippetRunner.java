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
 * Runs JShell source the way a learner would, through the {@code jdk.jshell} API in this JVM, and
 * collects every problem: a rejected snippet, a compile error, an exception, or output that does not
 * match a {@code // prints: ...} comment at the end of the snippet's line.
 */
final class SnippetRunner implements AutoCloseable {
  private static final Pattern PRINTS = Pattern.compile("^[ \\t]*// prints: (.*)$");

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final JShell shell;

  SnippetRunner() {
    PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    shell = JShell.builder().executionEngine("local").out(out).err(out).build();
    shell.addToClasspath(System.getProperty("java.class.path"));
    for (String line : List.of("import dev.loopbacklab.Lab;", "import dev.loopbacklab.net.*;",
        "import java.net.*;", "import java.time.Duration;")) {
      shell.eval(line);
    }
  }

  /** Runs {@code source} (named {@code where} in messages, first line {@code firstLine}). */
  List<String> run(String where, int firstLine, String source) {
    List<String> problems = new ArrayList<>();
    String remaining = stripCommands(source, where, firstLine, problems);
    int consumed = 0;
    String all = remaining;
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    while (!remaining.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
      int line = firstLine + lineOf(all, consumed + leadingBlankOrComments(remaining));
      if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
        break;
      }
      if (!info.completeness().isComplete()) {
        problems.add(where + ":" + line + ": incomplete snippet: " + first(remaining));
        break;
      }
      String snippet = info.source();
      consumed += remaining.length() - info.remaining().length();
      remaining = info.remaining();
      output.reset();
      PrintStream realOut = System.out;
      List<SnippetEvent> events;
      // the local execution engine runs snippets in this JVM, so their System.out is ours
      System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
      try {
        events = shell.eval(snippet);
      } finally {
        System.setOut(realOut);
      }
      for (SnippetEvent event : events) {
        if (event.status() == Snippet.Status.REJECTED) {
          String diags = shell.diagnostics(event.snippet()).map(this::message)
              .collect(Collectors.joining("; "));
          problems.add(where + ":" + line + ": rejected: " + first(snippet) + " — " + diags);
        }
        if (event.exception() != null) {
          String type = event.exception() instanceof jdk.jshell.EvalException eval
              ? eval.getExceptionClassName() : event.exception().getClass().getName();
          problems.add(where + ":" + line + ": threw " + type.substring(type.lastIndexOf('.') + 1)
              + ": " + event.exception().getMessage() + " in: " + first(snippet));
        }
      }
      Matcher expected = PRINTS.matcher(firstLineOf(remaining));
      if (expected.matches()) {
        int skip = Math.min(remaining.length(), firstLineOf(remaining).length() + 1);
        consumed += skip;
        remaining = remaining.substring(skip);
        String printed = output.toString(StandardCharsets.UTF_8);
        if (!printed.contains(expected.group(1).trim())) {
          problems.add(where + ":" + line + ": expected output containing \"" + expected.group(1).trim()
              + "\" but got \"" + printed.strip() + "\"");
        }
      }
    }
    return problems;
  }

  private static String stripCommands(String source, String where, int firstLine, List<String> problems) {
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String trimmed = lines[i].trim();
      if (trimmed.startsWith("/") && !trimmed.startsWith("//") && !trimmed.startsWith("/*")) {
        if (!trimmed.equals("/exit")) {
          problems.add(where + ":" + (firstLine + i) + ": JShell command " + trimmed
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

  private static int lineOf(String text, int offset) {
    int line = 0;
    for (int i = 0; i < Math.min(offset, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** Where the code of the next snippet starts: past blank lines and line comments. */
  private static int leadingBlankOrComments(String text) {
    int i = 0;
    while (i < text.length()) {
      if (Character.isWhitespace(text.charAt(i))) {
        i++;
      } else if (text.startsWith("//", i)) {
        int end = text.indexOf('\n', i);
        i = end < 0 ? text.length() : end + 1;
      } else {
        break;
      }
    }
    return i;
  }

  private static String firstLineOf(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
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
