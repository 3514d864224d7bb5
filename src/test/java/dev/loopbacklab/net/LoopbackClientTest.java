package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build();
    }

    @Test
    void talksHttp11OverOneKeptConnectionToALoopbackServer() throws Exception {
        List<HelloApi.Request> seen = new CopyOnWriteArrayList<>();
        try (HelloApi api = HelloApi.start("127.0.0.1", 0, seen::add);
                LoopbackClient client = LoopbackClient.open(TIMEOUT)) {
            HttpResponse<String> first =
                    client.send(get(api.url()), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> second =
                    client.send(get(api.url()), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, first.statusCode());
            assertEquals(java.net.http.HttpClient.Version.HTTP_1_1, first.version());
            assertTrue(first.body().contains("\"you\":\"127.0.0.1:"), first.body());
            // keep-alive: the server saw both requests come from the same source port
            assertEquals(first.body(), second.body());
        }
    }

    // Wildcards only: even a broken guard would send nothing beyond this machine.
    @ParameterizedTest
    @ValueSource(strings = {"http://0.0.0.0:9/", "http://[::]:9/"})
    void refusesAnyHostThatIsNotALoopbackLiteralBeforeConnecting(String url) throws Exception {
        try (LoopbackClient client = LoopbackClient.open(TIMEOUT)) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> client.send(get(url), HttpResponse.BodyHandlers.discarding()));
        }
    }
}
