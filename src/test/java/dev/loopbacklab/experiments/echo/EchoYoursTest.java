package dev.loopbacklab.experiments.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.ParamException;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Runner;
import dev.loopbacklab.net.EchoServer;
import dev.loopbacklab.net.OperatingSystem;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.testing.RecordingReport;
import dev.loopbacklab.testing.Systems;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class EchoYoursTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /**
     * Where the server answers (or hangs up), the check's timeout is never reached: it is only a
     * bound, so a loaded machine cannot turn an answer into a time-out.
     */
    private final EchoYours check = new EchoYours(Duration.ofSeconds(30));

    /** For a server that never answers: the time-out is the outcome, whatever the load. */
    private final EchoYours impatient = new EchoYours(Duration.ofMillis(500));

    /**
     * For a server that answers in part and then holds: the part must arrive before the time-out,
     * so this one is long enough for any load (the test takes this long).
     */
    private final EchoYours partial = new EchoYours(Duration.ofSeconds(5));

    /** Released when the check has returned: a fake server holds its connection until then. */
    private final CountDownLatch checked = new CountDownLatch(1);

    /** How a fake server treats the one connection it accepts. */
    interface Behaviour {
        void serve(Socket socket) throws IOException, InterruptedException;
    }

    private RecordingReport check(int port, Outcome expected) {
        return check(check, port, expected);
    }

    private RecordingReport check(EchoYours check, int port, Outcome expected) {
        RecordingReport report = new RecordingReport();
        Params params = Params.parse(check.params(), Map.of("port", Integer.toString(port)));
        assertEquals(expected, Runner.run(check, params, report), () -> report.events.toString());
        return report;
    }

    private RecordingReport checkAgainst(Behaviour behaviour) throws Exception {
        return checkAgainst(check, behaviour);
    }

    private RecordingReport checkAgainst(EchoYours check, Behaviour behaviour) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, LOOPBACK)) {
            Thread thread =
                    new Thread(
                            () -> {
                                try (Socket socket = server.accept()) {
                                    behaviour.serve(socket);
                                } catch (IOException | InterruptedException e) {
                                    // the test is over
                                }
                            });
            thread.start();
            RecordingReport report = check(check, server.getLocalPort(), Outcome.NOT_PASSED);
            checked.countDown();
            thread.join();
            return report;
        }
    }

    @Test
    void passesWithAnEchoServerAndNamesTheSourcePort() throws IOException {
        try (EchoServer server = EchoServer.start("127.0.0.1", 0)) {
            Event.Verdict verdict = check(server.port(), Outcome.PASSED).onlyVerdict();
            assertTrue(verdict.passed());
            assertTrue(
                    verdict.summary()
                            .matches(
                                    "Your echo server answered: the same 30 bytes came back\\."
                                            + " The first took [0-9]+\\.[0-9] µs \\(cold\\);"
                                            + " the "
                                            + EchoYours.WARM_TRIPS
                                            + " after it, a median of [0-9]+\\.[0-9] µs\\."),
                    verdict.summary());
            assertTrue(
                    verdict.details()
                            .get(0)
                            .matches(
                                    "connected from source port \\d+ to 127\\.0\\.0\\.1:"
                                            + server.port()),
                    verdict.details().toString());
            assertTrue(
                    verdict.details().contains(EchoYours.FIRST_TRIP),
                    "says why one cold round trip is slow: " + verdict.details());
        }
    }

    @Test
    void saysTheWarmTripsBesideTheColdOne() {
        long[] warm = {30_000, 20_000, 21_000, 25_000, 19_000, 22_000, 40_000, 23_000, 24_000};
        assertEquals(
                "The first took 134195.7 µs (cold); the 9 after it, a median of 23.0 µs.",
                EchoYours.trips(134_195_700, new EchoYours.Warm(warm, 9, null)));
        assertEquals(
                "The first took 800.0 µs (cold); the one after it, 30.0 µs, then the next got no"
                        + " echo: your server closed the connection after that.",
                EchoYours.trips(
                        800_000,
                        new EchoYours.Warm(
                                warm, 1, "your server closed the connection after that")));
    }

    @Test
    void passesAOneShotEchoServerAndSaysTheSecondLineGotNoEcho() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, LOOPBACK)) {
            Thread thread =
                    new Thread(
                            () -> {
                                try (Socket socket = server.accept()) {
                                    InputStream in = socket.getInputStream();
                                    OutputStream out = socket.getOutputStream();
                                    int b;
                                    // one line echoed, then the server hangs up
                                    while ((b = in.read()) >= 0) {
                                        out.write(b);
                                        if (b == '\n') {
                                            break;
                                        }
                                    }
                                } catch (IOException e) {
                                    // the test is over
                                }
                            });
            thread.start();
            Event.Verdict verdict = check(server.getLocalPort(), Outcome.PASSED).onlyVerdict();
            thread.join();
            assertTrue(
                    verdict.summary()
                            .endsWith(
                                    "; a second line on the same connection got no echo: your"
                                            + " server closed the connection after that."),
                    verdict.summary());
        }
    }

    @Test
    void refusesWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, LOOPBACK)) {
            port = closed.getLocalPort();
        }
        Event.Verdict verdict = check(port, Outcome.NOT_PASSED).onlyVerdict();
        assertEquals(
                "Connection refused: nothing is listening on 127.0.0.1:" + port + ".",
                verdict.summary());
        assertEquals("the JDK said: Connection refused", verdict.details().get(0));
    }

    @Test
    void aConnectThatGetsNoAnswerIsATimeoutThatNamesAFullQueueOrAFilter() throws Exception {
        // A server that never accepts, with a backlog of 1: once its queue is full, Linux drops
        // further SYNs, so a connect gets no answer at all, as behind a dropping filter.
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, LOOPBACK)) {
            boolean full = false;
            for (int i = 0; i < 10 && !full; i++) {
                Socket filler = new Socket();
                fillers.add(filler);
                try {
                    filler.connect(server.getLocalSocketAddress(), 200);
                } catch (SocketTimeoutException dropped) {
                    full = true;
                }
            }
            assumeTrue(full, "this OS answered every SYN of a full queue");

            Event.Verdict verdict =
                    check(impatient, server.getLocalPort(), Outcome.NOT_PASSED).onlyVerdict();

            assertTrue(verdict.summary().startsWith("Timed out connecting to 127.0.0.1:"));
            String why = verdict.details().get(1);
            assertTrue(why.contains("queue of connections waiting to be accepted is full"), why);
            assertTrue(why.contains("on Windows too"), why);
            assertFalse(why.contains("accepted the packets"), "nothing accepted them");
        } finally {
            for (Socket filler : fillers) {
                filler.close();
            }
        }
    }

    @Test
    void aRefusalSuggestsOnlyAnEchoToolTheLearnersSystemHas() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, LOOPBACK)) {
            port = closed.getLocalPort();
        }
        for (Platform platform : Systems.ALL) {
            Event.Verdict verdict =
                    check(new EchoYours(Duration.ofSeconds(5), platform), port, Outcome.NOT_PASSED)
                            .onlyVerdict();
            String hint = verdict.details().get(2);

            assertEquals(platform.echoToolHint("127.0.0.1", port), hint);
            // macOS's nc and Debian's netcat-openbsd have no -e; Windows has no nc at all.
            assertEquals(
                    platform.os() != OperatingSystem.WINDOWS, hint.contains("ncat -l -k -e"), hint);
            assertEquals(platform.os() == OperatingSystem.MAC, hint.contains("Homebrew"), hint);
        }
    }

    @Test
    void failsWhenTheServerAcceptsButNeverReplies() throws Exception {
        Event.Verdict verdict = checkAgainst(impatient, socket -> checked.await()).onlyVerdict();
        assertTrue(
                verdict.summary().startsWith("Connected, but no reply came back within 500 ms"),
                verdict.summary());
        assertTrue(
                verdict.details().contains("got back:  (0 bytes)"), verdict.details().toString());
    }

    @Test
    void failsAndShowsTheReplyWhenTheServerSaysSomethingElse() throws Exception {
        Event.Verdict verdict =
                checkAgainst(
                                socket -> {
                                    readLine(socket.getInputStream());
                                    OutputStream out = socket.getOutputStream();
                                    out.write(
                                            "HTTP/1.1 400 Bad Request\r\n\r\n"
                                                    .getBytes(StandardCharsets.US_ASCII));
                                    out.flush();
                                })
                        .onlyVerdict();
        assertTrue(verdict.summary().startsWith("Something answered, but not with an echo"));
        assertTrue(
                verdict.details()
                        .contains("got back: HTTP/1.1 400 Bad Request\\u000D⏎\\u000D⏎ (28 bytes)"),
                verdict.details().toString());
    }

    @Test
    void failsWhenTheServerClosesWithoutReplying() throws Exception {
        Event.Verdict verdict =
                checkAgainst(socket -> readLine(socket.getInputStream())).onlyVerdict();
        assertEquals(
                "Connected, but the server closed the connection without replying.",
                verdict.summary());
    }

    @Test
    void failsWhenOnlyPartOfTheLineComesBack() throws Exception {
        Event.Verdict verdict =
                checkAgainst(
                                partial,
                                socket -> {
                                    String line = readLine(socket.getInputStream());
                                    socket.getOutputStream()
                                            .write(
                                                    line.substring(0, 5)
                                                            .getBytes(StandardCharsets.US_ASCII));
                                    checked.await();
                                })
                        .onlyVerdict();
        assertTrue(
                verdict.summary().startsWith("Connected, but no full reply came back"),
                verdict.summary());
        assertTrue(
                verdict.details().contains("got back: loopb (5 bytes)"),
                verdict.details().toString());
    }

    @Test
    void refusesHostsOutsideLoopbackBeforeConnecting() {
        ParamException e =
                assertThrows(
                        ParamException.class,
                        () -> Params.parse(check.params(), Map.of("host", "10.0.0.1")));
        assertTrue(e.getMessage().contains("not a loopback address"), e.getMessage());
        assertEquals(EchoYours.DEFAULT_PORT, Params.defaults(check.params()).port("port"));
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }
}
