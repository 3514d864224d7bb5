package dev.loopbacklab.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopbacklab.lesson.Event;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Result matrices carry each attempt's outcome as a class beside its words. */
class OutcomeTest {
    @Test
    void matrixCellsAreClassedByTheirOutcomeAndKeepTheirWords() {
        Document html =
                Jsoup.parse(
                        EventHtml.render(
                                new Event.Table(
                                        "Listener × probe",
                                        List.of("listener", "via 127.0.0.1", "via ::1", "via x"),
                                        List.of(
                                                List.of(
                                                        "127.0.0.1",
                                                        "connected",
                                                        "refused: Connection refused",
                                                        "timed out after 500 ms"),
                                                List.of(
                                                        "connected clients",
                                                        "unreachable: No route",
                                                        "error: odd",
                                                        "connected, then closed")))));
        assertEquals(
                List.of(
                        "",
                        "outcome outcome-connected",
                        "outcome outcome-refused",
                        "outcome outcome-timeout",
                        "",
                        "outcome outcome-failed",
                        "outcome outcome-failed",
                        ""),
                html.select("td").stream().map(td -> td.className()).toList());
        assertEquals("refused: Connection refused", html.select("td.outcome-refused").text());
    }

    @Test
    void aCellOfProseIsGivenRoomAndAValueIsNot() {
        Document html =
                Jsoup.parse(
                        EventHtml.render(
                                new Event.Table(
                                        "t",
                                        List.of("port", "reading"),
                                        List.of(
                                                List.of(
                                                        "7070",
                                                        "bound to 0.0.0.0: reachable through every"
                                                                + " address of this machine")))));
        assertEquals(
                List.of("", "long-text"),
                html.select("td").stream().map(td -> td.className()).toList());
    }

    @Test
    void aVerdictsDetailLinesMarkTheirOutcome() {
        Document html =
                Jsoup.parse(
                        EventHtml.render(
                                new Event.Verdict(
                                        false,
                                        "Only IPv4 answers",
                                        List.of(
                                                "127.0.0.1:7009 → connected",
                                                "[::1]:7009 → refused: Connection refused",
                                                "socket table: `tcp LISTEN 127.0.0.1:7009`"))));
        assertEquals(
                List.of("connected", "refused: Connection refused"),
                html.select("li span.outcome").stream().map(s -> s.text()).toList());
        assertEquals("[::1]:7009 → refused: Connection refused", html.select("li").get(1).text());
        assertEquals(1, html.select("li code").size(), "other lines keep their inline code");
    }
}
