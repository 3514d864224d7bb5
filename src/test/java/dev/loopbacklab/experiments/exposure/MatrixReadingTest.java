package dev.loopbacklab.experiments.exposure;

import static dev.loopbacklab.testing.Systems.LINUX;
import static dev.loopbacklab.testing.Systems.MAC;
import static dev.loopbacklab.testing.Systems.WINDOWS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.net.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * exposure-matrix's words for a Linux, macOS and Windows learner. What each system really does,
 * with its source in platform/README.md: the JDK clears IPV6_V6ONLY on every IPv6 socket and binds
 * a plain ServerSocket's 0.0.0.0 as :: on all three (JDK Net.c and net_util_md.c, unix and windows
 * alike), so the :: and plain-Java rows answer every probe everywhere; only Windows' own default is
 * IPv6-only; only macOS lacks 127.0.0.2.
 */
class MatrixReadingTest {

    /** The rows as the JDK makes them on all three systems, 127.0.0.2 where it exists. */
    private static List<MatrixReading.Row> javaRows(boolean second) {
        List<String> all =
                second ? List.of("127.0.0.1", "127.0.0.2", "::1") : List.of("127.0.0.1", "::1");
        List<String> v4 = second ? List.of("127.0.0.1", "127.0.0.2") : List.of("127.0.0.1");
        return List.of(
                new MatrixReading.Row(Addresses.LOOPBACK, false, List.of("127.0.0.1")),
                new MatrixReading.Row(Addresses.ANY_V4, false, v4),
                new MatrixReading.Row(Addresses.ANY_V4, true, all),
                new MatrixReading.Row(Addresses.LOOPBACK_V6, false, List.of("::1")),
                new MatrixReading.Row(Addresses.ANY_V6, false, all));
    }

    @Test
    void everySystemHearsIpv4OnColonColonAndOnlyWindowsIsToldItsDefaultIsIpv6Only() {
        for (Platform platform : List.of(LINUX, MAC, WINDOWS)) {
            List<String> sayings =
                    MatrixReading.sayings(platform, true, javaRows(platform.wholeLoopbackBlock()));
            String dual = sayings.get(0);

            assertTrue(dual.startsWith("The :: listener accepted IPv4 clients too"), dual);
            assertTrue(dual.endsWith(platform.dualStackNote()), dual);
            assertFalse(
                    dual.contains("IPV6_V6ONLY is false by default"),
                    "the old words: false on Windows, where the OS default is true");
            assertEquals(
                    platform.v6OnlyByDefault(),
                    dual.contains("IPv6 sockets hear IPv6 only by default"),
                    dual);
            assertTrue(
                    sayings.get(1)
                            .startsWith(
                                    "The plain new ServerSocket() bound to 0.0.0.0"
                                            + " answered ::1 too"),
                    sayings.toString());
            assertEquals(3, sayings.size(), sayings.toString());
        }
        assertTrue(WINDOWS.dualStackNote().contains("a C, Python or .NET one bound to ::"));
    }

    @Test
    void anIpv4OnlyJvmIsToldWhyItsPlainServerMissed1() {
        // java -Djava.net.preferIPv4Stack=true: the plain ServerSocket is an IPv4 socket.
        List<MatrixReading.Row> rows =
                List.of(
                        new MatrixReading.Row(
                                Addresses.ANY_V4, true, List.of("127.0.0.1", "127.0.0.2")),
                        new MatrixReading.Row(Addresses.ANY_V6, false, List.of("::1")));
        List<String> sayings = MatrixReading.sayings(LINUX, true, rows);

        assertTrue(
                sayings.get(0).startsWith("The :: listener did not accept 127.0.0.1"),
                sayings.toString());
        assertTrue(sayings.get(1).contains("did not answer ::1"), sayings.toString());
    }

    @Test
    void withoutIpv6NothingIsSaidAboutTheRowsThatDidNotRun() {
        List<MatrixReading.Row> rows =
                List.of(
                        new MatrixReading.Row(Addresses.LOOPBACK, false, List.of("127.0.0.1")),
                        new MatrixReading.Row(Addresses.ANY_V4, true, List.of("127.0.0.1")));
        List<String> sayings = MatrixReading.sayings(MAC, false, rows);

        assertEquals(1, sayings.size(), sayings.toString());
        assertTrue(sayings.get(0).startsWith("Only the 127.0.0.1 and ::1 rows are private."));
    }

    @Test
    void onlyMacosIsToldHowToAdd127002AndEachSystemGetsItsOwnNote() {
        List<String> mac = MatrixReading.warnings(MAC, false, true);
        assertEquals(1, mac.size());
        assertTrue(mac.get(0).contains("sudo ifconfig lo0 alias 127.0.0.2 up"), mac.get(0));
        assertFalse(mac.get(0).contains("Linux"), "a Mac learner is told about their Mac");

        // Linux and Windows answer on all of 127.0.0.0/8, so the machine probes 127.0.0.2 there.
        assertEquals(List.of(), MatrixReading.warnings(LINUX, true, true));
        assertEquals(List.of(), MatrixReading.warnings(WINDOWS, true, true));
        // In a container that somehow lacks it, Linux is told what Linux does.
        assertTrue(
                MatrixReading.warnings(LINUX, false, true)
                        .get(0)
                        .endsWith("On Linux all of 127.0.0.0/8 reaches this machine through lo."));
    }
}
