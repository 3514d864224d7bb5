package dev.loopbacklab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.CapturedErr;
import dev.loopbacklab.testing.RawHttp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Object command, String... args) {
        CommandLine cli = command == null ? Main.commandLine() : new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void aHostThatIsNotThisMachinesIsSaidSo() throws Exception {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): documentation only, never a real machine's
        InetAddress foreign = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1});
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.net.NetworkInterface.getByInetAddress(foreign) == null,
                "this machine has 192.0.2.1");
        ServeCommand serve = new ServeCommand();
        serve.block = false;
        assertEquals(2, run(serve, "--host", "192.0.2.1", "--port", "0"));
        assertTrue(
                err.toString().contains("192.0.2.1 is not an address of this machine"),
                err.toString());
        assertFalse(err.toString().contains("already in use"), err.toString());
        assertEquals(null, serve.server);
    }

    private static ServerSocket holdPort() throws Exception {
        ServerSocket held = new ServerSocket();
        held.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        return held;
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "70000", "-1", "+80", "080", "٨٠", "", "1e3"})
    void badPortsAreUsageErrorsWithStatus2(String port) {
        assertEquals(2, run(null, "serve", "--port", port));
        assertTrue(err.toString().contains("--port"), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
    }

    @Test
    void aBusyExplicitPortExitsWithStatus2AndSaysWhy() throws Exception {
        try (ServerSocket held = holdPort()) {
            ServeCommand serve = new ServeCommand();
            serve.block = false;
            assertEquals(2, run(serve, "--port", Integer.toString(held.getLocalPort())));
            assertTrue(
                    err.toString()
                            .contains(
                                    "Port "
                                            + held.getLocalPort()
                                            + " on 127.0.0.1 is already in use"),
                    err.toString());
        }
    }

    @Test
    void aBusyDefaultPortFallsBackToOneTheOsPicks() throws Exception {
        try (ServerSocket held = holdPort()) {
            ServeCommand serve = new ServeCommand();
            serve.block = false;
            serve.defaultPort = held.getLocalPort();
            String logged;
            try (CapturedErr err = CapturedErr.start()) {
                assertEquals(0, run(serve));
                logged = err.text();
            }
            try {
                assertFalse(
                        logged.contains("Failed to start"),
                        "no error is logged for a fallback that works: " + logged);
                String text = out.toString();
                assertTrue(
                        text.contains(
                                "Port "
                                        + held.getLocalPort()
                                        + " is busy: another program is already "
                                        + "listening on 127.0.0.1:"
                                        + held.getLocalPort()),
                        text);
                assertEquals(1, text.lines().filter(l -> l.contains("http://")).count(), text);
                assertTrue(text.contains("Loopback Lab is running at " + serve.server.url()), text);
                assertNotEquals(held.getLocalPort(), serve.server.port());
                assertEquals(200, RawHttp.get(serve.server.port(), "/", "127.0.0.1").status());
            } finally {
                serve.server.close();
            }
        }
    }

    @Test
    void serveOnAFreePortPrintsExactlyOneUrlLine() throws Exception {
        ServeCommand serve = new ServeCommand();
        serve.block = false;
        assertEquals(0, run(serve, "--port", "0"));
        try {
            assertEquals(
                    1, out.toString().lines().filter(l -> l.contains("http://127.0.0.1:")).count());
            assertEquals(
                    200,
                    RawHttp.get(serve.server.port(), "/lessons/you-are-here", "localhost")
                            .status());
        } finally {
            serve.server.close();
        }
    }

    @Test
    void listPrintsTheLessonsInOrder() {
        assertEquals(0, run(null, "list"));
        assertTrue(
                out.toString()
                        .lines()
                        .findFirst()
                        .orElse("")
                        .matches(
                                "00\\s+you-are-here\\s+You are reading 127\\.0\\.0\\.1:<port>\\s+10 min"),
                out.toString());
    }

    @Test
    void versionAndHelpWork() {
        assertEquals(0, run(null, "--version"));
        assertTrue(out.toString().startsWith("Loopback Lab "), out.toString());
        assertEquals(0, run(null, "--help"));
        assertTrue(out.toString().contains("serve") && out.toString().contains("list"));
    }

    @Test
    void unknownExperimentsAreUsageErrors() {
        assertEquals(2, run(null, "run", "no-such-experiment"));
        assertTrue(err.toString().contains("There is no experiment named \"no-such-experiment\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--max-runs=0", "--max-runs=257", "--run-starts=0", "--max-runs=x"})
    void runLimitsOutOfBoundsAreUsageErrors(String option) {
        assertEquals(2, run(null, "serve", "--port", "0", option));
    }

    @Test
    void noSubcommandServesWithServesDefaults() throws Exception {
        try (ServerSocket held = holdPort()) {
            CommandLine cli = Main.commandLine();
            ServeCommand serve = cli.getSubcommands().get("serve").getCommand();
            serve.block = false;
            serve.defaultPort = held.getLocalPort();
            cli.setOut(new PrintWriter(out, true));
            assertEquals(0, cli.execute());
            try {
                assertTrue(serve.server.url().startsWith("http://127.0.0.1:"), serve.server.url());
                assertTrue(
                        out.toString()
                                .contains("Loopback Lab is running at " + serve.server.url()));
            } finally {
                serve.server.close();
            }
        }
    }
}
