package dev.loopbacklab.experiments.exposure;

import dev.loopbacklab.lesson.AbstractCheck;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.Deadline;
import dev.loopbacklab.net.ProbeResult;
import dev.loopbacklab.net.SocketTable;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The challenge: run a server that only this machine can reach. It passes when 127.0.0.1:port
 * answers and 127.0.0.2:port refuses (a wildcard would answer there too), nothing in the OS's
 * socket table listens on the port beyond loopback, and, if asked, none of this machine's own
 * network addresses answers.
 */
public final class PrivateCheck extends AbstractCheck {
    /** The port the lesson suggests; any free port works. */
    public static final int SUGGESTED_PORT = 7008;

    private final Machine machine;

    /** The check on {@code machine}; {@link Machine#real()} outside tests. */
    public PrivateCheck(Machine machine) {
        super(
                "exposure-private",
                "Run a server that only this machine can reach",
                "Start a server bound to 127.0.0.1 on the port below, then check: it must answer on"
                        + " 127.0.0.1 and refuse on 127.0.0.2, which only a wildcard bind would answer.",
                ParamSpec.yourServerPort(SUGGESTED_PORT),
                ParamSpec.bool(
                        "lan",
                        false,
                        "also try this machine's own network addresses, read from"
                                + " its interfaces (the packets still never leave this machine)"));
        this.machine = machine;
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        int port = params.port("port");
        // said first: reading the socket table with its owners takes a while on a busy machine
        report.say(
                "Trying port "
                        + port
                        + " through 127.0.0.1, then the other loopback addresses, and reading"
                        + " the socket table…");
        PrivateFacts facts = gather(port, params.bool("lan"), report);
        PrivateVerdict.Judgement judgement = PrivateVerdict.of(facts);
        judgement.warnings().forEach(report::warn);
        report.verdict(
                judgement.passed(),
                judgement.summary(),
                judgement.details().toArray(String[]::new));
    }

    /** Probes and reads what the verdict needs; the LAN list only when the learner asked. */
    private PrivateFacts gather(int port, boolean lan, Report report) {
        Deadline deadline = report.deadline();
        ProbeResult loopback = Reach.probe(Addresses.LOOPBACK, port, deadline);
        Optional<ProbeResult> v6 =
                machine.ipv6().getAsBoolean()
                        ? Optional.of(Reach.probe(Addresses.LOOPBACK_V6, port, deadline))
                        : Optional.empty();
        Optional<ProbeResult> second =
                loopback.connected() && machine.secondLoopback().getAsBoolean()
                        ? Optional.of(Reach.probe(Addresses.SECOND, port, deadline))
                        : Optional.empty();
        Optional<List<PrivateFacts.Probed>> own = Optional.empty();
        Optional<List<SocketTable.Entry>> table =
                machine.listeners()
                        .get()
                        .map(rows -> rows.stream().filter(e -> e.localPort() == port).toList());
        if (loopback.connected() && lan) {
            List<PrivateFacts.Probed> probed = new ArrayList<>();
            for (InetAddress address : machine.lanAddresses().get()) {
                report.checkCancelled();
                probed.add(new PrivateFacts.Probed(address, Reach.probe(address, port, deadline)));
            }
            own = Optional.of(probed);
        }
        return new PrivateFacts(port, machine.platform(), loopback, v6, second, table, own);
    }

    /**
     * The verdict's first line when 127.0.0.1 does not answer: "nothing is listening" only when the
     * socket table agrees; a server bound to another address of this machine is named.
     */
    static String notOnLoopback(int port, ProbeResult loopback, List<String> elsewhere) {
        if (!elsewhere.isEmpty()) {
            return "Nothing answers on 127.0.0.1:"
                    + port
                    + ", but the OS lists a listener on "
                    + String.join(", ", elsewhere)
                    + ": your server is bound to another address of this machine, which other"
                    + " machines can reach. Bind it to 127.0.0.1.";
        }
        return "Nothing is listening on 127.0.0.1:"
                + port
                + " ("
                + Reach.cell(loopback)
                + "). Start your server first, and check that it uses port "
                + port
                + ".";
    }
}
