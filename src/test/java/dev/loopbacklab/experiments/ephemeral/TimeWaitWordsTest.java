package dev.loopbacklab.experiments.ephemeral;

import static dev.loopbacklab.testing.Systems.LINUX;
import static dev.loopbacklab.testing.Systems.MAC;
import static dev.loopbacklab.testing.Systems.WINDOWS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.net.OperatingSystem;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.PlatformFixture;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.net.TimeWait;
import dev.loopbacklab.testing.LiveReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a learner is told about the sweep's TIME_WAIT sockets, read from each system's recorded
 * list: a macOS netstat, a German and a Chinese Windows netstat -ano (where the state word may be
 * translated), and what is said when no list could be read.
 */
class TimeWaitWordsTest {

    /** The report a learner on {@code platform} gets for {@code port} in the recorded list. */
    private static LiveReport told(
            Platform platform, String fixture, boolean crlf, int port, int connections) {
        PlatformFixture recorded = PlatformFixture.load(fixture);
        String text = crlf ? recorded.crlf() : recorded.body();
        List<SocketTable.Entry> entries =
                (platform.os() == OperatingSystem.MAC
                                ? SocketTable.parseBsdNetstat(text)
                                : SocketTable.parseNetstat(text))
                        .stream().map(s -> s.entry()).toList();
        LiveReport report = new LiveReport();
        TimeWaitCount.tell(
                report,
                platform,
                TimeWait.of(platform.os()),
                platform.os() == OperatingSystem.MAC ? "netstat -an -p tcp" : "netstat -ano",
                port,
                connections,
                TimeWaitTally.of(entries, port));
        return report;
    }

    /** The report of 100 connections to port 2222 on {@code platform}, from {@code list}. */
    private static LiveReport reported(
            Platform platform, String source, Supplier<List<SocketTable.Entry>> list) {
        LiveReport report = new LiveReport();
        TimeWaitCount.report(
                report, platform, TimeWait.of(platform.os()), source, list, 2222, 0, 100);
        return report;
    }

    private static String said(LiveReport report) {
        return report.all(Event.Narration.class).stream()
                .map(Event.Narration::text)
                .collect(Collectors.joining("\n"));
    }

    @Test
    void macosCountsTheClientSideFromNetstatAndGivesItsOwnLength() {
        LiveReport report = told(MAC, "macos/netstat-vanp-tcp-time-wait.txt", false, 2222, 1);

        assertEquals("1", report.requireFact(TimeWaitCount.CLIENT_SIDE));
        assertEquals("0", report.requireFact(TimeWaitCount.LISTENER_SIDE));
        assertTrue(
                report.factEvent(TimeWaitCount.CLIENT_SIDE)
                        .orElseThrow()
                        .note()
                        .contains("read from netstat -an -p tcp"));
        String words = said(report);
        assertTrue(words.contains("30 s"), words);
        assertTrue(words.contains("netstat -an -p tcp | grep TIME_WAIT"), words);
        assertFalse(words.contains("60 s"), words);
        assertFalse(words.contains("ss -tan"), words);
        assertFalse(words.contains("Fewer"), "one connection, one socket: " + words);
    }

    @Test
    void macosFewerSocketsAreNotBlamedOnLinuxsReuse() {
        String words = said(told(MAC, "macos/netstat-vanp-tcp-time-wait.txt", false, 2222, 5));
        assertTrue(words.contains("Fewer sockets than connections"), words);
        assertFalse(words.contains("tcp_tw_reuse"), words);
    }

    @Test
    void macosWithNoneListedIsToldWhyNetstatMayShowNone() {
        // No row of this capture goes to port 2223: the list was read and held none.
        LiveReport report = told(MAC, "macos/netstat-vanp-tcp-time-wait.txt", false, 2223, 1);

        assertEquals("0", report.requireFact(TimeWaitCount.CLIENT_SIDE));
        String words = said(report);
        assertTrue(words.contains("22975100"), words);
        assertFalse(words.contains("Fewer"), words);
    }

