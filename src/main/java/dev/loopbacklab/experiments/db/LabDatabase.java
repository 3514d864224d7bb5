package dev.loopbacklab.experiments.db;

import dev.loopbacklab.net.SocketTable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.h2.tools.Server;

/**
 * An H2 TCP server started for one run, with an in-memory database that exists while this object is
 * open. H2 does not let a TCP client create a database (unless started with {@code -ifNotExists}),
 * so the database is created here, in the server's own process, through an embedded connection that
 * is held until {@link #close()}.
 */
final class LabDatabase implements AutoCloseable {
    /**
     * How long a JDBC client waits for the server's answer, so a silent server cannot hang a run.
     */
    static final int NETWORK_TIMEOUT_MILLIS = 2_000;

    private final Server server;
    private final Connection holder;
    private final String name;

    private LabDatabase(Server server, Connection holder, String name) {
        this.server = server;
        this.holder = holder;
        this.name = name;
    }

    /**
     * Starts H2's TCP server on a port the OS picks (H2 accepts {@code -tcpPort 0}).
     *
     * @param allowOthers whether to pass {@code -tcpAllowOthers}
     */
    static LabDatabase start(boolean allowOthers) throws SQLException {
        List<String> args = new ArrayList<>(List.of("-tcpPort", "0", "-tcpDaemon"));
        if (allowOthers) {
            args.add("-tcpAllowOthers");
        }
        Server server = Server.createTcpServer(args.toArray(String[]::new)).start();
        // One database per server, so two runs at the same time never share a table.
        String name = "lab" + server.getPort();
        try {
            return new LabDatabase(
                    server, DriverManager.getConnection("jdbc:h2:mem:" + name, "sa", ""), name);
        } catch (SQLException | RuntimeException e) {
            server.stop();
            throw e;
        }
    }

    int port() {
        return server.getPort();
    }

    /** H2's own one-line status, such as "TCP server running at … (only local connections)". */
    String status() {
        return server.getStatus();
    }

    /** The JDBC URL through {@code host} ("127.0.0.1", "127.0.0.2" or "[::1]"). */
    String url(String host) {
        return url(host, port(), "mem:" + name);
    }

    static String url(String host, int port, String database) {
        return "jdbc:h2:tcp://" + host + ":" + port + "/" + database;
    }

    /** A JDBC connection as user sa with an empty password, bounded by the network timeout. */
    static Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "sa");
        properties.setProperty("password", "");
        properties.setProperty("NETWORK_TIMEOUT", Integer.toString(NETWORK_TIMEOUT_MILLIS));
        return DriverManager.getConnection(url, properties);
    }

    /** The client's address and port as the server saw them, for the connection that asks. */
    static String clientAddress(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row =
                        statement.executeQuery(
                                "SELECT CLIENT_ADDR FROM INFORMATION_SCHEMA.SESSIONS"
                                        + " WHERE SESSION_ID = SESSION_ID()")) {
            return row.next() ? row.getString(1) : "?";
        }
    }

    /** What one JDBC connection through {@code host} did: the client address, or H2's message. */
    record Attempt(String host, boolean connected, String outcome) {}

    Attempt attempt(String host) {
        try (Connection connection = connect(url(host))) {
            return new Attempt(
                    host, true, "connected; H2 saw the client at " + clientAddress(connection));
        } catch (SQLException e) {
            return new Attempt(host, false, e.getMessage());
        }
    }

    /** This machine's listening sockets on the server's port, as rows (empty off Linux). */
    List<List<String>> listeningRows() {
        List<List<String>> rows = new ArrayList<>();
        for (SocketTable.Entry entry : SocketTable.listening()) {
            if (entry.localPort() == port()) {
                rows.add(
                        List.of(
                                entry.protocol(),
                                entry.localEndpoint(),
                                entry.isLoopbackOnly()
                                        ? "yes"
                                        : "no: every address of this machine"));
            }
        }
        return rows;
    }

    /** True if the socket table shows the server on a wildcard address. */
    boolean listensEverywhere() {
        return listeningRows().stream().anyMatch(row -> row.get(2).startsWith("no"));
    }

    @Override
    public void close() {
        try {
            holder.close();
        } catch (SQLException e) {
            // closing an in-memory database cannot lose anything; the server stops anyway
        } finally {
            server.stop();
        }
    }
}
