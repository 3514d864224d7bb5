package dev.loopbacklab.experiments.db;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.SocketTable;
import java.util.ArrayList;
import java.util.List;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;

/**
 * Starts H2's TCP server twice, without and with {@code -tcpAllowOthers}, and compares what can be
 * seen from this machine: H2's status line, the listening address and JDBC sessions through three
 * loopback addresses. Connections from other machines are the switch's real subject, and the lab
 * never makes them; H2's refusal text is shown from its own message table instead.
 */
final class DbAllowOthers extends AbstractExperiment {

    DbAllowOthers() {
        super(
                "db-allow-others",
                "H2's \"allow others\" switch",
                "Starts H2 without and with -tcpAllowOthers and compares the two from this machine:"
                        + " status, listening address, and JDBC sessions through 127.0.0.1, 127.0.0.2 and ::1.");
    }

    @Override
    public void warmUp() {
        LabDatabase.warmUp();
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        List<String> listening = new ArrayList<>();
        boolean allConnected = true;
        Platform platform = Platform.current();
        report.say(
                "Starting H2's TCP server twice, without and then with -tcpAllowOthers, and logging"
                        + " in through each loopback address…");
        for (boolean allowOthers : new boolean[] {false, true}) {
            report.checkCancelled();
            String mode = allowOthers ? "with -tcpAllowOthers" : "without";
            try (LabDatabase db = LabDatabase.start(allowOthers)) {
                report.closeOnCancel(db);
                report.fact("H2 says, " + mode, db.status());
                String listens =
                        String.join(
                                ", ", db.listeningRows().stream().map(row -> row.get(1)).toList());
                listening.add(listens.replace(":" + db.port(), ":<port>"));
                if (allowOthers) {
                    report.fact(
                            "the run's login may run Java code",
                            codeRefusal(db),
                            "",
                            "CREATE ALIAS, tried as "
                                    + LabDatabase.USER
                                    + ": an open H2 login is code execution only when it is an"
                                    + " admin, and this one is not");
                }
                for (String host : DbTcp.HOSTS) {
                    report.checkCancelled();
                    String outcome;
                    if (DbTcp.configured(DbTcp.addressOf(host))) {
                        LabDatabase.Attempt attempt = db.attempt(host);
                        allConnected &= attempt.connected() || !host.equals("127.0.0.1");
                        outcome = attempt.outcome();
                    } else {
                        outcome = DbReading.notTried(platform);
                    }
                    rows.add(
                            List.of(
                                    mode,
                                    listens.isEmpty() ? "(socket table not available)" : listens,
                                    host,
                                    outcome));
                }
            }
        }
        report.table(
                "The same server, without and with -tcpAllowOthers",
                List.of("H2 started", "listening on", "JDBC through", "JDBC session"),
                rows);
        report.fact(
                "127.0.0.2 is loopback",
                DbTcp.addressOf("127.0.0.2").isLoopbackAddress(),
                "",
                "InetAddress.isLoopbackAddress(): all of 127.0.0.0/8 is loopback, and H2 asks exactly"
                        + " this question about the client's address");
        report.say(DbReading.compared(allConnected, listening, SocketTable.listable()));
        report.fact(
                "what another machine gets without the switch",
                DbException.get(ErrorCode.REMOTE_CONNECTION_NOT_ALLOWED).getMessage(),
                "",
                "H2's own message "
                        + ErrorCode.REMOTE_CONNECTION_NOT_ALLOWED
                        + ", from its message table:"
                        + " the lab never connects from outside loopback, so it cannot show it live");
        report.say(
                "Had H2 listened on every address, as it does unless told otherwise, the TCP"
                        + " handshake from the network would succeed in both modes: without the"
                        + " switch H2 refuses the session afterwards; with it, anyone who can reach"
                        + " the port may log in, and a user sa with an empty password is then an open"
                        + " door (an admin may CREATE ALIAS: run Java inside the server). The lab's"
                        + " two servers lasted this run only, listened on 127.0.0.1, and their only"
                        + " login had a password made for this run, never shown.");
    }

    /** What H2 answers when the run's own login tries to define a Java function. */
    private static String codeRefusal(LabDatabase db) {
        try (java.sql.Connection connection = db.connect("127.0.0.1");
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute(
                    "CREATE ALIAS LAB_PROBE FOR 'java.lang.System.getProperty(java.lang.String)'");
            return "yes: CREATE ALIAS was accepted";
        } catch (java.sql.SQLException e) {
            return "no: " + e.getMessage();
        }
    }
}
