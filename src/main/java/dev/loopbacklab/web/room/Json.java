package dev.loopbacklab.web.room;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopbacklab.web.tuning.RawPage;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Small JSON answers and bodies for the room's routes; errors say what is wrong in words. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final int MAX_BODY = 4 * 1024;

    private Json() {}

    static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void answer(Context ctx, int status, Object value) {
        ctx.status(status)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .result(text(value));
    }

    /**
     * A success answer written at once, past Javalin's result stream, which takes a 32 KiB buffer
     * for every answer: a third of what the room allocated per verdict in {@code bench/run room}
     * (JFR). Only for a final answer on the request's own thread (not a long poll's), and never an
     * error: error pages are chosen by status after the handler and would follow these bytes.
     */
    static void answerNow(Context ctx, int status, Object value) {
        if (status >= 400) {
            throw new IllegalArgumentException("an error goes through answer(), not answerNow()");
        }
        ctx.status(status).header("Cache-Control", "no-store");
        try {
            RawPage.send(ctx, "application/json", MAPPER.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void error(Context ctx, int status, String message) {
        answer(ctx, status, Map.of("error", message));
    }

    /** The request's JSON object, or null after answering 400/413/415. */
    static JsonNode body(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (!type.startsWith("application/json")) {
            error(ctx, 415, "send JSON (Content-Type: application/json)");
            return null;
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_BODY) {
            error(ctx, 413, "the body is larger than " + MAX_BODY + " bytes");
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                error(ctx, 400, "send a JSON object");
                return null;
            }
            return node;
        } catch (java.io.IOException e) {
            error(ctx, 400, "the body is not JSON");
            return null;
        }
    }
}
