package dev.loopbacklab.experiments.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.testing.RecordingReport;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Linux only: other OSes answer SO_REUSEADDR differently (their words are ReuseReadingTest's), and
 * their TIME_WAIT rows come from netstat (TimeWaitListingTest).
 */
class PortReuseExperimentTest {
    private final PortReuseExperiment experiment = new PortReuseExperiment();

    @BeforeEach
    void needsLinux() {
        assumeTrue(SocketTable.available(), "needs Linux /proc/net/tcp");
    }

    @Test
    void showsTheServerSideTimeWaitEntry() {
        RecordingReport report = RecordingReport.completed(experiment);

        String server = report.factValue("server port");
        List<String> entry = report.table("Port ").rows().get(0);
        assertEquals(server, entry.get(1), "the server's own endpoint holds TIME_WAIT");
        assertEquals("TIME_WAIT", entry.get(3));
        assertEquals(
                "Port " + server.split(":")[1] + " in the socket table (/proc/net/tcp and tcp6)",
                report.table("Port ").caption());
    }

    @Test
    void rebindFailsWithoutReuseAddressAndWorksWithIt() {
        Event.Table table = RecordingReport.completed(experiment).table("Listening on port");

        assertEquals("BindException: Address already in use", table.rows().get(0).get(1));
        assertEquals("bound", table.rows().get(1).get(1));
    }

    @Test
    void leavesNoListeningSocketBehind() {
        Set<String> before = OwnListeners.now();
        RecordingReport.completed(experiment);
        assertEquals(before, OwnListeners.now());
    }
}
