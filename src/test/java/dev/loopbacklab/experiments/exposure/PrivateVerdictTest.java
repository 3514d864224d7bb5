package dev.loopbacklab.experiments.exposure;

import static dev.loopbacklab.testing.Listings.netstat;
import static dev.loopbacklab.testing.Probes.ANSWERS;
import static dev.loopbacklab.testing.Probes.REFUSED;
import static dev.loopbacklab.testing.Systems.LINUX;
import static dev.loopbacklab.testing.Systems.MAC;
import static dev.loopbacklab.testing.Systems.WINDOWS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.net.PlatformFixture;
import dev.loopbacklab.net.ProbeResult;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.testing.Listings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * exposure-private's words on Linux, macOS and Windows, from what each really shows: a Mac has no
 * 127.0.0.2 and lists listeners with lsof (platform/macos/lsof-nP-listen.txt), Windows with netstat
 * -ano (platform/windows/netstat-ano.txt), Linux in /proc/net.
 */
class PrivateVerdictTest {

    /** The recorded lsof rows on {@code port}, as the check sees its port's rows. */
    private static Optional<List<SocketTable.Entry>> lsof(int port) {
        return Listings.lsof("macos/lsof-nP-listen.txt", port);
    }

    private static PrivateVerdict.Judgement mac(
            int port, ProbeResult v4, Optional<List<SocketTable.Entry>> table) {
        return PrivateVerdict.of(
                new PrivateFacts(
                        port,
                        MAC,
                        v4,
                        Optional.of(REFUSED),
                        Optional.empty(),
                        table,
                        Optional.empty()));
    }

    @Test
    void onMacosAWildcardThatLsofListsFailsAlthough127002CannotBeProbed() {
        // ControlCe listens on *:7000 (IPv4 and IPv6) in the recorded lsof output.
        PrivateVerdict.Judgement judgement = mac(7000, ANSWERS, lsof(7000));

        assertFalse(judgement.passed());
        assertEquals(
                "Your server on port 7000 is not private: the OS lists a listener on"
                        + " 0.0.0.0:7000, a wildcard address that other machines can reach. Bind it"
                        + " to 127.0.0.1.",
                judgement.summary());
        assertTrue(
                judgement
                        .details()
                        .contains("127.0.0.2:7000 → not probed: not configured on this OS"),
                judgement.details().toString());
        assertTrue(
                judgement.warnings().get(0).contains("sudo ifconfig lo0 alias 127.0.0.2 up"),
                judgement.warnings().toString());
    }

    @Test
    void onMacosALoopbackServerThatLsofListsPassesAndSaysWhatShowedIt() {
        PrivateVerdict.Judgement judgement = mac(44960, ANSWERS, lsof(44960));

        assertTrue(judgement.passed(), judgement.toString());
        assertEquals(
                "Only this machine can reach your server: 127.0.0.1:44960 answers, the OS lists it"
                        + " on loopback only.",
                judgement.summary());
        assertFalse(judgement.summary().contains("127.0.0.2"), "never probed on a Mac");
    }

    @Test
    void onMacosAServerLsofDoesNotListCannotPassAndSaysWhy() {
        // Another user's server (lsof without sudo lists only yours), or lsof failed: an IPv4
        // 0.0.0.0 server would look exactly like this.
        for (Optional<List<SocketTable.Entry>> table :
                List.<Optional<List<SocketTable.Entry>>>of(lsof(7008), Optional.empty())) {
            PrivateVerdict.Judgement judgement = mac(7008, ANSWERS, table);

            assertFalse(judgement.passed(), judgement.toString());
            assertTrue(
                    judgement
                            .summary()
                            .contains(
                                    "the lab cannot tell 127.0.0.1 from the wildcard 0.0.0.0 here:"
                                            + " 127.0.0.2 is not configured and lsof -nP -iTCP"
                                            + " -sTCP:LISTEN lists nothing on port 7008 for you."),
                    judgement.summary());
            assertTrue(judgement.details().get(0).startsWith("On macOS only 127.0.0.1"));
        }
    }

