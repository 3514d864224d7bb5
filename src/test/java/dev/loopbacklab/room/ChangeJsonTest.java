package dev.loopbacklab.room;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The room's changes written field by field are exactly what data binding writes for the records,
 * so the board's page reads the same stream and a journal written either way is read back.
 */
class ChangeJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<BoardEvent> events() {
        Map<String, String> numbers = new LinkedHashMap<>();
        numbers.put("tcp-p50-us", "12.5");
        numbers.put("range", "32768-60999");
        return List.of(
                new BoardEvent(
                        "verdict",
                        7,
                        3,
                        "Ada \"the\" </script>",
                        "linux",
                        "echo-yours",
                        true,
                        null,
                        numbers,
                        1_700_000_000_123L,
                        42,
                        "r-1"),
                new BoardEvent(
                        "verdict",
                        8,
                        3,
                        "Zoë 🦊",
                        "macos",
                        "port-privileged",
                        false,
                        null,
                        Map.of(),
                        1,
                        0,
                        "r_2"),
                new BoardEvent(
                        "join",
                        0,
                        4,
                        "\\backslash\\",
                        "windows",
                        null,
                        null,
                        "none",
                        Map.of(),
                        2,
                        0,
                        null),
                new BoardEvent("flag", 9, 4, "Bob", null, null, null, "help", Map.of(), 3, 0, null),
                BoardEvent.cleared(4));
    }

    @Test
    void anEventIsWrittenAsDataBindingWritesIt() throws Exception {
        for (BoardEvent event : events()) {
            assertEquals(JSON.writeValueAsString(event), event.json());
            assertEquals(event, JSON.readValue(event.json(), BoardEvent.class));
        }
    }

    @Test
    void aJournalEntryIsWrittenAsDataBindingWritesItAndReadBack() throws Exception {
        byte[] hash = Secrets.digest("a seat's secret");
        List<JournalEntry> entries =
                List.of(
                        new JournalEntry(1, events().get(2), hash, null),
                        new JournalEntry(2, events().get(0), null, null),
                        new JournalEntry(
                                3, events().get(4), null, new RoomStore.Keys("join-x", "board-y")));
        for (JournalEntry entry : entries) {
            byte[] written = ChangeJson.entry(entry);
            assertArrayEquals(JSON.writeValueAsBytes(entry), written, new String(written));
            JournalEntry read = JSON.readValue(written, JournalEntry.class);
            assertEquals(entry.lsn(), read.lsn());
            assertEquals(entry.event(), read.event());
            assertEquals(entry.keys(), read.keys());
            if (entry.secretHash() == null) {
                assertNull(read.secretHash());
            } else {
                assertArrayEquals(entry.secretHash(), read.secretHash());
            }
        }
    }

    @Test
    void numbersAreAnObjectOfText() throws Exception {
        Map<String, String> numbers = events().get(0).numbers();
        assertEquals(JSON.writeValueAsString(numbers), ChangeJson.numbers(numbers));
        assertEquals("{}", ChangeJson.numbers(Map.of()));
    }
}
