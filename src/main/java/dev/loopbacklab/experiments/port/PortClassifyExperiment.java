package dev.loopbacklab.experiments.port;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.PortFormatException;
import dev.loopbacklab.net.PortInfo;
import dev.loopbacklab.net.Ports;
import dev.loopbacklab.net.PrivilegedPorts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code port-classify}: the IANA category, usual service and this OS's privileged-port rule for
 * each port the learner types. Entries that are not port numbers get their validation message in
 * their row; they are a result to look at, not a failure of the run.
 */
public final class PortClassifyExperiment extends AbstractExperiment {
    /** More would make a table nobody reads. */
    static final int MAX_ENTRIES = 20;

    static final List<String> HEADERS =
            List.of(
                    "you typed",
                    "port",
                    "IANA category",
                    "usual service",
                    "privileged here?",
                    "note");

    public PortClassifyExperiment() {
        super(
                "port-classify",
                "What does a port number mean?",
                "Classifies the ports you type: IANA category, the service usually found there, and"
                        + " whether this operating system reserves the port for privileged programs.",
                ParamSpec.text(
                        "ports",
                        "62893, 80, 5432, 0, 65535, 70000",
                        200,
                        "port numbers separated by commas or spaces, at most " + MAX_ENTRIES));
    }

    @Override
    public void run(Params params, Report report) {
        List<String> entries = split(params.text("ports"));
        if (entries.isEmpty()) {
            report.warn("Type one or more port numbers, separated by commas or spaces.");
            return;
        }
        if (entries.size() > MAX_ENTRIES) {
            report.warn(
                    "You typed "
                            + entries.size()
                            + " entries; only the first "
                            + MAX_ENTRIES
                            + " are classified.");
            entries = entries.subList(0, MAX_ENTRIES);
        }
        PrivilegedPorts rule = PrivilegedPorts.current();
        report.fact("privileged ports on this machine", rule.rangeWords(), "", rule.source());
        List<List<String>> rows = new ArrayList<>();
        for (String entry : entries) {
            report.checkCancelled();
            rows.add(row(entry, rule));
        }
        report.table("Your ports", HEADERS, rows);
        report.say(
                "The category is IANA's bookkeeping (RFC 6335, section 6); \"privileged here\" is"
                        + " what this operating system enforces. They are separate rules.");
    }

    /** Splits on commas and any kind of white space, dropping empty pieces. */
    static List<String> split(String text) {
        return Arrays.stream(text.split("[,\\s\\p{Z}]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** One table row; the privileged column comes from {@code rule}, so every OS reads true. */
    static List<String> row(String entry, PrivilegedPorts rule) {
        int port;
        try {
            port = Ports.parse(entry);
        } catch (PortFormatException e) {
            return List.of(entry, "—", "—", "—", "—", e.getMessage());
        }
        PortInfo info = Ports.classify(port);
        return List.of(
                entry,
                Integer.toString(port),
                info.category().label()
                        + " ("
                        + info.category().first()
                        + "–"
                        + info.category().last()
                        + ")",
                info.service().orElse("—"),
                rule.answer(port),
                note(port));
    }

    private static String note(int port) {
        if (port == 0) {
            return "not a port you can listen on: bind(0) asks the OS to pick a free port";
        }
        return "";
    }
}