    @Test
    void onMacosTheLanProbesDecideWhenNothingElseCan() {
        PrivateVerdict.Judgement judgement =
                PrivateVerdict.of(
                        new PrivateFacts(
                                7008,
                                MAC,
                                ANSWERS,
                                Optional.of(REFUSED),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(
                                        List.of(
                                                new PrivateFacts.Probed(
                                                        TestMachines.ALIAS_3, REFUSED)))));
        assertTrue(judgement.passed(), judgement.toString());
        assertEquals(
                "Only this machine can reach your server: 127.0.0.1:7008 answers.",
                judgement.summary());
    }

    @Test
    void onMacosAServerOnlyOnANetworkAddressIsNamedNotMissed() {
        String lsof =
                PlatformFixture.load("macos/lsof-nP-listen.txt")
                        .body()
                        .replace("127.0.0.1:44960", "192.0.2.10:7008");
        PrivateVerdict.Judgement judgement =
                mac(7008, REFUSED, Listings.onPort(SocketTable.parseLsof(lsof), 7008));

        assertFalse(judgement.passed());
        assertTrue(
                judgement
                        .summary()
                        .startsWith(
                                "Nothing answers on 127.0.0.1:7008, but the OS lists a listener on"
                                        + " 192.0.2.10:7008"),
                judgement.summary());
    }

    @Test
    void onWindowsAWildcardFromNetstatFailsOn127002First() {
        String netstat = PlatformFixture.load("windows/netstat-ano.txt").crlf();
        PrivateVerdict.Judgement judgement =
                PrivateVerdict.of(
                        new PrivateFacts(
                                3389,
                                WINDOWS,
                                ANSWERS,
                                Optional.of(REFUSED),
                                Optional.of(ANSWERS),
                                netstat(netstat, 3389),
                                Optional.empty()));

        assertFalse(judgement.passed());
        assertTrue(
                judgement.summary().contains("it also answers on 127.0.0.2:3389"),
                judgement.summary());
        assertTrue(
                judgement
                        .details()
                        .contains(
                                "problem: the OS lists a listener on 0.0.0.0:3389, a wildcard"
                                        + " address that other machines can reach"),
                judgement.details().toString());
        assertEquals(List.of(), judgement.warnings(), "Windows answers on all of 127.0.0.0/8");
    }

    @Test
    void onWindowsALoopbackServerPassesWithBothKindsOfEvidence() {
        String netstat =
                "  TCP    127.0.0.1:7008         0.0.0.0:0              LISTENING       4242\r\n";
        PrivateVerdict.Judgement judgement =
                PrivateVerdict.of(
                        new PrivateFacts(
                                7008,
                                WINDOWS,
                                ANSWERS,
                                Optional.of(REFUSED),
                                Optional.of(REFUSED),
                                netstat(netstat, 7008),
                                Optional.empty()));

        assertTrue(judgement.passed(), judgement.toString());
        assertEquals(
                "Only this machine can reach your server: 127.0.0.1:7008 answers, 127.0.0.2:7008"
                        + " refuses, the OS lists it on loopback only.",
                judgement.summary());
    }

    @Test
    void onLinuxAJavaWildcardShowsInTcp6AndFails() {
        String proc =
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid"
                        + "  timeout inode\n"
                        + "   0: 00000000000000000000000000000000:1B60"
                        + " 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000"
                        + " 00000000  1000 0 201\n";
        PrivateVerdict.Judgement judgement =
                PrivateVerdict.of(
                        new PrivateFacts(
                                7008,
                                LINUX,
                                ANSWERS,
                                Optional.of(ANSWERS),
                                Optional.of(ANSWERS),
                                Optional.of(SocketTable.parse(proc, "tcp6")),
                                Optional.empty()));

        assertFalse(judgement.passed());
        assertTrue(
                judgement
                        .details()
                        .contains(
                                "problem: the OS lists a listener on [::]:7008, a wildcard address"
                                        + " that other machines can reach"),
                judgement.details().toString());
    }
}
