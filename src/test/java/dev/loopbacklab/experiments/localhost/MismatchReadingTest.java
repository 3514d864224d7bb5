package dev.loopbacklab.experiments.localhost;

import static dev.loopbacklab.testing.Probes.ANSWERS;
import static dev.loopbacklab.testing.Probes.REFUSED;
import static dev.loopbacklab.testing.Probes.SILENT;
import static dev.loopbacklab.testing.Systems.LINUX;
import static dev.loopbacklab.testing.Systems.MAC;
import static dev.loopbacklab.testing.Systems.WINDOWS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.PlatformFixture;
import dev.loopbacklab.testing.RecordingReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * localhost-mismatch's words for a Linux, macOS and Windows learner. A refused connect on loopback
 * is instant on Linux and macOS and takes about 2 s on Windows for most programs
 * (platform/windows/refused-loopback-connect.txt), so "falling back costs nothing" is true on two
 * of the three.
 */
class MismatchReadingTest {

    /** The four single-address probes of a normal run. */
    private static List<MismatchReading.Probed> usual() {
        return List.of(
                new MismatchReading.Probed("127.0.0.1", "::1", REFUSED),
                new MismatchReading.Probed("127.0.0.1", "127.0.0.1", ANSWERS),
                new MismatchReading.Probed("::1", "127.0.0.1", REFUSED),
                new MismatchReading.Probed("::1", "::1", ANSWERS));
    }

    @Test
    void linuxAndMacosAreToldARefusalIsInstantAndFallingBackCostsAMoment() {
        for (Platform platform : List.of(LINUX, MAC)) {
            List<String> sayings = MismatchReading.sayings(platform, usual());

            assertEquals(2, sayings.size(), sayings.toString());
            assertTrue(
                    sayings.get(0)
                            .contains(
                                    "On "
                                            + platform.name()
                                            + " a refused connection"
                                            + " on loopback fails at once"),
                    sayings.get(0));
            assertTrue(sayings.get(1).contains("connects either way, a moment later."));
            assertFalse(String.join(" ", sayings).contains("2 s"), sayings.toString());
        }
    }

    @Test
    void windowsIsToldMostProgramsWaitAbout2SecondsButJavaDoesNot() {
        // The recorded Windows runner took seconds where Linux and macOS took a fraction of a ms.
        String measured = PlatformFixture.load("windows/refused-loopback-connect.txt").body();
        assertTrue(measured.contains("| windows-latest | WinError 10061 | 2002.3 ms"), measured);

        List<String> sayings = MismatchReading.sayings(WINDOWS, usual());

        assertFalse(String.join(" ", sayings).contains("fails at once"), sayings.toString());
        assertTrue(
                sayings.get(0)
                        .contains(
                                "On Windows a refused connection takes about 2 s for most"
                                        + " programs"),
                sayings.get(0));
        assertTrue(sayings.get(0).contains("Java (JDK 16 and later) and Node"), sayings.get(0));
        assertTrue(
                sayings.get(1)
                        .contains(
                                "but on Windows not at once: a client that waits for the"
                                        + " refusal before trying the next address (Python's create_connection)"
                                        + " loses about 2 s, curl starts the other family after 200 ms"),
                sayings.get(1));
    }

    @Test
    void aTimeoutIsBlamedOnAFilterNotCalledARefusal() {
        List<MismatchReading.Probed> probed =
                List.of(
                        new MismatchReading.Probed("127.0.0.1", "::1", SILENT),
                        new MismatchReading.Probed("127.0.0.1", "127.0.0.1", ANSWERS));
        List<String> sayings = MismatchReading.sayings(WINDOWS, probed);

        assertTrue(
                sayings.get(0).startsWith("A probe to ::1 timed out instead of being refused:"),
                sayings.toString());
    }

    @Test
    void anotherProgramOnTheOtherAddressIsNamedNotTakenForTheMismatch() {
        List<MismatchReading.Probed> probed =
                List.of(
                        new MismatchReading.Probed("127.0.0.1", "::1", ANSWERS),
                        new MismatchReading.Probed("127.0.0.1", "127.0.0.1", ANSWERS));
        List<String> sayings = MismatchReading.sayings(LINUX, probed);

        assertTrue(
                sayings.get(0)
                        .startsWith(
                                "A client that tried ::1 reached a port the lab bound on"
                                        + " 127.0.0.1 only: another program listens on ::1"),
                sayings.toString());
    }

    @Test
    void theLiveExperimentSaysTheWordsOfTheSystemItIsGiven() throws Exception {
        LocalhostLookup lookup = () -> List.of(Loopbacks.V4, Loopbacks.V6);
        for (Platform platform : List.of(LINUX, WINDOWS)) {
            LocalhostMismatch experiment = new LocalhostMismatch(lookup, () -> false, platform);
            RecordingReport report = RecordingReport.completed(experiment);

            assertEquals(
                    platform.slowRefusal(),
                    report.narration().contains("On Windows a refused connection takes about 2 s"),
                    report.narration());
        }
    }
}
