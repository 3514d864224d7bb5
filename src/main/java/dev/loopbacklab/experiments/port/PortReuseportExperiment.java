package dev.loopbacklab.experiments.port;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.lesson.Runner;
import dev.loopbacklab.net.Platform;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code port-reuseport}: two listeners on one loopback port with SO_REUSEPORT, where the OS offers
 * it (the JDK's {@code supportedOptions()} says), and a bounded number of connections counted per
 * listener, to show how the kernel spreads them.
 */
public final class PortReuseportExperiment extends AbstractExperiment {
    /** Backlog of each listener: every connection of the largest run fits in one queue. */
    private static final int BACKLOG = 256;

    /** How long to wait for the last connections to reach an accept queue; loopback needs ~1 ms. */
    private static final long DRAIN_MILLIS = 2000;

    public PortReuseportExperiment() {
        super(
                "port-reuseport",
                "Two listeners, one port: SO_REUSEPORT",
                "Binds two listeners to the same loopback port with SO_REUSEPORT where this OS offers"
                        + " it, opens a number of connections to that port, and counts which listener got"
                        + " each one.",
                ParamSpec.integer(
                        "connections", 40, 2, 200, "how many connections to open, one at a time"));
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        int connections = (int) params.integer("connections");
        InetAddress loopback = Bind.address(127, 0, 0, 1);
        Platform platform = Platform.current();
        try (Opened opened = new Opened(report)) {
            ServerSocketChannel first = opened.keep(ServerSocketChannel.open());
            boolean offered = first.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
            report.fact(
                    "SO_REUSEPORT offered here",
                    offered ? "yes" : "no",
                    "",
                    ReuseportReading.offeredNote(platform, offered));
            if (offered) {
                first.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            first.bind(new InetSocketAddress(loopback, 0), BACKLOG);
            int port = first.socket().getLocalPort();

            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("first listener", offered ? "on" : "not offered", Bind.BOUND));
            Bind.Result plain = bind(opened.keep(ServerSocketChannel.open()), loopback, port);
            rows.add(List.of("second, without the option", "off", plain.result()));
            ServerSocketChannel second = null;
            Bind.Result shared = null;
            if (offered) {
                ServerSocketChannel candidate = opened.keep(ServerSocketChannel.open());
                candidate.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                shared = bind(candidate, loopback, port);
                rows.add(List.of("second, with the option", "on", shared.result()));
                second = shared.bound() ? candidate : null;
            }
            report.table(
                    "Listening on 127.0.0.1:" + port + " twice",
                    List.of("listener", "SO_REUSEPORT", "result"),
                    rows);
            if (second == null) {
                report.say(ReuseportReading.unshared(platform, offered, shared));
                return;
            }
            int[] counts = spread(opened, report, loopback, port, first, second, connections);
            report.table(
                    connections + " connections to 127.0.0.1:" + port,
                    List.of("listener", "connections accepted"),
                    List.of(
                            List.of("first", Integer.toString(counts[0])),
                            List.of("second", Integer.toString(counts[1]))));
            report.say(ReuseportReading.spread(platform, counts[0], counts[1]));
        }
    }

    private static Bind.Result bind(ServerSocketChannel channel, InetAddress address, int port) {
        try {
            channel.bind(new InetSocketAddress(address, port), BACKLOG);
            return new Bind.Result(true, Bind.BOUND, null);
        } catch (IOException e) {
            return new Bind.Result(false, Runner.describe(e), e);
        }
    }

    /** Opens {@code count} connections, then counts how many each listener accepts. */
    private static int[] spread(
            Opened opened,
            Report report,
            InetAddress loopback,
            int port,
            ServerSocketChannel first,
            ServerSocketChannel second,
            int count)
            throws IOException {
        for (int i = 0; i < count; i++) {
            report.checkCancelled();
            SocketChannel client = opened.keep(SocketChannel.open());
            client.connect(new InetSocketAddress(loopback, port));
            report.progress(i + 1, count, "connections");
        }
        int[] counts = new int[2];
        Selector selector = opened.keep(Selector.open());
        first.configureBlocking(false);
        second.configureBlocking(false);
        first.register(selector, SelectionKey.OP_ACCEPT, 0);
        second.register(selector, SelectionKey.OP_ACCEPT, 1);
        long deadline = System.nanoTime() + DRAIN_MILLIS * 1_000_000;
        while (counts[0] + counts[1] < count && System.nanoTime() < deadline) {
            report.checkCancelled();
            selector.select(50);
            for (SelectionKey key : selector.selectedKeys()) {
                ServerSocketChannel listener = (ServerSocketChannel) key.channel();
                SocketChannel accepted;
                while ((accepted = listener.accept()) != null) {
                    opened.keep(accepted);
                    counts[(Integer) key.attachment()]++;
                }
            }
            selector.selectedKeys().clear();
        }
        if (counts[0] + counts[1] < count) {
            report.warn(
                    (counts[0] + counts[1])
                            + " of "
                            + count
                            + " connections reached a listener within "
                            + DRAIN_MILLIS
                            + " ms; the rest are not counted.");
        }
        return counts;
    }
}
