package dev.loopbacklab.browser;

import java.util.List;

/**
 * The WCAG contrast ratio between the body's text colour and its background, computed in the page.
 */
final class Contrast {
    private Contrast() {}

    /** Returns [contrast ratio, background luminance] of the page's body. */
    @SuppressWarnings("unchecked")
    static List<Number> ofBody(Browser browser) {
        return (List<Number>)
                browser.js(
                        """
        const style = getComputedStyle(document.body);
        const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
        const lum = c => {
          const [r, g, b] = rgb(c).map(v => v / 255)
              .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const fg = lum(style.color), bg = lum(style.backgroundColor);
        return [(Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05), bg];
        """);
    }
}
