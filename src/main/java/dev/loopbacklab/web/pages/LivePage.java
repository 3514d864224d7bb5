package dev.loopbacklab.web.pages;

import dev.loopbacklab.web.view.MarkdownView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A rendered page, kept as UTF-8 bytes cut where {@link MarkdownView#CONNECTION_MARKER} stood. A
 * request then encodes only the small live part (the facts of its own connection), not the whole
 * page: searching, replacing and re-encoding the page on every request cost the lesson page about
 * three quarters of its throughput (bench/README.md).
 */
final class LivePage {
    private final List<byte[]> parts;
    private final int length;

    private LivePage(List<byte[]> parts) {
        this.parts = List.copyOf(parts);
        this.length = parts.stream().mapToInt(p -> p.length).sum();
    }

    /** Cuts {@code html} at every connection marker. */
    static LivePage of(String html) {
        String marker = MarkdownView.CONNECTION_MARKER;
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        for (int at = html.indexOf(marker); at >= 0; at = html.indexOf(marker, from)) {
            parts.add(html.substring(from, at).getBytes(StandardCharsets.UTF_8));
            from = at + marker.length();
        }
        parts.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
        return new LivePage(parts);
    }

    /** True if the page has a place for the live connection facts. */
    boolean isLive() {
        return parts.size() > 1;
    }

    /** The page with {@code liveHtml} in every marked place (the page as it is if none). */
    byte[] render(String liveHtml) {
        return render(liveHtml.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The page with {@code live} (UTF-8 HTML) in every marked place (the page as it is if none).
     */
    byte[] render(byte[] live) {
        if (!isLive()) {
            return parts.get(0);
        }
        byte[] page = new byte[length + live.length * (parts.size() - 1)];
        int at = 0;
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                System.arraycopy(live, 0, page, at, live.length);
                at += live.length;
            }
            byte[] part = parts.get(i);
            System.arraycopy(part, 0, page, at, part.length);
            at += part.length;
        }
        return page;
    }
}
