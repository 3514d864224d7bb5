package dev.loopbacklab.experiments.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopbacklab.net.LoopbackTarget;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.web.LabConfig;
import dev.loopbacklab.web.LabServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The workshop files of lesson 09 (prometheus.yml, grafana-dashboard.json) point at the lab on
 * loopback and query only what the lab's {@code /metrics} really exports.
 */
class MonitoringWorkshopFilesTest {
    private static final Path FOLDER = Path.of("lessons/09-monitoring");
    private static final Pattern LAB_METRIC = Pattern.compile("\\bloopbacklab_[a-z_]+");
    private static final Pattern MATCHER = Pattern.compile("(\\w+)(=~|=)\"([^\"]*)\"");
    private static String exported;

    @BeforeAll
    static void scrapeARealLab() throws Exception {
        try (LabServer lab = TestLab.start()) {
            RawHttp.Response response =
                    RawHttp.get(lab.port(), "/metrics", "localhost:" + lab.port());
            assertEquals(200, response.status());
            exported = response.body();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> prometheusConfig() throws Exception {
        return new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(FOLDER.resolve("prometheus.yml")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesTheLabOnLoopbackEveryFiveSeconds() throws Exception {
        Map<String, Object> config = prometheusConfig();
        assertEquals("5s", ((Map<String, Object>) config.get("global")).get("scrape_interval"));
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
        assertEquals(1, jobs.size());
        Map<String, Object> job = jobs.get(0);
        assertEquals("loopback-lab", job.get("job_name"));
        assertEquals("/metrics", job.get("metrics_path"));
        List<Map<String, Object>> statics = (List<Map<String, Object>>) job.get("static_configs");
        List<String> targets = (List<String>) statics.get(0).get("targets");
        assertEquals(List.of("127.0.0.1:" + LabConfig.DEFAULT_PORT), targets);
        for (String target : targets) {
            assertTrue(
                    LoopbackTarget.parse(target.substring(0, target.lastIndexOf(':')))
                            .text()
                            .startsWith("127."),
                    target);
        }
    }

    @Test
    void theDashboardQueriesOnlyWhatTheLabExports() throws Exception {
        JsonNode dashboard =
                new ObjectMapper().readTree(FOLDER.resolve("grafana-dashboard.json").toFile());
        List<String> exprs = new ArrayList<>();
        dashboard
                .get("panels")
                .forEach(
                        panel ->
                                panel.get("targets")
                                        .forEach(target -> exprs.add(target.get("expr").asText())));
        assertTrue(exprs.size() >= 4, exprs.toString());
        for (String expr : exprs) {
            assertEquals(List.of(), problems(expr, exported), expr);
            assertTrue(
                    LAB_METRIC.matcher(expr).find() || expr.equals("up{job=\"loopback-lab\"}"),
                    expr);
        }
        assertTrue(exprs.contains("up{job=\"loopback-lab\"}"), "the job of prometheus.yml");
    }

    @Test
    void theCheckCatchesAMetricOrLabelTheLabDoesNotExport() {
        assertEquals(
                List.of("no metric loopbacklab_nope_total"),
                problems("rate(loopbacklab_nope_total[1m])", exported));
        assertEquals(
                List.of("no series with family=\"admin\""),
                problems("loopbacklab_http_requests_total{family=\"admin\"}", exported));
        assertFalse(
                problems("loopbacklab_http_requests_total{status=~\"4xx|9xx\"}", exported)
                        .isEmpty());
    }

    /**
     * What in a PromQL expression the exposition text does not have: metric names (from its {@code
     * # TYPE} lines) and label values; {@code job} is Prometheus's own label.
     */
    static List<String> problems(String expr, String exposition) {
        List<String> problems = new ArrayList<>();
        Matcher name = LAB_METRIC.matcher(expr);
        while (name.find()) {
            if (!exposition.contains("# TYPE " + name.group() + " ")) {
                problems.add("no metric " + name.group());
            }
        }
        Matcher label = MATCHER.matcher(expr);
        while (label.find()) {
            if (label.group(1).equals("job")) {
                continue;
            }
            for (String value : label.group(3).split("\\|")) {
                if (!exposition.contains(label.group(1) + "=\"" + value + "\"")) {
                    problems.add("no series with " + label.group(1) + "=\"" + value + "\"");
                }
            }
        }
        return problems;
    }
}
