package dev.loopbacklab.experiments.db;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.LoopbackTarget;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.Probe;
import dev.loopbacklab.net.ProbeResult;
import dev.loopbacklab.net.SocketTable;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
        report.table(
                "Where H2 listens: this machine's socket table, port " + db.port(),
                List.of("protocol", "local address", "loopback only?"),
                db.listeningRows());
        if (db.listensEverywhere()) {
            report.say(
                    "H2 did not bind 127.0.0.1: it listens on the wildcard address, every address of"
                            + " this machine, even without -tcpAllowOthers.");
        } else {
            report.say(
                    "H2 listens on 127.0.0.1 only, because the lab sets the system property"
                            + " h2.bindAddress=127.0.0.1. Left to itself H2 opens its socket without"
                            + " naming an address: every address of this machine, even without"
                            + " -tcpAllowOthers. The switch does not choose where H2 listens; it"
                            + " decides which connections H2 talks to once they are in.");
        }
    }

    private static void showWhoGetsIn(Report report, LabDatabase db) {
        List<List<String>> rows = new ArrayList<>();
        for (String host : HOSTS) {
            report.checkCancelled();
            InetAddress address = addressOf(host);
            ProbeResult tcp = Probe.connect(address, db.port(), Duration.ofSeconds(1));
            LabDatabase.Attempt jdbc = db.attempt(host);
            rows.add(
                    List.of(
                            host,
                            tcp.outcome() + ": " + tcp.detail(),
                            jdbc.outcome(),
                            address.isLoopbackAddress() ? "yes" : "no"));
        }
        report.table(
                "Who gets in: a TCP handshake, then a JDBC session, through each loopback address",
                List.of(
                        "address",
                        "TCP connect (Probe.connect)",
                        "JDBC session",
                        "isLoopbackAddress()"),
                rows);
        report.say(
                "Bound to 127.0.0.1, the server is not even reached through 127.0.0.2 or ::1: the"
                        + " operating system refuses those handshakes. Behind the socket H2 makes its"
                        + " own check: a session is let in when the client's address is a loopback"
                        + " address or one of this machine's own. Had H2 listened everywhere, a"
                        + " connection from another machine would finish the TCP handshake and only"
                        + " then be refused by H2.");
    }

    static InetAddress addressOf(String host) {
        return LoopbackTarget.parse(host.replace("[", "").replace("]", "")).address();
    }
}
