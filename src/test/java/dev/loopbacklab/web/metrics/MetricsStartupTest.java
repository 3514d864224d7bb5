package dev.loopbacklab.web.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.ChildJvm;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.Wait;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Micrometer stays off the start-up path: a lab started with {@code serve} loads no Micrometer
 * class until the first {@code GET /metrics} (start-up time is benchmarked, bench/README.md).
 */
class MetricsStartupTest {
    private static final Pattern RUNNING =
            Pattern.compile("running at http://127\\.0\\.0\\.1:(\\d+)/");

    @Test
    void loadsNoMicrometerClassUntilTheFirstScrape() throws Exception {
        Process lab =
                ChildJvm.start(
                        List.of("-Xlog:class+load=info:stdout"),
                        "dev.loopbacklab.cli.Main",
                        "serve",
                        "--port",
                        "0");
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader in =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    lab.getInputStream(),
                                                    StandardCharsets.UTF_8))) {
                                for (String line = in.readLine();
                                        line != null;
                                        line = in.readLine()) {
                                    lines.add(line);
                                }
                            } catch (java.io.IOException ignored) {
                                // the lab was stopped
                            }
                        });
        reader.start();
        try {
            int port = awaitPort(lab, lines);
            assertEquals(200, RawHttp.get(port, "/", "localhost:" + port).status());
            List<String> early = micrometer(lines);
            assertTrue(
                    early.isEmpty(),
                    () ->
                            early.size()
                                    + " Micrometer classes loaded before any scrape,"
                                    + " the first: "
                                    + early.get(0));
            assertEquals(200, RawHttp.get(port, "/metrics", "localhost:" + port).status());
            assertTrue(!micrometer(lines).isEmpty(), "the scrape should have loaded Micrometer");
        } finally {
            lab.destroy();
            lab.waitFor();
            reader.join();
        }
    }

    private static List<String> micrometer(List<String> lines) {
        return lines.stream().filter(l -> l.contains(" io.micrometer.")).toList();
    }

    private static int awaitPort(Process lab, List<String> lines) {
        Wait.until(
                "the lab to print its address (or exit)", () -> port(lines) > 0 || !lab.isAlive());
        int port = port(lines);
        if (port < 0) {
            throw new AssertionError(
                    "the lab did not start: "
                            + lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        }
        return port;
    }

    private static int port(List<String> lines) {
        for (String line : lines) {
            Matcher m = RUNNING.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return -1;
    }
}
