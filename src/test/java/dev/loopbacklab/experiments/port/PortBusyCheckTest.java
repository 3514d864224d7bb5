package dev.loopbacklab.experiments.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.testing.RecordingReport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortBusyCheckTest {
    private final PortBusyCheck check = new PortBusyCheck();

    @Test
    void failsOnAFreePort() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(Bind.address(127, 0, 0, 1), 0));
            port = probe.getLocalPort();
        }
        RecordingReport report = run(port);

        assertEquals(Outcome.NOT_PASSED, report.outcome);
        assertFalse(report.onlyVerdict().passed());
        assertTrue(
                report.onlyVerdict().summary().contains("is free"), report.onlyVerdict().summary());
    }

    @Test
    void passesWhileThisTestHoldsThePortAndNamesThisJvm() throws IOException {
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress(Bind.address(127, 0, 0, 1), 0));
            RecordingReport report = run(holder.getLocalPort());

            assertEquals(Outcome.PASSED, report.outcome);
            Event.Verdict verdict = report.onlyVerdict();
            assertTrue(verdict.details().get(0).endsWith("BindException: Address already in use"));
            if (SocketTable.available()) {
                String pid = "(pid " + ProcessHandle.current().pid() + ")";
                assertTrue(
                        verdict.details().stream().anyMatch(d -> d.contains(pid)),
                        verdict.toString());
            } else {
                assertTrue(verdict.details().stream().anyMatch(d -> d.contains("unknown")));
            }
        }
    }

    @Test
    void passesForAHolderOnTheWildcardAddressAndSaysSo() throws IOException {
        assumeTrue(SocketTable.available(), "the wildcard rule differs between OSes");
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress(Bind.address(0, 0, 0, 0), 0));
            RecordingReport report = run(holder.getLocalPort());

            assertEquals(Outcome.PASSED, report.outcome);
            assertTrue(
                    report.onlyVerdict().details().stream()
                            .anyMatch(d -> d.contains("every address")),
                    report.onlyVerdict().toString());
        }
    }

    @Test
    void passesForAHolderOnIpv6LoopbackOnly() throws IOException {
        try (ServerSocket holder = new ServerSocket()) {
            try {
                holder.bind(new InetSocketAddress(dev.loopbacklab.net.IpLiteral.loopbackV6(), 0));
            } catch (IOException e) {
                assumeTrue(false, "no IPv6 loopback here: " + e);
            }
            RecordingReport report = run(holder.getLocalPort());

            assertEquals(Outcome.PASSED, report.outcome, report.onlyVerdict().toString());
            assertTrue(
                    report.onlyVerdict().details().get(0).startsWith("Binding [::1]:"),
                    report.onlyVerdict().toString());
        }
    }

    private RecordingReport run(int port) {
        return RecordingReport.run(check, Map.of("port", Integer.toString(port)));
    }
}
