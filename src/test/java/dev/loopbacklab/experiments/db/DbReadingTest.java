package dev.loopbacklab.experiments.db;

import static dev.loopbacklab.testing.Probes.ANSWERS;
import static dev.loopbacklab.testing.Probes.REFUSED;
import static dev.loopbacklab.testing.Probes.SILENT;
import static dev.loopbacklab.testing.Systems.LINUX;
import static dev.loopbacklab.testing.Systems.MAC;
import static dev.loopbacklab.testing.Systems.WINDOWS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.ProbeResult;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.testing.Recorded;
import dev.loopbacklab.testing.Systems;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * db-tcp's and db-allow-others' words on Linux, macOS and Windows: where H2 listens, read from the
 * listings each OS really prints (platform/macos/lsof-nP-listen.txt, platform/windows/
 * netstat-ano.txt and the German netstat-an-de.txt), and who gets in, from what each OS answers:
 * Linux refuses at once, a Mac has no 127.0.0.2 (not tried, a connect there only waits), Windows
 * refuses a Java loopback connect at once (JDK 16 and later ask it to, JDK-8250521).
 */
class DbReadingTest {
    private static List<SocketTable.Entry> lsof() {
        return Recorded.entries(Recorded.lsof());
    }

    private static List<SocketTable.Entry> netstat() {
        return Recorded.entries(Recorded.netstat("windows/netstat-ano.txt"));
    }

    private static DbReading.Tried tried(String host, ProbeResult tcp) {
        return new DbReading.Tried(
                host,
                true,
                Optional.of(tcp),
                Optional.of(new LabDatabase.Attempt(host, tcp.connected(), "(H2's answer)")));
    }

    private static DbReading.Tried skipped(String host) {
        return new DbReading.Tried(host, true, Optional.empty(), Optional.empty());
    }

    @Test
    void onMacosALoopbackListenerThatLsofListsIsCalledLoopbackOnly() {
        List<List<String>> rows = DbReading.listeningRows(lsof(), 44960);

        assertEquals(List.of(List.of("tcp", "127.0.0.1:44960", "yes")), rows);
        assertTrue(DbReading.listening(rows).startsWith("H2 listens on 127.0.0.1 only"));
    }

