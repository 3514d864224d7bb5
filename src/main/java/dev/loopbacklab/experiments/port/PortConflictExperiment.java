package dev.loopbacklab.experiments.port;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.Platform;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code port-conflict}: holds 127.0.0.1:P, then asks the OS for the same port again in four ways
 * (same address, the wildcard, another loopback address, UDP) and shows what the OS answers.
 */
public final class PortConflictExperiment extends AbstractExperiment {
    static final List<String> HEADERS = List.of("attempt", "result", "why");

    public PortConflictExperiment() {
        super(
                "port-conflict",
                "Two programs, one port",
                "Holds a port on 127.0.0.1, then tries to bind it again: on the same address, on the"
                        + " wildcard 0.0.0.0, on 127.0.0.2 and with UDP. Shows the operating system's real"
                        + " answers.");
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        InetAddress loopback = IpLiteral.loopbackV4();
        try (Opened opened = new Opened(report)) {
            // new ServerSocket() + bind(), not new ServerSocket(port): that would bind the
            // wildcard.
            ServerSocket holder = opened.keep(new ServerSocket());
            holder.bind(new InetSocketAddress(loopback, 0));
            int port = holder.getLocalPort();
            report.fact(
                    "held by this run",
                    "127.0.0.1:" + port,
                    "",
                    reuseNote(Platform.current(), holder.getReuseAddress()));

            List<List<String>> rows = new ArrayList<>();
            rows.add(
                    List.of(
                            "TCP 127.0.0.1:0 (first socket)",
                            Bind.BOUND + " to port " + port,
                            "port 0: the OS picked a free port"));
            report.checkCancelled();

            Bind.Result same = Bind.tcp(opened, loopback, port, true);
            rows.add(
                    List.of(
                            "TCP 127.0.0.1:" + port + " again",
                            same.result(),
                            same.bound()
                                    ? "this OS let two listeners share the port (unusual; SO_REUSEPORT-like behaviour)"
                                    : "same protocol, same address, same port: the pair is taken"));

            Bind.Result wildcard = Bind.tcp(opened, Bind.address(0, 0, 0, 0), port, true);
            rows.add(
                    List.of(
                            "TCP 0.0.0.0:" + port + " (every address)",
                            wildcard.result(),
                            wildcard.bound()
                                    ? "this OS lets a specific-address listener and a wildcard listener coexist;"
                                            + " connections to 127.0.0.1 go to the more specific one"
                                    : "0.0.0.0 means every address of this machine, 127.0.0.1 included, so it"
                                            + " overlaps the socket already held"));

            Bind.Result other = Bind.tcp(opened, Bind.address(127, 0, 0, 2), port, true);
            rows.add(
                    List.of(
                            "TCP 127.0.0.2:" + port + " (another loopback address)",
                            other.result(),
                            other.bound()
                                    ? "a different address: 127.0.0.2 is loopback too, and (127.0.0.2, "
                                            + port
                                            + ") is a different endpoint from (127.0.0.1, "
                                            + port
                                            + ")"
                                    : "this OS refused 127.0.0.2 itself: not every OS gives its loopback interface all"
                                            + " of 127.0.0.0/8 (macOS has only 127.0.0.1 unless you add an alias)"));

            Bind.Result udp = Bind.udp(opened, loopback, port);
            rows.add(
                    List.of(
                            "UDP 127.0.0.1:" + port,
                            udp.result(),
                            udp.bound()
                                    ? "a different protocol: TCP and UDP each have their own 65,536 ports"
                                    : "unexpected: TCP and UDP ports are normally separate"));

            report.table(
                    "Binding port " + port + " while 127.0.0.1:" + port + " is held",
                    HEADERS,
                    rows);
            report.say(closing(Platform.current()));
        }
        report.say("All sockets of this run are closed again.");
    }

    /** The held socket's SO_REUSEADDR, said so that it is true on every OS. */
    static String reuseNote(Platform platform, boolean reported) {
        String base =
                "port 0 asked the OS to pick a free port; getReuseAddress() says "
                        + onOff(reported);
        return platform.exclusiveBind()
                ? base
                        + ", but on Windows the JDK binds with SO_EXCLUSIVEADDRUSE and only emulates"
                        + " SO_REUSEADDR: no other socket may bind this port, whatever it asks"
                : base + " (the JDK's default on " + platform.name() + ")";
    }

    /** The closing sentence: what SO_REUSEADDR did and did not do here. */
    static String closing(Platform platform) {
        String how =
                "Every socket above was created with new ServerSocket() (or new"
                        + " DatagramSocket(null)) and then bound to an explicit address, with"
                        + " setReuseAddress(true).";
        if (platform.exclusiveBind()) {
            return how
                    + " On Windows that setting is emulated: the JDK binds exclusively"
                    + " (SO_EXCLUSIVEADDRUSE), because Windows' own SO_REUSEADDR would let a program"
                    + " bind over a live socket.";
        }
        return how
                + " On "
                + platform.name()
                + " SO_REUSEADDR does not let a second listener take a port someone listens on;"
                + " it is about leftovers in TIME_WAIT (see port-reuse).";
    }

    static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
