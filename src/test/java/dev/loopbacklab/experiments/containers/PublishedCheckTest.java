package dev.loopbacklab.experiments.containers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.testing.OtherMachine;
import dev.loopbacklab.testing.RecordingReport;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The check against a real namespace published by {@link Publish}, and, where the test may make one
 * (root), confirmed by "another machine" of its own: a namespace on a veth pair.
 */
class PublishedCheckTest {
    private final PublishedCheck check = new PublishedCheck();

    @BeforeAll
    static void needsNamespaces() {
        assumeTrue(Namespace.availability().works(), "unshare -rn is not allowed here");
    }

    private Event.Verdict verdict(int port) {
        return RecordingReport.run(check, Map.of("port", Integer.toString(port))).onlyVerdict();
    }

    @Test
    void passesForANamespacePublishedOnLoopbackAndNoNeighbourReachesIt() throws Exception {
        try (Namespace ns = Namespace.start(0);
                Publish published = Publish.start("127.0.0.1", 0, ns.socket())) {
            Event.Verdict verdict = verdict(published.port());

            assertTrue(verdict.passed(), verdict.toString());
            assertTrue(
                    verdict.details().stream()
                            .anyMatch(d -> d.contains("inside a network namespace")),
                    verdict.toString());
            if (OtherMachine.possible()) {
                try (OtherMachine other = OtherMachine.create()) {
                    assertFalse(other.reaches(published.port()), "a neighbour got in");
                }
            }
        }
    }

    @Test
    void failsForAWildcardPublishAndSaysSoAndANeighbourDoesGetIn() throws Exception {
        assumeTrue(SocketTable.available(), "the wildcard shows in Linux's socket table");
        try (Namespace ns = Namespace.start(0);
                Publish published = Publish.start("0.0.0.0", 0, ns.socket())) {
            Event.Verdict verdict = verdict(published.port());

            assertFalse(verdict.passed());
            assertTrue(
                    verdict.summary().contains("0.0.0.0:" + published.port() + ", every interface"),
                    verdict.summary());
            assertTrue(verdict.summary().contains("-p 127.0.0.1:" + published.port()));
            if (OtherMachine.possible()) {
                try (OtherMachine other = OtherMachine.create()) {
                    assertTrue(other.reaches(published.port()), "the wildcard should let it in");
                }
            }
        }
    }

    @Test
    void failsWhenNothingIsPublished() throws Exception {
        int port;
        try (ServerSocket gone = new ServerSocket(0)) {
            port = gone.getLocalPort();
        }
        Event.Verdict verdict = verdict(port);

        assertFalse(verdict.passed());
        assertTrue(verdict.summary().startsWith("Nothing answers on 127.0.0.1:" + port));
    }
}