    @Test
    void windowsInGermanCountsWartendAsTheClientSide() {
        // The capture's clients of 127.0.0.1:1110 and [::1]:1110 in WARTEND, each with PID 0.
        for (boolean crlf : List.of(false, true)) {
            LiveReport report = told(WINDOWS, "windows/netstat-ano-de.txt", crlf, 1110, 5);

            assertEquals("5", report.requireFact(TimeWaitCount.CLIENT_SIDE));
            assertEquals("0", report.requireFact(TimeWaitCount.LISTENER_SIDE));
            String words = said(report);
            assertTrue(words.contains("netstat -ano | findstr :1110"), words);
            assertTrue(words.contains("WARTEND"), words);
            assertTrue(words.contains("process id 0"), words);
            assertTrue(words.contains("TcpTimedWaitDelay"), "the length is not known: " + words);
            assertFalse(words.matches("(?s).*\\d+ s here.*"), words);
            assertFalse(words.contains("grep"), "Windows has no grep: " + words);
            assertFalse(words.contains("Fewer"), words);
        }
    }

    @Test
    void windowsInGermanShowsTheServerSideWhereTheServerClosedFirst() {
        // Port 2869's server closed first in this capture: 24 listener-side rows, no client.
        LiveReport report = told(WINDOWS, "windows/netstat-ano-de.txt", true, 2869, 24);

        assertEquals("0", report.requireFact(TimeWaitCount.CLIENT_SIDE));
        assertEquals("24", report.requireFact(TimeWaitCount.LISTENER_SIDE));
        assertTrue(said(report).contains("by its word or, in a language"), said(report));
    }

    @Test
    void windowsInChineseReadsTheEnglishWord() {
        LiveReport report = told(WINDOWS, "windows/netstat-ano-zh.txt", true, 8411, 2);
        assertEquals("2", report.requireFact(TimeWaitCount.LISTENER_SIDE));
        assertEquals("0", report.requireFact(TimeWaitCount.CLIENT_SIDE));
    }

    @Test
    void linuxKeepsItsOwnCommandLengthAndReuseRule() {
        List<String> words =
                TimeWaitCount.explain(
                        LINUX,
                        TimeWait.of(OperatingSystem.LINUX),
                        7000,
                        10,
                        new TimeWaitTally(9, 0));
        String text = String.join("\n", words);
        assertTrue(text.contains("ss -tan state time-wait"), text);
        assertTrue(text.contains("60 s"), text);
        assertTrue(text.contains("tcp_tw_reuse"), text);
        assertFalse(text.contains("30 s"), text);
    }

    @Test
    void aToolThatCouldNotRunIsReportedAsNotCountedNeverAsZero() {
        LiveReport report =
                reported(
                        MAC,
                        "netstat -an -p tcp",
                        () -> {
                            throw new UncheckedIOException(
                                    new IOException("netstat did not finish within 10000 ms"));
                        });

        assertEquals("not available", report.requireFact(TimeWaitCount.CLIENT_SIDE));
        assertEquals(
                "netstat -an -p tcp could not be read (netstat did not finish within 10000 ms)",
                report.factEvent(TimeWaitCount.CLIENT_SIDE).orElseThrow().note());
        assertTrue(report.fact(TimeWaitCount.LISTENER_SIDE).isEmpty(), "no count at all");
        assertTrue(said(report).contains("on macOS it did not count them"), said(report));
    }

    @Test
    void aListThatWasReadAndHeldNoneSaysZero() {
        LiveReport report = reported(LINUX, "/proc/net/tcp and tcp6", List::of);
        assertEquals("0", report.requireFact(TimeWaitCount.CLIENT_SIDE));
        assertEquals("0", report.requireFact(TimeWaitCount.LISTENER_SIDE));
    }

    @Test
    void aListThatCouldNotBeReadCountsNothingOnEverySystem() {
        for (Platform platform : List.of(LINUX, MAC, WINDOWS)) {
            String words = TimeWaitCount.uncounted(platform, TimeWait.of(platform.os()), 50123);
            assertTrue(words.contains("on " + platform.name() + " it did not count them"), words);
            assertFalse(words.matches("(?s).*\\b\\d+ (client )?sockets.*"), words);
        }
        String mac = TimeWaitCount.uncounted(MAC, TimeWait.of(OperatingSystem.MAC), 50123);
        assertTrue(mac.contains("30 s") && !mac.contains("60 s"), mac);
        String windows =
                TimeWaitCount.uncounted(WINDOWS, TimeWait.of(OperatingSystem.WINDOWS), 50123);
        assertTrue(windows.contains("findstr :50123") && !windows.contains("grep"), windows);
        assertTrue(
                TimeWaitCount.notRead("netstat -an -p tcp", "netstat exited with status 1")
                        .contains("netstat -an -p tcp could not be read"));
    }
}
