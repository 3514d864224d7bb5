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
}
