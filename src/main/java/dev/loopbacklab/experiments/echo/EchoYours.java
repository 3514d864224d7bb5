package dev.loopbacklab.experiments.echo;

import dev.loopbacklab.lesson.AbstractCheck;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.Endpoint;
import dev.loopbacklab.net.LoopbackTarget;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.UntrustedText;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Checks that the learner's own echo server answers: connects, sends a random line and expects
 * exactly the same bytes back, and says precisely what happened when it does not.
 */
final class EchoYours extends AbstractCheck {
    static final int DEFAULT_PORT = 7007;
    private static final int SHOW_CHARS = 80;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Duration timeout;

    EchoYours() {
        this(Duration.ofSeconds(2));
    }

    /** A check waiting {@code timeout} to connect and again for the reply; shorter in tests. */
    EchoYours(Duration timeout) {
        super(
                "echo-yours",
                "Your own echo server",
                "Start an echo server of your own on loopback, then check it: the lab sends a random"
                        + " line and expects exactly the same bytes back.",
                ParamSpec.port(
                        "port",
                        DEFAULT_PORT,
                        "the port your echo server listens on; "
                                + DEFAULT_PORT
                                + " unless you chose another"),
                ParamSpec.host(
                        "host",
                        "the loopback address your server listens on; 127.0.0.1 unless"
                                + " you chose another"));
        this.timeout = timeout;
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        LoopbackTarget host = params.host("host");
        int port = params.port("port");
        String where = new Endpoint(host.address(), port).toString();
        int millis = (int) timeout.toMillis();
        byte[] token = token();
        try (Socket socket = new Socket()) {
            report.closeOnCancel(socket);
            try {
                socket.connect(host.socketAddress(port), millis);
            } catch (ConnectException e) {
                report.verdict(
                        false,
                        "Connection refused: nothing is listening on " + where + ".",
                        "the JDK said: " + e.getMessage(),
                        "Start your server first, e.g. in JShell: EchoServer.start(\""
                                + host.text()
                                + "\", "
                                + port
                                + ")",
                        Platform.current().echoToolHint(host.text(), port));
                return;
            } catch (SocketTimeoutException e) {
                report.verdict(
                        false,
                        "Timed out connecting to " + where + " after " + millis + " ms.",
                        "the JDK said: " + e.getMessage(),
                        "On loopback a refusal is instant, so something accepted the packets but did not"
                                + " finish the handshake: a firewall rule or a server too busy to accept.");
                return;
            } catch (IOException e) {
                // 127.255.255.255, for one, is accepted as loopback text, yet the OS will not
                // connect there ("Network is unreachable"): a verdict, never a bare failure.
                report.verdict(
                        false,
                        "The OS would not connect to " + where + ".",
                        "the JDK said: " + e.getMessage(),
                        "Use the address your server listens on, usually 127.0.0.1. Not every"
                                + " address of 127.0.0.0/8 can be dialled: 127.255.255.255 is its"
                                + " broadcast address and 127.0.0.0 its network address.");
                return;
            }
            socket.setTcpNoDelay(true);
            String from = "connected from source port " + socket.getLocalPort() + " to " + where;
            long start = System.nanoTime();
            try {
                socket.getOutputStream().write(token);
            } catch (IOException e) {
                report.verdict(
                        false,
                        "Connected to " + where + ", but the connection broke while sending.",
                        "the JDK said: " + e.getMessage(),
                        from);
                return;
            }
            Reply reply = read(socket, token.length, millis);
            long nanos = System.nanoTime() - start;
            judge(report, token, reply, nanos, from, millis);
        }
    }

    /** Why one round trip here can take milliseconds when the lesson measures microseconds. */
    static final String FIRST_TRIP =
            "That was one cold round trip: the first on a new connection, so it includes your"
                    + " server's first-time work (accepting, starting a thread, code the JVM has not"
                    + " compiled yet). Warm round trips, as echo-rtt measures thousands of them,"
                    + " take microseconds.";

    /** What came back: the bytes, and why reading stopped. */
    record Reply(byte[] bytes, int length, boolean closed, boolean timedOut, String error) {}

    private static Reply read(Socket socket, int expected, int millis) throws IOException {
        byte[] bytes = new byte[expected];
        int length = 0;
        long deadline = System.nanoTime() + millis * 1_000_000L;
        InputStream in = socket.getInputStream();
        while (length < expected) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return new Reply(bytes, length, false, true, null);
            }
            socket.setSoTimeout((int) left);
            int n;
            try {
                n = in.read(bytes, length, expected - length);
            } catch (SocketTimeoutException e) {
                return new Reply(bytes, length, false, true, null);
            } catch (IOException e) {
                return new Reply(bytes, length, true, false, e.getMessage());
            }
            if (n < 0) {
                return new Reply(bytes, length, true, false, null);
            }
            length += n;
        }
        return new Reply(bytes, length, false, false, null);
    }

    private static void judge(
            Report report, byte[] token, Reply reply, long nanos, String from, int millis) {
        String sent =
                "sent: "
                        + UntrustedText.visible(text(token, token.length), SHOW_CHARS)
                        + " ("
                        + token.length
                        + " bytes)";
        String got =
                "got back: "
                        + UntrustedText.visible(text(reply.bytes(), reply.length()), SHOW_CHARS)
                        + " ("
                        + reply.length()
                        + " bytes)";
        boolean prefix =
                java.util.Arrays.equals(token, 0, reply.length(), reply.bytes(), 0, reply.length());
        if (reply.length() == token.length && prefix) {
            report.verdict(
                    true,
                    String.format(
                            Locale.ROOT,
                            "Your echo server answered: the same %d"
                                    + " bytes came back in %.1f µs.",
                            token.length,
                            nanos / 1000.0),
                    from,
                    sent,
                    FIRST_TRIP,
                    "Your server saw the lab's connection coming from that ephemeral port.");
        } else if (reply.length() > 0 && !prefix) {
            report.verdict(
                    false,
                    "Something answered, but not with an echo: the bytes that came back"
                            + " differ from the ones sent.",
                    from,
                    sent,
                    got);
        } else if (reply.closed()) {
            String how =
                    reply.error() == null
                            ? "closed the connection"
                            : "reset the connection (" + reply.error() + ")";
            report.verdict(
                    false,
                    "Connected, but the server "
                            + how
                            + (reply.length() == 0
                                    ? " without replying."
                                    : " after echoing only part of the line."),
                    from,
                    sent,
                    got);
        } else {
            report.verdict(
                    false,
                    "Connected, but no "
                            + (reply.length() == 0 ? "reply" : "full reply")
                            + " came back within "
                            + millis
                            + " ms: something is listening but not echoing.",
                    from,
                    sent,
                    got,
                    "Is it an echo server? A server that waits for more input (such as"
                            + " an HTTP server) also stays silent.");
        }
    }

    private static byte[] token() {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return ("loopback-lab-" + HexFormat.of().formatHex(random) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(byte[] bytes, int length) {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
