package dev.loopbacklab.experiments.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.testing.Needs;
import dev.loopbacklab.testing.RecordingReport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrivateCheckTest {

    private static Event.Verdict check(Machine machine, int port, boolean lan) throws Exception {
        return checkReport(machine, port, lan).onlyVerdict();
    }

    private static RecordingReport checkReport(Machine machine, int port, boolean lan)
            throws Exception {
        PrivateCheck check = new PrivateCheck(machine);
        RecordingReport report = new RecordingReport();
        check.run(
                Params.parse(
                        check.params(),
                        Map.of("port", Integer.toString(port), "lan", Boolean.toString(lan))),
                report);
        return report;
    }

    private static ServerSocket serverOn(InetAddress address, int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(address, port));
        return server;
    }

    @Test
    void passesForAServerBoundTo127001() throws Exception {
        assumeTrue(TestMachines.second(), "needs 127.0.0.2 (Linux)");
        try (ServerSocket server = serverOn(Addresses.LOOPBACK, 0)) {
            Event.Verdict verdict =
                    check(TestMachines.lanForbidden(), server.getLocalPort(), false);

            assertTrue(verdict.passed(), verdict.toString());
            assertTrue(
                    verdict.summary().contains("127.0.0.2:" + server.getLocalPort() + " refuses"));
        }
    }

    @Test
    void failsForAWildcardServerAndSaysWhy() throws Exception {
        assumeTrue(TestMachines.second(), "needs 127.0.0.2 (Linux)");
        try (ServerSocket server = new ServerSocket(0)) {
            Event.Verdict verdict =
                    check(TestMachines.lanForbidden(), server.getLocalPort(), false);

            assertFalse(verdict.passed());
            assertTrue(
                    verdict.summary()
                            .contains(
                                    "it also answers on 127.0.0.2:"
                                            + server.getLocalPort()
                                            + ", so it is listening on a wildcard address"),
                    verdict.summary());
        }
    }

    @Test
    void failsWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket gone = serverOn(Addresses.LOOPBACK, 0)) {
            port = gone.getLocalPort();
        }
        Event.Verdict verdict = check(TestMachines.lanForbidden(), port, false);

        assertFalse(verdict.passed());
        assertEquals(
                "Nothing is listening on 127.0.0.1:"
                        + port
                        + " (refused: Connection refused)."
                        + " Start your server first, and check that it uses port "
                        + port
                        + ".",
                verdict.summary());
    }

    @Test
    void failsForAServerOnIpv6LoopbackOnlyAndNamesIt() throws Exception {
        Needs.ipv6();
        try (ServerSocket server = serverOn(Addresses.LOOPBACK_V6, 0)) {
            Event.Verdict verdict =
                    check(TestMachines.lanForbidden(), server.getLocalPort(), false);

            assertFalse(verdict.passed());
            assertTrue(
                    verdict.summary().contains("but something does on [::1]:"), verdict.summary());
        }
    }

    @Test
    void lanTickedProbesInjectedAliasesAndPassesWhenTheyRefuse() throws Exception {
        assumeTrue(TestMachines.second(), "needs 127.0.0.0/8 (Linux)");
        try (ServerSocket server = serverOn(Addresses.LOOPBACK, 0)) {
            int port = server.getLocalPort();
            Event.Verdict verdict = check(TestMachines.withLan(TestMachines.ALIAS_3), port, true);

            assertTrue(verdict.passed(), verdict.toString());
            assertTrue(
                    verdict.details()
                            .contains("127.0.0.3:" + port + " → refused: Connection refused"));
        }
    }

    @Test
    void lanTickedFailsWhenAnInjectedAddressAnswers() throws Exception {
        assumeTrue(TestMachines.second(), "needs 127.0.0.0/8 (Linux)");
        // Two loopback servers on one port: 127.0.0.2 refuses and the socket table shows loopback
        // only, so the LAN probe alone must catch the one on 127.0.0.3.
        try (ServerSocket server = serverOn(Addresses.LOOPBACK, 0);
                ServerSocket alias = serverOn(TestMachines.ALIAS_3, server.getLocalPort())) {
            int port = server.getLocalPort();
            Event.Verdict verdict = check(TestMachines.withLan(TestMachines.ALIAS_3), port, true);

            assertFalse(verdict.passed());
            assertTrue(
                    verdict.summary().contains("this machine's network address 127.0.0.3:" + port),
                    verdict.summary());
            assertTrue(alias.isBound());
        }
    }

    @Test
    void judgesWithout127002AndSaysSo() throws Exception {
        try (ServerSocket server = serverOn(Addresses.LOOPBACK, 0)) {
            RecordingReport report =
                    checkReport(TestMachines.without127002(), server.getLocalPort(), false);

            assertTrue(report.onlyVerdict().passed(), report.onlyVerdict().toString());
            assertTrue(report.warnings().contains("127.0.0.2 is not configured on this OS"));
        }
    }

    @Test
    void catchesAWildcardWithout127002() throws Exception {
        Needs.ipv6(); // a Java wildcard shows through ::1 or the socket table
        try (ServerSocket server = new ServerSocket(0)) {
            Event.Verdict verdict =
                    check(TestMachines.without127002(), server.getLocalPort(), false);

            assertFalse(verdict.passed());
            assertTrue(verdict.summary().contains("wildcard"), verdict.summary());
        }
    }
}