    @Test
    void onMacosAWildcardThatLsofWritesAsStarIsCalledEveryAddress() {
        List<List<String>> rows = DbReading.listeningRows(lsof(), 7000);

        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.stream().allMatch(r -> r.get(2).startsWith("no")), rows.toString());
        assertTrue(DbReading.listening(rows).startsWith("H2 did not bind 127.0.0.1"));
    }

    @Test
    void onWindowsAWildcardThatNetstatListsIsCalledEveryAddress() {
        List<List<String>> rows = DbReading.listeningRows(netstat(), 135);

        assertEquals(
                List.of(List.of("tcp", "0.0.0.0:135", "no: every address of this machine")), rows);
        assertTrue(DbReading.listening(rows).startsWith("H2 did not bind 127.0.0.1"));
    }

    @Test
    void onGermanWindowsALoopbackListenerIsReadFromItsTranslatedListing() {
        List<SocketTable.Entry> german =
                Recorded.entries(Recorded.netstat("windows/netstat-an-de.txt"));

        List<List<String>> loopback = DbReading.listeningRows(german, 49181);
        assertEquals(List.of(List.of("tcp", "127.0.0.1:49181", "yes")), loopback);
        assertTrue(DbReading.listening(loopback).startsWith("H2 listens on 127.0.0.1 only"));

        List<List<String>> both = DbReading.listeningRows(german, 3389);
        assertEquals(
                List.of("0.0.0.0:3389", "[::]:3389"), both.stream().map(r -> r.get(1)).toList());
        assertTrue(DbReading.listening(both).startsWith("H2 did not bind 127.0.0.1"));
    }

    @Test
    void aListingWithoutTheServerClaimsNothing() {
        List<List<String>> rows = DbReading.listeningRows(lsof(), 9092);

        assertTrue(rows.isEmpty());
        assertFalse(DbReading.listening(rows).contains("127.0.0.1 only"), "no evidence for it");
    }

    @Test
    void onLinuxBothOtherAddressesAreRefusedByTheOs() {
        String words =
                DbReading.whoGetsIn(
                        LINUX,
                        List.of(
                                tried("127.0.0.1", ANSWERS),
                                tried("127.0.0.2", REFUSED),
                                tried("[::1]", REFUSED)));

        assertTrue(
                words.startsWith(
                        "Bound to 127.0.0.1, the server is not even reached through 127.0.0.2 or"
                                + " [::1]: the operating system refuses those handshakes."),
                words);
    }

    @Test
    void onMacos127002IsNotTriedAndNotCalledRefused() {
        List<DbReading.Tried> tried =
                List.of(tried("127.0.0.1", ANSWERS), skipped("127.0.0.2"), tried("[::1]", REFUSED));
        String words = DbReading.whoGetsIn(MAC, tried);

        assertTrue(words.contains("not even reached through [::1]:"), words);
        assertTrue(words.contains("refuses that handshake."), words);
        assertFalse(words.contains("127.0.0.2 or"), words);
        assertTrue(
                words.contains("127.0.0.2 was not tried: On macOS only 127.0.0.1 is configured"),
                words);
        List<String> row = DbReading.whoGetsInRows(MAC, tried).get(1);
        assertEquals(
                List.of("127.0.0.2", "not tried: not configured on macOS", "not tried", "yes"),
                row);
    }

    @Test
    void onWindowsJavasFastLoopbackRefusalIsCalledARefusal() {
        // Java 16+ asks Windows to refuse loopback connects at once (JDK-8250521): a Windows
        // learner's probes are REFUSED, as on Linux (platform/windows/refused-loopback-connect.txt
        // shows the 2 s other programs wait).
        String words =
                DbReading.whoGetsIn(
                        WINDOWS,
                        List.of(
                                tried("127.0.0.1", ANSWERS),
                                tried("127.0.0.2", REFUSED),
                                tried("[::1]", REFUSED)));

        assertTrue(words.contains("the operating system refuses those handshakes"), words);
        assertFalse(words.contains("2 s") || words.contains("two seconds"), words);
    }

    @Test
    void aProbeThatTimesOutIsNeitherARefusalNorAListener() {
        for (Platform platform : Systems.ALL) {
            String words =
                    DbReading.whoGetsIn(
                            platform, List.of(tried("127.0.0.1", ANSWERS), tried("[::1]", SILENT)));

            assertFalse(words.contains("refuses"), words);
            assertFalse(words.contains("succeeded"), words);
            assertTrue(words.contains("no handshake finished within 1 s"), words);
            assertEquals(
                    platform == WINDOWS,
                    words.contains("not Windows' slow refusal"),
                    platform + ": " + words);
        }
    }

    @Test
    void aSecondAddressThatAnswersIsCalledOut() {
        String words =
                DbReading.whoGetsIn(
                        LINUX,
                        List.of(
                                tried("127.0.0.1", ANSWERS),
                                tried("127.0.0.2", ANSWERS),
                                tried("[::1]", ANSWERS)));
        assertTrue(words.contains("the server listens on more than 127.0.0.1"), words);
        assertFalse(words.contains("not even reached"), words);
    }

    @Test
    void theComparisonNamesListeningAddressesOnlyWhereTheOsListedThem() {
        List<String> same = List.of("127.0.0.1:<port>", "127.0.0.1:<port>");
        assertTrue(
                DbReading.compared(true, same, true)
                        .endsWith("The listening address is the same too: 127.0.0.1:<port>."));
        String unlisted = DbReading.compared(true, List.of("", ""), false);
        assertTrue(unlisted.endsWith("Only the status line differs."), unlisted);
        assertFalse(unlisted.contains("listening address"), unlisted);
    }
}
