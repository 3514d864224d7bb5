package dev.loopbacklab.experiments.exposure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.net.ProbeResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** exposure-private never says "nothing is listening" while the socket table shows a listener. */
class PrivateWordsTest {
    private static final ProbeResult REFUSED =
            new ProbeResult(
                    ProbeResult.Outcome.REFUSED, "Connection refused", java.time.Duration.ZERO, 0);

    @Test
    void aServerOnAnotherAddressIsNamedNotMissed() {
        String words = PrivateCheck.notOnLoopback(7008, REFUSED, List.of("192.0.2.10:7008"));
        assertTrue(words.contains("the OS lists a listener on 192.0.2.10:7008"), words);
        assertTrue(words.contains("which other machines can reach"), words);
    }

    @Test
    void nothingListeningOnlyWhenTheTableAgrees() {
        String words = PrivateCheck.notOnLoopback(7008, REFUSED, List.of());
        assertTrue(words.startsWith("Nothing is listening on 127.0.0.1:7008"), words);
    }
}
