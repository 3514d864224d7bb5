package dev.loopbacklab.experiments.localhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.net.HostsFile;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.PlatformFixture;
import dev.loopbacklab.testing.RecordingReport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalhostResolveTest {
    private static final InetAddress V4 = Loopbacks.V4;
    private static final InetAddress V6 = Loopbacks.V6;
    private static final JavaNetProperties DEFAULTS = new JavaNetProperties(null, null, null);
    private static final String DEBIAN =
            "127.0.0.1 localhost\n127.0.1.1 box\n" + "::1 localhost ip6-localhost ip6-loopback\n";

    @TempDir Path dir;

    static final Platform LINUX = Platform.of("Linux", "6.1");
    static final Platform MAC = Platform.of("Mac OS X", "14.5");
    static final Platform WINDOWS = Platform.of("Windows 11", "10.0");

    private RecordingReport run(
            LocalhostLookup lookup, ResolverConfig config, JavaNetProperties properties)
            throws Exception {
        return run(lookup, config, properties, LINUX);
    }

    private RecordingReport run(
            LocalhostLookup lookup,
            ResolverConfig config,
            JavaNetProperties properties,
            Platform platform)
            throws Exception {
        LocalhostResolve experiment =
                new LocalhostResolve(lookup, () -> config, () -> properties, platform);
        RecordingReport report = new RecordingReport();
        experiment.run(Params.parse(experiment.params(), Map.of()), report);
        return report;
    }

    private ResolverConfig files(String hosts, String gai) throws IOException {
        Path hostsFile = Files.writeString(dir.resolve("hosts"), hosts);
        Path nsswitch =
                Files.writeString(
                        dir.resolve("nsswitch.conf"), "passwd: files\nhosts:          files dns\n");
        Path gaiConf = Files.writeString(dir.resolve("gai.conf"), gai);
        return ResolverConfig.read(hostsFile, nsswitch, gaiConf);
    }

    private static List<String> column(Event.Table table, int column) {
        return table.rows().stream().map(r -> r.get(column)).toList();
    }

    @Test
    void showsWhatLocalhostResolvesToOnThisMachineInJavasOrder() throws Exception {
        List<InetAddress> expected = LocalhostLookup.system().addresses();
        RecordingReport report =
                run(LocalhostLookup.system(), ResolverConfig.system(), JavaNetProperties.current());

        Event.Table answer = report.all(Event.Table.class).get(0);
        assertEquals(expected.stream().map(IpLiteral::format).toList(), column(answer, 1));
        assertTrue(column(answer, 3).stream().allMatch("yes"::equals), answer.toString());
        assertTrue(report.narration().startsWith("Here localhost"), report.narration());
    }

    @Test
    void listsThisMachinesHostsLinesThatNameLocalhost() throws Exception {
        assumeTrue(Files.isReadable(HostsFile.systemPath()), "needs a hosts file");
        List<HostsFile.Entry> lines = HostsFile.read(HostsFile.systemPath()).naming("localhost");
        RecordingReport report =
                run(LocalhostLookup.system(), ResolverConfig.system(), JavaNetProperties.current());

        Event.Table hosts = report.all(Event.Table.class).get(1);
        assertEquals(
                lines.stream().map(e -> Integer.toString(e.line())).toList(), column(hosts, 0));
        assertEquals(
                lines.stream().map(e -> IpLiteral.format(e.address())).toList(), column(hosts, 1));
    }

    @Test
    void explainsJavasIpv4FirstOrderWhenTheHostsFileGivesBoth() throws Exception {
        RecordingReport report =
                run(() -> List.of(V4, V6), files(DEBIAN, "# all comments\n"), DEFAULTS);

        assertEquals(List.of("127.0.0.1", "::1"), column(report.all(Event.Table.class).get(1), 1));
        assertEquals(List.of("10", "50"), column(report.all(Event.Table.class).get(0), 4));
        String reading = report.narration();
        assertTrue(
                reading.contains("Java put 127.0.0.1 first; its order is IPv4 addresses first"),
                reading);
        assertTrue(
                reading.contains(
                        "gets ::1 first: glibc sorts with RFC 3484's table, which gives ::1"
                                + " precedence 50 and IPv4 10."),
                reading);
        assertEquals("no rules", fact(report, "/etc/gai.conf").value());
        assertEquals("hosts:          files dns", fact(report, "/etc/nsswitch.conf").value());
    }

    @Test
    void saysWhenTheHostsFileHasNoIpv6Line() throws Exception {
        RecordingReport report =
                run(() -> List.of(V4), files("127.0.0.1 localhost\n", ""), DEFAULTS);

        assertTrue(
                report.narration().contains("The hosts file has no ::1 line for localhost"),
                report.narration());
        assertEquals(
                "127.0.0.1",
                fact(report, "Java's new Socket(\"localhost\", port) connects to").value());
    }

    @Test
    void blamesPreferIpv4StackWhenJavaDropsTheIpv6Line() throws Exception {
        RecordingReport report =
                run(
                        () -> List.of(V4),
                        files(DEBIAN, ""),
                        new JavaNetProperties(null, "true", null));

        assertTrue(
                report.narration().contains("java.net.preferIPv4Stack=true makes Java drop IPv6"),
                report.narration());
        assertEquals("true", fact(report, "java.net.preferIPv4Stack").value());
    }

    @Test
    void reportsThePropertiesAsSetAndCustomGaiRules() throws Exception {
        RecordingReport report =
                run(
                        () -> List.of(V6, V4),
                        files(DEBIAN, "precedence ::ffff:0:0/96 100\n"),
                        new JavaNetProperties("system", null, "/tmp/h"));

        Event.Fact order = fact(report, "java.net.preferIPv6Addresses");
        assertEquals("system", order.value());
        assertTrue(order.note().contains("the operating system's order"), order.note());
        assertEquals("/tmp/h", fact(report, "jdk.net.hosts.file").value());
        assertEquals("precedence ::ffff:0:0/96 100", fact(report, "/etc/gai.conf").value());
        assertTrue(
                report.narration()
                        .contains("unless /etc/gai.conf changes the table, as it does here"));
    }

    @Test
    void warnsWhenLocalhostIsNotLoopback() throws Exception {
        InetAddress foreign = InetAddress.getByAddress(new byte[] {10, 0, 0, 5});
        RecordingReport report =
                run(() -> List.of(foreign), files("10.0.0.5 localhost\n", ""), DEFAULTS);

        assertTrue(
                report.warnings()
                        .contains(
                                "localhost resolves to 10.0.0.5 here, which is not a"
                                        + " loopback address"),
                report.warnings());
        assertEquals(List.of("no"), column(report.all(Event.Table.class).get(0), 3));
    }

    @Test
    void warnsWhenLocalhostDoesNotResolveOrTheHostsFileIsMissing() throws Exception {
        ResolverConfig missing =
                ResolverConfig.read(dir.resolve("none"), dir.resolve("none"), dir.resolve("none"));
        RecordingReport report =
                run(
                        () -> {
                            throw new UnknownHostException("localhost: Name or service not known");
                        },
                        missing,
                        DEFAULTS);

        assertTrue(report.warnings().contains("localhost does not resolve on this machine at all"));
        assertTrue(report.warnings().contains("does not exist"), report.warnings());
        assertEquals(List.of(), report.all(Event.Table.class).get(0).rows());
        assertFalse(report.narration().contains("Here localhost"));
    }

    @Test
    void warnsAboutALocalhostLineItCouldNotRead() throws Exception {
        RecordingReport report =
                run(
                        () -> List.of(V4),
                        files("127.0.0.1 localhost\nfe80::1%lo0 localhost\n", ""),
                        DEFAULTS);

        assertTrue(
                report.warnings()
                        .contains(
                                "Line 2 (fe80::1%lo0 localhost) was not read: an IPv6"
                                        + " address with a zone (%lo0)"),
                report.warnings());
    }

    private static Event.Fact fact(RecordingReport report, String label) {
        return report.all(Event.Fact.class).stream()
                .filter(f -> f.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no fact " + label + " in " + report.events));
    }

    @Test
    void macAndWindowsAreNotToldAboutGlibcOrGaiConf() throws Exception {
        for (Platform platform : List.of(MAC, WINDOWS)) {
            RecordingReport report =
                    run(() -> List.of(V4, V6), files(DEBIAN, ""), DEFAULTS, platform);
            String all = report.narration() + report.all(Event.Fact.class);
            assertFalse(all.contains("gai.conf: glibc"), all);
            assertFalse(all.contains("glibc sorts"), all);
            assertTrue(
                    report.all(Event.Fact.class).stream()
                            .noneMatch(f -> f.label().equals("/etc/gai.conf")),
                    all);
            assertEquals(
                    List.of("— (not glibc)", "— (not glibc)"),
                    column(report.all(Event.Table.class).get(0), 4));
            assertTrue(
                    fact(report, "address sorting").value().contains(platform.name()),
                    fact(report, "address sorting").toString());
        }
    }

    @Test
    void aMacWithItsShippedHostsFileIsToldBothLinesAndItsOwnResolver() throws Exception {
        String hosts = PlatformFixture.load("macos/etc-hosts.txt").body();
        RecordingReport report = run(() -> List.of(V4, V6), files(hosts, ""), DEFAULTS, MAC);

        assertEquals(
                List.of("127.0.0.1", "::1"),
                column(report.table("Lines of "), 1),
                "macOS ships both localhost lines");
        String said = report.narration();
        assertTrue(said.contains("Here localhost has both loopback addresses. Java put 127.0.0.1"));
        assertTrue(said.contains("the order of macOS's own resolver"), said);
        assertFalse(said.contains("glibc"), said);
        assertFalse(said.contains("No hosts-file line"), said);
        assertEquals("", report.warnings());
    }

    @Test
    void aWindowsWithItsDefaultHostsFileIsToldWindowsAnswersItselfNotSystemd() throws Exception {
        String hosts = PlatformFixture.load("windows/hosts.txt").crlf();
        RecordingReport report = run(() -> List.of(V4, V6), files(hosts, ""), DEFAULTS, WINDOWS);

        assertEquals(List.of(), report.table("Lines of ").rows(), "both lines are comments");
        String said = report.narration();
        assertTrue(
                said.contains(
                        "No hosts-file line names localhost, as on every Windows by default:"
                                + " Windows answers for localhost itself"),
                said);
        assertFalse(said.contains("systemd"), said);
        assertTrue(said.contains("Windows' prefix policy table"), said);
        assertEquals("", report.warnings());
    }

    @Test
    void linuxWithoutALocalhostLineIsPointedAtNsswitch() throws Exception {
        RecordingReport report =
                run(() -> List.of(V4, V6), files("127.0.1.1 box\n", ""), DEFAULTS, LINUX);

        assertTrue(
                report.narration().contains("the next source in /etc/nsswitch.conf"),
                report.narration());
        assertFalse(report.narration().contains("as on every Windows"));
    }
}
