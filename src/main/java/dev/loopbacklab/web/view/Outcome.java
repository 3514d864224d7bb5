package dev.loopbacklab.web.view;

import static j2html.TagCreator.span;
import static j2html.TagCreator.text;

import j2html.tags.DomContent;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What became of a connection attempt, read from the words the experiments write ("connected",
 * "refused: Connection refused", "timed out after 500 ms", "unreachable: …", "error: …"), so that a
 * result matrix can be coloured. The colour only repeats the word, which always stays.
 */
final class Outcome {
    /** The words, each with the class lab.css colours; the first that starts a cell wins. */
    private static final List<String[]> WORDS =
            List.of(
                    new String[] {"connected", "outcome-connected"},
                    new String[] {"refused", "outcome-refused"},
                    new String[] {"timed out", "outcome-timeout"},
                    new String[] {"unreachable", "outcome-failed"},
                    new String[] {"error", "outcome-failed"},
                    new String[] {"failed", "outcome-failed"});

    /** A verdict's detail line "127.0.0.1:7000 → refused: Connection refused". */
    private static final Pattern ARROW = Pattern.compile("(.* → )(.+)");

    private Outcome() {}

    /**
     * The class for a cell that is an outcome: the word alone, or followed by ":" and a detail, or
     * by " after" and a time ("timed out after 500 ms"); null for any other cell.
     */
    static String classOf(String cell) {
        for (String[] word : WORDS) {
            if (cell.equals(word[0])
                    || cell.startsWith(word[0] + ":")
                    || cell.startsWith(word[0] + " after ")) {
                return "outcome " + word[1];
            }
        }
        return null;
    }

    /** A detail line with its outcome marked, or null when it names none. */
    static DomContent[] detail(String line) {
        Matcher m = ARROW.matcher(line);
        if (!m.matches() || classOf(m.group(2)) == null) {
            return null;
        }
        return new DomContent[] {text(m.group(1)), span(m.group(2)).withClass(classOf(m.group(2)))};
    }
}
