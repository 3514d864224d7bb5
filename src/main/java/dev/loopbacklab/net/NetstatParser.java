package dev.loopbacklab.net;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what Windows' {@code netstat -ano} prints, one socket per line:
 *
 * <pre>
 *   Proto  Local Address          Foreign Address        State           PID
 *   TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       896
 *   TCP    [::1]:8080             [::]:0                 LISTENING       4242
 *   UDP    0.0.0.0:5353           *:*                                    3120
 * </pre>
 *
 * <p>Windows translates the headings and, in some display languages, the state words too (German
 * says ABHÖREN for LISTENING and WARTEND for TIME_WAIT; Chinese keeps the English words), so the
 * parser reads no heading and knows a row's state in three ways, in this order:
 *
 * <ol>
 *   <li>an English state word, or one of the translations recorded in real captures ({@link
 *       #TRANSLATED}: German, from platform/windows/netstat-ano-de.txt and netstat-an-de.txt);
 *   <li>a TCP row with a word it does not know but a foreign address of {@code 0.0.0.0:0} or {@code
 *       [::]:0} is a listener, in any language (BOUND rows look the same in English);
 *   <li>a TCP row of {@code netstat -ano} with a word it does not know, a peer, and PID 0 is in
 *       TIME_WAIT, in any language: a socket in TIME_WAIT belongs to no process any more, and
 *       netstat shows it as PID 0. Every recorded capture agrees: all 31 WARTEND rows of the German
 *       one (netstat-ano-de.txt) and both of the Chinese one carry PID 0, and no row in any other
 *       state does (FIN_WARTEN_2 and SCHLIESSEN_WARTEN keep their program's PID). A socket in
 *       another closing state whose program has gone could show PID 0 too; that is why a known word
 *       wins over this rule.
 * </ol>
 *
 * <p>Any other row is left out rather than guessed. The words are taken from both ends, so a state
 * of several words cannot shift the PID. A UDP row is a bound socket, which the Linux reader calls
 * CLOSE (ss: UNCONN). netstat names no program (the command is empty; {@code tasklist /fi "pid eq
 * N"} names it), no user (-1) and no inode (0); PID 0 owns nothing. Rows of {@code netstat -an},
 * without the PID column, are read too, with no owner (and without the third rule).
 */
final class NetstatParser {
    private static final Map<String, TcpState> ENGLISH =
            Map.ofEntries(
                    Map.entry("LISTEN", TcpState.LISTEN),
                    Map.entry("LISTENING", TcpState.LISTEN),
                    Map.entry("ESTABLISHED", TcpState.ESTABLISHED),
                    Map.entry("SYN_SENT", TcpState.SYN_SENT),
                    Map.entry("SYN_RECEIVED", TcpState.SYN_RECV),
                    Map.entry("SYN_RCVD", TcpState.SYN_RECV),
                    Map.entry("FIN_WAIT_1", TcpState.FIN_WAIT1),
                    Map.entry("FIN_WAIT_2", TcpState.FIN_WAIT2),
                    Map.entry("TIME_WAIT", TcpState.TIME_WAIT),
                    Map.entry("CLOSE_WAIT", TcpState.CLOSE_WAIT),
                    Map.entry("LAST_ACK", TcpState.LAST_ACK),
                    Map.entry("CLOSING", TcpState.CLOSING),
                    Map.entry("CLOSED", TcpState.CLOSE),
                    Map.entry("BOUND", TcpState.BOUND_INACTIVE));

    /**
     * State words in other display languages, each seen in a real capture. The console prints them
     * in its OEM code page, so only words in plain ASCII are listed: ABHÖREN reaches Java mangled
     * (ABH™REN in netstat-an-de.txt) and is known by its empty foreign address instead.
     */
    static final Map<String, TcpState> TRANSLATED =
            Map.ofEntries(
                    Map.entry("WARTEND", TcpState.TIME_WAIT),
                    Map.entry("HERGESTELLT", TcpState.ESTABLISHED),
                    Map.entry("SCHLIESSEN_WARTEN", TcpState.CLOSE_WAIT),
                    Map.entry("FIN_WARTEN_2", TcpState.FIN_WAIT2));

    private NetstatParser() {}

    static List<ListedSocket> parse(String text) {
        return ToolColumns.rows(text, NetstatParser::line);
    }

    /** The state an English word names, as netstat or lsof spell it; null for anything else. */
    static TcpState englishState(String word) {
        return ENGLISH.get(word.toUpperCase(Locale.ROOT));
    }

    private static ListedSocket line(String[] words) {
        int n = words.length;
        boolean tcp = words[0].equals("TCP");
        if (!(tcp || words[0].equals("UDP")) || n < 3) {
            return null; // a heading, in whatever language, or a blank line
        }
        long pid = ToolColumns.number(words[n - 1]);
        // netstat -an has no PID column: a TCP row is then exactly four words, a UDP row three.
        int columns = tcp ? 4 : 3;
        boolean withoutPid = pid < 0 && n == columns;
        if (withoutPid) {
            n++; // read the words as if an unknown PID followed them
        } else if (n < columns + 1) {
            return null;
        }
        boolean ipv6 = words[1].startsWith("[");
        Endpoint local = ToolColumns.endpoint(words[1], ipv6);
        Endpoint nobody = new Endpoint(ToolColumns.endpoint("*:0", ipv6).address(), 0);
        Endpoint remote = words[2].equals("*:*") ? nobody : ToolColumns.endpoint(words[2], ipv6);
        if ((pid < 0 && !withoutPid) || local == null || remote == null) {
            return null;
        }
        TcpState state = TcpState.CLOSE;
        if (tcp) {
            String word = String.join("_", List.of(words).subList(3, n - 1));
            state = englishState(word);
            if (state == null) {
                state = TRANSLATED.get(word.toUpperCase(Locale.ROOT));
            }
            if (state == null && remote.equals(nobody)) {
                state = TcpState.LISTEN; // a translated LISTENING
            } else if (state == null && pid == 0) {
                state = TcpState.TIME_WAIT; // a translated TIME_WAIT: owned by no process
            }
        }
        if (state == null) {
            return null;
        }
        SocketTable.Entry entry =
                ToolColumns.entry(
                        ToolColumns.protocol(tcp ? "tcp" : "udp", ipv6), local, remote, state);
        Optional<SocketOwner> owner =
                pid <= 0 ? Optional.empty() : Optional.of(new SocketOwner(pid, ""));
        return new ListedSocket(entry, owner);
    }
}
