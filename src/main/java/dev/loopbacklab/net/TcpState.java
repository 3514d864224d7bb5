package dev.loopbacklab.net;

import java.util.Locale;

/**
 * The states a Linux socket can be in, with the hex codes {@code /proc/net/tcp} shows in its {@code
 * st} column.
 *
 * <p>UDP sockets use the same column: {@code 07} ({@link #CLOSE}) for a socket that is only bound,
 * which {@code ss} prints as UNCONN, and {@code 01} for a connected one.
 */
public enum TcpState {
    /** 01: a connection is open and data can flow. */
    ESTABLISHED(0x01),
    /** 02: a client sent SYN and waits for the answer. */
    SYN_SENT(0x02),
    /** 03: a server got SYN and answered; waiting for the final ACK. */
    SYN_RECV(0x03),
    /** 04: this side closed first and waits for the other side to acknowledge. */
    FIN_WAIT1(0x04),
    /** 05: this side closed first; waiting for the other side to close too. */
    FIN_WAIT2(0x05),
    /**
     * 06: closed by this side first; kept ~60 s so late packets cannot confuse a new connection.
     */
    TIME_WAIT(0x06),
    /** 07: not connected; for UDP, a socket that is simply bound. */
    CLOSE(0x07),
    /** 08: the other side closed; this program has not closed its side yet. */
    CLOSE_WAIT(0x08),
    /** 09: closed after the other side did; waiting for the last ACK. */
    LAST_ACK(0x09),
    /** 0A: a server socket waiting for connections. */
    LISTEN(0x0A),
    /** 0B: both sides closed at the same time. */
    CLOSING(0x0B),
    /** 0C: a connection request still in the listener's queue (newer kernels). */
    NEW_SYN_RECV(0x0C),
    /** 0D: bound but neither listening nor connected (Linux 6.5 and later). */
    BOUND_INACTIVE(0x0D);

    // values() copies the array on every call; the parser asks once per socket.
    private static final TcpState[] ALL = values();

    private final int code;

    TcpState(int code) {
        this.code = code;
    }

    /** The number Linux uses for this state, for example 10 (0x0A) for LISTEN. */
    public int code() {
        return code;
    }

    /** The code as {@code /proc/net/tcp} prints it: two upper-case hex digits, such as "0A". */
    public String hex() {
        return String.format(Locale.ROOT, "%02X", code);
    }

    /**
     * Finds the state for a hex code from {@code /proc/net/tcp}, such as "0A" or "0a".
     *
     * @throws IllegalArgumentException if the text is not a known code
     */
    public static TcpState fromHex(String hex) {
        TcpState state = null;
        boolean shortHex = hex != null && !hex.isEmpty() && hex.length() <= 2;
        if (shortHex && hex.chars().allMatch(TcpState::isHex)) {
            state = fromCode(Integer.parseInt(hex, 16));
        }
        if (state == null) {
            throw new IllegalArgumentException("not a Linux socket state code: " + hex);
        }
        return state;
    }

    /** The state with this number, or null if there is none. */
    static TcpState fromCode(int code) {
        // The codes run 1, 2, 3 ... in declaration order, so the code is also the index plus one.
        return code >= 1 && code <= ALL.length ? ALL[code - 1] : null;
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
