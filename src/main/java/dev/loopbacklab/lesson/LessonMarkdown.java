package dev.loopbacklab.lesson;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The one Markdown parser of the lab. A lesson is parsed once, here; the embeds are read from the
 * same syntax tree the page renders, so a fenced block the page shows (at any depth: in a list
 * item, a block quote) is a block the content checker and the snippet tests see.
 */
public final class LessonMarkdown {
    /** The extensions the tree is parsed with; a renderer of the tree adds its own render side. */
    public static final List<org.commonmark.Extension> EXTENSIONS =
            List.of(TablesExtension.create());

    private static final Parser PARSER =
            Parser.builder()
                    .extensions(EXTENSIONS)
                    .includeSourceSpans(IncludeSourceSpans.BLOCKS)
                    .build();

    private LessonMarkdown() {}

    /** Parses {@code markdown}; never fails (CommonMark has no syntax errors). */
    public static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }

    /**
     * The fenced blocks of {@code document} that name an experiment, a check or a JShell snippet,
     * in document order. {@code firstLine} is the file line of the Markdown's first line, so an
     * embed's line is the line of its opening fence in the file. A block naming no id is a problem,
     * reported in {@code problems}.
     */
    static List<Lesson.Embed> embeds(
            Node document, int firstLine, String where, List<ContentChecker.Problem> problems) {
        List<Lesson.Embed> embeds = new ArrayList<>();
        document.accept(
                new AbstractVisitor() {
                    @Override
                    public void visit(FencedCodeBlock block) {
                        String[] info = infoWords(block);
                        Lesson.Embed.Kind kind =
                                switch (info[0]) {
                                    case "experiment" -> Lesson.Embed.Kind.EXPERIMENT;
                                    case "check" -> Lesson.Embed.Kind.CHECK;
                                    case "jshell" -> Lesson.Embed.Kind.JSHELL;
                                    default -> null;
                                };
                        if (kind == null) {
                            return;
                        }
                        int line = firstLine + lineIndex(block) + 1;
                        String id = info.length > 1 ? info[1] : "";
                        if (kind != Lesson.Embed.Kind.JSHELL && id.isEmpty()) {
                            problems.add(
                                    new ContentChecker.Problem(
                                            where + ":" + line, info[0] + " block names no id"));
                            return;
                        }
                        embeds.add(new Lesson.Embed(kind, id, block.getLiteral(), line));
                    }
                });
        return embeds;
    }

    /** The words of a fenced block's info string: {@code experiment echo-rtt} → two words. */
    public static String[] infoWords(FencedCodeBlock block) {
        String info = block.getInfo() == null ? "" : block.getInfo().strip();
        return info.isEmpty() ? new String[] {""} : info.split("\\s+");
    }

    /** The text of the headings of {@code level} in {@code document}, in order. */
    public static List<String> headings(Node document, int level) {
        List<String> headings = new ArrayList<>();
        document.accept(
                new AbstractVisitor() {
                    @Override
                    public void visit(Heading heading) {
                        if (heading.getLevel() == level) {
                            headings.add(textOf(heading));
                        }
                    }
                });
        return headings;
    }

    /** The plain text of {@code node}: its text and inline code, without markup. */
    public static String textOf(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(
                new AbstractVisitor() {
                    @Override
                    public void visit(Text t) {
                        text.append(t.getLiteral());
                    }

                    @Override
                    public void visit(Code code) {
                        text.append(code.getLiteral());
                    }
                });
        return text.toString();
    }

    private static int lineIndex(Node node) {
        return node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getLineIndex();
    }
}
