package dev.loopbacklab.experiments.here;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.Endpoint;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.IpLiteral;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code here-connections}: opens a few connections to a listener of its own on 127.0.0.1 and shows
 * each one's 4-tuple as both ends see it. Needs no web server, so it runs the same in the CLI,
 * JShell and the page.
 */
final class HereConnections extends AbstractExperiment {
    static final String SERVER = "server endpoint";
    static final String AGREE = "both ends agree";
    static final String UNIQUE = "distinct 4-tuples";
    static final String IN_RANGE = "source ports inside the ephemeral range";
    static final String TABLE = "Each connection, as both ends see it";

    /** Connecting and accepting on loopback takes microseconds; this only stops a hang. */
    private static final int STEP_TIMEOUT_MS = 2_000;

    private static final long RUN_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(20);

    /** One connection: what the client socket reports and what the accepted socket reports. */
    record Seen(
            InetSocketAddress clientLocal,
            InetSocketAddress clientRemote,
            InetSocketAddress serverRemote,
            InetSocketAddress serverLocal) {
        boolean agree() {
            return clientLocal.equals(serverRemote) && clientRemote.equals(serverLocal);
        }

        String tuple() {
            return HereTopic.fourTuple(clientLocal, clientRemote);
        }
    }

    HereConnections() {
        super(
                "here-connections",
                "Open a few connections and read their 4-tuples",
                "Starts a small server on 127.0.0.1, opens a few connections to it, and shows each"
                        + " connection's 4-tuple as the client and the server see it, with the source port the OS"
                        + " picked for each.",
                ParamSpec.integer("connections", 5, 1, 50, "how many connections to open"));
    }

    @Override
    public void run(Params params, Report report) throws IOException {
        int count = (int) params.integer("connections");
        EphemeralRange range = EphemeralRange.detect();
        try (ServerSocket server = new ServerSocket();
                OpenSockets open = new OpenSockets()) {
            report.closeOnCancel(server);
            report.closeOnCancel(open);
            server.bind(new InetSocketAddress(IpLiteral.loopbackV4(), 0), 64);
            server.setSoTimeout(STEP_TIMEOUT_MS);
            InetSocketAddress listening = (InetSocketAddress) server.getLocalSocketAddress();
            report.fact(
                    SERVER,
                    Endpoint.of(listening).toString(),
                    "",
                    "picked by the OS: we asked for port 0");
            report.say(
                    "Opening "
                            + count
                            + " connection"
                            + (count == 1 ? "" : "s")
                            + " to "
                            + Endpoint.of(listening).toString()
                            + " and keeping them all open at once.");
            List<Seen> seen = connect(report, server, listening, count, open);
            show(report, seen, listening, range);
        }
    }

    private static List<Seen> connect(
            Report report,
            ServerSocket server,
            InetSocketAddress listening,
            int count,
            OpenSockets open)
            throws IOException {
        long deadline = System.nanoTime() + RUN_LIMIT_NANOS;
        List<Seen> seen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            report.checkCancelled();
            if (System.nanoTime() > deadline) {
                report.warn(
                        "Stopped after "
                                + i
                                + " connections: this took far longer than it should.");
                break;
            }
            Socket client = open.add(new Socket());
            client.connect(listening, STEP_TIMEOUT_MS);
            Socket accepted;
            try {
                // Connect and accept take turns, so the backlog holds exactly this client's
                // connection.
                accepted = open.add(server.accept());
            } catch (SocketTimeoutException e) {
                throw new SocketTimeoutException(
                        "the server accepted nothing within " + STEP_TIMEOUT_MS + " ms");
            }
            seen.add(
                    new Seen(
                            (InetSocketAddress) client.getLocalSocketAddress(),
                            (InetSocketAddress) client.getRemoteSocketAddress(),
                            (InetSocketAddress) accepted.getRemoteSocketAddress(),
                            (InetSocketAddress) accepted.getLocalSocketAddress()));
            report.progress(i + 1, count, "connections open");
        }
        return seen;
    }

    static void show(
            Report report, List<Seen> seen, InetSocketAddress listening, EphemeralRange range) {
        List<List<String>> rows = new ArrayList<>();
        List<Event.Bar> bars = new ArrayList<>();
        Set<String> tuples = new HashSet<>();
        int agree = 0;
        int inRange = 0;
        for (int i = 0; i < seen.size(); i++) {
            Seen s = seen.get(i);
            int source = s.clientLocal().getPort();
            boolean inside = range.contains(source);
            agree += s.agree() ? 1 : 0;
            inRange += inside ? 1 : 0;
            tuples.add(s.tuple());
            rows.add(
                    List.of(
                            "#" + (i + 1),
                            s.tuple(),
                            Endpoint.of(s.serverRemote()).toString()
                                    + " → "
                                    + Endpoint.of(s.serverLocal()).toString(),
                            s.agree() ? "yes" : "NO",
                            Integer.toString(source),
                            inside ? "yes" : "no"));
            bars.add(new Event.Bar("#" + (i + 1), source, !inside));
        }
        report.table(
                TABLE,
                List.of(
                        "connection",
                        "client socket: local → remote",
                        "server's accepted socket: remote → local",
                        "ends agree",
                        "source port",
                        "inside " + range.describe()),
                rows);
        report.emit(
                new Event.Chart(
                        "Source port of each connection",
                        "connection",
                        "source port",
                        bars,
                        "highlighted: outside this OS's ephemeral range " + range.describe()));
        int n = seen.size();
        report.fact(
                AGREE,
                agree + " of " + n,
                "",
                agree == n
                        ? "the client's own port is exactly the remote port the server sees"
                        : "some ends disagree; that should never happen");
        report.fact(
                UNIQUE,
                tuples.size() + " of " + n,
                "",
                "server side always "
                        + Endpoint.of(listening).toString()
                        + "; only the source port differs");
        report.fact(IN_RANGE, inRange + " of " + n, "", range.describe());
        report.say(
                "Every connection ends at the same server endpoint "
                        + Endpoint.of(listening).toString()
                        + ". What keeps them apart is the source port the OS picked for each client: "
                        + (tuples.size() == n
                                ? "all " + n + " 4-tuples are different."
                                : "some 4-tuples repeat!"));
    }

    /** The sockets of one run, closed together; safe to close from the thread that stops a run. */
    static final class OpenSockets implements AutoCloseable {
        private final List<Socket> sockets = new ArrayList<>();

        synchronized Socket add(Socket socket) {
            sockets.add(socket);
            return socket;
        }

        @Override
        public synchronized void close() {
            for (Socket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // Closing a socket twice or after a reset is harmless; the others still get
                    // closed.
                }
            }
            sockets.clear();
        }
    }
}
