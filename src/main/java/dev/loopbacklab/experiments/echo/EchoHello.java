package dev.loopbacklab.experiments.echo;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.EchoClient;
import dev.loopbacklab.net.EchoServer;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.PortInfo;
import dev.loopbacklab.net.Ports;
import dev.loopbacklab.net.UntrustedText;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Starts an echo server on 127.0.0.1, port 0, sends the learner's text through it and shows what
 * came back and the connection's 4-tuple, with each port classified.
 */
final class EchoHello extends AbstractExperiment {
    static final int MAX_MESSAGE = 200;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    EchoHello() {
        super(
                "echo-hello",
                "Say hello to an echo server",
                "Starts an echo server on 127.0.0.1 (the OS picks its port), connects to it, sends your"
                        + " text and shows what comes back, with both ends of the connection.",
                ParamSpec.text(
                        "message",
                        "hello, loopback",
                        MAX_MESSAGE,
                        "the text to send; it travels as UTF-8 and should come back byte for byte"));
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        String message = params.text("message");
        byte[] sent = message.getBytes(StandardCharsets.UTF_8);
        try (EchoServer server = EchoServer.start("127.0.0.1", 0)) {
            report.closeOnCancel(server);
            report.say(
                    "Started an echo server on 127.0.0.1. It asked for port 0, which means"
                            + " \"any free port\"; the operating system gave it "
                            + server.port()
                            + ".");
            try (EchoClient client = EchoClient.connect(server.address(), server.port(), TIMEOUT)) {
                report.closeOnCancel(client);
                report.checkCancelled();
                if (sent.length == 0) {
                    report.warn(
                            "The message is empty, so there is nothing to echo. Type some text.");
                } else {
                    long start = System.nanoTime();
                    byte[] reply = client.roundTrip(sent);
                    long nanos = System.nanoTime() - start;
                    showEcho(report, message, sent, reply, nanos);
                }
                showTuple(report, client.localAddress(), client.remoteAddress());
            }
        }
    }

    private static void showEcho(
            Report report, String message, byte[] sent, byte[] reply, long nanos) {
        String echoed = new String(reply, StandardCharsets.UTF_8);
        report.fact(
                "sent",
                UntrustedText.visible(message, MAX_MESSAGE),
                "",
                sent.length + " bytes of UTF-8; ⏎ marks a line break");
        boolean same = Arrays.equals(sent, reply);
        report.fact(
                "echoed",
                UntrustedText.visible(echoed, MAX_MESSAGE),
                "",
                same
                        ? "the same " + reply.length + " bytes came back"
                        : "different bytes came back!");
        if (!same && !echoed.equals(message)) {
            report.warn(
                    "Your text holds characters UTF-8 cannot carry (unpaired surrogates); they"
                            + " were sent as '?'.");
        }
        report.fact(
                "round trip",
                String.format(Locale.ROOT, "%.1f", nanos / 1000.0),
                "µs",
                "the first round trip on a new connection; echo-rtt measures thousands");
    }

    private static void showTuple(
            Report report, InetSocketAddress local, InetSocketAddress remote) {
        EphemeralRange range = EphemeralRange.detect();
        report.table(
                "The connection's 4-tuple",
                List.of(
                        "end",
                        "address",
                        "port",
                        "IANA category",
                        "in this OS's ephemeral range " + range.describe() + "?",
                        "who chose the port"),
                List.of(
                        row("client (source)", local, range, "the OS, when the client connected"),
                        row(
                                "server (destination)",
                                remote,
                                range,
                                "the OS too, because the server asked for 0")));
        report.say(
                "Source port "
                        + local.getPort()
                        + " and destination port "
                        + remote.getPort()
                        + " differ: a TCP connection has two ends, and the four numbers (two addresses, two ports)"
                        + " name it. Ephemeral range from "
                        + range.source()
                        + ".");
    }

    private static List<String> row(
            String end, InetSocketAddress at, EphemeralRange range, String who) {
        PortInfo info = Ports.classify(at.getPort());
        String inRange = range.contains(at.getPort()) ? "yes" : "no";
        return List.of(
                end,
                at.getAddress().getHostAddress(),
                Integer.toString(at.getPort()),
                info.category().label(),
                inRange,
                who);
    }
}
