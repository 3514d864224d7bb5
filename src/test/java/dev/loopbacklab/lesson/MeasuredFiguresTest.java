package dev.loopbacklab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasuredFiguresTest {

    private static List<ContentChecker.Problem> check(String markdown) {
        return MeasuredFigures.check("01-x/lesson.md", markdown);
    }

    @Test
    void failsAFigureStatedAsAConstant() {
        List<ContentChecker.Problem> problems =
                check("Intro.\n\nA TCP round trip takes about 5–6 µs on loopback.\n");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("01-x/lesson.md:3", problems.get(0).file());
        assertTrue(problems.get(0).message().startsWith("\"5–6 µs\""), problems.toString());
    }

    @Test
    void failsRatesAndMillisecondsToo() {
        assertEquals(
                3,
                check("- throughput was 3.6 GB/s\n- a scrape took ~40 ms\n- 9,000 req/s\n").size());
    }

    @Test
    void passesAFigureMarkedWithItsMachineAndDate() {
        assertEquals(
                List.of(),
                check(
                        "On the machine this lab was built on (measured on a 2-core Debian VM,"
                                + " 2026-11-26) a round trip took 13 µs.\n"));
    }

    @Test
    void passesAFigureWithItsSourceLinked() {
        assertEquals(
                List.of(),
                check(
                        "Linux delays an ACK by up to 40 ms"
                                + " ([tcp(7)](https://man7.org/linux/man-pages/man7/tcp.7.html)).\n"));
    }

    @Test
    void theMarkCoversItsParagraphOnly() {
        List<ContentChecker.Problem> problems =
                check(
                        "Measured: 13 µs (measured on box, 2026-11-26).\n\n"
                                + "Elsewhere it is 5 µs.\n");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("01-x/lesson.md:3", problems.get(0).file());
    }

    @Test
    void skipsCodeAndWordsThatOnlyLookLikeUnits() {
        assertEquals(
                List.of(),
                check(
                        "```java\nThread.sleep(5); // 5 ms\n```\n\nRun `ping -c 3` and read the"
                                + " `rtt 0.05 ms` line. Round trips in microseconds. 10 msgs,"
                                + " 3 users.\n"));
    }

    @Test
    void failsADurationInAHelpText() {
        List<ContentChecker.Problem> problems =
                MeasuredFigures.checkHelp(
                        "echo-rtt, parameter count",
                        "round trips per transport; a million take 15 s or more in all, 1 min 46 s"
                                + " on one VM; 10,000 well under 500 ms");
        assertEquals(
                List.of("\"15 s\"", "\"1 min\"", "\"46 s\"", "\"500 ms\""),
                problems.stream()
                        .map(p -> p.message().substring(0, p.message().indexOf(" in a help")))
                        .toList());
        assertEquals("echo-rtt, parameter count", problems.get(0).file());
    }

    @Test
    void passesAHelpTextWithoutFigures() {
        assertEquals(
                List.of(),
                MeasuredFigures.checkHelp(
                        "echo-rtt, parameter count",
                        "round trips per transport, after 500 uncounted warm-up ones; a 16-byte"
                                + " message; at most 20 ports; the time grows with the count"));
    }
}
