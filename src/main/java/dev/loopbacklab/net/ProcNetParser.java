package dev.loopbacklab.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the text of {@code /proc/net/tcp} and its siblings, one socket per line:
 *
 * <pre>
 *   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
 *    0: 0100007F:1B9E 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 12345
 * </pre>
 *
 * <p>Addresses are the kernel's raw bytes printed as 32-bit hex words, and on little-endian
 * machines (x86, ARM) each word comes out back to front: {@code 0100007F} is 127.0.0.1. Ports are
 * plain hex: {@code 1B9E} is 7070. The parser walks the characters itself instead of using regular
 * expressions, because a busy machine can list tens of thousands of sockets.
 */
final class ProcNetParser {

    private static final int LOCAL = 1;
    private static final int REMOTE = 2;
    private static final int STATE = 3;
    private static final int UID = 7;
    private static final int INODE = 9;
    private static final int COLUMNS_NEEDED = 10;

    private ProcNetParser() {}

    static List<SocketTable.Entry> parse(String text, String protocol) {
        List<SocketTable.Entry> entries = new ArrayList<>();
        int[] starts = new int[COLUMNS_NEEDED];
        int[] ends = new int[COLUMNS_NEEDED];
        int lineStart = text.indexOf('\n') + 1; // the first line is the column header
        while (lineStart > 0 && lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            if (split(text, lineStart, lineEnd, starts, ends)) {
                SocketTable.Entry entry = entry(text, starts, ends, protocol);
                if (entry != null) {
                    entries.add(entry);
                }
            }
            lineStart = lineEnd + 1;
        }
        return entries;
    }

    /** Finds where the first columns of a line start and end; false if the line is too short. */
    private static boolean split(String text, int from, int to, int[] starts, int[] ends) {
        int column = 0;
        int i = from;
        while (column < COLUMNS_NEEDED) {
            while (i < to && text.charAt(i) == ' ') {
                i++;
            }
            if (i == to) {
                return false;
            }
            starts[column] = i;
            while (i < to && text.charAt(i) != ' ') {
                i++;
            }
            ends[column++] = i;
        }
        return true;
    }

    /** Builds one entry, or returns null for a line that does not make sense (it is skipped). */
    private static SocketTable.Entry entry(String text, int[] starts, int[] ends, String protocol) {
        int localColon = text.indexOf(':', starts[LOCAL]);
        int remoteColon = text.indexOf(':', starts[REMOTE]);
        if (localColon < 0
                || localColon >= ends[LOCAL]
                || remoteColon < 0
                || remoteColon >= ends[REMOTE]) {
            return null;
        }
        InetAddress local = address(text, starts[LOCAL], localColon);
        InetAddress remote = address(text, starts[REMOTE], remoteColon);
        long localPort = hex(text, localColon + 1, ends[LOCAL]);
        long remotePort = hex(text, remoteColon + 1, ends[REMOTE]);
        TcpState state = TcpState.fromCode((int) hex(text, starts[STATE], ends[STATE]));
        long uid = decimal(text, starts[UID], ends[UID]);
        long inode = decimal(text, starts[INODE], ends[INODE]);
        if (local == null
                || remote == null
                || localPort < 0
                || localPort > 0xFFFF
                || remotePort < 0
                || remotePort > 0xFFFF
                || state == null
                || uid < 0
                || inode < 0) {
            return null;
        }
        return new SocketTable.Entry(
                protocol,
                local,
                (int) localPort,
                remote,
                (int) remotePort,
                state,
                (int) uid,
                inode);
    }

    /**
     * 8 hex digits for IPv4, 32 for IPv6: words of 4 bytes, each printed least significant first.
     */
    private static InetAddress address(String text, int from, int to) {
        int length = to - from;
        if (length != 8 && length != 32) {
            return null;
        }
        byte[] bytes = new byte[length / 2];
        for (int word = 0; word < length / 8; word++) {
            long value = hex(text, from + word * 8, from + word * 8 + 8);
            if (value < 0) {
                return null;
            }
            for (int b = 0; b < 4; b++) {
                bytes[word * 4 + b] = (byte) (value >>> (8 * b));
            }
        }
        try {
            // Also turns an IPv4-mapped ::ffff:127.0.0.1 into plain 127.0.0.1.
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            return null;
        }
    }

    /** The value of up to 15 hex digits, or -1 if there are none or a character is not hex. */
    private static long hex(String text, int from, int to) {
        if (to <= from || to - from > 15) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0 || text.charAt(i) > 'f') {
                return -1; // Character.digit also accepts non-ASCII digits, which /proc never
                // prints
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static long decimal(String text, int from, int to) {
        if (to <= from || to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
