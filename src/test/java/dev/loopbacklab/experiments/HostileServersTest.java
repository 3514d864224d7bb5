package dev.loopbacklab.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.testing.HostileServer;
import dev.loopbacklab.testing.Wait;
import dev.loopbacklab.web.runs.Run;
import dev.loopbacklab.web.runs.RunRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The attack of issue 16, item 5, on every check that talks to a server (or waits for a client) the
 * learner controls: a local server that accepts and never answers, one that answers a byte at a
 * time, one that announces 200,000,000 bytes. Each run gets a short deadline and a long lifetime,
 * so the run can only end in time by keeping to its deadline: it must end with a verdict (not
 * "failed", not stopped by the lifetime), and free its slot; and the lab must have read no more
 * than its caps from the flood.
 */
class HostileServersTest {
    /** What each run's blocking calls are tied to: short, so the test is quick. */
    private static final Duration DEADLINE = Duration.ofMillis(800);

    /**
     * db-yours asks a child JVM, which takes a second or more to start: a deadline shorter than its
     * own 10 s, long enough for the child to connect.
     */
    private static final Duration DB_DEADLINE = Duration.ofSeconds(6);

    /**
     * The backstop that stops a run ignoring its deadline: long enough that reaching it means the
     * run ignored the deadline (the outcome is then CANCELLED and the test fails), short enough to
     * fail inside JUnit's 60 s.
     */
    private static final Duration LIFETIME = Duration.ofSeconds(40);

    /** One byte this often: well inside every per-read timeout of the lab (1–5 s). */
    private static final Duration GAP = Duration.ofMillis(100);

    /** Kernel buffers of one loopback connection are a few MB; a lab reading the flood, 200 MB. */
    private static final long MOST_A_CAPPED_READER_TAKES = 32L * 1024 * 1024;

    private static final String HUGE_HTTP =
            "HTTP/1.1 200 OK\r\nContent-Length: 200000000\r\nX-Filler: ";

    @Test
    void echoYoursEndsWithAVerdictAgainstEveryHostileServer() throws Exception {
        assertVerdict("echo-yours", HostileServer.silent());
        // the token starts so, so every byte is "right" and the check keeps waiting for more
        assertVerdict("echo-yours", HostileServer.drip("loopback-lab-", GAP));
        assertCapped("echo-yours", HostileServer.flood("loopback-lab-"));
    }

    @Test
    void corsCheckEndsWithAVerdictAgainstEveryHostileServer() throws Exception {
        assertVerdict("browser-cors-yours", HostileServer.silent());
        assertVerdict("browser-cors-yours", HostileServer.drip("HTTP/1.1 200 OK\r\nX: ", GAP));
        assertCapped("browser-cors-yours", HostileServer.flood(HUGE_HTTP));
    }

    @Test
    void dbYoursEndsWithAVerdictAgainstEveryHostileServer() throws Exception {
        assertVerdict("db-yours", HostileServer.silent(), DB_DEADLINE);
        assertVerdict("db-yours", HostileServer.drip("\0\0\0\6", GAP), DB_DEADLINE);
        // the child JVM reads the flood (its 32 MB heap is the cap); the lab's JVM reads 8 KB of
        // the child's output at most
        assertVerdict("db-yours", HostileServer.flood("\0\0\0\6\u000b\u00eb\u00c2\0"), DB_DEADLINE);
    }

    @Test
    void everyOtherCheckOfALearnersPortEndsWithAVerdictAgainstSilenceOrADrip() throws Exception {
        // these connect (and containers-published reads a greeting line): each connect and read
        // waits for the run's deadline at most, whatever the server does after accepting.
        // (listening-spot and port-busy connect nowhere on Linux: they read the socket table.)
        for (String id : List.of("containers-published", "exposure-private", "localhost-both")) {
            assertVerdict(id, HostileServer.silent());
            assertVerdict(id, HostileServer.drip("hello from insi", GAP));
        }
    }

