package dev.loopbacklab.experiments.ephemeral;

import static dev.loopbacklab.testing.Systems.LINUX;
import static dev.loopbacklab.testing.Systems.MAC;
import static dev.loopbacklab.testing.Systems.WINDOWS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.PlatformFixture;
import dev.loopbacklab.testing.Systems;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * ephemeral-udp's words for a Linux, a macOS and a Windows learner: each names its own kernel's
 * rule and its own range. The Windows evidence (windows/netsh-dynamicport-tcp-udp-ko.txt) is a
 * machine whose TCP and UDP ranges differ, so "the same range as TCP" would be false there.
 */
class UdpWordsTest {
    private static final EphemeralRange IANA = EphemeralRange.iana();

    /** Consecutive ports: both parities, as UDP's bind(0) gives on all three systems. */
    private static PortSample bothParities() {
        return PortSample.of(IntStream.range(50000, 50100).toArray(), IANA, 1_000_000);
    }

    /** Every other port: one parity. */
    private static PortSample oneParity() {
        return PortSample.of(IntStream.range(0, 100).map(i -> 50001 + 2 * i).toArray(), IANA, 1);
    }

    @Test
    void linuxNamesItsUdpFunctionAndOneSharedRange() {
        String words = UdpSweep.explain(LINUX, bothParities());
        assertTrue(words.contains("udp_lib_get_port()"), words);
        assertTrue(words.contains("same range as TCP"), words);
        assertTrue(words.contains("ip_local_port_range"), words);
        assertFalse(words.contains("netsh"), words);
    }

    @Test
    void macosIsNotToldAboutLinuxFunctionsOrLinuxsParitySplit() {
        String words = UdpSweep.explain(MAC, bothParities());
        assertFalse(words.contains("Linux"), words);
        assertFalse(words.contains("udp_lib_get_port"), words);
        assertTrue(words.contains("in_pcbbind()"), words);
        assertTrue(words.contains("net.inet.ip.portrange.first"), words);
    }

    @Test
    void windowsIsToldItsUdpRangeIsItsOwn() {
        String both = PlatformFixture.load("windows/netsh-dynamicport-tcp-udp-ko.txt").body();
        String[] blocks = both.strip().split("\\R\\s*\\R");
        EphemeralRange tcp = EphemeralRange.parseWindowsNetsh(blocks[0], "tcp");
        EphemeralRange udp = EphemeralRange.parseWindowsNetsh(blocks[1], "udp");
        assertNotEquals(tcp.first(), udp.first(), "the evidence: one machine, two ranges");
        assertEquals("Windows netsh int ipv4 show dynamicport udp", udp.source());

        String words = UdpSweep.explain(WINDOWS, bothParities());
        assertFalse(words.contains("same range as TCP"), words);
        assertTrue(words.contains("netsh int ipv4 show dynamicport udp"), words);
        assertFalse(words.contains("Linux"), words);
        assertFalse(words.contains("udp_lib_get_port"), words);
    }

    @Test
    void oneParityIsReportedForWhicheverSystemShowsIt() {
        for (var platform : Systems.ALL) {
            String words = UdpSweep.explain(platform, oneParity());
            assertTrue(words.contains("the same parity"), words);
            assertTrue(words.contains("on " + platform.name()), words);
            assertFalse(words.contains("both parities"), words);
        }
    }

    @Test
    void tooFewPortsNameNoRule() {
        PortSample few = PortSample.of(new int[] {50000, 50001, 50002}, IANA, 1);
        for (var platform : Systems.ALL) {
            String words = UdpSweep.explain(platform, few);
            assertFalse(words.contains("parity"), words);
            assertFalse(words.contains("udp_lib_get_port"), words);
        }
    }
}
