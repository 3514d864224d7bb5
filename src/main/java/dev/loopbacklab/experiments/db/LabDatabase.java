package dev.loopbacklab.experiments.db;

import dev.loopbacklab.net.RunFolders;
import dev.loopbacklab.net.SocketTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.h2.tools.Server;

/**
 * An H2 TCP server started for one run, with an in-memory database that exists while this object is
 * open. H2 does not let a TCP client create a database (unless started with {@code -ifNotExists}),
 * so the database is created here, in the server's own process, through an embedded connection that
 * is held until {@link #close()}.
 *
 * <p>Nothing it starts is a login anyone else can use (the lab runs on machines shared with other
 * programs, and in a room any visitor can start a run): the server listens on 127.0.0.1 only, the
 * database's admin has a random password that never leaves this object, the run's own client logs
 * in as {@link #USER}, a non-admin user with another random password who may only read and add rows
 * of one table (H2 gives no code execution, no {@code CREATE ALIAS}, no file functions to a
 * non-admin), no file database is reachable ({@code -baseDir} is an empty folder of its own), and
 * the server stops as soon as the run is done with it.
 */
final class LabDatabase implements AutoCloseable {
    /**
     * How long a JDBC client waits for the server's answer, so a silent server cannot hang a run.
     */
    static final int NETWORK_TIMEOUT_MILLIS = 2_000;

    /** The user the run's own client logs in as: not an admin. */
    static final String USER = "LEARNER";

    /** The one table {@link #USER} may use, with SELECT and INSERT only. */
    static final String TABLE = "GREETING";

    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        H2Bind.loopbackOnly();
    }

    private final Server server;
    private final Connection holder;
    private final String name;
    private final String password;
    private final Path baseDir;

    private LabDatabase(
            Server server, Connection holder, String name, String password, Path baseDir) {
        this.server = server;
        this.holder = holder;
        this.name = name;
        this.password = password;
        this.baseDir = baseDir;
    }

    /**
     * Starts H2's TCP server on 127.0.0.1 and a port the OS picks (H2 accepts {@code -tcpPort 0}).
     *
     * @param allowOthers whether to pass {@code -tcpAllowOthers}
     * @throws IllegalStateException if H2 would listen on every address of this machine
     */
    static LabDatabase start(boolean allowOthers) throws SQLException, IOException {
        Path baseDir = RunFolders.create();
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "-tcpPort",
                                "0",
                                "-tcpDaemon",
                                "-tcpPassword",
                                secret(),
                                "-baseDir",
                                baseDir.toString()));
        if (allowOthers) {
            args.add("-tcpAllowOthers");
        }
        Server server = Server.createTcpServer(args.toArray(String[]::new)).start();
        try {
            requireLoopbackOnly(server);
            // One database per server, so two runs at the same time never share a table.
            String name = "lab" + server.getPort();
            String password = secret();
            Connection holder =
                    DriverManager.getConnection("jdbc:h2:mem:" + name, "LAB_ADMIN", secret());
            try (Statement statement = holder.createStatement()) {
                statement.execute("CREATE USER " + USER + " PASSWORD '" + password + "'");
                statement.execute(
                        "CREATE TABLE " + TABLE + " (id INT PRIMARY KEY, text VARCHAR(100))");
                statement.execute("GRANT SELECT, INSERT ON " + TABLE + " TO " + USER);
            } catch (SQLException e) {
                holder.close();
                throw e;
            }
            return new LabDatabase(server, holder, name, password, baseDir);
        } catch (SQLException | RuntimeException e) {
            server.stop();
            Files.deleteIfExists(baseDir);
            throw e;
        }
    }

    /**
     * Loads and first-runs H2's engine without a server or a socket: a private in-memory database
     * (gone when its one connection closes) takes the statements a run makes. Cold, loading the
     * engine was most of db-tcp's wait for its results (bench/README.md, {@code first-event}); the
     * lab calls this in the background once the lesson's page is open. A failure here is left for
     * the real run to meet and report.
     */
    static void warmUp() {
        try (Connection connection =
                        DriverManager.getConnection("jdbc:h2:mem:", "LAB_ADMIN", secret());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE USER " + USER + " PASSWORD '" + secret() + "'");
            statement.execute("CREATE TABLE " + TABLE + " (id INT PRIMARY KEY, text VARCHAR(100))");
            statement.execute("GRANT SELECT, INSERT ON " + TABLE + " TO " + USER);
            statement.execute("INSERT INTO " + TABLE + " VALUES (1, 'warm-up')");
            try (ResultSet row = statement.executeQuery("SELECT id, text FROM " + TABLE)) {
                row.next();
            }
        } catch (SQLException e) {
            // the run itself will say what is wrong
        }
    }

    /** Stops a server the socket table shows on a wildcard address: H2 ignored h2.bindAddress. */
    private static void requireLoopbackOnly(Server server) {
        for (SocketTable.Entry entry : SocketTable.listenersIfReadable().orElse(List.of())) {
            if (entry.localPort() == server.getPort() && !entry.isLoopbackOnly()) {
                throw new IllegalStateException(
                        "H2 would listen on every address of this machine ("
                                + entry.localEndpoint()
                                + "): it was loaded before the lab could set h2.bindAddress."
                                + " Restart the lab and run this first.");
            }
        }
    }

    /** 128 random bits as hex: a password nobody can guess in the seconds a run lasts. */
    private static String secret() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
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

    /** The run's own client: {@link #USER} with this run's password, through {@code host}. */
    Connection connect(String host) throws SQLException {
        return connect(url(host), USER, password);
    }

    /** A JDBC connection bounded by the network timeout. */
    static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
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
        try (Connection connection = connect(host)) {
            return new Attempt(
                    host, true, "connected; H2 saw the client at " + clientAddress(connection));
        } catch (SQLException e) {
            return new Attempt(host, false, e.getMessage());
        }
    }

    /**
     * This machine's listening sockets on the server's port, as rows (/proc, lsof or netstat; empty
     * where none can be read).
     */
    List<List<String>> listeningRows() {
        return DbReading.listeningRows(SocketTable.listenersIfReadable().orElse(List.of()), port());
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
            try {
                Files.deleteIfExists(baseDir);
            } catch (IOException e) {
                // an empty folder in the temp directory; the OS cleans it up
            }
        }
    }
}
