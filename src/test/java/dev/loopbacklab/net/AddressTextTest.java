package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressTextTest {

    @Test
    void parsesLiteralsAndLocalhostWithoutLookingAnythingUp() {
        assertEquals("127.0.0.1", AddressText.format(AddressText.parse("127.0.0.1")));
        assertEquals("127.0.0.1", AddressText.format(AddressText.parse("localhost")));
        assertEquals("127.0.0.1", AddressText.format(AddressText.parse("LocalHost")));
        assertEquals("0.0.0.0", AddressText.format(AddressText.parse("0.0.0.0")));
        assertEquals("::1", AddressText.format(AddressText.parse("::1")));
        assertEquals("::1", AddressText.format(AddressText.parse("[::1]")));
        assertEquals("::", AddressText.format(AddressText.parse("::")));
        assertEquals("127.0.0.1", AddressText.format(AddressText.parse("::ffff:127.0.0.1")));
    }

    @Test
    void refusesNamesAndAmbiguousNumbers() {
        String[] bad = {
            "", "example.com", "127.1", "2130706433", "0177.0.0.1", "0x7f000001", "127.0.0.256",
            "127.0.0.1 ", " 127.0.0.1", "+127.0.0.1", "१२७.0.0.1", "fe80::1%eth0", "::1::2", "[::1"
        };
        for (String text : bad) {
            assertThrows(IllegalArgumentException.class, () -> AddressText.parse(text), text);
        }
        assertThrows(IllegalArgumentException.class, () -> AddressText.parse(null));
    }

    @Test
    void formatsIpv6ShortestWithBracketsInEndpoints() throws Exception {
        InetAddress linkLocal = InetAddress.getByName("fe80:0:0:0:0:0:0:1");
        assertEquals("fe80::1", AddressText.format(linkLocal));
        assertEquals("[fe80::1]:80", new Endpoint(linkLocal, 80).toString());
        assertEquals("1:0:2::", AddressText.format(InetAddress.getByName("1:0:2:0:0:0:0:0")));
        assertEquals("1:0:0:2::3", AddressText.format(InetAddress.getByName("1:0:0:2:0:0:0:3")));
        assertEquals("1::2:0:0:3:4", AddressText.format(InetAddress.getByName("1:0:0:2:0:0:3:4")));
        assertEquals(
                "127.0.0.1:8080", new Endpoint(AddressText.parse("127.0.0.1"), 8080).toString());
    }
}
