package dev.loopbacklab.experiments.localhost;

import static dev.loopbacklab.testing.Listings.lsof;
import static dev.loopbacklab.testing.Listings.netstat;
import static dev.loopbacklab.testing.Probes.ANSWERS;
import static dev.loopbacklab.testing.Probes.REFUSED;
import static dev.loopbacklab.testing.Systems.LINUX;
import static dev.loopbacklab.testing.Systems.MAC;
import static dev.loopbacklab.testing.Systems.WINDOWS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.SocketTable;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * localhost-both's words on Linux, macOS and Windows, from the listeners each really lists: /proc
 * on Linux, lsof on macOS (platform/macos/lsof-nP-loopback-pair.txt, lsof-i-P-node-wildcard.txt),
 * netstat -ano on Windows (rows in the layout of platform/windows/netstat-ano.txt).
 */
class BothVerdictTest {

    /** Two Java listeners on 7009 as Linux's /proc/net/tcp6 shows them (Java sockets are IPv6). */
    private static final String PROC_TCP6_PAIR =
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid"
                    + "  timeout inode\n"
                    + "   0: 0000000000000000FFFF00000100007F:1B61"
                    + " 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000"
                    + " 00000000  1000 0 301\n"
                    + "   1: 00000000000000000000000001000000:1B61"
                    + " 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000"
                    + " 00000000  1000 0 302\n";

    /** The same two listeners as netstat -ano lists them on Windows. */
    private static final String NETSTAT_PAIR =
            "  Proto  Local Address          Foreign Address        State           PID\r\n"
                    + "  TCP    127.0.0.1:7009         0.0.0.0:0              LISTENING       4242\r\n"
                    + "  TCP    [::1]:7009             [::]:0                 LISTENING       4242\r\n";

    /** A Java :: listener on Windows: netstat lists it for both families. */
    private static final String NETSTAT_WILDCARD =
            "  TCP    0.0.0.0:7009           0.0.0.0:0              LISTENING       4242\r\n"
                    + "  TCP    [::]:7009              [::]:0                 LISTENING       4242\r\n";

    private static BothVerdict.Judgement both(
            Platform platform, int port, Optional<List<SocketTable.Entry>> table) {
        return BothVerdict.of(new BothFacts(port, platform, ANSWERS, Optional.of(ANSWERS), table));
    }

    private static final String SAFE =
            "Both families answer, each on loopback only: 127.0.0.1:7009 and [::1]:7009. That is the"
                    + " safe answer: any client that resolves localhost gets in, and nothing from"
                    + " the network does.";

    @Test
    void twoLoopbackListenersPassAsTheSafeAnswerOnEverySystem() {
        Optional<List<SocketTable.Entry>> linux =
                Optional.of(SocketTable.parse(PROC_TCP6_PAIR, "tcp6"));
        Optional<List<SocketTable.Entry>> mac = lsof("macos/lsof-nP-loopback-pair.txt", 7009);
        Optional<List<SocketTable.Entry>> windows = netstat(NETSTAT_PAIR, 7009);
        for (var pair :
                List.of(
                        new Object[] {LINUX, linux},
                        new Object[] {MAC, mac},
                        new Object[] {WINDOWS, windows})) {
            @SuppressWarnings("unchecked")
            Optional<List<SocketTable.Entry>> table = (Optional<List<SocketTable.Entry>>) pair[1];
            assertEquals(2, table.orElseThrow().size(), "both listeners are listed: " + pair[0]);
            BothVerdict.Judgement judgement = both((Platform) pair[0], 7009, table);

            assertTrue(judgement.passed(), judgement.toString());
            assertEquals(SAFE, judgement.summary(), pair[0].toString());
        }
    }

    @Test
    void onMacosADualStackWildcardFromLsofPassesButSaysExposed() {
        // Node's *:4211 is one IPv6 socket that answers 127.0.0.1 and ::1 alike.
        BothVerdict.Judgement judgement =
                both(MAC, 4211, lsof("macos/lsof-i-P-node-wildcard.txt", 4211));

        assertTrue(judgement.passed());
        assertTrue(
                judgement
                        .summary()
                        .startsWith(
                                "Works, but exposed: both families answer because"
                                        + " your server listens on [::]:4211, which is every interface"),
                judgement.summary());
        assertTrue(
                judgement.details().contains("socket table: tcp6 LISTEN [::]:4211"),
                judgement.details().toString());
    }

