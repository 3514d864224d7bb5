package dev.loopbacklab.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.web.LabConfig;
import dev.loopbacklab.web.LabServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slowloris: a request that trickles in (here four bytes a second, each resetting the idle timeout)
 * is closed; pages still load meanwhile; and connections are capped.
 */
class SlowRequestsTest {
    private LabServer lab;

    @AfterEach
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void aRequestThatTricklesInIsClosedWhilePagesStillLoad() throws Exception {
        lab = TestLab.start(LabConfig.local(0, TestLab.fixtureContent()));
        try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), lab.port())) {
            OutputStream out = slow.getOutputStream();
            InputStream in = slow.getInputStream();
            out.write(
                    ("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + lab.port() + "\r\nX-Slow: ")
                            .getBytes(StandardCharsets.US_ASCII));
            boolean closed = false;
            // 200 bytes at four a second: 50 s of trickle, far more than the lab allows; the
            // idle timeout (30 s) alone never fires, as every byte resets it
            for (int i = 0; i < 200 && !closed; i++) {
                try {
                    out.write('a');
                    out.flush();
                } catch (IOException reset) {
                    closed = true;
                    break;
                }
                slow.setSoTimeout(250);
                try {
                    closed = in.read() < 0;
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // the pace of the trickle
                } catch (IOException reset) {
                    closed = true;
                }
                assertEquals(
                        200,
                        RawHttp.get(lab.port(), "/", "127.0.0.1:" + lab.port()).status(),
                        "a page loads while a request trickles in");
            }
            assertTrue(closed, "the lab still holds a request that arrives at 4 bytes/s");
        }
    }

    @Test
    void connectionsAreCappedAtTheConfiguredLimit() {
        LabConfig config = LabConfig.local(0, TestLab.fixtureContent());
        lab = TestLab.start(config.withLimits(config.limits().withConnections(321, 256)));
        Server server = lab.jettyServer();
        NetworkConnectionLimit limit = server.getBean(NetworkConnectionLimit.class);
        assertEquals(321, limit.getMaxNetworkConnectionCount());
    }
}
