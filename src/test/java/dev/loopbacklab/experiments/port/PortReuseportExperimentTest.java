package dev.loopbacklab.experiments.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.testing.RecordingReport;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortReuseportExperimentTest {
    private final PortReuseportExperiment experiment = new PortReuseportExperiment();

    private static boolean offered() throws Exception {
        try (ServerSocketChannel channel = ServerSocketChannel.open()) {
            return channel.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
        }
    }

    @Test
    void saysWhetherTheOsOffersTheOptionAsTheJdkReportsIt() throws Exception {
        RecordingReport report = RecordingReport.completed(experiment, Map.of("connections", "4"));

        assertEquals(offered() ? "yes" : "no", report.factValue("SO_REUSEPORT offered here"));
    }

    @Test
    void theSecondListenerWithoutTheOptionIsRefused() {
        Event.Table table =
                RecordingReport.completed(experiment, Map.of("connections", "4"))
                        .table("Listening on 127.0.0.1:");

        assertEquals(
                "BindException: Address already in use",
                RecordingReport.cell(table, "second, without the option", "result"));
    }

    @Test
    void withTheOptionBothBindAndEveryConnectionIsCounted() throws Exception {
        assumeTrue(offered(), "SO_REUSEPORT is not offered on this OS");
        RecordingReport report = RecordingReport.completed(experiment, Map.of("connections", "60"));

        assertEquals(
                "bound",
                RecordingReport.cell(
                        report.table("Listening on 127.0.0.1:"),
                        "second, with the option",
                        "result"));
        Event.Table spread = report.table("60 connections");
        int first = Integer.parseInt(RecordingReport.cell(spread, "first", "connections accepted"));
        int second =
                Integer.parseInt(RecordingReport.cell(spread, "second", "connections accepted"));
        assertEquals(60, first + second);
    }

    @Test
    void linuxSpreadsConnectionsOverBothListeners() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux balances");
        // 60 connections from 60 different source ports: with a hash over the 4-tuple, all of them
        // landing on one of two listeners has a chance of 2^-59.
        RecordingReport report = RecordingReport.completed(experiment, Map.of("connections", "60"));
        Event.Table spread = report.table("60 connections");

        assertTrue(
                Integer.parseInt(RecordingReport.cell(spread, "first", "connections accepted")) > 0,
                spread.toString());
        assertTrue(
                Integer.parseInt(RecordingReport.cell(spread, "second", "connections accepted"))
                        > 0,
                spread.toString());
    }

    @Test
    void leavesNoListeningSocketBehind() {
        assumeTrue(SocketTable.available(), "needs Linux /proc/net/tcp");
        Set<String> before = OwnListeners.now();
        RecordingReport.completed(experiment, Map.of("connections", "10"));
        assertEquals(before, OwnListeners.now());
    }
}
