package dev.loopbacklab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.LabCommand;
import dev.loopbacklab.testing.OneLab;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.TestLab;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pages, parsed with jsoup, served by a lab on 127.0.0.1:0. */
class SiteTest {
    @RegisterExtension static final OneLab lab = OneLab.of(TestLab::start);

    static RawHttp.Response get(String path) throws Exception {
        return RawHttp.get(lab.port(), path, "127.0.0.1:" + lab.port());
    }

    static Document page(String path) throws Exception {
        RawHttp.Response response = get(path);
        assertEquals(200, response.status(), path);
        assertTrue(response.header("content-type").startsWith("text/html"));
        return Jsoup.parse(response.body(), "http://127.0.0.1:" + lab.port() + "/");
    }

    @Test
    void indexListsTheLessonPathInOrder() throws Exception {
        Document index = page("/");
        List<Element> cards = index.select("li.lesson-card");
        assertEquals(
                List.of("first", "second"),
                cards.stream().map(c -> c.attr("data-lesson")).toList());
        assertEquals("00 The first lesson", cards.get(0).selectFirst("a").text());
        assertEquals("/lessons/first", cards.get(0).selectFirst("a").attr("href"));
        assertTrue(cards.get(0).text().contains("5 min"));
        assertTrue(cards.get(0).text().contains("A lesson for tests."));
        assertEquals("test-judge", cards.get(0).attr("data-checks"));
    }

    @Test
    void lessonPageHasTocPanelsAndPreviousNext() throws Exception {
        Document lesson = page("/lessons/first");
        assertEquals("The first lesson", lesson.selectFirst("h1").text());
        assertEquals(
                List.of("#counting", "#judging"),
                lesson.select("nav.toc a").stream().map(a -> a.attr("href")).toList());
        assertNotNull(lesson.getElementById("counting"));
        Element panel = lesson.selectFirst("[data-experiment=test-count]");
        assertNotNull(panel);
        assertEquals("3", panel.selectFirst("input[name=count]").val());
        assertTrue(panel.text().contains("from 1 to 1,000,000"));
        assertNotNull(panel.selectFirst("button.run"));
        assertNotNull(panel.selectFirst("button.stop"));
        Element check = lesson.selectFirst("[data-check=test-judge]");
        assertNotNull(check);
        assertEquals("checkbox", check.selectFirst("input[name=pass]").attr("type"));
        assertNull(lesson.selectFirst("a.prev"));
        assertEquals("/lessons/second", lesson.selectFirst("a.next").attr("href"));
        assertEquals("/lessons/first", page("/lessons/second").selectFirst("a.prev").attr("href"));
    }

    @Test
    void lessonPageShowsScriptsNotesAndJshellBlocksWithCopyButtons() throws Exception {
        Document lesson = page("/lessons/first");
        assertTrue(lesson.select(".lesson-scripts").text().contains("first.jsh"));
        assertTrue(
                lesson.select(".lesson-scripts")
                        .text()
                        .contains(LabCommand.with("jshell lessons/00-first/first.jsh")));
        Element notes = lesson.selectFirst("details.facilitator-notes");
        assertFalse(notes.hasAttr("open"), "collapsed");
        assertEquals("Facilitator notes for teachers", notes.selectFirst("summary").text());
        assertTrue(notes.text().contains("Ask the room."));
        assertEquals(
                List.of("3", "Counting", "Run the counter."),
                notes.select("table.notes-timing tbody tr").get(0).select("td").eachText());
        assertEquals(
                "/lessons/first#counting", notes.selectFirst("table.notes-timing a").attr("href"));
        assertTrue(notes.selectFirst(".notes-prepare").html().contains("<code>test-count</code>"));
        Element jshell =
                lesson.select(".code-block").stream()
                        .filter(b -> b.text().contains("int x = 1 + 1;"))
                        .findFirst()
                        .orElseThrow();
        assertNotNull(jshell.selectFirst("button.copy"));
    }

    @Test
    void everyPageHasExactlyOneH1EvenWithNotesThatStartWithOne() throws Exception {
        for (String path : List.of("/", "/lessons/first", "/lessons/second")) {
            assertEquals(1, page(path).select("h1").size(), path);
        }
        assertEquals(
                "Notes",
                page("/lessons/first").selectFirst(".facilitator-notes h2").text(),
                "the notes' own # heading is one level down");
    }

    @Test
    void lessonPageShowsThisVeryConnection() throws Exception {
        Document lesson = page("/lessons/first");
        String facts = lesson.select(".live-connection").text();
        assertTrue(facts.contains("Server port " + lab.port()), facts);
        assertTrue(facts.contains("Browser source port"), facts);
        assertTrue(facts.contains("not a service"), facts);
        assertFalse(lesson.html().contains("lab:connection"));
    }

