package dev.loopbacklab.experiments.db;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The JDBC half of {@code db-yours}, run in a JVM of its own with a small heap: H2's driver trusts
 * the server's length fields (a fake server announcing a 200,000,000-character string made the lab
 * allocate it), and a server that trickles bytes keeps it reading for as long as it likes. In a
 * child process both are bounded: its heap is small, and the lab kills it at the run's deadline.
 *
 * <p>Prints {@code ok}, then the value of {@code SELECT 1}, the server's name and version, and the
 * address it saw; or {@code error}, then H2's error code, whether the connection was refused, and
 * the message. One line each, at most {@value #MAX_LINE} characters.
 */
final class DbYoursProbe {
    static final int MAX_LINE = 500;

    private DbYoursProbe() {}

    public static void main(String[] args) {
        String url = LabDatabase.url("127.0.0.1", Integer.parseInt(args[0]), args[1]);
        try (Connection connection = LabDatabase.connect(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT 1")) {
            row.next();
            print(
                    "ok",
                    Integer.toString(row.getInt(1)),
                    connection.getMetaData().getDatabaseProductName()
                            + " "
                            + connection.getMetaData().getDatabaseProductVersion(),
                    LabDatabase.clientAddress(connection));
        } catch (SQLException e) {
            print(
                    "error",
                    Integer.toString(e.getErrorCode()),
                    Boolean.toString(e.getCause() instanceof ConnectException),
                    String.valueOf(e.getMessage()));
        }
    }

    private static void print(String... lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            String one = line.replace('\r', ' ').replace('\n', ' ');
            out.append(one, 0, Math.min(one.length(), MAX_LINE)).append('\n');
        }
        System.out.print(out);
        System.out.flush();
    }
}
