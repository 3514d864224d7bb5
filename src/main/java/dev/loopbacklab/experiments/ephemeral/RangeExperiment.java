package dev.loopbacklab.experiments.ephemeral;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.PortSpan;
import dev.loopbacklab.net.Ports;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code ephemeral-range}: this machine's ephemeral range next to IANA's, where it was read from,
 * and whether a given port (62893 by default) is one the OS would pick on its own.
 */
final class RangeExperiment extends AbstractExperiment {
    static final String OS_RANGE = "OS ephemeral range";
    static final String OS_SIZE = "ports in the OS range";
    static final String IANA_RANGE = "IANA dynamic range";
    static final String IANA_SIZE = "ports in IANA's range";
    static final String OVERLAP = "ports in both ranges";
    static final String RESERVED = "reserved ports";
    static final String SOURCE = "read from";
    static final String ANSWER = "ephemeral on this machine?";

    RangeExperiment() {
        super(
                "ephemeral-range",
                "Your OS's ephemeral range, and IANA's",
                "Reads the range this OS picks temporary ports from, sets it beside IANA's 49152–65535,"
                        + " and answers whether a port such as 62893 is ephemeral here.",
                ParamSpec.port("port", 62893, "the port to ask about"));
    }

    @Override
    public void run(Params params, Report report) {
        int port = params.port("port");
        EphemeralRange os = EphemeralRange.detect();
        EphemeralRange iana = EphemeralRange.iana();
        if (os.fallback()) {
            report.warn(
                    "This machine's range could not be read, so IANA's suggestion stands in for it: "
                            + os.source());
        }
        report.fact(
                OS_RANGE, os.span(), "", os.fallback() ? "IANA's suggestion, not read here" : "");
        report.fact(OS_SIZE, SampleLines.number(os.size()));
        report.fact(IANA_RANGE, iana.span(), "", "RFC 6335 §6");
        report.fact(IANA_SIZE, SampleLines.number(iana.size()));
        int overlap =
                Math.max(
                        0,
                        Math.min(os.last(), iana.last()) - Math.max(os.first(), iana.first()) + 1);
        report.fact(OVERLAP, SampleLines.number(overlap));
        report.fact(RESERVED, reserved(os), "", "the OS skips these when it picks");
        report.fact(SOURCE, os.source(), "", os.fallback() ? "fallback" : "this machine");
        report.table(
                "The two ranges",
                List.of("range", "first", "last", "ports"),
                List.of(
                        List.of(
                                "this OS",
                                Integer.toString(os.first()),
                                Integer.toString(os.last()),
                                SampleLines.number(os.size())),
                        List.of(
                                "IANA (RFC 6335)",
                                Integer.toString(iana.first()),
                                Integer.toString(iana.last()),
                                SampleLines.number(iana.size()))));
        report.fact(
                ANSWER + " (" + port + ")", answer(os, port), "", Ports.classify(port).describe());
        report.say(explain(os, port));
    }

    private static String reserved(EphemeralRange range) {
        if (range.reserved().isEmpty()) {
            return "none";
        }
        return range.reserved().stream().map(PortSpan::toString).collect(Collectors.joining(", "));
    }

    /** "yes" or "no", with the reason; a reserved port is in the range but never picked. */
    static String answer(EphemeralRange range, int port) {
        if (port < range.first()) {
            return "no: below " + range.first();
        }
        if (port > range.last()) {
            return "no: above " + range.last();
        }
        if (range.isReserved(port)) {
            return "no: inside the range but reserved";
        }
        return "yes";
    }

    /** The closing words: what the range says about {@code port}, and no more. */
    static String explain(EphemeralRange os, int port) {
        boolean inIana = iana(port);
        boolean inOs = os.contains(port) && !os.isReserved(port);
        String where =
                os.fallback()
                        ? "IANA's suggested range (this machine's could not be read)"
                        : "this machine's range " + os.span();
        if (inOs) {
            return "The OS may pick "
                    + port
                    + " on its own: it lies in "
                    + where
                    + ". Seen in a port list, it can be a client's source port or a server that"
                    + " asked for port 0, as well as a server that asked for it by number: the list"
                    + " says which (a listener or a connection).";
        }
        return port
                + " lies outside "
                + where
                + (inIana ? ", although it is inside IANA's 49152–65535" : "")
                + ". The OS will not hand it out as a temporary port, so a socket using "
                + port
                + " here asked for that number (or was set up while the range was different).";
    }

    private static boolean iana(int port) {
        return EphemeralRange.iana().contains(port);
    }
}
