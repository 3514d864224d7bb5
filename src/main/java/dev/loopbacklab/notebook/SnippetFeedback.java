package dev.loopbacklab.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Turns what JShell says about one snippet into the events shown under the cell, in the jshell
 * tool's words ({@code x ==> 5}, {@code created method m()}), with compiler messages and stack
 * frames pointing at the cell's own lines.
 */
final class SnippetFeedback {
    private static final int MAX_FRAMES = 12;

    private SnippetFeedback() {}

    /**
     * Reports {@code events} of {@code piece} of {@code cell} ({@code code} is the cell as run,
     * commands blanked); true if the snippet failed (rejected, or threw).
     */
    static boolean report(
            JShell shell,
            List<SnippetEvent> events,
            CellSplitter.Piece piece,
            String[] cellLines,
            String code,
            Consumer<CellEvent> emit) {
        boolean failed = false;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // a consequence of another snippet (one it replaced), not news
            }
            Snippet snippet = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                List<Diag> diags = shell.diagnostics(snippet).toList();
                for (Diag diag : diags) {
                    emit.accept(diagnostic(diag, piece, cellLines, code));
                }
                if (diags.isEmpty()) {
                    emit.accept(
                            new CellEvent.Notice(
                                    "line "
                                            + (piece.firstLine() + 1)
                                            + ": JShell could not take this snippet."));
                }
                failed = true;
                continue;
            }
            if (event.exception() != null) {
                emit.accept(failure(event.exception(), snippet, piece));
                failed = true;
                continue;
            }
            String made = made(snippet, event);
            if (made != null) {
                emit.accept(new CellEvent.Value(made));
            }
            if (snippet instanceof jdk.jshell.DeclarationSnippet declaration
                    && (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                            || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED)) {
                List<String> missing = shell.unresolvedDependencies(declaration).toList();
                if (!missing.isEmpty()) {
                    emit.accept(
                            new CellEvent.Notice(
                                    "it cannot be used until "
                                            + String.join(", ", missing)
                                            + " is declared"));
                }
            }
        }
        return failed;
    }

    private static String made(Snippet snippet, SnippetEvent event) {
        String verb =
                event.previousStatus() == Snippet.Status.NONEXISTENT ? "created " : "replaced ";
        return switch (snippet.kind()) {
            case VAR, EXPRESSION ->
                    event.value() == null ? null : name(snippet) + " ==> " + event.value();
            case METHOD -> {
                MethodSnippet method = (MethodSnippet) snippet;
                yield verb + "method " + method.name() + "(" + method.parameterTypes() + ")";
            }
            case TYPE_DECL -> {
                TypeDeclSnippet type = (TypeDeclSnippet) snippet;
                yield verb + kindOf(type) + " " + type.name();
            }
            default -> null;
        };
    }

    private static String name(Snippet snippet) {
        if (snippet instanceof jdk.jshell.VarSnippet variable) {
            return variable.name();
        }
        if (snippet instanceof jdk.jshell.ExpressionSnippet expression) {
            return expression.name();
        }
        return "";
    }

    private static String kindOf(TypeDeclSnippet type) {
        return switch (type.subKind()) {
            case INTERFACE_SUBKIND -> "interface";
            case ENUM_SUBKIND -> "enum";
            case ANNOTATION_TYPE_SUBKIND -> "annotation interface";
            default -> type.subKind().name().startsWith("RECORD") ? "record" : "class";
        };
    }

    private static CellEvent.Diagnostic diagnostic(
            Diag diag, CellSplitter.Piece piece, String[] cellLines, String code) {
        long position = diag.getPosition() >= 0 ? diag.getPosition() : diag.getStartPosition();
        int at = (int) Math.min(code.length(), piece.startOffset() + Math.max(0, position));
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (code.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        long span = diag.getEndPosition() - Math.max(position, diag.getStartPosition());
        String source = line < cellLines.length ? cellLines[line] : "";
        return new CellEvent.Diagnostic(
                diag.isError(),
                line + 1,
                at - lineStart + 1,
                (int) Math.max(1, Math.min(span, Math.max(1, source.length() - (at - lineStart)))),
                // JShell's wrapper class has no name: "location: class " says nothing
                diag.getMessage(Locale.ROOT).replaceAll("\\n\\s*location: class\\s*$", ""),
                source);
    }

    private static CellEvent.Failure failure(
            JShellException exception, Snippet snippet, CellSplitter.Piece piece) {
        String text;
        if (exception instanceof UnresolvedReferenceException unresolved) {
            text =
                    "this uses "
                            + unresolved
                                    .getSnippet()
                                    .source()
                                    .strip()
                                    .lines()
                                    .findFirst()
                                    .orElse("")
                            + ", which cannot run until what it needs is declared";
        } else if (exception instanceof EvalException thrown) {
            text =
                    thrown.getExceptionClassName()
                            + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
        } else {
            text = exception.toString();
        }
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : exception.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("jdk.jshell.")
                    || type.startsWith("jdk.internal.reflect.")
                    || type.startsWith("java.lang.reflect.")
                    || frames.size() == MAX_FRAMES) {
                break;
            }
            String file = frame.getFileName();
            if (file != null && file.startsWith("#")) {
                frames.add(
                        file.equals("#" + snippet.id())
                                ? "at line "
                                        + (piece.firstLine() + frame.getLineNumber())
                                        + " of this cell"
                                : "at ("
                                        + file
                                        + ":"
                                        + frame.getLineNumber()
                                        + "), an earlier snippet");
            } else {
                frames.add("at " + frame);
            }
        }
        return new CellEvent.Failure(text, frames);
    }
}
