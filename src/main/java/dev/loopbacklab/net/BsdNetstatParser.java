package dev.loopbacklab.net;

import java.util.List;
import java.util.Optional;

/**
 * Reads what macOS's {@code netstat -an -p tcp} prints, one socket per line:
 *
 * <pre>
 * Active Internet connections (including servers)
 * Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)
 * tcp4       0      0  127.0.0.1.54321        127.0.0.1.8080         TIME_WAIT
 * tcp46      0      0  *.8080                 *.*                    LISTEN
 * tcp6       0      0  ::1.58090              ::1.2222               TIME_WAIT
 * </pre>
 *
 * <p>The BSD layout joins address and port with the last dot, writes {@code *} for a wildcard and
 * {@code *.*} for no peer. The state is the sixth word, in English on every Mac (macOS's netstat is
 * not translated); {@code netstat -v} adds columns after it, which are not read. {@code tcp46} is a
 * dual-stack socket, so its wildcard is {@code ::}. Rows of sockets in TIME_WAIT belong to no open
 * file, which is why lsof cannot list them and this reader exists. netstat names no owner here, so
 * every row has none.
 */
final class BsdNetstatParser {
    private BsdNetstatParser() {}

    static List<ListedSocket> parse(String text) {
        return ToolColumns.rows(text, BsdNetstatParser::line);
    }

    private static ListedSocket line(String[] words) {
        if (words.length < 6
                || !words[0].startsWith("tcp")
                || ToolColumns.number(words[1]) < 0
                || ToolColumns.number(words[2]) < 0) {
            return null; // the titles, a prompt, a blank line, or not TCP
        }
        boolean ipv6 = words[0].contains("6");
        Endpoint local = ToolColumns.bsdEndpoint(words[3], ipv6);
        Endpoint remote = ToolColumns.bsdEndpoint(words[4], ipv6);
        TcpState state = NetstatParser.englishState(words[5]);
        if (local == null || remote == null || state == null) {
            return null;
        }
        SocketTable.Entry entry =
                ToolColumns.entry(ToolColumns.protocol("tcp", ipv6), local, remote, state);
        return new ListedSocket(entry, Optional.empty());
    }
}
