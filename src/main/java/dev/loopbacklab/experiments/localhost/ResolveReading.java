package dev.loopbacklab.experiments.localhost;

import dev.loopbacklab.net.HostsFile;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.Platform;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** Explains an answer for localhost in a few sentences, from what the machine said. */
final class ResolveReading {
    private ResolveReading() {}

    /**
     * @param answer Java's addresses for localhost, in order
     * @param hostsLines the hosts-file lines naming localhost
     * @param java this JVM's network properties
     * @param gaiRules whether /etc/gai.conf replaces glibc's default table
     * @param platform the system, whose resolver sorts the answer
     */
    static List<String> of(
            List<InetAddress> answer,
            List<HostsFile.Entry> hostsLines,
            JavaNetProperties java,
            boolean gaiRules,
            Platform platform) {
        List<String> sentences = new ArrayList<>();
        boolean v4 = answer.stream().anyMatch(a -> !(a instanceof Inet6Address));
        boolean v6 = answer.stream().anyMatch(a -> a instanceof Inet6Address);
        boolean hostsV6 = hostsLines.stream().anyMatch(e -> e.address() instanceof Inet6Address);
        if (v4 && v6) {
            sentences.add(
                    "Here localhost has both loopback addresses. Java put "
                            + IpLiteral.format(answer.get(0))
                            + " first; its order is "
                            + java.order()
                            + ".");
            sentences.add(
                    (platform.sortsWithGaiConf()
                                    ? "A program that keeps getaddrinfo's order (C, Python, Node 17"
                                            + " and later) gets ::1 first: glibc sorts with RFC 3484's"
                                            + " table, which gives ::1 precedence 50 and IPv4 10"
                                            + (gaiRules
                                                    ? ", unless /etc/gai.conf changes the table, as"
                                                            + " it does here."
                                                    : ".")
                                    : "A program that keeps the system's order (C, Python, Node 17"
                                            + " and later) gets the order of "
                                            + sorter(platform)
                                            + ", which normally puts ::1 first.")
                            + " So on one machine, one name can send two clients to two different addresses.");
        } else if (v4) {
            sentences.add("Here localhost means only IPv4 (" + list(answer) + ").");
            if (hostsV6 && !java.ipv6Stack()) {
                sentences.add(
                        "The hosts file gives it ::1 too, but java.net.preferIPv4Stack=true makes"
                                + " Java drop IPv6 answers. Other programs on this machine still get ::1, and"
                                + " likely first.");
            } else if (hostsV6) {
                sentences.add(
                        "The hosts file gives it ::1 too, but Java dropped it: this JVM runs"
                                + " without IPv6. Other programs on this machine may still get ::1 first.");
            } else {
                sentences.add(
                        "The hosts file has no ::1 line for localhost, so programs that ask the"
                                + " system resolver get IPv4 only. Not every program asks it: curl"
                                + " 7.78 and later resolves localhost itself to 127.0.0.1 and ::1."
                                + " The failure in the next experiment rarely happens through the name"
                                + " here; it happens where the hosts file says \"::1 localhost\", as"
                                + " Debian's, Ubuntu's and macOS's defaults do.");
            }
        } else if (v6) {
            sentences.add(
                    "Here localhost means only IPv6 ("
                            + list(answer)
                            + "): every client that"
                            + " resolves the name misses a server bound to 127.0.0.1.");
        }
        if (!answer.isEmpty()) {
            List<InetAddress> inHosts = hostsLines.stream().map(HostsFile.Entry::address).toList();
            List<InetAddress> elsewhere =
                    answer.stream().filter(a -> !inHosts.contains(a)).toList();
            if (hostsLines.isEmpty()) {
                sentences.add(noHostsLine(platform));
            } else if (!elsewhere.isEmpty()) {
                sentences.add(
                        list(elsewhere)
                                + " is not in the hosts file: the resolver added it from"
                                + " another source.");
            }
        }
        return sentences;
    }

    private static String list(List<InetAddress> addresses) {
        return String.join(", ", addresses.stream().map(IpLiteral::format).toList());
    }

    /**
     * Where an answer came from when no hosts-file line names localhost: on Windows that is the
     * default (its hosts file has both localhost lines commented out and says why); on Linux the
     * next source in /etc/nsswitch.conf.
     */
    static String noHostsLine(Platform platform) {
        switch (platform.os()) {
            case WINDOWS:
                return "No hosts-file line names localhost, as on every Windows by default: Windows"
                        + " answers for localhost itself, with every loopback address of the"
                        + " machine (its hosts file says \"localhost name resolution is handled"
                        + " within DNS itself\").";
            case LINUX:
                return "No hosts-file line names localhost, so the answer came from the next"
                        + " source in /etc/nsswitch.conf: a module such as systemd's"
                        + " nss-myhostname, which answers localhost with 127.0.0.1 and ::1.";
            default:
                return "No hosts-file line names localhost, so the answer came from another"
                        + " source of "
                        + sorter(platform)
                        + ".";
        }
    }

    /** Who sorts the addresses of a name on {@code platform}, in words a learner can look up. */
    static String sorter(Platform platform) {
        switch (platform.os()) {
            case LINUX:
                return "glibc's getaddrinfo (/etc/gai.conf, RFC 3484's table by default)";
            case MAC:
                return "macOS's own resolver (no /etc/gai.conf)";
            case WINDOWS:
                return "Windows' prefix policy table (netsh interface ipv6 show prefixpolicies;"
                        + " no /etc/gai.conf)";
            default:
                return "this system's resolver";
        }
    }
}
