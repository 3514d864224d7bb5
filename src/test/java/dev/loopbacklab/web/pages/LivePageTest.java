package dev.loopbacklab.web.pages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.web.view.MarkdownView;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LivePageTest {
    private static final String MARK = MarkdownView.CONNECTION_MARKER;

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void putsTheLivePartWhereTheMarkerWas() {
        LivePage page = LivePage.of("<p>before — é</p>" + MARK + "<p>after…</p>");
        assertTrue(page.isLive());
        assertEquals(
                "<p>before — é</p><dl>port 51234</dl><p>after…</p>",
                text(page.render("<dl>port 51234</dl>")));
    }

    @Test
    void fillsEveryMarkerLikeStringReplace() {
        String html = "a" + MARK + "b" + MARK + "c" + MARK;
        assertEquals(html.replace(MARK, "✓"), text(LivePage.of(html).render("✓")));
    }

    @Test
    void servesAPageWithoutMarkerUnchanged() {
        LivePage page = LivePage.of("<p>plain – page</p>");
        assertFalse(page.isLive());
        assertArrayEquals(
                "<p>plain – page</p>".getBytes(StandardCharsets.UTF_8), page.render("ignored"));
    }

    @Test
    void putsTheAddressWhereItsMarkerWasAndTheFactsWhereTheirsWas() {
        String address = MarkdownView.ADDRESS_MARKER;
        LivePage page =
                LivePage.of(
                        "<title>You are reading "
                                + address
                                + "</title><h1>You are reading "
                                + address
                                + "</h1>"
                                + MARK
                                + "<a>"
                                + address
                                + "</a>");
        assertTrue(page.isLive());
        assertEquals(
                "<title>You are reading localhost:8080</title><h1>You are reading"
                        + " localhost:8080</h1><dl>facts</dl><a>localhost:8080</a>",
                text(
                        page.render(
                                "<dl>facts</dl>".getBytes(StandardCharsets.UTF_8),
                                "localhost:8080".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aPageWithOnlyTheAddressNeedsNoConnectionFacts() {
        LivePage page = LivePage.of("<h1>" + MarkdownView.ADDRESS_MARKER + "</h1>");
        assertFalse(page.isLive());
        assertEquals(
                "<h1>[::1]:5</h1>",
                text(page.render(new byte[0], "[::1]:5".getBytes(StandardCharsets.UTF_8))));
    }
}
