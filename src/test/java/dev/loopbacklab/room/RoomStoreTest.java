package dev.loopbacklab.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
            assertThrows(RoomInputException.class, () -> room.join("x".repeat(25), "linux"));
            assertThrows(RoomInputException.class, () -> room.join("  ", "linux"));
            assertThrows(RoomInputException.class, () -> room.join("a\u0000b", "linux"));
            assertThrows(RoomInputException.class, () -> room.join("a\u202eb", "linux"));
            room.join("<b>x</b>", "linux").get();
            assertEquals("<b>x</b>", room.board().learners().get(0).nickname(), "kept as text");
        }
    }

    @Test
    void summariesStayWithinTheirBounds() {
        assertThrows(
                RoomInputException.class,
                () -> new Summary("r", "Not An Id", true, "linux", Map.of(), 0));
        assertThrows(
                RoomInputException.class, () -> new Summary("r", "x", true, "beos", Map.of(), 0));
        assertThrows(
                RoomInputException.class,
                () -> new Summary("r", "x", true, "linux", Map.of("path", "/home/ada\n"), 0));
        assertThrows(
                RoomInputException.class,
                () -> new Summary("r", "x", true, "linux", Map.of("a", "x".repeat(65)), 0));
        assertEquals(
                Map.of("p", "1"),
                new Summary("r", "x", null, "linux", Map.of("p", "1"), 0).numbers());
    }

    /**
     * A lab killed after its journal was forced but before the H2 file caught up: the next start
     * applies what the journal holds, once, skips what the file already has, and drops a torn last
     * record (never acknowledged: it was not whole when the lab died).
     */
    @Test
    void theJournalIsReplayedIntoTheFileAfterACrash() throws Exception {
        RoomStore.Seat ada;
        try (RoomStore room = RoomStore.open(dir)) {
            ada = room.join("Ada", "linux").get(); // lsn 1
            room.record(ada.learner(), verdict("r1", "check-a", false)).get(); // lsn 2, seq 1
        }
        ObjectMapper json = new ObjectMapper();
        try (RoomJournal journal = RoomJournal.open(dir.resolve("room.journal"))) {
            assertTrue(journal.records().isEmpty(), "a clean close empties the journal");
            journal.append(
                    List.of(
                            // already in the file (a crash between its sync and the journal's
                            // reset)
                            json.writeValueAsBytes(entry(2, 1, ada.learner(), "r1", "check-a")),
                            json.writeValueAsBytes(entry(3, 2, ada.learner(), "r2", "check-b"))));
        }
        java.nio.file.Files.write(
                dir.resolve("room.journal"),
                new byte[] {0, 0, 0, 40, 1, 2, 3, 4, '{'},
                java.nio.file.StandardOpenOption.APPEND);
        try (RoomStore again = RoomStore.open(dir)) {
            BoardState.Learner learner = again.board().learners().get(0);
            assertEquals(1, learner.checks().get("check-a").attempts(), "r1 once, not twice");
            assertTrue(learner.checks().get("check-b").passed(), "r2 from the journal");
            BoardEvent repeat = again.record(ada.learner(), verdict("r2", "check-b", true)).get();
            assertEquals("repeat", repeat.type());
            assertEquals(2, repeat.seq());
            assertEquals(
                    3, again.record(ada.learner(), verdict("r3", "check-c", true)).get().seq());
        }
        try (RoomStore third = RoomStore.open(dir)) {
            BoardState.Learner learner = third.board().learners().get(0);
            assertEquals(3, learner.checks().size(), "check-a, check-b and check-c, each once");
            assertEquals(1, learner.checks().get("check-b").attempts());
        }
    }

    private static JournalEntry entry(
            long lsn, long seq, long learner, String request, String check) {
        return new JournalEntry(
                lsn,
                new BoardEvent(
                        "verdict", seq, learner, "Ada", "linux", check, true, null, Map.of(), 1L, 0,
                        request),
                null,
                null);
    }

    @Test
    void aRequestSeenBeforeIsStoredOnceEvenAfterARestart() throws Exception {
        RoomStore.Seat ada;
        long first;
        try (RoomStore room = RoomStore.open(dir)) {
            ada = room.join("Ada", "linux").get();
            first = room.record(ada.learner(), verdict("same", "check-a", true)).get().seq();
            BoardEvent again = room.record(ada.learner(), verdict("same", "check-a", true)).get();
            assertEquals("repeat", again.type());
            assertEquals(first, again.seq());
        }
        try (RoomStore reopened = RoomStore.open(dir)) {
            BoardEvent again =
                    reopened.record(ada.learner(), verdict("same", "check-a", true)).get();
            assertEquals("repeat", again.type());
            assertEquals(first, again.seq());
            assertEquals(1, reopened.board().learners().get(0).checks().get("check-a").attempts());
        }
    }

    @Test
    void aRetryOfAnyOfTheLatestIdsIsStoredOnceAndOlderIdsAreForgotten() throws Exception {
        int sent = RecentRequests.PER_LEARNER + 10;
        RoomStore.Seat ada;
        try (RoomStore room = RoomStore.open(dir)) {
            ada = room.join("Ada", "linux").get();
            RoomStore.Seat bob = room.join("Bob", "linux").get();
            for (int i = 0; i < sent; i++) {
                room.record(ada.learner(), verdict("ada-" + i, "check-a", true)).get();
                room.record(bob.learner(), verdict("bob-" + i, "check-a", true)).get();
            }
            String oldestKept = "ada-" + (sent - RecentRequests.PER_LEARNER);
            assertEquals(
                    "repeat",
                    room.record(ada.learner(), verdict(oldestKept, "check-a", true)).get().type());
        }
        // A reopened room remembers the same latest ids from its history, and no more.
        try (RoomStore again = RoomStore.open(dir)) {
            String oldestKept = "ada-" + (sent - RecentRequests.PER_LEARNER);
            assertEquals(
                    "repeat",
                    again.record(ada.learner(), verdict(oldestKept, "check-a", true)).get().type());
            assertEquals(
                    "repeat",
                    again.record(ada.learner(), verdict("ada-" + (sent - 1), "check-a", true))
                            .get()
                            .type());
            // Memory is bounded per learner: an id older than the latest few is not kept. A
            // learner's
            // lab never retries that far back (it sends one summary at a time).
            assertEquals(
                    "verdict",
                    again.record(ada.learner(), verdict("ada-0", "check-a", true)).get().type());
            assertEquals(
                    sent + 1, again.board().learners().get(0).checks().get("check-a").attempts());
        }
    }

    @Test
    void anOldIdSentAgainIsAVerdictTheFileKeepsAndTheRoomStillOpens() throws Exception {
        int sent = RecentRequests.PER_LEARNER + 2;
        RoomStore.Seat ada;
        try (RoomStore room = RoomStore.open(dir)) {
            ada = room.join("Ada", "linux").get();
            for (int i = 0; i < sent; i++) {
                room.record(ada.learner(), verdict("ada-" + i, "check-a", true)).get();
            }
            // A seated lab may send an id the room no longer remembers: a new verdict, stored.
            assertEquals(
                    "verdict",
                    room.record(ada.learner(), verdict("ada-0", "check-a", false)).get().type());
        }
        // The H2 file took it too (it once refused a second row with the same id, and then the
        // room could not be opened again), and it is there after one restart and the next.
        for (int restart = 0; restart < 2; restart++) {
            try (RoomStore again = RoomStore.open(dir)) {
                BoardState.Cell cell = again.board().learners().get(0).checks().get("check-a");
                assertEquals(sent + 1, cell.attempts());
                assertTrue(!cell.passed());
            }
        }
    }

    @Test
    void aJoinWrittenAfterAClearWithTheOldCodeIsRefused() throws Exception {
        try (RoomStore room = RoomStore.open(dir)) {
            String old = room.keys().joinCode();
            // The teacher clears while a learner's join, its code already checked, is on its way:
            // the writer takes them in this order, so the seat is written after the clear.
            CompletableFuture<RoomStore.Keys> cleared = room.clear();
            CompletableFuture<RoomStore.Seat> late = room.join(old, "Ada", "linux");
            ExecutionException refused = assertThrows(ExecutionException.class, late::get);
            assertInstanceOf(RoomStore.WrongCodeException.class, refused.getCause());
            String fresh = cleared.get().joinCode();
            assertNotEquals(old, fresh);
            room.join(fresh, "Bob", "linux").get();
            assertEquals(
                    List.of("Bob"),
                    room.board().learners().stream().map(BoardState.Learner::nickname).toList(),
                    "only the join with the cleared room's code is seated");
            assertThrows(
                    ExecutionException.class,
                    () -> room.join("x".repeat(24), "Eve", "linux").get());
        }
    }

    @Test
    void theLearnerLimitHoldsWhenTheSeatIsWrittenAndAfterARestart() throws Exception {
        try (RoomStore room = RoomStore.open(dir, 2)) {
            String code = room.keys().joinCode();
            // Three joins queued before any is written: the room counted none of them yet when
            // each was asked for, so only the writer can tell the third has no seat.
            List<CompletableFuture<RoomStore.Seat>> joins =
                    List.of(
                            room.join(code, "Ada", "linux"),
                            room.join(code, "Bob", "linux"),
                            room.join(code, "Cy", "linux"));
            joins.get(0).get();
            joins.get(1).get();
            ExecutionException refused = assertThrows(ExecutionException.class, joins.get(2)::get);
            RoomStore.FullException full =
                    assertInstanceOf(RoomStore.FullException.class, refused.getCause());
            assertEquals(2, full.seats());
            assertEquals(2, room.learnerCount());
        }
        try (RoomStore again = RoomStore.open(dir, 2)) {
            String code = again.keys().joinCode();
            ExecutionException refused =
                    assertThrows(
                            ExecutionException.class,
                            () -> again.join(code, "Dee", "linux").get(),
                            "the seats taken before the restart count");
            assertInstanceOf(RoomStore.FullException.class, refused.getCause());
            // A clear queued before a join frees every seat for it.
            CompletableFuture<RoomStore.Keys> cleared = again.clear();
            CompletableFuture<RoomStore.Seat> first = again.join("Eve", "linux");
            first.get();
            again.join(cleared.get().joinCode(), "Fay", "linux").get();
            assertThrows(ExecutionException.class, () -> again.join("Gus", "linux").get());
            assertEquals(2, again.learnerCount());
        }
    }
}
