package dev.loopbacklab.experiments.db;

import dev.loopbacklab.lesson.Check;
import dev.loopbacklab.lesson.ExperimentInfo;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.PortCategory;
import dev.loopbacklab.net.Ports;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.h2.api.ErrorCode;

/**
 * Checks that the learner's own H2 TCP server answers on 127.0.0.1: connects with JDBC to an
 * in-memory database {@code mem:check} as user sa and runs {@code SELECT 1}.
 */
final class DbYours implements Check {
    static final int DEFAULT_PORT = 9092;
    static final String DATABASE = "mem:check";

    static final ExperimentInfo INFO =
            new ExperimentInfo(
                    "db-yours",
                    "Your own H2 server",
                    "Start an H2 TCP server of your own on this machine, then check it: the lab connects"
                            + " with JDBC to "
                            + DATABASE
                            + " on 127.0.0.1 and runs SELECT 1.",
                    ParamSpec.port(
                            "port",
                            DEFAULT_PORT,
                            "the port your H2 server listens on; "
                                    + DEFAULT_PORT
                                    + " (H2's default) unless you chose another"));

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    @Override
    public void run(Params params, Report report) throws Exception {
        int port = params.port("port");
        String url = LabDatabase.url("127.0.0.1", port, DATABASE);
        try (Connection connection = LabDatabase.connect(url, "sa", "")) {
            report.closeOnCancel(connection);
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT 1")) {
                row.next();
                report.verdict(
                        true,
                        "Your H2 server answered: SELECT 1 returned " + row.getInt(1) + ".",
                        "URL: " + url,
                        "server: "
                                + connection.getMetaData().getDatabaseProductName()
                                + " "
                                + connection.getMetaData().getDatabaseProductVersion(),
                        "it saw the lab coming from " + LabDatabase.clientAddress(connection));
            }
        } catch (SQLException e) {
            fail(report, port, url, e);
        }
    }

    /**
     * How to start a server the check can reach: on the port asked about, unless it is a well-known
     * port a normal user's H2 could not take; then on H2's default, to check there.
     */
    static String startHint(int port) {
        String start =
                "org.h2.tools.Server.createTcpServer(\"-tcpPort\", \"%d\", \"-ifNotExists\").start()";
        if (Ports.classify(port).category() == PortCategory.WELL_KNOWN) {
            return "Port "
                    + port
                    + " is a well-known port, which a program run by a normal user usually may"
                    + " not listen on. Start your server on H2's default port instead, e.g. in"
                    + " JShell: "
                    + String.format(Locale.ROOT, start, DEFAULT_PORT)
                    + ", then check port "
                    + DEFAULT_PORT
                    + ".";
        }
        return "Start your server first, e.g. in JShell: "
                + String.format(Locale.ROOT, start, port);
    }

    private static void fail(Report report, int port, String url, SQLException e) {
        String said = "H2's driver said: " + e.getMessage();
        if (e.getCause() instanceof ConnectException) {
            report.verdict(
                    false,
                    "Connection refused: nothing is listening on 127.0.0.1:" + port + ".",
                    said,
                    startHint(port));
        } else if (e.getErrorCode() == ErrorCode.REMOTE_DATABASE_NOT_FOUND_1) {
            report.verdict(
                    false,
                    "An H2 server answered, but it will not create "
                            + DATABASE
                            + " for a TCP client.",
                    said,
                    "Start it with \"-ifNotExists\" as well, or create the"
                            + " database in the server's own JVM first: DriverManager.getConnection("
                            + "\"jdbc:h2:"
                            + DATABASE
                            + "\") and keep that connection open.");
        } else if (e.getErrorCode() == ErrorCode.CONNECTION_BROKEN_1) {
            report.verdict(
                    false,
                    "Something is listening on 127.0.0.1:"
                            + port
                            + ", but it does not"
                            + " speak H2's protocol.",
                    said,
                    "URL: " + url,
                    "Is it another server on that port?"
                            + " The who-is-listening lesson shows how to find out which program owns it.");
        } else {
            report.verdict(false, "The JDBC connection to " + url + " failed.", said);
        }
    }
}
