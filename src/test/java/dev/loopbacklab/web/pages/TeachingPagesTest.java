package dev.loopbacklab.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.OneLab;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.TestLab;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The teaching pages, parsed with jsoup, from a lab serving the fixture lessons. */
class TeachingPagesTest {
    @RegisterExtension static final OneLab lab = OneLab.of(TestLab::start);

    private static RawHttp.Response get(String path) throws Exception {
        return RawHttp.get(lab.port(), path, "127.0.0.1:" + lab.port());
    }

    private static Document page(String path) throws Exception {
        RawHttp.Response response = get(path);
        assertEquals(200, response.status(), path);
        return Jsoup.parse(response.body());
    }

    @Test
    void theAgendaShowsEachBlockWithItsTimesTheTotalAndWhatToPrepare() throws Exception {
        Document agenda = page("/agenda?plan=first,break-10,second&start=13:30");
        assertEquals(
                List.of(
                        "13:30 13:35 5 00 The first lesson Present",
                        "13:35 13:45 10 Break",
                        "13:45 13:52 7 01 The second lesson Present"),
                agenda.select("table.agenda tbody tr").eachText());
        assertTrue(agenda.selectFirst(".agenda-total").text().contains("22 minutes"));
        assertTrue(agenda.selectFirst(".agenda-prepare").text().contains("Run test-count once"));
        assertEquals(
                "/lessons/first/present",
                agenda.selectFirst("table.agenda a[aria-label=Present The first lesson]")
                        .attr("href"));
        assertEquals(
                "/handout?plan=first%2Cbreak-10%2Csecond&start=13%3A30",
                agenda.selectFirst(".agenda-print a").attr("href"));
    }

    @Test
    void theHandoutsCommandsAreWholeWithOneRowPerSystem() throws Exception {
        Document handout = page("/handout?plan=first");
        var range = handout.select("table.handout-commands tbody").get(2);
        assertEquals(
                "Show the ephemeral range Linux cat /proc/sys/net/ipv4/ip_local_port_range"
                        + " macOS sysctl net.inet.ip.portrange.first net.inet.ip.portrange.last"
                        + " Windows netsh int ipv4 show dynamicport tcp",
                range.text(),
                "the words are the commands, as typed");
        assertEquals("3", range.selectFirst("th[scope=rowgroup]").attr("rowspan"));
        assertEquals(3, range.select("th[scope=row]").size());
        assertEquals(
                "cat /proc/sys/net/ipv4/ip_local_port_range",
                range.select("code.command").get(0).html(),
                "no break opportunity inside a command");
        assertTrue(handout.select("table.handout-commands wbr").isEmpty());
    }

    @Test
    void theDefaultAgendaIsTheWholeCourse() throws Exception {
        assertEquals(2, page("/agenda").select("table.agenda a[aria-label]").size());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/agenda?plan=first,nope",
                "/agenda?start=25:00",
                "/handout?plan=break-999",
                "/facilitator?plan=%3Cscript%3E"
            })
    void aPlanThatCannotBeReadIsA400ThatSaysWhy(String path) throws Exception {
        RawHttp.Response response = get(path);
        assertEquals(400, response.status(), path);
        assertFalse(response.body().contains("<script>"), response.body());
        assertNotNull(Jsoup.parse(response.body()).selectFirst("h1"));
    }

    @Test
    void thePresenterHasOneStepPerSectionWithItsMinutesAndNoNotes() throws Exception {
        Document present = page("/lessons/first/present");
        assertEquals(
                List.of("The first lesson", "Counting", "Judging"),
                present.select(".present-step").eachAttr("data-title"));
        assertEquals(
                List.of("0", "3", "2"), present.select(".present-step").eachAttr("data-minutes"));
        assertEquals(1, present.select("h1").size());
        assertNotNull(present.selectFirst(".present-step [data-experiment=test-count]"));
        assertTrue(present.select(".notes-text, .facilitator-notes").isEmpty());
        assertEquals(
                "How far does it count?",
                present.selectFirst(".present-step[data-step=1] .question .ask").text());
        assertEquals("/assets/presenter.js", present.select("script[src]").last().attr("src"));
        assertTrue(present.select("script:not([src])").isEmpty(), "no inline script");
    }

    @Test
    void theSpeakerWindowHasEachStepsTimingQuestionsAndAllNotes() throws Exception {
        Document speaker = page("/lessons/first/speaker");
        assertEquals(3, speaker.select(".speaker-step").size());
        assertTrue(
                speaker.selectFirst(".speaker-step[data-step=1]")
                        .text()
                        .contains("3 min: Run the counter."));
        assertTrue(speaker.selectFirst(".speaker-all-notes").text().contains("Ask the room."));
        assertEquals(1, speaker.select("h1").size());
    }

    @Test
    void anUnknownLessonHasNoPresenterOrSpeaker() throws Exception {
        assertEquals(404, get("/lessons/nope/present").status());
        assertEquals(404, get("/lessons/nope/speaker").status());
    }

    @Test
    void inARoomOnlyThisMachineIsTheTeacher() {
        assertTrue(TeachingPages.isTeacher(false, "192.0.2.7"), "no room: everyone teaches");
        assertTrue(TeachingPages.isTeacher(true, "127.0.0.1"));
        assertTrue(TeachingPages.isTeacher(true, "[::1]"));
        assertTrue(TeachingPages.isTeacher(true, "0:0:0:0:0:0:0:1"));
        assertFalse(TeachingPages.isTeacher(true, "192.0.2.7"));
        assertFalse(TeachingPages.isTeacher(true, "::ffff:192.0.2.7"));
        assertFalse(TeachingPages.isTeacher(true, "lab.test"), "names are not looked up");
        assertFalse(TeachingPages.isTeacher(true, null));
    }
}
