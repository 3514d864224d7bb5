package dev.loopbacklab.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.loopbacklab.experiments.Experiments;
import dev.loopbacklab.lesson.ContentRoot;
import dev.loopbacklab.testing.OneLab;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.web.LabConfig;
import dev.loopbacklab.web.LabServer;
import dev.loopbacklab.web.security.TokenGate;
import dev.loopbacklab.web.view.MarkdownView;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lesson 00's title names the address the learner used: the port the lab really runs on (an
 * OS-picked one here, as when 62893 is busy) and the name in the address bar, a room's name too.
 */
class YouAreHereTitleTest {
    @RegisterExtension static final OneLab lab = OneLab.of(TestLab::real);

    private static Document page(LabServer lab, String path, String host, String headers)
            throws Exception {
        RawHttp.Response response =
                RawHttp.send(
                        lab.port(),
                        "GET "
                                + path
                                + " HTTP/1.1\nHost: "
                                + host
                                + "\n"
                                + headers
                                + "Connection: close\n\n");
        assertEquals(200, response.status(), path + " " + host);
        assertFalse(
                response.body().contains(MarkdownView.ADDRESS_MARKER),
                "the marker never reaches a reader: " + path);
        return Jsoup.parse(response.body());
    }

    @Test
    void theLessonPageNamesThePortTheLabRunsOnAndTheNameTheLearnerTyped() throws Exception {
        int port = lab.port();
        for (String host : List.of("127.0.0.1", "localhost", "[::1]")) {
            Document lesson = page(lab.server(), "/lessons/you-are-here", host + ":" + port, "");
            String expected = "You are reading " + host + ":" + port;
            assertEquals(expected, lesson.selectFirst("h1").text(), host);
            assertEquals(expected + " · Loopback Lab", lesson.title(), host);
        }
    }

    @Test
    void theIndexAndTheNextLessonsLinkBackSayTheSame() throws Exception {
        String here = "localhost:" + lab.port();
        Document index = page(lab.server(), "/", here, "");
        assertEquals(
                1,
                index.select("a[href=/lessons/you-are-here]").stream()
                        .filter(a -> a.text().contains("You are reading " + here))
                        .count(),
                index.select("a[href=/lessons/you-are-here]").toString());
        Document next = page(lab.server(), "/lessons/loopback-echo", here, "");
        assertEquals(
                1,
                next.select("a[href=/lessons/you-are-here]").stream()
                        .filter(a -> a.text().contains("You are reading " + here))
                        .count(),
                next.select("a[href=/lessons/you-are-here]").toString());
    }

    @Test
    void printoutsThatServeEveryLearnerSayPortInWords() throws Exception {
        String here = "127.0.0.1:" + lab.port();
        // the agenda is printed for a whole room: each learner's lab has its own port
        assertEquals(
                true,
                page(lab.server(), "/agenda", here, "")
                        .text()
                        .contains("You are reading 127.0.0.1:<port>"));
        for (String path : List.of("/handout", "/facilitator")) {
            page(lab.server(), path, here, ""); // and no marker leaks into them (page() checks)
        }
    }

    @Test
    void aRoomReachedByItsNameShowsThatName() throws Exception {
        // a room listens on the wildcard; the test still connects through 127.0.0.1 only
        try (LabServer room =
                LabServer.start(
                        LabConfig.room(
                                "0.0.0.0",
                                0,
                                ContentRoot.disk(Path.of("")),
                                Set.of("lab.test"),
                                TestLab.ROOM_TOKEN),
                        Experiments.registry(),
                        "test")) {
            Document lesson =
                    page(
                            room,
                            "/lessons/you-are-here",
                            "lab.test:" + room.port(),
                            "Cookie: " + TokenGate.COOKIE + "=" + TestLab.ROOM_TOKEN + "\n");
            assertEquals(
                    "You are reading lab.test:" + room.port(), lesson.selectFirst("h1").text());
        }
    }
}
