package dev.loopbacklab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.web.LabServer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Every chart an experiment draws, measured as the learner's browser renders it at 1280 and 390 px:
 * no two text boxes ({@code getBBox}, mapped to the screen) overlap, no text is smaller than the
 * body's small size (0.85 rem), exactly one drawing of each chart shows, and a caption that speaks
 * of highlighted bars has some.
 */
class ChartBrowserTest extends BrowserTestBase {
    /** The body's small size (0.85 rem, as the footer and captions use), in CSS pixels. */
    private static final double MIN_TEXT_PX = 0.85 * 16;

    private static final String MEASURE =
            """
      const panel = arguments[0], min = arguments[1], out = [];
      const figures = panel.querySelectorAll('figure.event-chart');
      figures.forEach((fig, f) => {
        const shown = [...fig.querySelectorAll('svg.chart')].filter(s => getComputedStyle(s).display !== 'none');
        if (shown.length !== 1) { out.push('figure ' + f + ' shows ' + shown.length + ' drawings'); return; }
        const svg = shown[0];
        const caption = fig.querySelector('figcaption').textContent;
        if (/highlighted/i.test(caption) && ![...svg.querySelectorAll('.bar-highlight')].some(r => r.getBBox().height > 0)) {
          out.push('figure ' + f + ' speaks of highlighted bars but has none: ' + caption);
        }
        const boxes = [...svg.querySelectorAll('text')].map(t => {
          const b = t.getBBox(), m = t.getScreenCTM();
          const pts = [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]]
              .map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
          const xs = pts.map(p => p[0]), ys = pts.map(p => p[1]);
          const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
          return {text: t.textContent, px, l: Math.min(...xs), r: Math.max(...xs), t: Math.min(...ys), b: Math.max(...ys)};
        });
        const box = svg.getBoundingClientRect();
        boxes.forEach((a, i) => {
          if (a.px < min) out.push('"' + a.text + '" is ' + a.px.toFixed(1) + ' px');
          if (a.l < box.left - 0.5 || a.r > box.right + 0.5) out.push('"' + a.text + '" sticks out of its chart');
          boxes.slice(i + 1).forEach(b => {
            const w = Math.min(a.r, b.r) - Math.max(a.l, b.l), h = Math.min(a.b, b.b) - Math.max(a.t, b.t);
            if (w > 0.5 && h > 0.5) out.push('"' + a.text + '" overlaps "' + b.text + '"');
          });
        });
      });
      return [figures.length, out];
      """;

    @Override
    LabServer startLab() {
        return realLab();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "you-are-here,    here-connections,        connections=5",
        "loopback-echo,   echo-rtt,                count=2000",
        "ephemeral-ports, ephemeral-listen-sweep,  count=2000",
        "ephemeral-ports, ephemeral-connect-sweep, count=300",
        "ephemeral-ports, ephemeral-udp,           count=2000",
        "monitoring,      metrics-scrape,          requests=200",
    })
    void everyChartReadsAt1280And390(String lesson, String experiment, String param) {
        browser.viewportWidth(0);
        open("/lessons/" + lesson);
        WebElement panel = find("[data-experiment=" + experiment + "]");
        String[] nameValue = param.split("=");
        WebElement input = panel.findElement(By.name(nameValue[0]));
        type(input, nameValue[1]);
        runPanel(panel);
        for (int width : new int[] {1280, 390}) {
            browser.viewportWidth(width);
            browser.await(
                    d ->
                            ((Number) browser.js("return document.documentElement.clientWidth;"))
                                            .intValue()
                                    <= width);
            @SuppressWarnings("unchecked")
            List<Object> measured = (List<Object>) browser.js(MEASURE, panel, MIN_TEXT_PX);
            assertTrue(
                    ((Number) measured.get(0)).intValue() >= 1,
                    experiment + " drew no chart at " + width);
            assertEquals(List.of(), measured.get(1), experiment + " at " + width + " px");
            List<WebElement> figures = panel.findElements(By.cssSelector("figure.event-chart"));
            for (int f = 0; f < figures.size(); f++) {
                browser.js("arguments[0].scrollIntoView();", figures.get(f));
                browser.screenshot(figures.get(f), "chart-" + experiment + "-" + f + "-" + width);
            }
        }
        browser.viewportWidth(0);
    }
}
