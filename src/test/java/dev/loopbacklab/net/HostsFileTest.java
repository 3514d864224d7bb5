package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostsFileTest {
    /** Debian's default /etc/hosts, with a macOS-style zone line and some damage added. */
    static final String DEBIAN =
            String.join(
                    "\n",
                    "127.0.0.1\tlocalhost",
                    "127.0.1.1\tpluto.example.org\tpluto",
                    "",
                    "# The following lines are desirable for IPv6 capable hosts",
                    "::1     localhost ip6-localhost ip6-loopback   # trailing comment",
                    "ff02::1 ip6-allnodes",
                    "fe80::1%lo0 localhost",
                    "127.1 localhost",
                    "10.0.0.7",
                    "   # indented comment",
                    "");

    @Test
    void readsAddressesAndEveryNameOfALine() {
        HostsFile hosts = HostsFile.parse(DEBIAN);

        assertEquals(4, hosts.entries().size());
        HostsFile.Entry v6 = hosts.entries().get(2);
        assertEquals(5, v6.line());
        assertEquals(List.of("localhost", "ip6-localhost", "ip6-loopback"), v6.names());
        assertEquals("5: ::1 localhost ip6-localhost ip6-loopback", v6.toString());
        assertEquals("127.0.1.1", hosts.entries().get(1).address().getHostAddress());
    }

    @Test
    void findsTheLinesNamingLocalhostInFileOrder() {
        HostsFile hosts = HostsFile.parse(DEBIAN);

        assertEquals(
                List.of(1, 5),
                hosts.naming("localhost").stream().map(HostsFile.Entry::line).toList());
        assertEquals(
                List.of("127.0.0.1", "::1"),
                hosts.addressesOf("LOCALHOST").stream().map(IpLiteral::format).toList());
        assertEquals(List.of(), hosts.addressesOf("local"));
    }

    @Test
    void skipsZonesShortFormsAndNamelessLinesAndSaysWhy() {
        List<HostsFile.Skipped> skipped = HostsFile.parse(DEBIAN).skipped();

        assertEquals(List.of(7, 8, 9), skipped.stream().map(HostsFile.Skipped::line).toList());
        assertTrue(skipped.get(0).reason().startsWith("an IPv6 address with a zone (%lo0)"));
        assertTrue(
                skipped.get(1).reason().contains("\"127.1\" is not an IP address literal"),
                skipped.get(1).reason());
        assertEquals("an address without any name", skipped.get(2).reason());
    }

    @Test
    void neverReadsANameInTheAddressColumnAsAnAddress() {
        HostsFile hosts = HostsFile.parse("localhost 127.0.0.1\nexample.org foo\n");

        assertEquals(List.of(), hosts.entries());
        assertEquals(2, hosts.skipped().size());
    }

    @Test
    void toleratesWindowsLineEndsAndTabs() {
        HostsFile hosts = HostsFile.parse("127.0.0.1\t\tlocalhost\r\n::1 localhost\r\n");

        assertEquals(2, hosts.addressesOf("localhost").size());
        assertEquals(List.of(), hosts.skipped());
    }

    @Test
    void readsAFileAndRefusesAHugeOne(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
        assertEquals(
                List.of(InetAddress.getByAddress(new byte[] {127, 0, 0, 1})),
                HostsFile.read(file).addressesOf("localhost"));

        Path huge = dir.resolve("huge");
        try (var out =
                Files.newByteChannel(
                        huge,
                        java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE)) {
            out.position(HostsFile.MAX_BYTES);
            out.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}));
        }
        assertThrows(IOException.class, () -> HostsFile.read(huge));
    }

    @Test
    void thisMachinesHostsFileParses() throws IOException {
        Path system = HostsFile.systemPath();
        if (Files.isReadable(system)) {
            HostsFile hosts = HostsFile.read(system);
            assertTrue(hosts.entries().stream().allMatch(e -> !e.names().isEmpty()));
        }
    }
}
