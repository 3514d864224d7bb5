package dev.loopbacklab.experiments.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.Probe;
import dev.loopbacklab.net.ProbeResult;
import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.testing.RecordingReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The attack of issue 16: while db-allow-others ran, a client racing it from 127.0.0.1 logged in as
 * sa with an empty password and ran Java in the lab's JVM (CREATE ALIAS). No server a run starts
 * may be a login anyone but the run's own client can use.
 */
class DbLoginAttackTest {
    private static final Pattern PORT = Pattern.compile("tcp://[^:]+:(\\d+)");

    @Test
    void aPeerRacingTheRunCannotLogInAsSa() throws Exception {
        List<String> attempts = new CopyOnWriteArrayList<>();
        RecordingReport recorded = new RecordingReport();
        dev.loopbacklab.lesson.Report report =
                new dev.loopbacklab.lesson.Report() {
                    @Override
                    public void emit(Event event) {
                        // The moment a status line names the port, race the run as the attack did.
                        if (event instanceof Event.Fact fact
                                && fact.label().startsWith("H2 says")) {
                            Matcher port = PORT.matcher(fact.value());
                            if (port.find()) {
                                attempts.add(loginAsSa(Integer.parseInt(port.group(1))));
                            }
                        }
                        recorded.emit(event);
                    }

                    @Override
                    public boolean cancelled() {
                        return false;
                    }
                };
        new DbAllowOthers().run(dev.loopbacklab.lesson.Params.defaults(List.of()), report);
        assertEquals(2, attempts.size(), attempts.toString());
        for (String attempt : attempts) {
            assertTrue(attempt.startsWith("refused:"), attempt);
        }
    }

    @Test
    void theRunsOwnLoginHasNoAdminRightsAndNoCodeExecution() throws Exception {
        try (LabDatabase db = LabDatabase.start(true);
                Connection connection = db.connect("127.0.0.1");
                Statement statement = connection.createStatement()) {
            for (String sql :
                    List.of(
                            "CREATE ALIAS X FOR 'java.lang.System.getProperty(java.lang.String)'",
                            "CREATE ALIAS Y AS 'String y() { return \"y\"; }'",
                            "CREATE TRIGGER T BEFORE INSERT ON "
                                    + LabDatabase.TABLE
                                    + " AS 'org.h2.api.Trigger create() { return null; }'",
                            "SELECT FILE_READ('/etc/hostname')",
                            "CALL CSVWRITE('/tmp/loopback-lab-attack.csv', 'SELECT 1')",
                            "RUNSCRIPT FROM '/dev/null'",
                            "CREATE USER MALLORY PASSWORD 'x'",
                            "CREATE TABLE MINE (ID INT)",
                            "DROP TABLE " + LabDatabase.TABLE)) {
                SQLException refused =
                        assertThrows(SQLException.class, () -> statement.execute(sql), sql);
                assertFalse(refused.getMessage().isEmpty(), sql);
            }
            // What the lesson needs still works.
            statement.execute("INSERT INTO " + LabDatabase.TABLE + " VALUES (7, 'ok')");
        }
    }

    @Test
    void listensOn127001OnlyAndIsGoneWhenTheRunEnds() throws Exception {
        int port;
        try (LabDatabase db = LabDatabase.start(true)) {
            port = db.port();
            if (SocketTable.available()) {
                assertFalse(db.listensEverywhere(), db.listeningRows().toString());
            }
            ProbeResult second =
                    Probe.connect(IpLiteral.parse("127.0.0.2"), port, Duration.ofSeconds(2));
            assertEquals(ProbeResult.Outcome.REFUSED, second.outcome(), second.detail());
            assertTrue(loginAsSa(port).startsWith("refused:"));
        }
        ProbeResult after = Probe.connect(IpLiteral.loopbackV4(), port, Duration.ofSeconds(2));
        assertEquals(ProbeResult.Outcome.REFUSED, after.outcome(), after.detail());
    }

    /** The attacker's try: sa with an empty password, the database the run made. */
    private static String loginAsSa(int port) {
        String url = LabDatabase.url("127.0.0.1", port, "mem:lab" + port);
        try (Connection connection = LabDatabase.connect(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE ALIAS PWNED FOR 'java.lang.System.exit(int)'");
            return "logged in and ran CREATE ALIAS";
        } catch (SQLException e) {
            return "refused: " + e.getMessage();
        }
    }
}
