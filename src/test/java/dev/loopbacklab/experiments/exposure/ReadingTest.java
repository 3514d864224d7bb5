package dev.loopbacklab.experiments.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingTest {

    @Test
    void specificAddressReachedOnlyThroughItself() {
        assertEquals(
                "bound to 127.0.0.1: only reachable through that address",
                Reading.of("127.0.0.1", false, List.of("127.0.0.1"), List.of("127.0.0.2", "::1")));
    }

    @Test
    void wildcardReachedEverywhereMentionsTheNetwork() {
        assertEquals(
                "bound to [::]: reachable through every address tried, and from the network too"
                        + " (every interface)",
                Reading.of("::", true, List.of("127.0.0.1", "::1"), List.of()));
    }

    @Test
    void partlyReachedListsBothSides() {
        assertEquals(
                "bound to 0.0.0.0: reachable through 127.0.0.1, 127.0.0.2; not through ::1"
                        + " (a wildcard answers on every address of its family, the network's included)",
                Reading.of("0.0.0.0", true, List.of("127.0.0.1", "127.0.0.2"), List.of("::1")));
    }

    @Test
    void unreachableSaysSo() {
        assertEquals(
                "bound to [::1]: not reachable through any address tried",
                Reading.of("::1", false, List.of(), List.of("127.0.0.1")));
    }
}
