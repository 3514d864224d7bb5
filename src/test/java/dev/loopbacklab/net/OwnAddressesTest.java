package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Never connects to a non-loopback address: refusals are tested before any socket exists. */
class OwnAddressesTest {

    @Test
    void listsNoLoopbackAddress() {
        // Reads the interface list from the OS; sends nothing.
        assertTrue(OwnAddresses.list().stream().noneMatch(InetAddress::isLoopbackAddress));
        assertTrue(OwnAddresses.list().size() <= OwnAddresses.MAX);
    }

    @Test
    void loopbackCountsAsOwn() {
        assertTrue(OwnAddresses.isOwn(AddressText.parse("127.0.0.3")));
        assertTrue(OwnAddresses.isOwn(AddressText.parse("::1")));
    }

    @Test
    void refusesAnAddressThisMachineDoesNotHave() {
        InetAddress documentation = AddressText.parse("198.51.100.7"); // RFC 5737 TEST-NET-2
        assumeFalse(OwnAddresses.isOwn(documentation), "this machine happens to own 198.51.100.7");

        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> OwnAddresses.requireOwn(documentation));
        assertEquals(
                "the lab only connects to this machine's own addresses, not 198.51.100.7",
                e.getMessage());
    }

    @Test
    void connectOwnReachesALoopbackAlias() throws IOException {
        InetAddress alias = AddressText.parse("127.0.0.1");
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(alias, 0));
            ProbeResult result =
                    Probe.connectOwn(alias, server.getLocalPort(), Duration.ofSeconds(2));

            assertTrue(result.connected(), result.toString());
        }
    }

    @Test
    void formatsWildcardsAndLoopbackAsPeopleWriteThem() {
        assertEquals("::", IpLiteral.format(AddressText.parse("::")));
        assertEquals("::1", IpLiteral.format(AddressText.parse("::1")));
        assertEquals("0.0.0.0", IpLiteral.format(AddressText.parse("0.0.0.0")));
        assertFalse(IpLiteral.format(AddressText.parse("fe80::1")).contains("%"));
    }
}
