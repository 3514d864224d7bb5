package dev.loopbacklab.web.pages;

import dev.loopbacklab.lesson.Lesson;
import dev.loopbacklab.web.view.MarkdownView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A rendered page, kept as UTF-8 bytes cut where {@link MarkdownView#CONNECTION_MARKER} or {@link
 * MarkdownView#ADDRESS_MARKER} stood. A request then encodes only the small live parts (the facts
 * of its own connection, the address it reached the lab at), not the whole page: searching,
 * replacing and re-encoding the page on every request cost the lesson page about three quarters of
 * its throughput (bench/README.md).
 */
final class LivePage {
    private final String source;
    private final List<byte[]> parts;

    /** For each cut, in order: true where the address goes, false where the connection facts go. */
    private final boolean[] addressAt;

    private final int length;

    private LivePage(String source, List<byte[]> parts, boolean[] addressAt) {
        this.source = source;
        this.parts = List.copyOf(parts);
        this.addressAt = addressAt;
        this.length = parts.stream().mapToInt(p -> p.length).sum();
    }

    /** Cuts {@code html} at every marker. */
    static LivePage of(String html) {
        String connection = MarkdownView.CONNECTION_MARKER;
        String address = MarkdownView.ADDRESS_MARKER;
        List<byte[]> parts = new ArrayList<>();
        List<Boolean> kinds = new ArrayList<>();
        int from = 0;
        while (true) {
            int c = html.indexOf(connection, from);
            int a = html.indexOf(address, from);
            if (c < 0 && a < 0) {
                break;
            }
            boolean isAddress = c < 0 || (a >= 0 && a < c);
            int at = isAddress ? a : c;
            parts.add(html.substring(from, at).getBytes(StandardCharsets.UTF_8));
            kinds.add(isAddress);
            from = at + (isAddress ? address : connection).length();
        }
        parts.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
        boolean[] addressAt = new boolean[kinds.size()];
        for (int i = 0; i < addressAt.length; i++) {
            addressAt[i] = kinds.get(i);
        }
        return new LivePage(html, parts, addressAt);
    }

    /** The HTML this page was cut from. */
    String source() {
        return source;
    }

    /** True if the page has a place for the live connection facts. */
    boolean isLive() {
        for (boolean address : addressAt) {
            if (!address) {
                return true;
            }
        }
        return false;
    }

    /** The page with {@code liveHtml} in every connection marker's place (for tests). */
    byte[] render(String liveHtml) {
        return render(
                liveHtml.getBytes(StandardCharsets.UTF_8),
                j2html.utils.EscapeUtil.escape(Lesson.ANY_ADDRESS)
                        .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The page with {@code live} (UTF-8 HTML) where the connection facts go and {@code address}
     * (UTF-8, already escaped) where the address goes; the page as it is if it has no marker.
     */
    byte[] render(byte[] live, byte[] address) {
        if (addressAt.length == 0) {
            return parts.get(0);
        }
        int extra = 0;
        for (boolean isAddress : addressAt) {
            extra += isAddress ? address.length : live.length;
        }
        byte[] page = new byte[length + extra];
        int at = 0;
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                byte[] fill = addressAt[i - 1] ? address : live;
                System.arraycopy(fill, 0, page, at, fill.length);
                at += fill.length;
            }
            byte[] part = parts.get(i);
            System.arraycopy(part, 0, page, at, part.length);
            at += part.length;
        }
        return page;
    }
}