    @Test
    void checksWaitingForTheLearnerEndAtTheRunsDeadlineNotTheirWaitSeconds() throws Exception {
        // wait-seconds defaults to 120 and 60: the run's deadline comes first, and the check ends
        // with its "nothing came" verdict instead of being stopped by the lifetime
        for (String id : List.of("metrics-yours", "api-curl", "ephemeral-spot", "here-two-tabs")) {
            Run run = endedRun(id, Map.of(), DEADLINE);
            assertEquals(Outcome.NOT_PASSED, run.outcome(), id + ": " + run.events());
        }
    }

    @Test
    void aClientSendingOneByteAtATimeCannotHoldACheckPastItsDeadline() throws Exception {
        for (String id : List.of("metrics-yours", "api-curl", "ephemeral-spot")) {
            try (RunRegistry runs = new RunRegistry(2, DEADLINE, LIFETIME)) {
                Experiment check = Experiments.registry().find(id).orElseThrow();
                Run run = runs.start(check, Params.defaults(check.params()));
                int port = announcedPort(run);
                try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    OutputStream out = slow.getOutputStream();
                    byte[] request = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes();
                    for (int i = 0; run.outcome() == null && i < request.length; i++) {
                        out.write(request[i]);
                        out.flush();
                        Thread.sleep(GAP.toMillis());
                    }
                    Wait.until(id + " ended", () -> run.outcome() != null);
                } catch (IOException closedByTheCheck) {
                    Wait.until(id + " ended", () -> run.outcome() != null);
                }
                assertTrue(
                        run.outcome() == Outcome.PASSED || run.outcome() == Outcome.NOT_PASSED,
                        id + " ended " + run.outcome() + ": " + run.events());
                assertEquals(0, runs.active(), id + " still holds its slot");
            }
        }
    }

    /** The run against {@code server} ends with a verdict, and frees its slot. */
    private static void assertVerdict(String id, HostileServer server) throws Exception {
        assertVerdict(id, server, DEADLINE);
    }

    private static void assertVerdict(String id, HostileServer server, Duration deadline)
            throws Exception {
        try (server) {
            Run run = endedRun(id, Map.of("port", Integer.toString(server.port())), deadline);
            assertTrue(
                    run.outcome() == Outcome.PASSED || run.outcome() == Outcome.NOT_PASSED,
                    id + " ended " + run.outcome() + ": " + run.events());
            assertTrue(server.accepted() > 0, id + " never connected");
        }
    }

    /** As {@link #assertVerdict}, and the lab took no more of the flood than its caps allow. */
    private static void assertCapped(String id, HostileServer server) throws Exception {
        try (server) {
            assertVerdict(id, server);
            long taken = server.written();
            assertTrue(
                    taken < MOST_A_CAPPED_READER_TAKES,
                    id + " took " + taken + " bytes of a " + HostileServer.FLOOD_LIMIT + " flood");
        }
    }

    private static Run endedRun(String id, Map<String, String> raw, Duration deadline)
            throws Exception {
        Experiment check = Experiments.registry().find(id).orElseThrow();
        Map<String, String> params = new HashMap<>(raw);
        try (RunRegistry runs = new RunRegistry(2, deadline, LIFETIME)) {
            Run run = runs.start(check, Params.parse(check.params(), params));
            Wait.until(id + " ended", () -> run.outcome() != null);
            assertEquals(0, runs.active(), id + " still holds its slot");
            assertTrue(
                    run.events().stream().noneMatch(e -> e instanceof Event.Failure),
                    id + " failed: " + run.events());
            return run;
        }
    }

    /** The port a waiting check announced in its first fact that names one. */
    private static int announcedPort(Run run) {
        String endpoint =
                Wait.until(
                                "a port announced in " + run.events(),
                                () ->
                                        run.events().stream()
                                                .filter(e -> e instanceof Event.Fact)
                                                .map(e -> ((Event.Fact) e).value())
                                                .filter(v -> v.matches("127\\.0\\.0\\.1:[0-9]+"))
                                                .findFirst(),
                                java.util.Optional::isPresent)
                        .orElseThrow();
        return Integer.parseInt(endpoint.substring(endpoint.indexOf(':') + 1));
    }
}
