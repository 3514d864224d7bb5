package dev.loopbacklab.experiments.containers;

import static dev.loopbacklab.testing.Probes.ANSWERS;
import static dev.loopbacklab.testing.Probes.REFUSED;
import static dev.loopbacklab.testing.Systems.LINUX;
import static dev.loopbacklab.testing.Systems.MAC;
import static dev.loopbacklab.testing.Systems.WINDOWS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.net.ListedSocket;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.ProbeResult;
import dev.loopbacklab.testing.Recorded;
import dev.loopbacklab.testing.Systems;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * containers-published's words on Linux, macOS and Windows, from what each really shows: a Mac has
 * no 127.0.0.2 and lists listeners with lsof (platform/macos/lsof-nP-listen.txt), Windows with
 * netstat (platform/windows/netstat-an-de.txt, a German capture with IPv6 rows), Linux in
 * /proc/net. Before this verdict, a Mac with a wildcard publish that lsof did not show passed.
 */
class PublishedVerdictTest {
    private static Optional<List<ListedSocket>> lsof(int port) {
        return Optional.of(Recorded.listenersOn(Recorded.lsof(), port));
    }

    private static Optional<List<ListedSocket>> germanNetstat(int port) {
        return Optional.of(
                Recorded.listenersOn(Recorded.netstat("windows/netstat-an-de.txt"), port));
    }

    private static PublishedVerdict.Verdict judge(
            Platform platform,
            int port,
            Optional<List<ListedSocket>> table,
            Optional<ProbeResult> second) {
        return PublishedVerdict.of(
                new PublishedVerdict.Facts(platform, port, ANSWERS, table, second, false));
    }

    @Test
    void onMacosAWildcardThatLsofListsFails() {
        PublishedVerdict.Verdict verdict = judge(MAC, 7000, lsof(7000), Optional.empty());

        assertFalse(verdict.passed());
        assertTrue(
                verdict.summary()
                        .contains("the OS lists a listener on 0.0.0.0:7000, every interface"),
                verdict.summary());
        assertTrue(
                verdict.details().contains("127.0.0.2 is not configured on this OS; not probed"));
    }

    @Test
    void onMacosALoopbackPublishThatLsofListsPassesOnThatEvidence() {
        PublishedVerdict.Verdict verdict = judge(MAC, 44960, lsof(44960), Optional.empty());

        assertTrue(verdict.passed(), verdict.toString());
        assertEquals(
                "Published on 127.0.0.1:44960 only: it answers there, and the OS lists it on"
                        + " loopback only.",
                verdict.summary());
    }

    @Test
    void onMacosAPortNeitherLsofNor127002CanJudgeDoesNotPass() {
        for (Optional<List<ListedSocket>> table :
                List.<Optional<List<ListedSocket>>>of(lsof(8080), Optional.empty())) {
            PublishedVerdict.Verdict verdict = judge(MAC, 8080, table, Optional.empty());

            assertFalse(verdict.passed(), verdict.toString());
            assertTrue(
                    verdict.summary()
                            .contains(
                                    "the lab cannot tell a 127.0.0.1 publish from a wildcard one"
                                            + " here: 127.0.0.2 is not configured and lsof -nP"
                                            + " -iTCP -sTCP:LISTEN lists nothing on port 8080"),
                    verdict.summary());
            assertTrue(verdict.details().get(0).startsWith("On macOS only 127.0.0.1"));
        }
    }

    @Test
    void onGermanWindowsTheTranslatedListingDecides() {
        PublishedVerdict.Verdict loopback =
                judge(WINDOWS, 49181, germanNetstat(49181), Optional.of(REFUSED));
        assertTrue(loopback.passed(), loopback.toString());
        assertTrue(
                loopback.details().contains("socket table: tcp LISTEN 127.0.0.1:49181"),
                loopback.details().toString());

        PublishedVerdict.Verdict wildcard =
                judge(WINDOWS, 3389, germanNetstat(3389), Optional.of(REFUSED));
        assertFalse(wildcard.passed());
        assertTrue(
                wildcard.summary().contains("0.0.0.0:3389, every interface"), wildcard.summary());
        assertTrue(
                wildcard.details().contains("socket table: tcp6 LISTEN [::]:3389"),
                wildcard.details().toString());
    }

    @Test
    void onLinuxAForwardedPortWithoutAListenerIsJudgedBy127002() {
        Optional<List<ListedSocket>> none = Optional.of(List.of());

        PublishedVerdict.Verdict refused = judge(LINUX, 8080, none, Optional.of(REFUSED));
        assertTrue(refused.passed(), refused.toString());
        assertTrue(
                refused.details().stream().anyMatch(d -> d.contains("a firewall rule forwards it")),
                refused.details().toString());

        PublishedVerdict.Verdict answers = judge(LINUX, 8080, none, Optional.of(ANSWERS));
        assertFalse(answers.passed());
        assertTrue(answers.summary().contains("it also answers on 127.0.0.2:8080"));
    }

    @Test
    void nothingAnsweringIsSaidTheSameEverywhere() {
        for (Platform platform : Systems.ALL) {
            PublishedVerdict.Verdict verdict =
                    PublishedVerdict.of(
                            new PublishedVerdict.Facts(
                                    platform,
                                    8080,
                                    REFUSED,
                                    Optional.empty(),
                                    Optional.empty(),
                                    false));
            assertFalse(verdict.passed());
            assertTrue(verdict.summary().startsWith("Nothing answers on 127.0.0.1:8080"));
        }
    }
}
