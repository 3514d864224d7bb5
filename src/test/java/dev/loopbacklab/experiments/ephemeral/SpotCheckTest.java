package dev.loopbacklab.experiments.ephemeral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.testing.LiveReport;
import dev.loopbacklab.testing.WaitingCheck;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class SpotCheckTest {
    private final SpotCheck check = new SpotCheck();
    @AutoClose private final WaitingCheck run = new WaitingCheck(check);
    private final LiveReport report = run.report();

    @Test
    void passesAndNamesTheSourcePortWhenSomethingConnects() throws Exception {
        Future<Outcome> outcome = run.start("30");
        int clientPort;
        try (Socket client =
                new Socket(IpLiteral.loopbackV4(), run.listeningPort(SpotCheck.LISTENING))) {
            clientPort = client.getLocalPort();
        }
        assertEquals(Outcome.PASSED, outcome.get());
        assertEquals(Integer.toString(clientPort), report.requireFact(SpotCheck.SOURCE_PORT));
        EphemeralRange range = EphemeralRange.detect();
        assertEquals(
                range.contains(clientPort) ? "yes" : "no",
                report.requireFact(SpotCheck.IN_OS_RANGE));
        assertEquals(clientPort >= 49152 ? "yes" : "no", report.requireFact(SpotCheck.IN_IANA));
        assertEquals("nothing: it closed the connection", report.requireFact("your tool sent"));
    }

    @Test
    void offersCommandsForCurlNcAndJShell() throws Exception {
        Future<Outcome> outcome = run.start("30");
        int port = run.listeningPort(SpotCheck.LISTENING);
        assertEquals("curl http://127.0.0.1:" + port + "/", report.requireFact("curl"));
        assertEquals("nc 127.0.0.1 " + port, report.requireFact("nc"));
        assertEquals(
                "new java.net.Socket(\"127.0.0.1\", " + port + ").close()",
                report.requireFact("JShell"));
        new Socket(IpLiteral.loopbackV4(), port).close();
        assertEquals(Outcome.PASSED, outcome.get());
    }

    @Test
    void answersAnHttpRequestWithTheSourcePort() throws Exception {
        Future<Outcome> outcome = run.start("30");
        String reply;
        int clientPort;
        try (Socket client =
                new Socket(IpLiteral.loopbackV4(), run.listeningPort(SpotCheck.LISTENING))) {
            clientPort = client.getLocalPort();
            OutputStream out = client.getOutputStream();
            out.write(
                    "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            client.setSoTimeout(30_000);
            reply = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(reply.startsWith("HTTP/1.0 200 OK\r\n"), reply);
        assertTrue(reply.endsWith("you connected from port " + clientPort + ".\n"), reply);
        assertEquals(Outcome.PASSED, outcome.get());
    }

    @Test
    void failsWithAClearMessageWhenNobodyConnects() throws Exception {
        assertEquals(Outcome.NOT_PASSED, run.start("1").get());
        Event.Verdict verdict = report.all(Event.Verdict.class).get(0);
        assertEquals("No connection arrived within 1 s.", verdict.summary());
        assertTrue(
                verdict.details().get(0).contains("run the check again"),
                verdict.details().toString());
    }

    @Test
    void stopEndsTheWaitAtOnce() throws Exception {
        Future<Outcome> outcome = run.start("120");
        run.listeningPort(SpotCheck.LISTENING);
        report.cancel();
        assertEquals(Outcome.CANCELLED, outcome.get());
        assertTrue(report.all(Event.Verdict.class).isEmpty());
    }
}
