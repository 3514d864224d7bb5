package dev.loopbacklab.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoomJournalTest {
    @TempDir Path dir;

    private Path file() {
        return dir.resolve("room.journal");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> reopen() throws Exception {
        try (RoomJournal journal = RoomJournal.open(file())) {
            return journal.records().stream()
                    .map(b -> new String(b, StandardCharsets.UTF_8))
                    .toList();
        }
    }

    private void write(String... records) throws Exception {
        try (RoomJournal journal = RoomJournal.open(file())) {
            journal.records();
            journal.append(java.util.Arrays.stream(records).map(RoomJournalTest::bytes).toList());
        }
    }

    private void appendRaw(byte[] raw) throws Exception {
        Files.write(file(), raw, StandardOpenOption.APPEND);
    }

    @Test
    void recordsComeBackInOrderAfterReopening() throws Exception {
        write("one", "two");
        write("three");
        assertEquals(List.of("one", "two", "three"), reopen());
    }

    @Test
    void aTornLastRecordIsCutOffAndTheNextRecordFollowsTheLastWholeOne() throws Exception {
        write("one", "two");
        long whole = Files.size(file());
        // a kill in the middle of a write: the header says 100 bytes, 10 made it
        appendRaw(ByteBuffer.allocate(18).putInt(100).putInt(12345).array());
        assertEquals(List.of("one", "two"), reopen());
        assertEquals(whole, Files.size(file()), "the torn record is cut off the file");
        write("three");
        assertEquals(List.of("one", "two", "three"), reopen());
    }

    @Test
    void aTornHeaderIsCutOff() throws Exception {
        write("one");
        appendRaw(new byte[] {0, 0, 1});
        assertEquals(List.of("one"), reopen());
        write("two");
        assertEquals(List.of("one", "two"), reopen());
    }

    @Test
    void aRecordThatFailsItsCheckEndsTheJournal() throws Exception {
        write("one", "two", "three");
        byte[] raw = Files.readAllBytes(file());
        int second = 8 + 3; // after "one" and its header
        raw[second + 8] ^= 0x20; // "two" becomes "Two", its CRC no longer matches
        Files.write(file(), raw);
        assertEquals(List.of("one"), reopen());
    }

    @Test
    void aHeaderWithAnImpossibleLengthIsNotBelieved() throws Exception {
        write("one");
        appendRaw(ByteBuffer.allocate(8).putInt(-5).putInt(0).array());
        assertEquals(List.of("one"), reopen());
        appendRaw(ByteBuffer.allocate(8).putInt(RoomJournal.MAX_RECORD + 1).putInt(0).array());
        assertEquals(List.of("one"), reopen());
    }

    @Test
    void resetEmptiesIt() throws Exception {
        write("one", "two");
        try (RoomJournal journal = RoomJournal.open(file())) {
            journal.records();
            journal.reset();
            assertEquals(0, journal.size());
            journal.append(List.of(bytes("three")));
        }
        assertEquals(List.of("three"), reopen());
    }
}
