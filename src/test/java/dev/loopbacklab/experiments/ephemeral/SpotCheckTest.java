package dev.loopbacklab.experiments.ephemeral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.testing.LiveReport;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.WaitingCheck;
import java.net.Socket;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class SpotCheckTest {
    @AutoClose private final WaitingCheck run = new WaitingCheck(new SpotCheck());
    private final LiveReport report = run.report();

    @Test
    void passesAndNamesTheSourcePortWhenSomethingConnects() throws Exception {
        int clientPort;
        try (Socket client = new Socket(IpLiteral.loopbackV4(), run.startListening("30"))) {
            clientPort = client.getLocalPort();
        }
        assertEquals(Outcome.PASSED, run.outcome());
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
        int port = run.startListening("30");
        assertEquals("curl http://127.0.0.1:" + port + "/", report.requireFact("curl"));
        assertEquals("nc 127.0.0.1 " + port, report.requireFact("nc"));
        assertEquals(
                "new java.net.Socket(\"127.0.0.1\", " + port + ").close()",
                report.requireFact("JShell"));
        new Socket(IpLiteral.loopbackV4(), port).close();
        assertEquals(Outcome.PASSED, run.outcome());
    }

    @Test
    void answersAnHttpRequestWithTheSourcePort() throws Exception {
        RawHttp.Exchange curl =
                RawHttp.exchange(run.startListening("30"), "GET / HTTP/1.1\nHost: 127.0.0.1\n\n");
        assertTrue(curl.reply().startsWith("HTTP/1.0 200 OK\r\n"), curl.reply());
        assertTrue(
                curl.reply().endsWith("you connected from port " + curl.sourcePort() + ".\n"),
                curl.reply());
        assertEquals(Outcome.PASSED, run.outcome());
    }

    @Test
    void failsWithAClearMessageWhenNobodyConnects() throws Exception {
        assertEquals("No connection arrived within 1 s.", run.verdictWhenNobodyComes().summary());
    }

    @Test
    void stopEndsTheWaitAtOnce() throws Exception {
        run.stopEndsTheWaitAndCloses("120");
    }
}
