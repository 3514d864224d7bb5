package dev.loopbacklab.web.view;

import static j2html.TagCreator.*;

import dev.loopbacklab.lesson.Event;
import j2html.tags.ContainerTag;
import j2html.tags.DomContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Event.Chart} as inline SVG on the server, so it reads without JavaScript and in
 * print. Two drawings of the same chart are sent, one shaped for wide columns and one for phones,
 * and CSS shows one: an SVG scales its text with its width, and one drawing cannot keep labels
 * readable at both 1280 and 390 px. Labels never overlap ({@link ChartLabels}); the value axis fits
 * the data and says when it is not a plain one from 0 ({@link ChartScale}); the numbers are a
 * table, and each bar's value is its title for screen readers.
 */
final class ChartSvg {
    /** The drawing's size in SVG units; CSS shows it at about that many pixels. */
    private record Box(int width, int height, String variant) {}

    private static final Box WIDE = new Box(640, 280, "chart-wide");
    private static final Box NARROW = new Box(300, 250, "chart-narrow");

    /** Font size of all chart text, in SVG units; lab.css sets the same. */
    static final double FONT = 14;

    private static final int TOP = 12;
    private static final int RIGHT = 8;

    private ChartSvg() {}

    static DomContent figure(Event.Chart chart) {
        ChartScale scale = ChartScale.fit(chart.bars());
        boolean highlighted = chart.bars().stream().anyMatch(b -> b.highlight() && b.value() > 0);
        String legend =
                highlighted || !chart.legend().startsWith("highlighted") ? chart.legend() : "";
        return j2html.TagCreator.figure(
                        svg(chart, scale, WIDE),
                        svg(chart, scale, NARROW),
                        figcaption(
                                text(chart.title()),
                                iff(
                                        !legend.isEmpty(),
                                        span(" — " + legend).withClass("chart-legend")),
                                iff(
                                        !scale.note().isEmpty(),
                                        span(" " + scale.note()).withClass("chart-scale"))),
                        details(summary("The numbers"), numbers(chart, scale))
                                .withClass("chart-numbers"))
                .withClass("event-chart");
    }

    private static DomContent numbers(Event.Chart chart, ChartScale scale) {
        return each(
                p(chart.title() + (scale.note().isEmpty() ? "" : ". " + scale.note())),
                table(
                                thead(tr(th(chart.xLabel()), th(chart.yLabel()))),
                                tbody(
                                        each(
                                                chart.bars(),
                                                bar ->
                                                        tr(
                                                                td(bar.label()),
                                                                td(bar.display())
                                                                        .withClass("num")))))
                        .withClass("chart-table"));
    }

    private static DomContent svg(Event.Chart chart, ChartScale scale, Box box) {
        List<DomContent> parts = new ArrayList<>();
        parts.add(tag("title").withText(chart.title()));
        parts.add(tag("desc").withText(chart.textAlternative()));
        List<Double> ticks = scale.ticks();
        double tickWidth =
                ticks.stream()
                        .mapToDouble(t -> ChartLabels.width(ChartScale.format(t), FONT))
                        .max()
                        .orElse(FONT);
        double left = FONT * 1.6 + tickWidth + 8;
        double bottom = FONT * 2 + 16;
        double plotWidth = box.width() - left - RIGHT;
        double plotHeight = box.height() - TOP - bottom;
        double base = TOP + plotHeight;
        int n = Math.max(1, chart.bars().size());
        double slot = plotWidth / n;
        double barWidth = Math.max(1, slot * 0.8);
        parts.add(line(left, TOP, left, base, "axis"));
        parts.add(line(left, base, left + plotWidth, base, "axis"));
        // from the top down: a tick too close to the one above it would overlap it
        double above = Double.NEGATIVE_INFINITY;
        for (int t = ticks.size() - 1; t >= 0; t--) {
            double y = base - scale.fraction(ticks.get(t)) * plotHeight;
            if (y - above >= FONT * 1.5) {
                String text = ChartScale.format(ticks.get(t));
                parts.add(label(left - 6, y + FONT * 0.35, "end", "tick", text));
                above = y;
            }
        }
        List<String> texts = new ArrayList<>();
        List<Double> centers = new ArrayList<>();
        for (int i = 0; i < chart.bars().size(); i++) {
            Event.Bar bar = chart.bars().get(i);
            double h = scale.fraction(bar.value()) * plotHeight;
            double x = left + i * slot + (slot - barWidth) / 2;
            parts.add(
                    tag("rect")
                            .attr("x", num(x))
                            .attr("y", num(base - h))
                            .attr("width", num(barWidth))
                            .attr("height", num(h))
                            .attr("class", bar.highlight() ? "bar bar-highlight" : "bar")
                            .with(tag("title").withText(bar.label() + ": " + bar.display())));
            texts.add(bar.label());
            centers.add(x + barWidth / 2);
        }
        ChartLabels.Result labels =
                ChartLabels.place(texts, centers, FONT, left, box.width() - 2.0);
        for (ChartLabels.Placed placed : labels.labels()) {
            parts.add(label(placed.x(), base + FONT + 6, "middle", "tick", placed.text()));
        }
        String xLabel = chart.xLabel() + (labels.shortened() ? " (bar start)" : "");
        parts.add(label(left + plotWidth / 2.0, box.height() - 6, "middle", "axis-label", xLabel));
        String yLabel = chart.yLabel() + (scale.kind() == ChartScale.Kind.LOG ? ", log scale" : "");
        parts.add(
                tag("text")
                        .attr("class", "axis-label")
                        .attr("text-anchor", "middle")
                        .attr(
                                "transform",
                                "translate("
                                        + num(FONT)
                                        + " "
                                        + num(TOP + plotHeight / 2.0)
                                        + ") rotate(-90)")
                        .withText(yLabel));
        return tag("svg")
                .attr("viewBox", "0 0 " + box.width() + " " + box.height())
                .attr("role", "img")
                .attr("aria-label", chart.title() + ". " + chart.textAlternative())
                .attr("class", "chart " + box.variant())
                .with(parts);
    }

    private static ContainerTag<?> line(double x1, double y1, double x2, double y2, String cls) {
        return tag("line")
                .attr("x1", num(x1))
                .attr("y1", num(y1))
                .attr("x2", num(x2))
                .attr("y2", num(y2))
                .attr("class", cls);
    }

    private static ContainerTag<?> label(
            double x, double y, String anchor, String cls, String text) {
        return tag("text")
                .attr("x", num(x))
                .attr("y", num(y))
                .attr("text-anchor", anchor)
                .attr("class", cls)
                .withText(text);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
