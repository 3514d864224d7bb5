package dev.loopbacklab.experiments.exposure;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.Listeners;
import dev.loopbacklab.net.ProbeResult;
import dev.loopbacklab.net.WildcardGuard;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Binds five listeners (127.0.0.1, 0.0.0.0 twice, ::1, ::), each on a port the OS picks, and tries
 * to connect to each through 127.0.0.1, 127.0.0.2 and ::1, and, if asked, through this machine's
 * own network addresses. 0.0.0.0 appears twice because Java gives it two meanings: an IPv4-only
 * channel hears only IPv4, while a plain {@code new ServerSocket()} bound to 0.0.0.0, what learners
 * write, is really bound to {@code ::} with IPV6_V6ONLY off and hears ::1 as well.
 */
public final class ExposureMatrix extends AbstractExperiment {
    /** The row label of the plain Java server; tests and the lesson name it. */
    static final String PLAIN_JAVA = "0.0.0.0 (new ServerSocket())";

    /** The row label of the IPv4-only server. */
    static final String IPV4_ONLY = "0.0.0.0 (IPv4-only channel)";

    /**
     * One listener: its label in the table, its address, and whether it is a plain ServerSocket.
     */
    private record Listener(String label, InetAddress address, boolean plainJava) {}

    private static final List<Listener> LISTENERS =
            List.of(
                    new Listener("127.0.0.1", Addresses.LOOPBACK, false),
                    new Listener(IPV4_ONLY, Addresses.ANY_V4, false),
                    new Listener(PLAIN_JAVA, Addresses.ANY_V4, true),
                    new Listener("::1", Addresses.LOOPBACK_V6, false),
                    new Listener("::", Addresses.ANY_V6, false));

    private final Machine machine;

    /** The matrix on {@code machine}; {@link Machine#real()} outside tests. */
    public ExposureMatrix(Machine machine) {
        super(
                "exposure-matrix",
                "One server, four addresses: who can reach it?",
                "Starts "
                        + LISTENERS.size()
                        + " listeners, on "
                        + String.join("; ", LISTENERS.stream().map(Listener::label).toList())
                        + ", and tries to connect to each through 127.0.0.1, 127.0.0.2 and ::1."
                        + " Tick lan to also try this machine's own network addresses.",
                ParamSpec.bool(
                        "lan",
                        false,
                        "also probe this machine's own network addresses,"
                                + " read from its interfaces (the packets still never leave this machine)"));
        this.machine = machine;
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        boolean ipv6 = machine.ipv6().getAsBoolean();
        boolean second = machine.secondLoopback().getAsBoolean();
        List<InetAddress> lan = params.bool("lan") ? machine.lanAddresses().get() : List.of();
        MatrixReading.warnings(machine.platform(), second, ipv6).forEach(report::warn);
        if (params.bool("lan")) {
            report.say(
                    lan.isEmpty()
                            ? "This machine has no network address besides loopback to try."
                            : "Also probing this machine's own addresses: "
                                    + String.join(
                                            ", ", lan.stream().map(IpLiteral::format).toList())
                                    + ".");
        }
        List<Column> columns = Column.standard(second, ipv6, lan);
        List<String> headers = new ArrayList<>(List.of("listener", "port"));
        columns.forEach(c -> headers.add(c.header()));
        headers.add("reading");
        List<List<String>> rows = new ArrayList<>();
        List<MatrixReading.Row> read = new ArrayList<>();
        for (Listener listener : LISTENERS) {
            report.checkCancelled();
            InetAddress bound = listener.address();
            boolean v6 = bound instanceof java.net.Inet6Address;
            if (v6 && !ipv6) {
                rows.add(skipped(listener.label(), columns.size(), "skipped: no IPv6"));
                continue;
            }
            List<String> row = new ArrayList<>(List.of(listener.label()));
            try (AutoCloseable socket = open(listener, Guarded.warn(report))) {
                report.closeOnCancel(socket);
                int port = port(socket);
                row.add(Integer.toString(port));
                List<String> reached = new ArrayList<>();
                List<String> notReached = new ArrayList<>();
                for (Column column : columns) {
                    report.checkCancelled();
                    if (column.missing() != null) {
                        row.add(column.missing());
                        continue;
                    }
                    ProbeResult result = Reach.probe(column.address(), port);
                    row.add(Reach.cell(result));
                    (result.connected() ? reached : notReached)
                            .add(IpLiteral.format(column.address()));
                }
                row.add(
                        Reading.of(
                                IpLiteral.format(bound),
                                bound.isAnyLocalAddress(),
                                reached,
                                notReached));
                read.add(new MatrixReading.Row(bound, listener.plainJava(), reached));
            } catch (IOException e) {
                report.warn("Could not bind " + listener.label() + ": " + e);
                rows.add(skipped(listener.label(), columns.size(), "could not bind"));
                continue;
            }
            rows.add(row);
        }
        report.table(
                "Listener × probe (each listener on its own port, "
                        + Reach.TIMEOUT.toMillis()
                        + " ms per attempt)",
                headers,
                rows);
        MatrixReading.sayings(machine.platform(), ipv6, read).forEach(report::say);
    }

    /** The plain Java server as a learner writes it, or the lab's family-exact channel. */
    private static AutoCloseable open(Listener listener, Consumer<InetAddress> foreign)
            throws IOException {
        if (!listener.plainJava()) {
            ServerSocketChannel channel = Listeners.open(listener.address(), 0);
            if (listener.address().isAnyLocalAddress()) {
                WildcardGuard.guard(channel, foreign);
            }
            return channel;
        }
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(listener.address(), 0), 50);
            WildcardGuard.guard(server, foreign); // 0.0.0.0: every interface
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static int port(AutoCloseable socket) throws IOException {
        return socket instanceof ServerSocket server
                ? server.getLocalPort()
                : Listeners.port((ServerSocketChannel) socket);
    }

    private static List<String> skipped(String label, int columns, String why) {
        List<String> row = new ArrayList<>(List.of(label, "-"));
        for (int i = 0; i < columns; i++) {
            row.add(why);
        }
        row.add("bound to " + label + ": " + why);
        return row;
    }
}
