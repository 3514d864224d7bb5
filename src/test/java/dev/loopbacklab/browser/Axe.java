package dev.loopbacklab.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs axe-core (vendored in test resources, never served by the lab) in the current page and
 * reports its serious and critical violations, one readable line per offending element.
 */
final class Axe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = load();

    private Axe() {}

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException(
                        "axe.min.js is missing from src/test/resources/axe/");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The serious and critical violations on the page the browser shows now. */
    static List<String> seriousViolations(Browser browser) {
        browser.js(SOURCE + "\n;return true;");
        String json =
                (String)
                        browser.jsAsync(
                                "const done = arguments[arguments.length - 1];"
                                        + "axe.run(document, {resultTypes: ['violations']})"
                                        + ".then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify("
                                        + "[{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));");
        List<String> found = new ArrayList<>();
        try {
            for (JsonNode violation : JSON.readTree(json)) {
                String impact = violation.path("impact").asText();
                if (!impact.equals("serious") && !impact.equals("critical")) {
                    continue;
                }
                String head =
                        impact
                                + " "
                                + violation.path("id").asText()
                                + ": "
                                + violation.path("help").asText();
                if (violation.path("nodes").isEmpty()) {
                    found.add(head);
                }
                for (JsonNode node : violation.path("nodes")) {
                    found.add(
                            head
                                    + "\n    target: "
                                    + node.path("target")
                                    + "\n    "
                                    + node.path("failureSummary").asText().replace("\n", "\n    "));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
