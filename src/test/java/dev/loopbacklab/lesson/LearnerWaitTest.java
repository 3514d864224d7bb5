package dev.loopbacklab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.LiveReport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The one shape of every check that waits for the learner: announce, wait, judge or time out. */
class LearnerWaitTest {
    private final LiveReport report = new LiveReport();

    private LearnerWait<String> start(String seconds) {
        ParamSpec spec = LearnerWait.seconds(60, 120, "your request");
        return LearnerWait.start(
                Params.parse(List.of(spec), Map.of(LearnerWait.SECONDS, seconds)), report);
    }

    @Test
    void theParameterSaysWhatItWaitsForAndIsBounded() {
        ParamSpec spec = LearnerWait.seconds(60, 120, "your request");
        assertEquals("wait-seconds", spec.name());
        assertEquals("60", spec.defaultValue());
        assertEquals(1, spec.min());
        assertEquals(120, spec.max());
        assertEquals("how long to wait for your request", spec.help());
    }

    @Test
    void announcesTheInvitationTheEndpointWithItsTimeAndTheCommands() {
        LearnerWait<String> wait = start("30");
        wait.announce(
                "It listens.",
                "call it.",
                "127.0.0.1:4000",
                Map.entry("curl", "curl http://127.0.0.1:4000/"),
                Map.entry("browser", "http://127.0.0.1:4000/"));
        assertEquals(
                List.of(
                        new Event.Narration("It listens. Within 30 seconds, call it."),
                        new Event.Fact("listening on", "127.0.0.1:4000", "", "waiting 30 s"),
                        new Event.Fact("curl", "curl http://127.0.0.1:4000/", "", ""),
                        new Event.Fact("browser", "http://127.0.0.1:4000/", "", "")),
                report.events());
    }

    @Test
    void handsOverArrivalsInOrderThenNothingOnceTheTimeIsUp() throws Exception {
        LearnerWait<String> wait = start("1");
        wait.arrived("first");
        wait.arrived("second");
        assertEquals(Optional.of("first"), wait.next());
        assertEquals(Optional.of("second"), wait.next());
        assertEquals(Optional.empty(), wait.next());
        assertEquals(Optional.empty(), wait.next());
    }

    @Test
    void timingOutSaysTheServerIsClosedWhatToDoAndWhatDidNotCount() {
        LearnerWait<String> wait = start("7");
        wait.announce("It listens.", "call it.", "127.0.0.1:4000");
        wait.ignored("GET /favicon.ico → 404");
        assertEquals(1, wait.ignoredCount());
        wait.timedOut(
                "Nothing came " + wait.within() + ".",
                "The API",
                "call it while it waits.",
                List.of("Use 127.0.0.1."));
        Event.Verdict verdict = report.onlyVerdict();
        assertEquals(false, verdict.passed());
        assertEquals("Nothing came within 7 s.", verdict.summary());
        assertEquals(
                List.of(
                        "The API on 127.0.0.1:4000 is closed now; run the check again and call it"
                                + " while it waits.",
                        "Use 127.0.0.1.",
                        "Requests that arrived but did not count:",
                        "GET /favicon.ico → 404"),
                verdict.details());
    }

    @Test
    void stopEndsAWaitAtOnce() throws Exception {
        LearnerWait<String> wait = start("120");
        Future<Optional<String>> next =
                CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return wait.next();
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        });
        report.cancel();
        Exception stopped = assertThrows(Exception.class, () -> next.get(10, TimeUnit.SECONDS));
        assertTrue(stopped.getCause() instanceof Report.CancelledException, stopped.toString());
    }

    @Test
    void acceptsTheLearnersConnectionOrNothingOnceTheTimeIsUp() throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            LearnerWait<Socket> wait = LearnerWait.start(waitParams("1"), report);
            try (Socket learner =
                            new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                    Socket accepted = wait.accept(server).orElseThrow()) {
                assertEquals(learner.getLocalPort(), accepted.getPort());
            }
            assertEquals(Optional.empty(), wait.accept(server));
        }
    }

    private static Params waitParams(String seconds) {
        return Params.parse(
                List.of(LearnerWait.seconds(60, 120, "you")), Map.of(LearnerWait.SECONDS, seconds));
    }
}
