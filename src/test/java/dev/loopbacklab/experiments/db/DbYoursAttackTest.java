package dev.loopbacklab.experiments.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Runner;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.testing.RecordingReport;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The attacks of issue 16 on db-yours: a slow local server held a run for 79.6 s (the limit is 30
 * s), and a fake server announcing a 200,000,000-byte string pushed the lab's memory to 324 MB.
 * Fake servers on 127.0.0.1 speak just enough of H2's protocol: a status of 0 (error) and a string
 * length.
 */
class DbYoursAttackTest {
    private final AtomicBoolean stop = new AtomicBoolean();
    private ServerSocket server;

    @AfterEach
    void stopServer() throws IOException {
        stop.set(true);
        if (server != null) {
            server.close();
        }
    }

    /** A server that answers each connection with {@code reply}, then trickles or stays silent. */
    private int fake(int stringLength, boolean trickle) throws IOException {
        server = new ServerSocket(0, 8, IpLiteral.loopbackV4());
        Thread serving =
                new Thread(
                        () -> {
                            while (!stop.get()) {
                                try (Socket client = server.accept()) {
                                    client.getInputStream().read(new byte[4096]); // the hello
                                    DataOutputStream out =
                                            new DataOutputStream(client.getOutputStream());
                                    out.writeInt(0); // STATUS_ERROR
                                    out.writeInt(stringLength); // the SQL state's length
                                    out.flush();
                                    while (trickle && !stop.get()) {
                                        out.writeChar('x'); // one character a second, under
                                        out.flush(); // the driver's 2 s read timeout
                                        Thread.sleep(1_000);
                                    }
                                    while (!stop.get()) {
                                        Thread.sleep(50);
                                    }
                                } catch (IOException | InterruptedException e) {
                                    return;
                                }
                            }
                        });
        serving.setDaemon(true);
        serving.start();
        return server.getLocalPort();
    }

    private Event.Verdict check(DbYours check, int port) {
        RecordingReport report = new RecordingReport();
        Params params = Params.parse(check.params(), Map.of("port", Integer.toString(port)));
        assertEquals(
                Outcome.NOT_PASSED,
                Runner.run(check, params, report),
                () -> report.events.toString());
        return report.onlyVerdict();
    }

    @Test
    void aServerThatTricklesBytesIsCutOffAtTheDeadline() throws Exception {
        int port = fake(1_000_000, true);
        Event.Verdict verdict = check(new DbYours(Duration.ofSeconds(4)), port);
        assertTrue(
                verdict.summary().contains("did not finish answering within 4 s"),
                verdict.summary());
    }

    @Test
    void aServerAnnouncingAHugeStringCannotMakeTheLabAllocateIt() throws Exception {
        int port = fake(200_000_000, false);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        Event.Verdict verdict = check(new DbYours(Duration.ofSeconds(20)), port);
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(
                verdict.summary().contains("announced more data than the check reads"),
                verdict.toString());
        assertTrue(allocated < 20_000_000, "the run allocated " + allocated + " bytes");
    }
}
