package dev.loopbacklab.experiments.listening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.net.SocketTable;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LineDecodingTest {
    private static final String MAPPED =
            Fixtures.HEADER
                    + "   1: 0000000000000000FFFF00000100007F:B4C7 00000000000000000000000000000000:0000 0A"
                    + " 00000000:00000003 00:00000000 00000000  1000        0 1172239 1 0000000000000000 100 0 0 10 0\n";

    private static List<List<String>> decode(
            String file, String text, long inode, ByteOrder order) {
        RawLine line = RawLine.find(file, text, inode).orElseThrow();
        SocketTable.Entry entry = SocketTable.parse(line.asFile(), file).get(0);
        return LineDecoding.rows(
                line, entry, order, Optional.of("/proc/42/fd/7 → socket:[" + inode + "]"));
    }

    /** The "decoded" cell of the row whose first cell is {@code field}. */
    private static String decoded(List<List<String>> rows, String field) {
        return rows.stream().filter(r -> r.get(0).equals(field)).findFirst().orElseThrow().get(2);
    }

    @Test
    void decodesAnIpv4LineStepByStep() {
        List<List<String>> rows = decode("tcp", Fixtures.TCP, 101, ByteOrder.LITTLE_ENDIAN);

        assertEquals("0100007F", decoded(rows, "… the address"));
        assertEquals("7F000001", decoded(rows, "… each word turned round"));
        assertEquals("127.0.0.1", decoded(rows, "… as an address"));
        assertEquals("1×4096 + 11×256 + 9×16 + 14 = 7070", decoded(rows, "… the port"));
        assertEquals("0.0.0.0 port 0", decoded(rows, "rem_address"));
        assertEquals("10 = LISTEN", decoded(rows, "st"));
        assertEquals("1000", decoded(rows, "uid"));
        assertEquals("/proc/42/fd/7 → socket:[101]", decoded(rows, "inode"));
        rows.forEach(r -> assertEquals(LineDecoding.HEADERS.size(), r.size()));
    }

    @Test
    void decodesAnIpv4MappedTcp6LineAndTheListenQueue() {
        List<List<String>> rows = decode("tcp6", MAPPED, 1172239, ByteOrder.LITTLE_ENDIAN);

        assertEquals("00000000 00000000 FFFF0000 0100007F", decoded(rows, "… the address"));
        assertEquals(
                "00000000 00000000 0000FFFF 7F000001", decoded(rows, "… each word turned round"));
        assertEquals("::ffff:127.0.0.1, that is 127.0.0.1", decoded(rows, "… as an address"));
        assertEquals("11×4096 + 4×256 + 12×16 + 7 = 46279", decoded(rows, "… the port"));
        assertEquals(":: port 0", decoded(rows, "rem_address"));
        assertEquals("0 : 3", decoded(rows, "tx_queue:rx_queue"));
        String meaning =
                rows.stream()
                        .filter(r -> r.get(0).equals("… as an address"))
                        .findFirst()
                        .orElseThrow()
                        .get(3);
        assertTrue(meaning.startsWith("an IPv4 address inside IPv6"), meaning);
        assertTrue(meaning.endsWith("loopback only"), meaning);
    }

    @Test
    void leavesWordsAloneOnABigEndianCpu() {
        List<List<String>> rows = decode("tcp", Fixtures.TCP, 101, ByteOrder.BIG_ENDIAN);
        assertEquals("0100007F", decoded(rows, "… each word turned round"));
        String meaning =
                rows.stream()
                        .filter(r -> r.get(0).equals("… each word turned round"))
                        .findFirst()
                        .orElseThrow()
                        .get(3);
        assertTrue(meaning.startsWith("this CPU is big-endian"), meaning);
    }

    @Test
    void decodesIpv6LoopbackAndTheWildcard() {
        assertEquals(
                "::1",
                decoded(
                        decode("tcp6", Fixtures.TCP6, 202, ByteOrder.LITTLE_ENDIAN),
                        "… as an address"));
        assertEquals(
                "::",
                decoded(
                        decode("tcp6", Fixtures.TCP6, 201, ByteOrder.LITTLE_ENDIAN),
                        "… as an address"));
    }

    @Test
    void writesPortArithmeticWithoutZeroTerms() {
        assertEquals("1×4096 + 15×16 = 4336", LineDecoding.arithmetic("10F0"));
        assertEquals("0 = 0", LineDecoding.arithmetic("0000"));
        assertEquals("15×4096 + 15×256 + 15×16 + 15 = 65535", LineDecoding.arithmetic("FFFF"));
    }

    @Test
    void findsTheRawLineByInodeOnly() {
        RawLine line = RawLine.find("tcp", Fixtures.TCP, 103).orElseThrow();
        assertEquals(
                List.of(
                        "/proc/net/tcp",
                        "2:",
                        "070200C0:1F90",
                        "00000000:0000",
                        "0A",
                        "00000000:00000000",
                        "00:00000000",
                        "00000000",
                        "1000",
                        "0",
                        "103"),
                line.cells());
        assertTrue(RawLine.find("tcp", Fixtures.TCP, 10).isEmpty());
        assertTrue(RawLine.find("tcp", Fixtures.TCP, 0).isEmpty(), "the header is never a line");
    }
}
