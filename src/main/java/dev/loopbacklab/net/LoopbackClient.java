package dev.loopbacklab.net;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The JDK's {@link HttpClient} as the lab's demos use it against their own servers: HTTP/1.1 (one
 * keep-alive connection, as curl and browsers speak it), a connect timeout, requests to loopback
 * literals only, and closed by try-with-resources where the JDK can close a client (21 on; on 17
 * its idle connection ends with the server).
 *
 * <pre>{@code
 * try (LoopbackClient client = LoopbackClient.open(Duration.ofSeconds(5))) {
 *     client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/")).build(),
 *             HttpResponse.BodyHandlers.ofString());
 * }
 * }</pre>
 */
public final class LoopbackClient implements AutoCloseable {
    private final HttpClient client;

    private LoopbackClient(HttpClient client) {
        this.client = client;
    }

    /** A client that gives up connecting after {@code connectTimeout}. */
    public static LoopbackClient open(Duration connectTimeout) {
        return new LoopbackClient(
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(connectTimeout)
                        .build());
    }

    /**
     * Sends {@code request} and waits for its answer.
     *
     * @throws IllegalArgumentException if the request's host is not a loopback literal
     */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        Loopback.require(AddressText.parse(request.uri().getHost()));
        return client.send(request, body);
    }

    /** Closes the client where the JDK can (HttpClient is {@link AutoCloseable} from Java 21). */
    @Override
    public void close() {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                // HttpClient.close() declares none; AutoCloseable's signature makes us say so
                throw new IllegalStateException("HttpClient.close() threw " + e, e);
            }
        }
    }
}
