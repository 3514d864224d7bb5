package dev.loopbacklab.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoomStoreTest {
    @TempDir Path dir;

    private static Summary verdict(String request, String check, boolean passed) {
        return new Summary(request, check, passed, "linux", Map.of(), 0);
    }

    @Test
    void everythingAcknowledgedIsThereAfterReopening() throws Exception {
        RoomStore.Keys keys;
        List<CompletableFuture<?>> acks = new ArrayList<>();
        try (RoomStore room = RoomStore.open(dir)) {
            keys = room.keys();
            RoomStore.Seat ada = room.join("Ada", "macos").get();
            RoomStore.Seat bob = room.join("Bob", "windows").get();
            for (int i = 0; i < 200; i++) {
                acks.add(
                        room.record(
                                ada.learner(), verdict("a" + i, "check-" + (i % 5), i % 2 == 0)));
                acks.add(room.record(bob.learner(), verdict("b" + i, "check-" + (i % 5), true)));
            }
            room.flag(bob.learner(), Flag.HELP).get();
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get();
        }
        try (RoomStore again = RoomStore.open(dir)) {
            assertEquals(keys, again.keys(), "the join code and board token survive a restart");
            assertEquals(2, again.board().learners().size());
            // Ada's last verdict per check: i = 195..199, passed when i is even.
            assertEquals(1, again.board().passed("check-0"));
            assertEquals(2, again.board().passed("check-1"));
            BoardState.Learner bob = again.board().learners().get(1);
            assertEquals("help", bob.flag());
            assertEquals(5, bob.checks().size());
            assertEquals(40, bob.checks().get("check-3").attempts());
        }
    }

    @Test
    void aSeatsSecretIsCheckedAndSurvivesARestart() throws Exception {
        String bearer;
        try (RoomStore room = RoomStore.open(dir)) {
            bearer = room.join("Ada", "linux").get().bearer();
            assertTrue(room.learner(bearer).isPresent());
            assertTrue(room.learner(bearer.substring(0, bearer.length() - 1) + "x").isEmpty());
            assertTrue(room.learner("1." + "A".repeat(24)).isEmpty());
            assertTrue(room.learner("nonsense").isEmpty());
        }
        try (RoomStore again = RoomStore.open(dir)) {
            assertTrue(again.learner(bearer).isPresent());
        }
    }

    @Test
    void clearingEmptiesTheRoomAndChangesItsKeys() throws Exception {
        try (RoomStore room = RoomStore.open(dir)) {
            RoomStore.Keys before = room.keys();
            String bearer = room.join("Ada", "linux").get().bearer();
            RoomStore.Keys after = room.clear().get();
            assertNotEquals(before.joinCode(), after.joinCode());
            assertNotEquals(before.boardToken(), after.boardToken());
            assertTrue(room.board().learners().isEmpty());
            assertTrue(room.learner(bearer).isEmpty(), "an old seat cannot write again");
        }
    }

    @Test
    void nicknamesAreBoundedAndPlain() throws Exception {
        try (RoomStore room = RoomStore.open(dir)) {
            assertThrows(IllegalArgumentException.class, () -> room.join("x".repeat(25), "linux"));
            assertThrows(IllegalArgumentException.class, () -> room.join("  ", "linux"));
            assertThrows(IllegalArgumentException.class, () -> room.join("a\u0000b", "linux"));
            assertThrows(IllegalArgumentException.class, () -> room.join("a\u202eb", "linux"));
            room.join("<b>x</b>", "linux").get();
            assertEquals("<b>x</b>", room.board().learners().get(0).nickname(), "kept as text");
        }
    }

    @Test
    void summariesStayWithinTheirBounds() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Summary("r", "Not An Id", true, "linux", Map.of(), 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Summary("r", "x", true, "beos", Map.of(), 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Summary("r", "x", true, "linux", Map.of("path", "/home/ada\n"), 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Summary("r", "x", true, "linux", Map.of("a", "x".repeat(65)), 0));
        assertEquals(
                Map.of("p", "1"),
                new Summary("r", "x", null, "linux", Map.of("p", "1"), 0).numbers());
    }
}