    @Test
    void eachConnectionSeesItsOwnSourcePort() throws Exception {
        // The rendered facts are cached: a new connection must still get its own port, not a
        // previous one's.
        java.util.Set<String> ports = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) {
            String facts = page("/lessons/first").select(".live-connection").text();
            var m = java.util.regex.Pattern.compile("Browser source port (\\d+)").matcher(facts);
            assertTrue(m.find(), facts);
            ports.add(m.group(1));
        }
        assertEquals(3, ports.size(), ports.toString());
    }

    @Test
    void unknownPagesAreFriendly404s() throws Exception {
        RawHttp.Response response = get("/lessons/no-such-lesson");
        assertEquals(404, response.status());
        assertTrue(Jsoup.parse(response.body()).text().contains("No such page"));
        assertEquals(404, get("/nowhere").status());
        assertEquals(404, get("/assets/../pom.xml").status());
        assertEquals(404, get("/assets/nothing.css").status());
    }

    @Test
    void servesAssetsWithTheirTypes() throws Exception {
        assertTrue(get("/assets/lab.css").header("content-type").startsWith("text/css"));
        assertTrue(get("/assets/lab.js").header("content-type").startsWith("text/javascript"));
        assertEquals("image/svg+xml", get("/favicon.ico").header("content-type"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/", "/lessons/first", "/lessons/second", "/nowhere", "/assets/lab.css"})
    void everyResponseCarriesStrictSecurityHeaders(String path) throws Exception {
        RawHttp.Response response = get(path);
        String csp = response.header("content-security-policy");
        assertTrue(csp.contains("default-src 'self'"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertEquals("nosniff", response.header("x-content-type-options"));
        assertEquals("no-referrer", response.header("referrer-policy"));
        assertNull(response.header("access-control-allow-origin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/lessons/first", "/lessons/second", "/nowhere"})
    void pagesLoadNothingFromElsewhereAndRunNoInlineScript(String path) throws Exception {
        Document doc = Jsoup.parse(get(path).body());
        for (Element element : doc.select("[src], link[href]")) {
            String url = element.hasAttr("src") ? element.attr("src") : element.attr("href");
            assertTrue(url.startsWith("/") && !url.startsWith("//"), path + " loads " + url);
        }
        for (Element script : doc.select("script")) {
            assertTrue(script.data().isBlank(), path + " has an inline script");
        }
        assertTrue(doc.select("[style]").isEmpty(), path + " has inline styles");
        assertTrue(
                doc.select("*").stream()
                        .flatMap(e -> e.attributes().asList().stream())
                        .noneMatch(a -> a.getKey().startsWith("on")),
                path + " has an inline event handler");
    }

    @Test
    void cssLoadsNothingFromElsewhere() throws Exception {
        for (String css : List.of("/assets/lab.css", "/assets/print.css")) {
            String body = get(css).body();
            assertFalse(body.contains("@import"), css);
            assertFalse(body.matches("(?s).*url\\(\\s*['\"]?(https?:)?//.*"), css);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/lessons/first"})
    void pagesGoOutWholeWithTheirLengthToClientsThatAskForNoEncoding(String path) throws Exception {
        RawHttp.Response response = get(path);
        assertEquals(200, response.status());
        assertNull(response.header("transfer-encoding"));
        assertNull(response.header("content-encoding"));
        assertEquals(
                Integer.toString(response.body().getBytes(StandardCharsets.UTF_8).length),
                response.header("content-length"));
        assertEquals(LabServer.CSP, response.header("content-security-policy"));
        assertTrue(response.body().endsWith("</html>"), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/lessons/first"})
    void pagesAreGzippedForClientsThatAcceptIt(String path) throws Exception {
        RawHttp.Response zipped =
                RawHttp.send(
                        lab.port(),
                        "GET "
                                + path
                                + " HTTP/1.1\nHost: 127.0.0.1:"
                                + lab.port()
                                + "\nAccept-Encoding: gzip\nConnection: close\n\n",
                        StandardCharsets.ISO_8859_1);
        assertEquals(200, zipped.status());
        assertEquals("gzip", zipped.header("content-encoding"));
        assertEquals(LabServer.CSP, zipped.header("content-security-policy"));
        String page;
        try (var in =
                new GZIPInputStream(
                        new ByteArrayInputStream(
                                zipped.body().getBytes(StandardCharsets.ISO_8859_1)))) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(
                get(path).body().replaceAll("\\d+", "#"),
                page.replaceAll("\\d+", "#"),
                "the same page, but for the numbers of its own connection");
    }

    static RawHttp.Response head(String path) throws Exception {
        return RawHttp.send(
                lab.port(),
                "HEAD "
                        + path
                        + " HTTP/1.1\nHost: 127.0.0.1:"
                        + lab.port()
                        + "\nConnection: close\n\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/lessons/first", "/assets/lab.css", "/favicon.ico"})
    void headGivesTheHeadersOfGetAndNoBody(String path) throws Exception {
        RawHttp.Response get = get(path);
        RawHttp.Response head = head(path);
        assertEquals(200, head.status());
        assertEquals("", head.body());
        assertEquals(get.header("content-type"), head.header("content-type"));
        assertEquals(LabServer.CSP, head.header("content-security-policy"));
        if (!path.equals("/lessons/first")) { // a lesson's live block differs per connection
            assertEquals(get.header("content-length"), head.header("content-length"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/lessons/no-such-lesson", "/assets/no-such.css", "/nothing-here"})
    void headOfAMissingPageIs404(String path) throws Exception {
        assertEquals(404, head(path).status());
        assertEquals(404, get(path).status());
    }
}
