package dev.loopbacklab.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads Chromium's performance log entries (DevTools events as JSON). */
final class NetworkLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NetworkLog() {}

    /** The URL of a {@code Network.requestWillBeSent} entry, else null. */
    static String requestUrl(String entry) {
        try {
            JsonNode message = JSON.readTree(entry).path("message");
            if (!message.path("method").asText().equals("Network.requestWillBeSent")) {
                return null;
            }
            return message.path("params").path("request").path("url").asText(null);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable performance log entry: " + entry, e);
        }
    }
}
