package dev.loopbacklab.web.view;

import dev.loopbacklab.lesson.LessonMarkdown;
import dev.loopbacklab.web.view.Models.Panel;
import dev.loopbacklab.web.view.Models.TocEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Turns a lesson's parsed Markdown into HTML (commonmark-java with GFM tables and heading anchors).
 * Fenced blocks named {@code experiment <id>} and {@code check <id>} become live panels, {@code
 * jshell} blocks become copyable code, and a {@code live connection} block becomes a marker the
 * page fills with facts about the request being served.
 */
public final class MarkdownView {
    /** Replaced, per request, by facts about the connection that fetched the page. */
    public static final String CONNECTION_MARKER = "<!--lab:connection-->";

    /**
     * Replaced, per request, by the address the page was reached at (its host and port). Plain text
     * that HTML escaping leaves alone, so it can stand in a title, an attribute or {@code <title>}.
     */
    public static final String ADDRESS_MARKER = "@@lab:address@@";

    private static final List<org.commonmark.Extension> EXTENSIONS =
            List.of(TablesExtension.create(), HeadingAnchorExtension.create());

    private MarkdownView() {}

    /** Rendered HTML and the headings for a table of contents. */
    public record Rendered(String html, List<TocEntry> toc) {}

    /**
     * Renders {@code document}, the tree {@link dev.loopbacklab.lesson.LessonParser} parsed once
     * and took the embeds from; {@code panels} gives the panel for an id, or null if unknown.
     */
    public static Rendered render(Node document, Function<String, Panel> panels) {
        return render(document, panels, 0);
    }

    /**
     * Renders facilitator notes inside a lesson's page: their headings one level down, so that the
     * page keeps its one {@code <h1>}.
     */
    public static Rendered renderNotes(Node document, Function<String, Panel> panels) {
        return render(document, panels, 1);
    }

    /** Renders one line of Markdown (a step's "what"), without the paragraph around it. */
    public static String inline(String markdown) {
        String html =
                HtmlRenderer.builder()
                        .extensions(EXTENSIONS)
                        .build()
                        .render(LessonMarkdown.parse(markdown))
                        .strip();
        return html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 1) < 0
                ? html.substring(3, html.length() - 4)
                : html;
    }

    /** A part of a lesson cut at its {@code ##} headings: the heading's text and the HTML. */
    public record Part(String title, String html) {}

    /**
     * Renders {@code document} cut at each {@code ##} heading: the first part is what comes before
     * the first heading (its title is empty), then one part per section, its heading included.
     */
    public static List<Part> parts(Node document, Function<String, Panel> panels) {
        HtmlRenderer renderer =
                HtmlRenderer.builder()
                        .extensions(EXTENSIONS)
                        .nodeRendererFactory(context -> new BlockRenderer(context, panels, 0))
                        .build();
        List<Part> parts = new ArrayList<>();
        String title = "";
        StringBuilder html = new StringBuilder();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && heading.getLevel() == 2) {
                parts.add(new Part(title, html.toString()));
                title = LessonMarkdown.textOf(heading);
                html.setLength(0);
            }
            html.append(renderer.render(node));
        }
        parts.add(new Part(title, html.toString()));
        return parts;
    }

    /**
     * A step of a lesson as the presenter cuts it: its heading's text and id on the lesson page.
     */
    public record StepHeading(String title, String anchor) {}

    /**
     * The steps {@link #parts} cuts {@code document} into, without rendering them: first the
     * opening (no title, no anchor), then each {@code ##} section with the id its heading gets.
     */
    public static List<StepHeading> steps(Node document) {
        IdGenerator ids = IdGenerator.builder().build();
        List<StepHeading> steps = new ArrayList<>();
        steps.add(new StepHeading("", null));
        document.accept(
                new AbstractVisitor() {
                    @Override
                    public void visit(Heading heading) {
                        String text = LessonMarkdown.textOf(heading);
                        String id = ids.generateId(text); // every heading takes its id, in order
                        if (heading.getLevel() == 2 && heading.getParent() == document) {
                            steps.add(new StepHeading(text, id));
                        }
                    }
                });
        return steps;
    }

    private static Rendered render(Node document, Function<String, Panel> panels, int shift) {
        HtmlRenderer renderer =
                HtmlRenderer.builder()
                        .extensions(EXTENSIONS)
                        .nodeRendererFactory(context -> new BlockRenderer(context, panels, shift))
                        .build();
        return new Rendered(renderer.render(document), toc(document));
    }

    private static List<TocEntry> toc(Node document) {
        IdGenerator ids = IdGenerator.builder().build();
        List<TocEntry> toc = new ArrayList<>();
        document.accept(
                new AbstractVisitor() {
                    @Override
                    public void visit(Heading heading) {
                        String text = LessonMarkdown.textOf(heading);
                        String id = ids.generateId(text);
                        if (heading.getLevel() >= 2 && heading.getLevel() <= 3) {
                            toc.add(new TocEntry(heading.getLevel(), id, text));
                        }
                    }
                });
        return toc;
    }

    private static final class BlockRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final Function<String, Panel> panels;
        private final int shift;

        BlockRenderer(HtmlNodeRendererContext context, Function<String, Panel> panels, int shift) {
            this.context = context;
            this.panels = panels;
            this.shift = shift;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(FencedCodeBlock.class, Heading.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof Heading heading) {
                renderHeading(heading);
                return;
            }
            FencedCodeBlock block = (FencedCodeBlock) node;
            String[] info = LessonMarkdown.infoWords(block);
            String kind = info[0];
            String id = info.length > 1 ? info[1] : "";
            String html;
            switch (kind) {
                case "experiment", "check" -> {
                    Panel panel = panels.apply(id);
                    html =
                            panel == null || panel.check() != kind.equals("check")
                                    ? Components.missing(kind, id).render()
                                    : Components.panel(panel).render();
                }
                case "jshell" -> html = JShellCell.render(block.getLiteral()).render();
                case "live" -> html = CONNECTION_MARKER;
                default -> {
                    String label =
                            Map.of(
                                            "bash",
                                            "Shell",
                                            "sh",
                                            "Shell",
                                            "java",
                                            "Java",
                                            "console",
                                            "Terminal",
                                            "text",
                                            "Text")
                                    .getOrDefault(kind, kind.isEmpty() ? "Text" : kind);
                    html =
                            Components.copyableCode(
                                            label,
                                            kind.isEmpty() ? "text" : kind,
                                            block.getLiteral())
                                    .render();
                }
            }
            context.getWriter().line();
            context.getWriter().raw(html);
            context.getWriter().line();
        }

        /**
         * A heading with its id (from the anchor extension) and a "#" link to itself for mouse
         * users to copy; hidden from screen readers and the tab order, which have the table of
         * contents.
         */
        private void renderHeading(Heading heading) {
            String tag = "h" + Math.min(6, heading.getLevel() + shift);
            Map<String, String> attributes = context.extendAttributes(heading, tag, Map.of());
            HtmlWriter writer = context.getWriter();
            writer.line();
            writer.tag(tag, attributes);
            for (Node child = heading.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            String id = attributes.get("id");
            if (id != null && heading.getLevel() >= 2) {
                writer.raw(
                        j2html.TagCreator.a("#")
                                .withHref("#" + id)
                                .withClass("heading-anchor")
                                .attr("aria-hidden", "true")
                                .attr("tabindex", "-1")
                                .render());
            }
            writer.tag("/" + tag);
            writer.line();
        }
    }
}
