package dev.loopbacklab.experiments.port;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.net.TcpState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code port-reuse}: leaves a server-side connection in TIME_WAIT on port P, shows it in the
 * socket table, and binds P again with SO_REUSEADDR off and on.
 */
public final class PortReuseExperiment extends AbstractExperiment {
    private static final int TIMEOUT_MILLIS = 2000;

    /** How long to wait for the kernel to finish the closing handshake; loopback needs ~1 ms. */
    private static final long SETTLE_MILLIS = 1000;

    public PortReuseExperiment() {
        super(
                "port-reuse",
                "TIME_WAIT and SO_REUSEADDR",
                "Closes a connection from the server side so that the server's port is left in"
                        + " TIME_WAIT, then tries to listen on that port again without and with SO_REUSEADDR.");
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        InetAddress loopback = IpLiteral.loopbackV4();
        Platform platform = Platform.current();
        int port;
        try (Opened opened = new Opened(report)) {
            port = closeFromServerSide(opened, loopback);
            report.fact(
                    "server port",
                    "127.0.0.1:" + port,
                    "",
                    "the server closed first, then the client; the listener is closed too");
            showTimeWait(report, platform, port);

            Bind.Result off = Bind.tcp(opened, loopback, port, false);
            Bind.Result on = Bind.tcp(opened, loopback, port, true);
            ReuseReading.Words words = ReuseReading.of(platform, off, on);
            List<List<String>> rows =
                    List.of(
                            List.of(
                                    "TCP 127.0.0.1:" + port + ", SO_REUSEADDR off",
                                    off.result(),
                                    words.offWhy()),
                            List.of(
                                    "TCP 127.0.0.1:" + port + ", SO_REUSEADDR on",
                                    on.result(),
                                    words.onWhy()));
            report.table(
                    "Listening on port " + port + " again",
                    List.of("attempt", "result", "why"),
                    rows);
        }
        report.say(ReuseReading.closing(platform));
    }

    /** Makes the server side close first; returns the server's port, now in TIME_WAIT. */
    private static int closeFromServerSide(Opened opened, InetAddress loopback) throws IOException {
        ServerSocket listener = opened.keep(new ServerSocket());
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(loopback, 0));
        listener.setSoTimeout(TIMEOUT_MILLIS);
        int port = listener.getLocalPort();
        Socket client = opened.keep(new Socket());
        client.connect(new InetSocketAddress(loopback, port), TIMEOUT_MILLIS);
        client.setSoTimeout(TIMEOUT_MILLIS);
        Socket served = opened.keep(listener.accept());
        listener.close();
        served.close(); // the server closes first: its side will hold TIME_WAIT
        if (client.getInputStream().read() != -1) {
            throw new IOException("the client got data instead of the end of the stream");
        }
        client.close();
        return port;
    }

    private static void showTimeWait(Report report, Platform platform, int port)
            throws InterruptedException {
        List<SocketTable.Entry> waiting;
        try {
            waiting = timeWaitOn(port);
            long deadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
            while (waiting.isEmpty() && System.nanoTime() < deadline) {
                report.checkCancelled();
                Thread.sleep(10);
                waiting = timeWaitOn(port);
            }
        } catch (UncheckedIOException e) {
            String reason = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            report.fact(
                    "TIME_WAIT in the socket table",
                    "not available",
                    "",
                    ReuseReading.timeWaitElsewhere(platform, port, reason));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (SocketTable.Entry entry : waiting) {
            rows.add(
                    List.of(
                            entry.protocol(),
                            entry.localEndpoint(),
                            entry.remoteEndpoint(),
                            entry.state().toString()));
        }
        if (rows.isEmpty()) {
            report.warn(
                    "No TIME_WAIT entry showed up for port "
                            + port
                            + " within "
                            + SETTLE_MILLIS
                            + " ms.");
            return;
        }
        report.table(
                "Port " + port + " in the socket table (" + SocketTable.connectionsSource() + ")",
                List.of("protocol", "local", "remote", "state"),
                rows);
    }

    /** The server side's TIME_WAIT rows, from the system's own list (netstat on macOS, Windows). */
    private static List<SocketTable.Entry> timeWaitOn(int port) {
        return SocketTable.connections().stream()
                .filter(e -> e.state() == TcpState.TIME_WAIT && e.localPort() == port)
                .toList();
    }
}
