package dev.loopbacklab.experiments.echo;

import dev.loopbacklab.lesson.AbstractCheck;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.CappedRead;
import dev.loopbacklab.net.Deadline;
import dev.loopbacklab.net.Endpoint;
import dev.loopbacklab.net.LoopbackTarget;
import dev.loopbacklab.net.Numbers;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.UntrustedText;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Checks that the learner's own echo server answers: connects, sends a random line and expects
 * exactly the same bytes back, and says precisely what happened when it does not.
 */
final class EchoYours extends AbstractCheck {
    static final int DEFAULT_PORT = 7007;
    private static final int SHOW_CHARS = 80;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Duration timeout;
    private final Platform platform;

    EchoYours() {
        this(Duration.ofSeconds(2));
    }

    /** A check waiting {@code timeout} to connect and again for the reply; shorter in tests. */
    EchoYours(Duration timeout) {
        this(timeout, Platform.current());
    }

    /**
     * The check with {@code platform}'s hints (which echo tool exists there); tests give others.
     */
    EchoYours(Duration timeout, Platform platform) {
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
        this.platform = platform;
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        LoopbackTarget host = params.host("host");
        int port = params.port("port");
        String where = new Endpoint(host.address(), port).toString();
        byte[] token = token();
        try (Socket socket = new Socket()) {
            report.closeOnCancel(socket);
            Deadline connecting = report.deadline().within(timeout);
            int millis = connecting.millis();
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
                        platform.echoToolHint(host.text(), port));
                return;
            } catch (SocketTimeoutException e) {
                report.verdict(
                        false,
                        "Timed out connecting to " + where + " after " + millis + " ms.",
                        "the JDK said: " + e.getMessage(),
                        "On loopback a refusal comes at once (on Windows too: the JDK asks"
                                + " Windows not to retry there), so this attempt got no answer at"
                                + " all: a server whose queue of connections waiting to be"
                                + " accepted is full, or a firewall or security filter that drops"
                                + " packets on loopback.");
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
            Deadline replying = report.deadline().within(timeout);
            int waited = replying.millis();
            CappedRead.Result reply = CappedRead.exactly(socket, token.length, replying);
            long nanos = System.nanoTime() - start;
            judge(report, token, reply, nanos, from, waited, () -> warmTrips(socket, report));
        }
    }

    /**
     * Round trips after the first, on the same connection: the first one includes the server's
     * first-time work and can take a thousand times longer than the lesson's figure, so the check
     * shows what a warm server gives as well.
     */
    static final int WARM_TRIPS = 99;

    /** Why the first round trip is slow, said beside the warm figure that shows it. */
    static final String FIRST_TRIP =
            "The first round trip on a new connection is cold: it includes your server's"
                    + " first-time work (accepting, starting a thread, code the JVM has not compiled"
                    + " yet). The next ones show what loopback itself costs, as echo-rtt measures it.";

    /**
     * The warm round trips' times in ns, or why they stopped: {@code failure} is null if all came
     * back.
     */
    record Warm(long[] nanos, int done, String failure) {}

    private Warm warmTrips(Socket socket, Report report) throws IOException {
        long[] nanos = new long[WARM_TRIPS];
        // one bound for them all: a slow server makes fewer trips, never a longer check
        Deadline replying = report.deadline().within(timeout);
        for (int i = 0; i < WARM_TRIPS; i++) {
            byte[] token = token();
            long start = System.nanoTime();
            try {
                socket.getOutputStream().write(token);
            } catch (IOException e) {
                return new Warm(
                        nanos, i, "the connection broke while sending (" + e.getMessage() + ")");
            }
            CappedRead.Result reply = CappedRead.exactly(socket, token.length, replying);
            nanos[i] = System.nanoTime() - start;
            if (reply.length() != token.length || !java.util.Arrays.equals(token, reply.bytes())) {
                return new Warm(
                        nanos,
                        i,
                        switch (reply.ending()) {
                            case CLOSED, BROKEN -> "your server closed the connection after that";
                            case TIMED_OUT ->
                                    reply.length() == 0
                                            ? "no echo came back within "
                                                    + replying.millis()
                                                    + " ms"
                                            : "only part of it came back";
                            default -> "what came back was not the line sent";
                        });
            }
        }
        return new Warm(nanos, WARM_TRIPS, null);
    }

    /** Reads the warm trips once the first one has passed. */
    @FunctionalInterface
    interface WarmTrips {
        Warm measure() throws IOException;
    }

    private static void judge(
            Report report,
            byte[] token,
            CappedRead.Result reply,
            long nanos,
            String from,
            int millis,
            WarmTrips warmTrips)
            throws IOException {
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
            Warm warm = warmTrips.measure();
            report.verdict(
                    true,
                    "Your echo server answered: the same "
                            + token.length
                            + " bytes came back. "
                            + trips(nanos, warm),
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
        } else if (reply.ending() == CappedRead.Ending.CLOSED
                || reply.ending() == CappedRead.Ending.BROKEN) {
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

    /**
     * The round trips in words, e.g. "The first took 134195.7 µs (cold); the 99 after it, a median
     * of 21.3 µs."
     */
    static String trips(long firstNanos, Warm warm) {
        String first = "The first took " + micros(firstNanos) + " (cold)";
        if (warm.done() == 0) {
            return first
                    + "; a second line on the same connection got no echo: "
                    + warm.failure()
                    + ".";
        }
        long[] done = java.util.Arrays.copyOf(warm.nanos(), warm.done());
        java.util.Arrays.sort(done);
        String median = micros(done[done.length / 2]);
        String after =
                done.length == 1
                        ? "; the one after it, " + median
                        : "; the " + done.length + " after it, a median of " + median;
        return first
                + after
                + (warm.failure() == null
                        ? "."
                        : ", then the next got no echo: " + warm.failure() + ".");
    }

    private static String micros(long nanos) {
        return Numbers.decimal(nanos / 1000.0, 1) + " µs";
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
