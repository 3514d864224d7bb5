package dev.loopbacklab.experiments.localhost;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.HostsFile;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.OperatingSystem;
import dev.loopbacklab.net.Platform;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Shows what {@code localhost} resolves to here, in Java's order, next to the hosts-file lines
 * behind it, the resolver's configuration and Java's properties, and explains the order.
 */
final class LocalhostResolve extends AbstractExperiment {
    private final LocalhostLookup lookup;
    private final Supplier<ResolverConfig> config;
    private final Supplier<JavaNetProperties> properties;
    private final Platform platform;

    LocalhostResolve(
            LocalhostLookup lookup,
            Supplier<ResolverConfig> config,
            Supplier<JavaNetProperties> properties) {
        this(lookup, config, properties, Platform.current());
    }

    /** The same, as if on {@code platform}: the words differ where the resolvers do. */
    LocalhostResolve(
            LocalhostLookup lookup,
            Supplier<ResolverConfig> config,
            Supplier<JavaNetProperties> properties,
            Platform platform) {
        super(
                "localhost-resolve",
                "What does localhost mean here?",
                "Resolves the one name localhost the way Java does, and shows the answer in order next"
                        + " to the hosts-file lines and settings that produced it.");
        this.lookup = lookup;
        this.config = config;
        this.properties = properties;
        this.platform = platform;
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        List<InetAddress> answer = List.of();
        try {
            answer = lookup.addresses();
        } catch (UnknownHostException e) {
            report.warn(
                    "localhost does not resolve on this machine at all (UnknownHostException: "
                            + e.getMessage()
                            + "). RFC 6761 says it always should; check "
                            + "the hosts file.");
        }
        report.table(
                "InetAddress.getAllByName(\"localhost\") here, in Java's order",
                List.of("#", "address", "family", "loopback?", precedenceHeader(platform)),
                answerRows(answer, platform));
        ResolverConfig files = config.get();
        List<HostsFile.Entry> lines = showHostsFile(report, files, platform);
        JavaNetProperties java = properties.get();
        report.fact(
                "java.net.preferIPv6Addresses",
                JavaNetProperties.shown(java.preferIpv6Addresses(), "false"),
                "",
                "Java's order: " + java.order());
        report.fact(
                "java.net.preferIPv4Stack",
                JavaNetProperties.shown(java.preferIpv4Stack(), "false"),
                "",
                java.ipv6Stack() ? "IPv6 sockets are used where available" : "IPv4 sockets only");
        if (java.hostsFile() != null) {
            report.fact(
                    "jdk.net.hosts.file",
                    java.hostsFile(),
                    "",
                    "Java reads this file instead of asking the operating system");
        }
        files.nsswitchHosts()
                .ifPresent(
                        line ->
                                report.fact(
                                        "/etc/nsswitch.conf",
                                        line,
                                        "",
                                        "glibc asks these sources in order; files means the hosts file"));
        if (platform.sortsWithGaiConf()) {
            report.fact(
                    "/etc/gai.conf",
                    files.gaiRules().isEmpty() ? "no rules" : String.join("; ", files.gaiRules()),
                    "",
                    files.gaiRules().isEmpty()
                            ? "glibc sorts with RFC 3484's default table (gai.conf(5))"
                            : "these rules replace glibc's default table");
        } else {
            report.fact("address sorting", ResolveReading.sorter(platform), "", "not glibc");
        }
        if (!answer.isEmpty()) {
            report.fact(
                    "Java's new Socket(\"localhost\", port) connects to",
                    IpLiteral.format(answer.get(0)),
                    "",
                    "the first address only; it never tries the next");
        }
        ResolveReading.of(answer, lines, java, !files.gaiRules().isEmpty(), platform)
                .forEach(report::say);
        for (InetAddress address : answer) {
            if (!address.isLoopbackAddress()) {
                report.warn(
                        "localhost resolves to "
                                + IpLiteral.format(address)
                                + " here, which is not a"
                                + " loopback address. RFC 6761 section 6.3 says localhost should always mean loopback:"
                                + " fix the hosts file. The lab never connects there.");
            }
        }
    }

    private static String precedenceHeader(Platform platform) {
        return platform.sortsWithGaiConf() ? "glibc precedence (RFC 3484)" : "precedence";
    }

    private static List<List<String>> answerRows(List<InetAddress> answer, Platform platform) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < answer.size(); i++) {
            InetAddress address = answer.get(i);
            rows.add(
                    List.of(
                            Integer.toString(i + 1),
                            IpLiteral.format(address),
                            Loopbacks.family(address),
                            address.isLoopbackAddress() ? "yes" : "no",
                            platform.sortsWithGaiConf()
                                    ? Integer.toString(Loopbacks.precedence(address))
                                    : "— (not glibc)"));
        }
        return rows;
    }

    /** The hosts-file lines naming localhost, as a table; the lines themselves for the reading. */
    private static List<HostsFile.Entry> showHostsFile(
            Report report, ResolverConfig files, Platform platform) {
        if (files.hosts().isEmpty()) {
            report.warn(
                    files.hostsProblem()
                            + ", so the answer above came from elsewhere"
                            + (platform.os() == OperatingSystem.WINDOWS
                                    ? " (Windows knows localhost by itself)."
                                    : "."));
            return List.of();
        }
        HostsFile hosts = files.hosts().get();
        List<HostsFile.Entry> lines = hosts.naming(LocalhostLookup.NAME);
        List<List<String>> rows = new ArrayList<>();
        for (HostsFile.Entry entry : lines) {
            rows.add(
                    List.of(
                            Integer.toString(entry.line()),
                            IpLiteral.format(entry.address()),
                            String.join(" ", entry.names())));
        }
        report.table(
                "Lines of " + files.hostsPath() + " that name localhost",
                List.of("line", "address", "names"),
                rows);
        for (HostsFile.Skipped skipped : hosts.skipped()) {
            if (skipped.text().toLowerCase(java.util.Locale.ROOT).contains("localhost")) {
                report.warn(
                        "Line "
                                + skipped.line()
                                + " ("
                                + skipped.text()
                                + ") was not read: "
                                + skipped.reason()
                                + ".");
            }
        }
        return lines;
    }
}
