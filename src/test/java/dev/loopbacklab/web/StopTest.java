package dev.loopbacklab.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.TestLab;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Stopping the lab (Ctrl+C) while a browser still holds a kept-alive connection: a browser always
 * does. Jetty's graceful stop used to time out now and then, and the learner saw a stack trace.
 */
class StopTest {
    @RepeatedTest(10)
    void stopsQuietlyWhileARawClientKeepsItsConnection() throws Exception {
        LabServer lab = TestLab.start();
        try (Socket socket = new Socket()) {
            socket.connect(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), lab.port()), 30_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write(
                            ("GET /lessons/first HTTP/1.1\r\nHost: 127.0.0.1:"
                                            + lab.port()
                                            + "\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
            String head = readHead(socket.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            assertDoesNotThrow(lab::close);
        }
    }

    @RepeatedTest(10)
    void stopsQuietlyWhileAJavaHttpClientKeepsItsConnection() throws Exception {
        LabServer lab = TestLab.start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> page =
                client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lab.port() + "/"))
                                .header("Accept-Encoding", "gzip")
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertDoesNotThrow(lab::close);
    }

    private static String readHead(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
