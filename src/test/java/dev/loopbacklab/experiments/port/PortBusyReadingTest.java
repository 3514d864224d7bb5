package dev.loopbacklab.experiments.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.experiments.port.PortBusyReading.Attempt;
import dev.loopbacklab.experiments.port.PortBusyReading.Verdict;
import dev.loopbacklab.net.ExcludedPorts;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.PrivilegedPorts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What each learner is told, from the answers each OS really gives (messages recorded in
 * src/test/resources/platform/).
 */
class PortBusyReadingTest {
    static final Platform LINUX = Platform.of("Linux", "6.1");
    static final Platform MAC = Platform.of("Mac OS X", "14.5");
    static final Platform WINDOWS = Platform.of("Windows 11", "10.0");

    private static Verdict read(Platform platform, int port, Attempt... attempts) {
        return PortBusyReading.of(
                platform,
                port,
                List.of(attempts),
                ExcludedPorts.none(),
                PrivilegedPorts.of(platform));
    }

    @Test
    void windowsInUseWithItsOwnWordingPasses() {
        Verdict verdict =
                read(
                        WINDOWS,
                        7007,
                        Attempt.failed("127.0.0.1", "BindException: Address already in use: bind"),
                        Attempt.bound("[::1]"),
                        Attempt.failed("0.0.0.0", "BindException: Address already in use: bind"));
        assertTrue(verdict.passed(), verdict.toString());
        assertEquals("Port 7007 is busy: someone holds it.", verdict.headline());
    }

    @Test
    void macWildcardHolderIsFoundByTheWildcardBind() {
        Verdict verdict =
                read(
                        MAC,
                        7007,
                        Attempt.bound("127.0.0.1"),
                        Attempt.bound("[::1]"),
                        Attempt.failed("0.0.0.0", "BindException: Address already in use"));
        assertTrue(verdict.passed(), verdict.toString());
        assertTrue(
                String.join(" ", verdict.details())
                        .contains("on macOS a listener on the wildcard"));
    }

    @Test
    void ipv6LoopbackHolderCountsEverywhere() {
        for (Platform platform : List.of(LINUX, MAC, WINDOWS)) {
            Verdict verdict =
                    read(
                            platform,
                            7007,
                            Attempt.bound("127.0.0.1"),
                            Attempt.failed("[::1]", "BindException: Address already in use"),
                            Attempt.bound("0.0.0.0"));
            assertTrue(verdict.passed(), platform + " " + verdict);
        }
    }

    @Test
    void windowsExcludedPortIsNotCalledBusy() throws IOException {
        ExcludedPorts excluded =
                ExcludedPorts.parseNetsh(fixture("windows/netsh-excludedportrange-tcp-en.txt"));
        String message = "BindException: Address already in use: bind";
        Verdict verdict =
                PortBusyReading.of(
                        WINDOWS,
                        50010,
                        List.of(
                                Attempt.failed("127.0.0.1", message),
                                Attempt.failed("[::1]", message),
                                Attempt.failed("0.0.0.0", message)),
                        excluded,
                        PrivilegedPorts.of(WINDOWS));
        assertFalse(verdict.passed(), verdict.toString());
        assertEquals(
                "Port 50010 is reserved by Windows, not held by a program: it lies in the"
                        + " excluded range 50000–50059.",
                verdict.headline());
        assertTrue(verdict.details().get(0).contains("\"Address already in use: bind\""));
        // The same list on Linux means nothing: only Windows has excluded ranges.
        assertTrue(
                PortBusyReading.of(
                                LINUX,
                                50010,
                                List.of(
                                        Attempt.failed(
                                                "127.0.0.1",
                                                "BindException: Address already in use")),
                                excluded,
                                PrivilegedPorts.parseLinux("1024"))
                        .passed());
    }

    @Test
    void macPrivilegedLoopbackSaysRootIsNeededOnlyThere() {
        Verdict verdict =
                read(
                        MAC,
                        80,
                        Attempt.failed("127.0.0.1", "SocketException: Permission denied"),
                        Attempt.failed("[::1]", "SocketException: Permission denied"),
                        Attempt.bound("0.0.0.0"));
        assertFalse(verdict.passed());
        assertTrue(verdict.details().get(0).contains("127.0.0.1 below 1024 needs root"));
        assertTrue(verdict.details().get(0).contains("the wildcard 0.0.0.0 does not"));
    }

    @Test
    void freePortNamesEveryAddressItBound() {
        Verdict verdict =
                read(
                        LINUX,
                        7007,
                        Attempt.bound("127.0.0.1"),
                        Attempt.failed("[::1]", "BindException: Cannot assign requested address"),
                        Attempt.bound("0.0.0.0"));
        assertFalse(verdict.passed());
        assertEquals(
                "Port 7007 is free: the lab could bind 127.0.0.1:7007, 0.0.0.0:7007 (and closed"
                        + " each again).",
                verdict.headline());
    }

    @Test
    void freePrivilegedPortIsNotSuggestedToAnOrdinaryUser() {
        // The lab bound 127.0.0.1:1 only because it runs as root (or, on Linux, with
        // CAP_NET_BIND_SERVICE); a JShell the learner starts as themselves would be refused.
        for (Platform platform : List.of(LINUX, MAC)) {
            Verdict verdict = boundEverywhere(platform, 1);
            assertFalse(verdict.passed());
            String advice = String.join(" ", verdict.details());
            assertFalse(advice.contains("\"127.0.0.1\", 1)"), platform + ": " + advice);
            assertTrue(advice.contains("Port 1 is privileged on 127.0.0.1 here"), advice);
            assertTrue(advice.contains("InetSocketAddress(\"127.0.0.1\", 62894)"), advice);
            assertTrue(advice.contains("from 1024 up"), advice);
            assertEquals(
                    platform == LINUX,
                    advice.contains("CAP_NET_BIND_SERVICE"),
                    platform + ": " + advice);
        }
    }

    @Test
    void freeLowPortIsSuggestedWhereAnyoneMayBindIt() {
        Verdict windows = boundEverywhere(WINDOWS, 1);
        assertTrue(
                windows.details().get(0).contains("InetSocketAddress(\"127.0.0.1\", 1)"),
                windows.toString());
        // A Linux whose ip_unprivileged_port_start is 0 (as in many containers) lets anyone bind
        // it.
        String open = freeOnLinux(1, "0");
        assertTrue(open.contains("InetSocketAddress(\"127.0.0.1\", 1)"), open);
        // A Linux that lowered the line to 80 still guards port 1; the advice names the real line.
        String lowered = freeOnLinux(1, "80");
        assertTrue(lowered.contains("(ports 1–79)"), lowered);
        assertTrue(lowered.contains("from 80 up"), lowered);
    }

    /** The verdict when the lab could bind {@code port} on all three addresses. */
    private static Verdict boundEverywhere(Platform platform, int port) {
        return read(
                platform,
                port,
                Attempt.bound("127.0.0.1"),
                Attempt.bound("[::1]"),
                Attempt.bound("0.0.0.0"));
    }

    /** The advice for a free port on a Linux whose ip_unprivileged_port_start is {@code start}. */
    private static String freeOnLinux(int port, String start) {
        Verdict verdict =
                PortBusyReading.of(
                        LINUX,
                        port,
                        List.of(Attempt.bound("127.0.0.1")),
                        ExcludedPorts.none(),
                        PrivilegedPorts.parseLinux(start));
        assertFalse(verdict.passed());
        return String.join(" ", verdict.details());
    }

    private static String fixture(String path) throws IOException {
        try (InputStream in = PortBusyReadingTest.class.getResourceAsStream("/platform/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
