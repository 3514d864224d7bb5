package dev.loopbacklab.web.room;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Small JSON answers and bodies for the room's routes, on Javalin's {@link Context} and on a plain
 * Jetty request ({@link RoomApi}); errors say what is wrong in words.
 */
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
     * An answer to a request Jetty hands {@link RoomApi}: JSON, or plain text for a guard's refusal
     * (a {@link String} value), with {@code Allow} when a method was refused.
     */
    record Answer(int status, Object value, String allow) {
        Answer(int status, Object value) {
            this(status, value, null);
        }

        static Answer error(int status, String message) {
            return new Answer(status, Map.of("error", message));
        }

        static Answer text(int status, String message) {
            return new Answer(status, message);
        }

        Answer allowing(String methods) {
            return new Answer(status, value, methods);
        }
    }

    /** A request's JSON object, or the answer that refuses it. */
    record Body(JsonNode json, Answer refusal) {}

    /** Writes {@code answer} with its length, in one piece, and completes the request. */
    static void write(Response response, Callback callback, Answer answer) {
        byte[] bytes;
        String type;
        if (answer.value() instanceof String message) {
            bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
            type = "text/plain; charset=utf-8";
        } else {
            bytes = flat((Map<?, ?>) answer.value());
            type = "application/json";
        }
        response.setStatus(answer.status());
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, type);
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        if (answer.allow() != null) {
            headers.put(HttpHeader.ALLOW, answer.allow());
        }
        headers.put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /**
     * A flat map of text, whole numbers and yes/no as JSON, written with the streaming generator:
     * data binding's serializers were a share of what the JIT compiled during a room's burst
     * (bench/README.md, "Session 5"). Anything else in it still goes through data binding.
     */
    static byte[] flat(Map<?, ?> value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<?, ?> field : value.entrySet()) {
                g.writeFieldName(String.valueOf(field.getKey()));
                if (field.getValue() instanceof String text) {
                    g.writeString(text);
                } else if (field.getValue() instanceof Long
                        || field.getValue() instanceof Integer) {
                    g.writeNumber(((Number) field.getValue()).longValue());
                } else if (field.getValue() instanceof Boolean yes) {
                    g.writeBoolean(yes);
                } else {
                    g.writeObject(field.getValue());
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }

    /**
     * The request's JSON object, read up to {@link #MAX_BODY} bytes (a longer one, announced or
     * chunked, is refused without reading further), or the 415/413/400 that refuses it.
     */
    static Body body(Request request) throws IOException {
        return read(
                request.getHeaders().get(HttpHeader.CONTENT_TYPE),
                request.getLength(),
                Content.Source.asInputStream(request));
    }

    /**
     * One rule for both kinds of request: JSON only, at most {@link #MAX_BODY} bytes, an object.
     */
    private static Body read(String type, long announced, InputStream in) throws IOException {
        if (type == null || !type.startsWith("application/json")) {
            return new Body(null, Answer.error(415, "send JSON (Content-Type: application/json)"));
        }
        Answer tooLarge = Answer.error(413, "the body is larger than " + MAX_BODY + " bytes");
        if (announced > MAX_BODY) {
            return new Body(null, tooLarge);
        }
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            return new Body(null, tooLarge);
        }
        return parse(bytes);
    }

    private static Body parse(byte[] bytes) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            return node != null && node.isObject()
                    ? new Body(node, null)
                    : new Body(null, Answer.error(400, "send a JSON object"));
        } catch (IOException e) {
            return new Body(null, Answer.error(400, "the body is not JSON"));
        }
    }

    static void error(Context ctx, int status, String message) {
        answer(ctx, status, Map.of("error", message));
    }

    /** The request's JSON object, or null after answering 400/413/415. */
    static JsonNode body(Context ctx) {
        Body body;
        try {
            body =
                    read(
                            ctx.contentType(),
                            ctx.contentLength(),
                            new ByteArrayInputStream(ctx.bodyAsBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        if (body.refusal() != null) {
            answer(ctx, body.refusal().status(), body.refusal().value());
        }
        return body.json();
    }
}
