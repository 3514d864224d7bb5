package dev.loopbacklab.notebook;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Cuts a cell's code into the snippets JShell evaluates one at a time, as the jshell tool reads
 * what is typed or pasted, and remembers the line of the cell each one starts on, so that messages
 * can point at the cell's own lines. JShell commands ({@code /vars}) are not Java: they are taken
 * out and named.
 */
final class CellSplitter {
    /**
     * One snippet: its source as JShell takes it, the line of the cell (from 0) its code starts on
     * (stack frames count from there), and where its source starts in the cell (compiler positions
     * count from there).
     */
    record Piece(String source, int firstLine, int startOffset) {}

    /** A cell, cut: the snippets in order, and the lines (from 1) holding commands left out. */
    record Cut(List<Piece> pieces, List<Integer> commandLines) {}

    private CellSplitter() {}

    static Cut cut(String cell, SourceCodeAnalysis analysis) {
        String[] lines = cell.replace("\r\n", "\n").split("\n", -1);
        List<Integer> commands = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String trimmed = lines[i].trim();
            if (trimmed.startsWith("/") && !trimmed.startsWith("//") && !trimmed.startsWith("/*")) {
                commands.add(i + 1);
                lines[i] = "";
            }
        }
        String code = String.join("\n", lines);
        List<Piece> pieces = new ArrayList<>();
        int offset = 0;
        while (offset < code.length()) {
            String rest = code.substring(offset);
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.completeness() == Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                // unfinished at the end of the cell: JShell's own message says what is missing
                pieces.add(new Piece(rest, lineOf(code, offset + firstCode(rest)), offset));
                break;
            }
            String source = info.source();
            // JShell's positions count from the start of the source it was given, which keeps the
            // blanks before the code (and may end in a ';' it added)
            boolean asWritten =
                    rest.startsWith(source)
                            || source.endsWith(";")
                                    && rest.startsWith(source.substring(0, source.length() - 1));
            int code0 = offset + firstCode(rest);
            pieces.add(new Piece(source, lineOf(code, code0), asWritten ? offset : code0));
            int used = rest.length() - info.remaining().length();
            if (used <= 0) {
                break;
            }
            offset += used;
        }
        return new Cut(pieces, commands);
    }

    /** Where the code starts in {@code text}, past blanks and comments. */
    private static int firstCode(String text) {
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end + 1;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else {
                return i;
            }
        }
        return 0;
    }

    private static int lineOf(String text, int offset) {
        int line = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