    @Test
    void onWindowsAWildcardFromNetstatPassesButSaysExposed() {
        BothVerdict.Judgement judgement = both(WINDOWS, 7009, netstat(NETSTAT_WILDCARD, 7009));

        assertTrue(judgement.passed());
        assertTrue(
                judgement
                        .summary()
                        .startsWith(
                                "Works, but exposed: both families answer because"
                                        + " your server listens on 0.0.0.0:7009"),
                judgement.summary());
    }

    @Test
    void onMacosAServerLsofDoesNotListIsBlamedOnLsofsUserFilterNotOnTheOs() {
        BothVerdict.Judgement mac = both(MAC, 7010, lsof("macos/lsof-nP-loopback-pair.txt", 7010));
        BothVerdict.Judgement linux = both(LINUX, 7010, Optional.of(List.of()));

        assertTrue(mac.passed());
        assertTrue(
                mac.summary()
                        .contains(
                                "(lsof -nP -iTCP -sTCP:LISTEN lists no listener on port 7010 for"
                                        + " you: without sudo, lsof lists only your own processes'"
                                        + " sockets, so the lab cannot say how.)"),
                mac.summary());
        assertTrue(linux.summary().contains("(ss -ltnp lists no listener on port 7010, so"));
        assertFalse(linux.summary().contains("sudo"), "Linux's /proc lists every user's sockets");
    }

    @Test
    void whenTheListCannotBeReadItNamesTheToolAndNeverSaysTheOsHasNone() {
        // The words before: "This OS has no socket table the lab can read" — false on a Mac
        // whose lsof failed, and on Windows whose netstat did.
        for (Platform platform : List.of(LINUX, MAC, WINDOWS)) {
            BothVerdict.Judgement judgement = both(platform, 7009, Optional.empty());

            assertTrue(judgement.passed());
            assertFalse(judgement.summary().contains("has no socket table"), judgement.summary());
            assertTrue(
                    judgement
                            .summary()
                            .contains(
                                    "The lab could not read this machine's list of listeners ("
                                            + platform.listenersCommand()
                                            + ")"),
                    judgement.summary());
        }
    }

    @Test
    void onlyOneFamilyFailsAndOnlyWindowsIsToldTheRefusalTakesSeconds() {
        for (Platform platform : List.of(LINUX, MAC, WINDOWS)) {
            BothVerdict.Judgement judgement =
                    BothVerdict.of(
                            new BothFacts(
                                    7009,
                                    platform,
                                    ANSWERS,
                                    Optional.of(REFUSED),
                                    Optional.empty()));

            assertFalse(judgement.passed());
            assertTrue(
                    judgement
                            .summary()
                            .startsWith(
                                    "Only IPv4 answers: 127.0.0.1:7009 connects, [::1]:7009"
                                            + " refuses."),
                    judgement.summary());
            assertEquals(
                    platform.slowRefusal(),
                    judgement.summary().contains("after about 2 s"),
                    platform + ": " + judgement.summary());
        }
    }

    @Test
    void withoutIpv6OneAnswerIsEnoughAndTheWarningSaysWhy() {
        BothVerdict.Judgement judgement =
                BothVerdict.of(
                        new BothFacts(7009, MAC, ANSWERS, Optional.empty(), Optional.empty()));

        assertTrue(judgement.passed());
        assertEquals(
                List.of("IPv6 is not available on this machine, so no client here can pick ::1."),
                judgement.warnings());
        assertEquals(List.of("127.0.0.1:7009 → connected"), judgement.details());
    }

    @Test
    void nothingAnsweringFailsAndNamesBothAddresses() {
        BothVerdict.Judgement judgement =
                BothVerdict.of(
                        new BothFacts(
                                7009, WINDOWS, REFUSED, Optional.of(REFUSED), Optional.empty()));

        assertFalse(judgement.passed());
        assertTrue(
                judgement
                        .summary()
                        .startsWith("Nothing is listening on 127.0.0.1:7009 or [::1]:7009."),
                judgement.summary());
    }
}
