package dev.loopbacklab.net;

import java.util.List;
import java.util.Optional;

/**
 * Reads what {@code lsof -nP -iTCP -sTCP:LISTEN} prints on macOS, one socket per line:
 *
 * <pre>
 * COMMAND     PID  USER   FD   TYPE             DEVICE SIZE/OFF NODE NAME
 * rapportd    500 chris    4u  IPv4 0x0000000000000001      0t0  TCP *:56863 (LISTEN)
 * </pre>
 *
 * <p>The words are taken from both ends, so a column lsof leaves empty cannot shift the others:
 * command, PID and user first; {@code TYPE} is the word that says IPv4 or IPv6; the name and state
 * are the last two words. {@code *} is the wildcard (0.0.0.0 or ::, by TYPE). lsof names the user,
 * not the user id, so {@link SocketTable.Entry#uid()} is -1; it names no inode either (0). A line
 * whose port is a service name ({@code *:http}, lsof without -P) is left out: its number is not
 * there to read.
 */
final class LsofParser {
    private LsofParser() {}

    static List<ListedSocket> parse(String text) {
        return ToolColumns.rows(text, LsofParser::line);
    }

    private static ListedSocket line(String[] words) {
        int n = words.length;
        if (n < 6 || !words[n - 3].equals("TCP") || !words[n - 1].startsWith("(")) {
            return null; // the header, a blank line, or not a TCP socket
        }
        TcpState state = state(words[n - 1]);
        long pid = ToolColumns.number(words[1]);
        int type = typeColumn(words);
        if (state == null || pid < 0 || type < 0) {
            return null;
        }
        boolean ipv6 = words[type].equals("IPv6");
        String name = words[n - 2];
        int arrow = name.indexOf("->");
        Endpoint local = ToolColumns.endpoint(arrow < 0 ? name : name.substring(0, arrow), ipv6);
        Endpoint remote =
                arrow < 0
                        ? new Endpoint(ToolColumns.endpoint("*:0", ipv6).address(), 0)
                        : ToolColumns.endpoint(name.substring(arrow + 2), ipv6);
        if (local == null || remote == null) {
            return null;
        }
        SocketTable.Entry entry =
                ToolColumns.entry(ToolColumns.protocol("tcp", ipv6), local, remote, state);
        return new ListedSocket(entry, Optional.of(new SocketOwner(pid, words[0])));
    }

    /** The TYPE column: the first word after PID that says IPv4 or IPv6. */
    private static int typeColumn(String[] words) {
        for (int i = 2; i < words.length - 3; i++) {
            if (words[i].equals("IPv4") || words[i].equals("IPv6")) {
                return i;
            }
        }
        return -1;
    }

    /** lsof writes TCP states as {@code (LISTEN)}, {@code (ESTABLISHED)}, {@code (TIME_WAIT)}. */
    private static TcpState state(String word) {
        if (!word.endsWith(")")) {
            return null;
        }
        return NetstatParser.englishState(word.substring(1, word.length() - 1));
    }
}
