package dev.loopbacklab.web.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.experiments.Experiments;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.testing.FakeExperiments;
import dev.loopbacklab.testing.OwnSockets;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.testing.Wait;
import dev.loopbacklab.web.LabConfig;
import dev.loopbacklab.web.LabServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand runs (finished, failed and cancelled, fake and real) leave no listening socket and
 * no open file behind. A soak test: it runs in its own Surefire phase, with its own time limit
 * (pom.xml), so a loaded machine makes it slower but cannot push it past the unit tests' limit.
 */
@Tag("soak")
class RunLeakTest {
    private static final int TOTAL = 10_000;
    private static final int HTTP_RUNS = 300;

    /**
     * Small parameters, so the real experiments run many times in a few seconds; checks that look
     * at a port are pointed at one nobody listens on.
     */
    private final Map<String, String> small =
            new java.util.HashMap<>(Map.of("count", "20", "wait-seconds", "1", "lan", "false"));

    private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);

    @Test
    void tenThousandRunsLeaveNoSocketsOrFilesBehind() throws Exception {
        assumeTrue(OwnSockets.supported(), "needs Linux /proc");
        List<Experiment> fakes = FakeExperiments.registry().all();
        List<Experiment> real = Experiments.registry().all();
        try (java.net.ServerSocket probe =
                new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            small.put("port", Integer.toString(probe.getLocalPort()));
        }
        warmUp(fakes, real);
        Set<String> listeningBefore = OwnSockets.listening();
        long filesBefore = OwnSockets.openFiles();

        int done = 0;
        try (RunRegistry runs = new RunRegistry(16, Duration.ofSeconds(20))) {
            for (int round = 0; round < 3; round++) {
                for (Experiment experiment : real) {
                    // finished (or failed) once, and cancelled as soon as it starts once
                    await(List.of(start(runs, experiment, false), start(runs, experiment, true)));
                    done += 2;
                }
            }
            List<Run> batch = new ArrayList<>();
            for (int i = 0; done < TOTAL - HTTP_RUNS; i++, done++) {
                Experiment fake = fakes.get(i % fakes.size());
                boolean blocks = fake.id().equals("test-hold") || fake.id().equals("test-wait");
                batch.add(start(runs, fake, blocks || i % 7 == 0));
                if (batch.size() == 16) {
                    await(batch);
                    batch.clear();
                }
            }
            await(batch);
            assertEquals(0, runs.active());
        }
        done += httpRuns();
        assertEquals(TOTAL, done);
        assertTrue(outcomes.getOrDefault(Outcome.CANCELLED, 0) > 1000, outcomes.toString());
        assertTrue(outcomes.getOrDefault(Outcome.FAILED, 0) > 1000, outcomes.toString());
        assertTrue(outcomes.getOrDefault(Outcome.COMPLETED, 0) > 1000, outcomes.toString());

        assertEquals(listeningBefore, OwnSockets.listening(), "listening sockets of this process");
        long files = OwnSockets.openFiles();
        System.out.println(
                "RunLeakTest: " + outcomes + "; open files " + filesBefore + " -> " + files);
        assertTrue(
                files <= filesBefore + 8,
                "open files: " + filesBefore + " before, " + files + " after");
    }

    private Run start(RunRegistry runs, Experiment experiment, boolean cancel) {
        Map<String, String> raw = new java.util.HashMap<>();
        experiment.params().stream()
                .filter(p -> small.containsKey(p.name()))
                .forEach(p -> raw.put(p.name(), small.get(p.name())));
        Run run = runs.start(experiment, Params.parse(experiment.params(), raw));
        if (cancel) {
            run.cancel("the leak test stops it");
        }
        return run;
    }

    private void await(List<Run> runs) {
        for (Run run : runs) {
            Wait.until(run.experiment().id() + " to end", () -> run.outcome() != null);
            outcomes.merge(run.outcome(), 1, Integer::sum);
        }
    }

    /** Runs through HTTP: read to the end, stopped with the API, or abandoned mid-stream. */
    private int httpRuns() throws Exception {
        LabConfig config =
                LabConfig.local(0, TestLab.fixtureContent())
                        .withLimits(
                                new LabConfig.Limits(
                                        8,
                                        Duration.ofSeconds(10),
                                        10_000,
                                        Duration.ofSeconds(10),
                                        Duration.ofSeconds(30)));
        try (LabServer lab = TestLab.start(config)) {
            assertTrue(
                    OwnSockets.listening().stream().anyMatch(l -> l.endsWith(":" + lab.port())),
                    "the leak detector sees this process's own listeners: "
                            + OwnSockets.listening());
            String[] bodies = {
                "{\"experiment\":\"test-count\",\"params\":{\"count\":50}}",
                "{\"experiment\":\"test-boom\"}",
                "{\"experiment\":\"test-hold\"}",
                "{\"experiment\":\"test-judge\",\"params\":{\"pass\":false}}"
            };
            for (int i = 0; i < HTTP_RUNS; i++) {
                String body = bodies[i % bodies.length];
                RawHttp.Response started = RawHttp.postJson(lab.port(), "/api/runs", "", body);
                assertEquals(201, started.status(), started.body());
                String id = started.body().replaceAll(".*\"id\":\"([0-9a-f]+)\".*", "$1");
                String events = "/api/runs/" + id + "/events";
                if (body.contains("test-hold") && i % 8 == 2) {
                    abandonStream(lab.port(), events);
                } else if (body.contains("test-hold")) {
                    RawHttp.postJson(lab.port(), "/api/runs/" + id + "/cancel", "", "{}");
                }
                if (i % 8 != 2) {
                    String stream =
                            RawHttp.send(
                                            lab.port(),
                                            "GET "
                                                    + events
                                                    + " HTTP/1.1\nHost: localhost\n"
                                                    + "Accept: text/event-stream\nConnection: close\n\n")
                                    .body();
                    assertTrue(
                            stream.contains("event: done") || stream.contains("event:done"),
                            stream);
                }
                Run run = lab.runs().find(id).orElseThrow();
                await(List.of(run));
            }
            assertEquals(0, lab.runs().active());
        }
        return HTTP_RUNS;
    }

    private static void abandonStream(int port, String path) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 30_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write(
                            ("GET "
                                            + path
                                            + " HTTP/1.1\r\nHost: localhost\r\n"
                                            + "Accept: text/event-stream\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            in.read(new byte[256]);
        }
    }

    private void warmUp(List<Experiment> fakes, List<Experiment> real) throws Exception {
        // Room for every warm-up run at once: each is cancelled at start, but holds its slot until
        // its experiment returns, which on a loaded machine can be after the next ones start.
        try (RunRegistry runs =
                new RunRegistry(fakes.size() + real.size(), Duration.ofSeconds(20))) {
            List<Run> all = new ArrayList<>();
            for (Experiment e : fakes) {
                all.add(start(runs, e, true));
            }
            for (Experiment e : real) {
                all.add(start(runs, e, true));
            }
            await(all);
        }
        try (LabServer lab = TestLab.start()) {
            RawHttp.get(lab.port(), "/", "localhost");
        }
        outcomes.clear();
    }
}
