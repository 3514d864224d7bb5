package dev.loopbacklab.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.experiments.Experiments;
import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The words a learner reads: labels, bounds, inline code in results, charts' captions. */
class ReadingWordsTest {
    private static Models.Field field(ParamSpec spec) {
        return Models.Field.of(spec);
    }

    @Test
    void aFieldIsLabelledByWhatItMeansNotByItsName() {
        Models.Field wait =
                field(ParamSpec.integer("wait-seconds", 60, 1, 120, "how long to wait for you"));
        assertEquals("How long to wait for you", FieldWords.label(wait));
        assertEquals("from 1 to 120 seconds", FieldWords.bounds(wait));
        Models.Field lan = field(ParamSpec.bool("lan", false, "also probe this machine"));
        assertEquals("Also probe this machine", FieldWords.label(lan));
        assertEquals("", FieldWords.bounds(lan), "a checkbox says no \"true or false\"");
    }

    @Test
    void aPanelWritesItsDefaultAsItWritesTheBoundsAndReadsItBack() {
        Experiment rtt = Experiments.registry().find("echo-rtt").orElseThrow();
        Document panel =
                Jsoup.parse(
                        Components.panel(
                                        new Models.Panel(
                                                rtt.id(),
                                                false,
                                                rtt.title(),
                                                rtt.description(),
                                                rtt.params().stream()
                                                        .map(Models.Field::of)
                                                        .toList()))
                                .render());
        String count = panel.selectFirst("input[name=count]").val();
        assertEquals("10,000", count, "grouped, next to \"from 1 to 1,000,000\"");
        assertEquals(
                "from 1 to 1,000,000", panel.selectFirst("[data-field=count] .field-help").text());
        // What the page shows is what the lab reads when Run sends it unchanged.
        assertEquals(10_000, Params.parse(rtt.params(), Map.of("count", count)).integer("count"));
        // A port is written as an address writes it, not as a quantity.
        Models.Field port = field(ParamSpec.yourServerPort(7010));
        assertEquals("7010", port.value());
    }

    @Test
    void backticksInResultsShowAsCodeAndTextStaysEscaped() {
        Document narration =
                Jsoup.parse(
                        EventHtml.render(
                                new Event.Narration(
                                        "run `ss -tan state time-wait` <b>now</b>, a lone ` stays")));
        assertEquals("ss -tan state time-wait", narration.selectFirst("code").text());
        assertEquals(
                "run ss -tan state time-wait <b>now</b>, a lone ` stays",
                narration.selectFirst("p").text());
        assertTrue(narration.select("b").isEmpty(), "text is never markup");
        Document verdict =
                Jsoup.parse(
                        EventHtml.render(
                                new Event.Verdict(false, "No.", List.of("try `curl http://x/`"))));
        assertEquals("curl http://x/", verdict.selectFirst("li code").text());
    }

    @Test
    void aCaptionSpeaksOfHighlightedBarsOnlyWhenOneShows() {
        Event.Bar plain = new Event.Bar("#1", 34_500, false);
        Event.Bar other = new Event.Bar("#2", 34_510, false);
        Document chart =
                Jsoup.parse(
                        EventHtml.render(
                                new Event.Chart(
                                        "Source ports",
                                        "connection",
                                        "port",
                                        List.of(plain, other),
                                        "highlighted: outside the range")));
        String caption = chart.selectFirst("figcaption").text();
        assertTrue(!caption.contains("highlighted"), caption);
        assertTrue(caption.contains("starts at 34,495, not 0"), caption);
        assertEquals(2, chart.select(".chart-table tbody tr").size());
        assertEquals(2, chart.select("svg.chart").size(), "a wide and a narrow drawing");
    }

    @Test
    void aHeavyTailGetsALogScaleThatSaysSo() {
        List<Event.Bar> bars =
                List.of(
                        new Event.Bar("1", 5_000, true),
                        new Event.Bar("2", 3, false),
                        new Event.Bar("3", 2, false),
                        new Event.Bar("4", 1, false));
        assertEquals(ChartScale.Kind.LOG, ChartScale.fit(bars).kind());
        assertEquals(ChartScale.Kind.LINEAR, ChartScale.fit(bars.subList(1, 4)).kind());
    }

    @Test
    void labelsThatCannotAllFitAreThinnedAndNeverOverlap() {
        List<String> labels = new java.util.ArrayList<>();
        List<Double> centers = new java.util.ArrayList<>();
        for (int i = 0; i < 28; i++) {
            labels.add((32768 + i * 1009) + "–" + (32768 + i * 1009 + 1008));
            centers.add(60 + i * 10.0);
        }
        ChartLabels.Result placed = ChartLabels.place(labels, centers, 14, 50, 340);
        assertTrue(placed.shortened(), "ranges shortened to their start");
        assertTrue(placed.labels().size() >= 2, placed.labels().toString());
        for (int i = 1; i < placed.labels().size(); i++) {
            ChartLabels.Placed a = placed.labels().get(i - 1);
            ChartLabels.Placed b = placed.labels().get(i);
            double gap =
                    (b.x() - ChartLabels.width(b.text(), 14) / 2)
                            - (a.x() + ChartLabels.width(a.text(), 14) / 2);
            assertTrue(gap > 0, a + " overlaps " + b);
        }
    }
}
