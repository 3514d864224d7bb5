package dev.loopbacklab.web.view;

import static j2html.TagCreator.code;
import static j2html.TagCreator.text;

import j2html.tags.DomContent;
import java.util.ArrayList;
import java.util.List;

/**
 * Result text with Markdown's inline code: {@code `ss -tan`} shows as code, not with its backticks.
 * Everything else stays text (escaped); a lone backtick stays a backtick.
 */
final class InlineCode {
    private InlineCode() {}

    static DomContent[] of(String text) {
        List<DomContent> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf('`', at);
            int close = open < 0 ? -1 : text.indexOf('`', open + 1);
            if (close < 0 || close == open + 1) {
                parts.add(text(text.substring(at)));
                break;
            }
            if (open > at) {
                parts.add(text(text.substring(at, open)));
            }
            parts.add(code(text.substring(open + 1, close)));
            at = close + 1;
        }
        return parts.toArray(DomContent[]::new);
    }
}
