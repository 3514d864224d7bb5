package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LoopbackTargetTest {

    static Stream<String> acceptedForms() {
        return Stream.of(
                "127.0.0.1",
                "127.0.0.2",
                "127.1.2.3",
                "127.255.255.254",
                "127.0.0.0",
                "127.255.255.255",
                "::1",
                "[::1]",
                "localhost",
                "LOCALHOST",
                "LocalHost");
    }

    static Stream<String> refusedForms() {
        return Stream.of(
                // every interface, or another network
                "0.0.0.0",
                "::",
                "[::]",
                "10.0.0.1",
                "169.254.169.254",
                "192.168.1.1",
                "128.0.0.1",
                // forms that some tools read as 127.0.0.1
                "2130706433",
                "0177.0.0.1",
                "127.1",
                "127.0.1",
                "0x7f.0.0.1",
                "0x7f000001",
                "127.0.0.01",
                "127.00.0.1",
                "127.0.0.001",
                "0127.0.0.1",
                // IPv6 spellings other than ::1, IPv4 inside IPv6, scopes and ports
                "::127.0.0.1",
                "::ffff:127.0.0.1",
                "[::ffff:127.0.0.1]",
                "0:0:0:0:0:0:0:1",
                "::0001",
                "fe80::1%lo",
                "::1%lo",
                "::1%1",
                "[::1]:80",
                "127.0.0.1:80",
                "[::1",
                "::1]",
                "[127.0.0.1]",
                // not quite four parts of 0-255
                "127.0.0.256",
                "127.0.0.1.",
                ".127.0.0.1",
                "127..0.1",
                "127.0.0.1.1",
                "127.0.0.-1",
                "127.0.0.+1",
                "127.0.0.1/8",
                // non-ASCII digits, spaces and invisible characters
                "\uFF11\uFF12\uFF17.\uFF10.\uFF10.\uFF11",
                "\u0661\u0662\u0667.\u0660.\u0660.\u0661",
                " 127.0.0.1",
                "127.0.0.1 ",
                "127.0.0.1\n",
                "127.0.0.1\u0000",
                "\u0000",
                "127.0.0.1\u200B",
                "local host",
                " localhost",
                // names: only localhost, spelt in ASCII
                "localhost.",
                "localhost.localdomain",
                "ip6-localhost",
                "example.com",
                "loopbacklab-test.invalid",
                "localho\u017Ft",
                "\u212Aocalhost",
                "http://127.0.0.1",
                "");
    }

    @ParameterizedTest
    @MethodSource("acceptedForms")
    void acceptsLoopbackForms(String host) {
        LoopbackTarget target = LoopbackTarget.parse(host);
        assertTrue(target.address().isLoopbackAddress(), target.toString());
    }

    @ParameterizedTest
    @MethodSource("refusedForms")
    void refusesEverythingElseAndNamesTheAcceptedForms(String host) {
        InvalidTargetException e =
                assertThrows(InvalidTargetException.class, () -> LoopbackTarget.parse(host));
        assertTrue(
                e.getMessage().endsWith("; use " + LoopbackTarget.ACCEPTED_FORMS), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "0.0.0.0, means every network interface",
        "::, means every network interface",
        "10.0.0.1, is not a loopback address",
        "127.1, is not written as four decimal numbers",
        "2130706433, is not written as four decimal numbers",
        "0x7f.0.0.1, is not written as four decimal numbers",
        "::ffff:127.0.0.1, is not the IPv6 loopback address written as ::1",
        "example.com, names other than localhost are never looked up"
    })
    void explainsCommonMistakes(String host, String reason) {
        InvalidTargetException e =
                assertThrows(InvalidTargetException.class, () -> LoopbackTarget.parse(host));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void refusesNullWithAFriendlyMessage() {
        InvalidTargetException e =
                assertThrows(InvalidTargetException.class, () -> LoopbackTarget.parse(null));
        assertEquals(
                "host is missing (null); use " + LoopbackTarget.ACCEPTED_FORMS, e.getMessage());
    }

    @Test
    void doesNotEchoAHugeInputBack() {
        String huge = "a".repeat(10 * 1024);
        InvalidTargetException e =
                assertThrows(InvalidTargetException.class, () -> LoopbackTarget.parse(huge));
        assertTrue(e.getMessage().length() < 300, e.getMessage());
        assertTrue(e.getMessage().contains("10240 characters in all"), e.getMessage());
    }

    @Test
    void showsInvisibleCharactersAsEscapes() {
        InvalidTargetException e =
                assertThrows(
                        InvalidTargetException.class,
                        () -> LoopbackTarget.parse("127.0.0.1\u0000"));
        assertTrue(e.getMessage().contains("\"127.0.0.1\\u0000\""), e.getMessage());
    }

    @Test
    void mapsLocalhostTo127001WithoutResolvingIt() {
        LoopbackTarget target = LoopbackTarget.parse("LocalHost");
        assertEquals("localhost", target.text());
        assertArrayEquals(new byte[] {127, 0, 0, 1}, target.address().getAddress());
        assertEquals("localhost", target.address().getHostName());
        assertFalse(target.isIpv6());
    }

    @Test
    void dropsTheBracketsOfIpv6() {
        LoopbackTarget target = LoopbackTarget.parse("[::1]");
        assertEquals("::1", target.text());
        assertTrue(target.isIpv6());
        assertEquals(LoopbackTarget.parse("::1"), target);
    }

    @Test
    void keepsOtherLoopbackAddressesAsWritten() {
        LoopbackTarget target = LoopbackTarget.parse("127.1.2.3");
        assertEquals("127.1.2.3", target.text());
        assertArrayEquals(new byte[] {127, 1, 2, 3}, target.address().getAddress());
    }

    @Test
    void localhostIs127001() {
        assertEquals(LoopbackTarget.parse("127.0.0.1"), LoopbackTarget.localhost());
    }

    @Test
    void refusesARecordWhoseAddressDoesNotMatchItsText() throws IOException {
        InetAddress other = InetAddress.getByAddress("127.0.0.1", new byte[] {10, 0, 0, 1});
        assertThrows(InvalidTargetException.class, () -> new LoopbackTarget("127.0.0.1", other));
    }

    @Test
    void givesAResolvedSocketAddress() {
        InetSocketAddress address = LoopbackTarget.parse("127.0.0.2").socketAddress(62893);
        assertFalse(address.isUnresolved());
        assertEquals(62893, address.getPort());
        assertThrows(
                PortFormatException.class, () -> LoopbackTarget.localhost().socketAddress(70000));
    }

    @Test
    void socketAddressCanBeBoundAndConnectedOnPortZero() throws IOException {
        LoopbackTarget target = LoopbackTarget.localhost();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(target.socketAddress(0));
            int port = server.getLocalPort();
            assertTrue(port > 0);
            try (Socket client = new Socket()) {
                client.connect(target.socketAddress(port), 30_000);
                assertTrue(client.isConnected());
            }
        }
    }
}
