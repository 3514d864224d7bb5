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
 * print. It carries a title, axis labels and the numbers as a text alternative.
 */
final class ChartSvg {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 56;
    private static final int BOTTOM = 48;
    private static final int TOP = 16;

    private ChartSvg() {}

    static DomContent figure(Event.Chart chart) {
        return j2html.TagCreator.figure(
                        svg(chart),
                        figcaption(
                                text(chart.title()),
                                iff(
                                        !chart.legend().isEmpty(),
                                        span(" — " + chart.legend()).withClass("chart-legend"))),
                        details(summary("The numbers"), p(chart.textAlternative()))
                                .withClass("chart-numbers"))
                .withClass("event-chart");
    }

    private static DomContent svg(Event.Chart chart) {
        List<DomContent> parts = new ArrayList<>();
        parts.add(tag("title").withText(chart.title()));
        parts.add(tag("desc").withText(chart.textAlternative()));
        int plotWidth = WIDTH - LEFT - 8;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double max = chart.maxValue();
        int n = Math.max(1, chart.bars().size());
        double slot = (double) plotWidth / n;
        double barWidth = Math.max(1, slot * 0.8);
        parts.add(line(LEFT, TOP, LEFT, TOP + plotHeight, "axis"));
        parts.add(line(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight, "axis"));
        parts.add(label(LEFT - 6, TOP + 10, "end", "tick", format(max)));
        parts.add(label(LEFT - 6, TOP + plotHeight, "end", "tick", "0"));
        int labelEvery = Math.max(1, (int) Math.ceil(n / 8.0));
        for (int i = 0; i < chart.bars().size(); i++) {
            Event.Bar bar = chart.bars().get(i);
            double h = bar.value() / max * plotHeight;
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            parts.add(
                    tag("rect")
                            .attr("x", num(x))
                            .attr("y", num(TOP + plotHeight - h))
                            .attr("width", num(barWidth))
                            .attr("height", num(h))
                            .attr("class", bar.highlight() ? "bar bar-highlight" : "bar")
                            .with(tag("title").withText(bar.label() + ": " + bar.display())));
            if (i % labelEvery == 0 || i == n - 1) {
                parts.add(
                        label(
                                x + barWidth / 2,
                                TOP + plotHeight + 16,
                                "middle",
                                "tick",
                                bar.label()));
            }
        }
        parts.add(
                label(LEFT + plotWidth / 2.0, HEIGHT - 8, "middle", "axis-label", chart.xLabel()));
        parts.add(
                tag("text")
                        .attr("class", "axis-label")
                        .attr("text-anchor", "middle")
                        .attr(
                                "transform",
                                "translate(14 " + num(TOP + plotHeight / 2.0) + ") rotate(-90)")
                        .withText(chart.yLabel()));
        return tag("svg")
                .attr("viewBox", "0 0 " + WIDTH + " " + HEIGHT)
                .attr("role", "img")
                .attr("aria-label", chart.title() + ". " + chart.textAlternative())
                .attr("class", "chart")
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

    private static String format(double value) {
        return new Event.Bar("", value, false).display();
    }
}
