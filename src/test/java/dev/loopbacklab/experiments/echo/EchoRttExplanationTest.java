package dev.loopbacklab.experiments.echo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EchoRttExplanationTest {

    private static RttStats median(long p50Nanos) {
        return new RttStats(1000, 0, p50Nanos, p50Nanos, p50Nanos * 2, p50Nanos * 40);
    }

    private static String explain(long tcp, long unix, long parked, long spin) {
        Map<String, RttStats> rows = new LinkedHashMap<>();
        rows.put(EchoRtt.TCP, median(tcp));
        rows.put("UDP", median(tcp));
        rows.put(EchoRttExplanation.UNIX, median(unix));
        rows.put(EchoRttExplanation.PARKED, median(parked));
        rows.put(EchoRttExplanation.SPINNING, median(spin));
        return String.join("\n", EchoRttExplanation.sentences(rows));
    }

    @Test
    void quotesTheLearnersOwnNumbersAndNoOtherMachines() {
        String words = explain(25_000, 18_000, 5_000, 300);
        assertTrue(words.contains("25.00 µs or less"), words);
        assertTrue(words.contains("took 18.00 µs against TCP's 25.00 µs, faster"), words);
        assertTrue(words.contains("0.30 µs is the floor"), words);
        assertTrue(words.contains("max was 1000.00 µs, 40 times the median"), words);
        for (String foreign : List.of("5–6 µs", "13 µs", "about 1 µs", "2-core")) {
            assertFalse(words.contains(foreign), foreign + " in: " + words);
        }
    }

    @Test
    void saysWhichWayTheParkedHandOffWentOnThisMachine() {
        assertTrue(explain(25_000, 20_000, 5_000, 300).contains("Yours took 5.00 µs, well under"));
        String slept = explain(20_000, 20_000, 19_000, 300);
        assertTrue(slept.contains("Yours took 19.00 µs, close to TCP's 20.00 µs"), slept);
        assertTrue(slept.contains("waking threads is a large part"), slept);
    }

    @Test
    void doesNotClaimUnixSocketsWonWhenTheyDidNot() {
        String words = explain(10_000, 12_000, 5_000, 300);
        assertTrue(words.contains("slower: on this machine the saving did not show"), words);
    }

    @Test
    void leavesOutRowsThatWereNotMeasured() {
        Map<String, RttStats> rows = new LinkedHashMap<>();
        rows.put(EchoRtt.TCP, median(10_000));
        String words = String.join("\n", EchoRttExplanation.sentences(rows));
        assertFalse(words.contains("Unix domain socket"), words);
        assertFalse(words.contains("spinning"), words);
    }
}
