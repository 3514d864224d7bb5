package dev.loopbacklab.experiments.db;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.Listeners;
import dev.loopbacklab.net.LoopbackTarget;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.Probe;
import dev.loopbacklab.net.ProbeResult;
import dev.loopbacklab.net.SocketTable;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts H2's TCP server without {@code -tcpAllowOthers}, stores and reads a row through JDBC, and
 * shows where the server really listens and who can connect to it.
 */
final class DbTcp extends AbstractExperiment {
    /** The loopback addresses tried, as written in a JDBC URL; never anything else. */
    static final List<String> HOSTS = List.of("127.0.0.1", "127.0.0.2", "[::1]");

    DbTcp() {
        super(
                "db-tcp",
                "A database server on loopback",
                "Starts H2 in TCP mode (the OS picks the port), creates a table, stores and reads a row"
                        + " through JDBC, and shows the address the server listens on and who gets in.");
    }

    @Override
    public void warmUp() {
        LabDatabase.warmUp();
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        // said first: a cold start of H2's engine takes a moment
        report.say(
                "Starting H2's TCP server without -tcpAllowOthers, with -tcpPort 0 so that the"
                        + " operating system picks the port…");
        try (LabDatabase db = LabDatabase.start(false)) {
            report.closeOnCancel(db);
            report.say("It is running: the operating system picked port " + db.port() + ".");
            report.fact("H2 says", db.status());
            String url = db.url("127.0.0.1");
            report.fact(
                    "JDBC URL",
                    url,
                    "",
                    "user "
                            + LabDatabase.USER
                            + " with a password made for this run and never shown: not an admin,"
                            + " it may only read and add rows of "
                            + LabDatabase.TABLE
                            + ". mem: means the data lives in the server's memory and is gone when"
                            + " it stops");
            try (Connection connection = db.connect("127.0.0.1")) {
                report.closeOnCancel(connection);
                report.fact(
                        "row read back",
                        storeAndRead(connection),
                        "",
                        "INSERT and SELECT, each sent over TCP to the server (the table was made"
                                + " inside the server's own JVM)");
                String client = LabDatabase.clientAddress(connection);
                report.fact(
                        "client source port",
                        client.substring(client.lastIndexOf(':') + 1),
                        "",
                        "H2 saw this connection coming from "
                                + client
                                + " (INFORMATION_SCHEMA.SESSIONS):"
                                + " an ephemeral port the OS gave the JDBC driver");
            }
            report.checkCancelled();
            showListening(report, db);
            report.checkCancelled();
            showWhoGetsIn(report, db);
        }
    }

    private static String storeAndRead(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute(
                    "INSERT INTO " + LabDatabase.TABLE + " VALUES (1, 'hello over loopback')");
            try (ResultSet row =
                    statement.executeQuery("SELECT id, text FROM " + LabDatabase.TABLE)) {
                return row.next() ? row.getInt(1) + " | " + row.getString(2) : "(no row)";
            }
        }
    }

    static void showListening(Report report, LabDatabase db) {
        if (!SocketTable.listable()) {
            report.warn(
                    "The lab cannot read this system's socket table; in a terminal, try: "
                            + Platform.current().listenersCommand()
                            + " and look for port "
                            + db.port());
            return;
        }
        List<List<String>> rows = db.listeningRows();
        report.table(
                "Where H2 listens: this machine's socket table, port " + db.port(),
                List.of("protocol", "local address", "loopback only?"),
                rows);
        report.say(DbReading.listening(rows));
    }

    private static void showWhoGetsIn(Report report, LabDatabase db) {
        Platform platform = Platform.current();
        List<DbReading.Tried> tried = new ArrayList<>();
        for (String host : HOSTS) {
            report.checkCancelled();
            InetAddress address = addressOf(host);
            if (!configured(address)) {
                tried.add(
                        new DbReading.Tried(
                                host,
                                address.isLoopbackAddress(),
                                Optional.empty(),
                                Optional.empty()));
                continue;
            }
            ProbeResult tcp =
                    Probe.connect(
                            address, db.port(), report.deadline().timeout(DbReading.PROBE_TIMEOUT));
            tried.add(
                    new DbReading.Tried(
                            host,
                            address.isLoopbackAddress(),
                            Optional.of(tcp),
                            Optional.of(db.attempt(host))));
        }
        report.table(
                "Who gets in: a TCP handshake, then a JDBC session, through each loopback address",
                List.of(
                        "address",
                        "TCP connect (Probe.connect)",
                        "JDBC session",
                        "isLoopbackAddress()"),
                DbReading.whoGetsInRows(platform, tried));
        report.say(DbReading.whoGetsIn(platform, tried));
    }

    /**
     * True if this machine has {@code address}: 127.0.0.1 and ::1 always (where IPv6 exists),
     * 127.0.0.2 on Linux and Windows but not on a Mac without an alias, where a connect to it has
     * no fast refusal and would only wait for its timeout.
     */
    static boolean configured(InetAddress address) {
        return Listeners.canOpen(address);
    }

    static InetAddress addressOf(String host) {
        return LoopbackTarget.parse(host.replace("[", "").replace("]", "")).address();
    }
}
