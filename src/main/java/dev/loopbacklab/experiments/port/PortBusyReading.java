package dev.loopbacklab.experiments.port;

import dev.loopbacklab.net.BindFailure;
import dev.loopbacklab.net.ExcludedPorts;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.OperatingSystem;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.PortSpan;
import dev.loopbacklab.net.PrivilegedPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code port-busy} tells the learner, from the facts alone: the bind attempts and what each
 * OS does. Kept apart from the sockets so tests can hand it what macOS and Windows really answer.
 *
 * <p>Three binds, each with SO_REUSEADDR on so a TIME_WAIT leftover never counts as busy: 127.0.0.1
 * (a holder on it or, on Linux and Windows, on the wildcard), ::1 (a holder there is as real, and
 * 127.0.0.1 alone misses it), and the wildcard (on macOS a 0.0.0.0 holder lets 127.0.0.1 bind
 * beside it, so only the wildcard bind sees it).
 */
final class PortBusyReading {
    private PortBusyReading() {}

    /**
     * One bind attempt.
     *
     * @param address the address as the learner reads it, e.g. {@code "127.0.0.1"}
     * @param bound true if it bound (and was closed again)
     * @param result "bound" or the exception as the JDK gave it
     * @param failure the failure's kind; {@link BindFailure#OTHER} when bound
     */
    record Attempt(String address, boolean bound, String result, BindFailure failure) {
        static Attempt of(String address, Bind.Result result) {
            return new Attempt(address, result.bound(), result.result(), result.failure());
        }

        static Attempt failed(String address, String message) {
            return new Attempt(address, false, message, BindFailure.ofMessage(message));
        }

        static Attempt bound(String address) {
            return new Attempt(address, true, Bind.BOUND, BindFailure.OTHER);
        }
    }

    /**
     * The check's answer.
     *
     * @param passed true if the port is held by a program
     * @param headline the first line
     * @param details what follows
     */
    record Verdict(boolean passed, String headline, List<String> details) {}

    static Verdict of(
            Platform platform,
            int port,
            List<Attempt> attempts,
            ExcludedPorts excluded,
            PrivilegedPorts rule) {
        List<Attempt> inUse =
                attempts.stream().filter(a -> a.failure() == BindFailure.IN_USE).toList();
        if (!inUse.isEmpty()) {
            Optional<PortSpan> reserved =
                    platform.hasExcludedRanges() ? excluded.spanOf(port) : Optional.empty();
            if (reserved.isPresent()) {
                return new Verdict(
                        false,
                        "Port "
                                + port
                                + " is reserved by Windows, not held by a program: it lies in the"
                                + " excluded range "
                                + reserved.get().first()
                                + "–"
                                + reserved.get().last()
                                + ".",
                        List.of(
                                "Windows refuses every bind inside an excluded range (WSAEACCES,"
                                        + " 10013) even with nothing listening, and the JDK reports"
                                        + " that as \""
                                        + inUse.get(0).result().replaceFirst("^\\w+: ", "")
                                        + "\".",
                                "See the ranges with: netsh int ipv4 show excludedportrange"
                                        + " protocol=tcp, and pick a port outside them."));
            }
            List<String> details = new ArrayList<>();
            for (Attempt attempt : inUse) {
                details.add(
                        "Binding " + attempt.address() + ":" + port + " said: " + attempt.result());
            }
            boolean onlyWildcard = inUse.size() == 1 && inUse.get(0).address().equals("0.0.0.0");
            if (onlyWildcard && platform.os() == OperatingSystem.MAC) {
                details.add(
                        "127.0.0.1 bound beside it: on macOS a listener on the wildcard does not"
                                + " stop another socket binding a specific address with SO_REUSEADDR,"
                                + " so only the wildcard bind shows who holds the port.");
            }
            return new Verdict(true, "Port " + port + " is busy: someone holds it.", details);
        }
        Optional<Attempt> denied =
                attempts.stream()
                        .filter(a -> a.failure() == BindFailure.PERMISSION_DENIED)
                        .findFirst();
        if (denied.isPresent()) {
            return new Verdict(
                    false,
                    "The lab could not tell whether port "
                            + port
                            + " is busy: binding "
                            + denied.get().address()
                            + " said "
                            + denied.get().result(),
                    List.of(deniedAdvice(platform, port, rule)));
        }
        Attempt loopback = attempts.get(0);
        if (!loopback.bound()) {
            return new Verdict(
                    false,
                    "The lab could not tell whether port "
                            + port
                            + " is busy: "
                            + loopback.result(),
                    List.of("Binding failed for a reason other than \"in use\"."));
        }
        List<String> bound =
                attempts.stream()
                        .filter(Attempt::bound)
                        .map(a -> a.address() + ":" + port)
                        .toList();
        return new Verdict(
                false,
                "Port "
                        + port
                        + " is free: the lab could bind "
                        + String.join(", ", bound)
                        + " (and closed each again).",
                freeAdvice(platform, port, rule));
    }

    /**
     * How to make a free port busy. A privileged port bound only because the lab has the rights
     * (root, or Linux's CAP_NET_BIND_SERVICE): a JShell the learner starts as an ordinary user is
     * refused on it, so the advice names the rule and a port from the unprivileged range instead.
     */
    private static List<String> freeAdvice(Platform platform, int port, PrivilegedPorts rule) {
        if (!rule.isPrivileged(port, IpLiteral.loopbackV4())) {
            return List.of(
                    "Start a listener first, for example in JShell: " + listener(port),
                    "Keep it open, and check again while it runs.");
        }
        int example = Math.max(PortBusyCheck.DEFAULT_PORT, rule.unprivilegedStart());
        String rights =
                platform.os() == OperatingSystem.LINUX
                        ? "root or the CAP_NET_BIND_SERVICE capability"
                        : "root";
        return List.of(
                "Port "
                        + port
                        + " is privileged on 127.0.0.1 here (ports "
                        + rule.rangeWords()
                        + "): binding it needs "
                        + rights
                        + ". The lab has that, so it could bind the port; a listener you start"
                        + " as an ordinary user would be refused (Permission denied).",
                "Make a port from "
                        + Math.max(1, rule.unprivilegedStart())
                        + " up busy instead and check that one, for example in JShell: "
                        + listener(example)
                        + " Or start your listener with the same rights as the lab.");
    }

    private static String listener(int port) {
        return "var s = new java.net.ServerSocket(); s.bind(new"
                + " java.net.InetSocketAddress(\"127.0.0.1\", "
                + port
                + "));";
    }

    private static String deniedAdvice(Platform platform, int port, PrivilegedPorts rule) {
        switch (platform.os()) {
            case WINDOWS:
                return "Windows has no privileged ports: a refusal here usually means an excluded"
                        + " port range or a security policy. See netsh int ipv4 show"
                        + " excludedportrange protocol=tcp, and pick another port.";
            case MAC:
                return "On macOS binding 127.0.0.1 below 1024 needs root (the wildcard 0.0.0.0 does"
                        + " not); pick a port from 1024 up.";
            default:
                return "Ports this low need privileges here ("
                        + rule.rangeWords()
                        + "); pick a port from "
                        + Math.max(1024, rule.unprivilegedStart())
                        + " up.";
        }
    }
}
