package dev.loopbacklab.room;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The room's changes as JSON, written field by field with Jackson's streaming generator: every
 * verdict is written twice (its journal record, and the board's stream), and Jackson's data binding
 * was a fifth of what the JIT compiled during a burst (bench/README.md, "Session 5"). The text is
 * the same as data binding writes for the records (same names, order and values), so the journal is
 * read back with {@code ObjectMapper.readValue} ({@code ChangeJsonTest} pins both).
 */
final class ChangeJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private ChangeJson() {}

    /** A board event, as the board's stream sends it. */
    static String event(BoardEvent event) {
        return text(g -> event(g, event));
    }

    /** A journal entry, as the journal keeps it. */
    static byte[] entry(JournalEntry entry) {
        return bytes(
                g -> {
                    g.writeStartObject();
                    g.writeNumberField("lsn", entry.lsn());
                    g.writeFieldName("event");
                    event(g, entry.event());
                    g.writeFieldName("secretHash");
                    if (entry.secretHash() == null) {
                        g.writeNull();
                    } else {
                        g.writeBinary(entry.secretHash());
                    }
                    g.writeFieldName("keys");
                    RoomStore.Keys keys = entry.keys();
                    if (keys == null) {
                        g.writeNull();
                    } else {
                        g.writeStartObject();
                        g.writeStringField("joinCode", keys.joinCode());
                        g.writeStringField("boardToken", keys.boardToken());
                        g.writeEndObject();
                    }
                    g.writeEndObject();
                });
    }

    /** A verdict's numbers, as the H2 file keeps them. */
    static String numbers(Map<String, String> numbers) {
        return text(g -> numbers(g, numbers));
    }

    private static void event(JsonGenerator g, BoardEvent e) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", e.type());
        g.writeNumberField("seq", e.seq());
        g.writeNumberField("learner", e.learner());
        g.writeStringField("nickname", e.nickname());
        g.writeStringField("os", e.os());
        g.writeStringField("experiment", e.experiment());
        g.writeFieldName("passed");
        if (e.passed() == null) {
            g.writeNull();
        } else {
            g.writeBoolean(e.passed());
        }
        g.writeStringField("flag", e.flag());
        g.writeFieldName("numbers");
        numbers(g, e.numbers());
        g.writeNumberField("atMillis", e.atMillis());
        g.writeNumberField("sentAtMicros", e.sentAtMicros());
        g.writeStringField("requestId", e.requestId());
        g.writeEndObject();
    }

    private static void numbers(JsonGenerator g, Map<String, String> numbers) throws IOException {
        if (numbers == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        for (Map.Entry<String, String> number : numbers.entrySet()) {
            g.writeStringField(number.getKey(), number.getValue());
        }
        g.writeEndObject();
    }

    /** As text (characters beyond the BMP as they are, as data binding writes a String). */
    private static String text(Fields fields) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            fields.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string does not fail
        }
        return out.toString();
    }

    /** As UTF-8 bytes (as data binding writes bytes). */
    private static byte[] bytes(Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            fields.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }
}
