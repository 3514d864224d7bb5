package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void writesIpv4PlainAndIpv6InBrackets() {
        assertEquals("127.0.0.1:80", Endpoint.loopback(80).toString());
        assertEquals("[::1]:80", new Endpoint(IpLiteral.loopbackV6(), 80).toString());
        assertEquals("[::]:0", new Endpoint(IpLiteral.parse("::"), 0).toString());
        assertEquals(
                "http://[::1]:8080/hello",
                new Endpoint(IpLiteral.loopbackV6(), 8080).url("/hello"));
    }

    @Test
    void readsTheEndpointOfARealSocket() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, IpLiteral.loopbackV4())) {
            Endpoint endpoint = Endpoint.of(server.getLocalSocketAddress());
            assertEquals("127.0.0.1:" + server.getLocalPort(), endpoint.toString());
            assertEquals(server.getLocalSocketAddress(), endpoint.socketAddress());
        }
    }

    @Test
    void refusesBadPortsAndUnresolvedAddresses() {
        assertThrows(IllegalArgumentException.class, () -> Endpoint.loopback(65536));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.loopback(-1));
        assertThrows(
                IllegalArgumentException.class,
                () -> Endpoint.of(InetSocketAddress.createUnresolved("example.org", 80)));
    }

    @Test
    void bracketsOnlyIpv6Text() {
        assertEquals("[::1]", Endpoint.bracketed("::1"));
        assertEquals("[::1]", Endpoint.bracketed("[::1]"));
        assertEquals("127.0.0.1", Endpoint.bracketed("127.0.0.1"));
        assertEquals("localhost", Endpoint.bracketed("localhost"));
    }

    @Test
    void loopbackAddressesAreBuiltWithoutALookup() {
        assertEquals("127.0.0.1", IpLiteral.format(IpLiteral.loopbackV4()));
        assertEquals("::1", IpLiteral.format(IpLiteral.loopbackV6()));
        // A name-less address: toString would show "localhost/127.0.0.1" after a lookup.
        assertEquals("/127.0.0.1", IpLiteral.loopbackV4().toString());
    }
}
