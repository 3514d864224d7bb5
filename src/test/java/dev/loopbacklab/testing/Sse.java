package dev.loopbacklab.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A small Server-Sent Events client for tests (the lab only, on 127.0.0.1). */
public final class Sse {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    private Sse() {}

    /** One received event. */
    public record Message(String name, String data) {
        public JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (Exception e) {
                throw new IllegalStateException(data, e);
            }
        }
    }

    /** Reads the stream at {@code path} until a {@code done} or {@code error} event. */
    public static List<Message> readAll(int port, String path) throws Exception {
        return readUntil(port, path, m -> m.name().equals("done") || m.name().equals("error"));
    }

    /**
     * Reads the stream until {@code stop} accepts an event (that event included), then hangs up.
     */
    public static List<Message> readUntil(int port, String path, Predicate<Message> stop)
            throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Accept", "text/event-stream")
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build();
        HttpResponse<InputStream> response =
                CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        List<Message> messages = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        Message message = new Message(name, data.toString());
                        messages.add(message);
                        if (stop.test(message)) {
                            break;
                        }
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        }
        return messages;
    }
}
