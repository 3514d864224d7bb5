package dev.loopbacklab.room;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.ChildJvm;
import dev.loopbacklab.testing.Wait;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost: a teacher's lab in a child JVM takes a burst of verdicts, is killed
 * with SIGKILL in the middle of it, and the room opened again from its file holds every verdict the
 * lab had answered "stored" for.
 */
@Tag("soak") // long under load: runs in the soak phase, with its own limit (pom.xml)
class RoomCrashTest {
    @TempDir Path dir;

    @Test
    void everyAcknowledgedVerdictSurvivesKillNine() throws Exception {
        Process teacher =
                ChildJvm.start(
                        List.of(),
                        "dev.loopbacklab.cli.Main",
                        "serve",
                        "--port",
                        "0",
                        "--open-room",
                        "--room-dir",
                        dir.toString());
        try {
            String line = ChildJvm.firstLine(teacher, l -> l.contains("Learners join with:"));
            String link = line == null ? null : line.substring(line.indexOf("http://")).strip();
            assertTrue(link != null, "the teacher's lab printed its join link");
            JoinLink join = JoinLink.parse(link);
            RoomClient client = new RoomClient(join.room(), null);
            // A lab just started on a loaded machine may take longer than the client's 5 s to
            // answer its first request: join again until it does (each try is a seat of its own;
            // the verdicts below are looked for under the seat that answered).
            String seat =
                    Wait.until(
                            "a seat in the room",
                            () -> {
                                try {
                                    return client.post(
                                                    "/room/api/join",
                                                    null,
                                                    "{\"code\":\""
                                                            + join.code()
                                                            + "\",\"nickname\":\"Ada\",\"os\":\"linux\"}")
                                            .body();
                                } catch (java.io.IOException slow) {
                                    return null;
                                }
                            },
                            body -> body != null && body.contains("\"bearer\""));
            String bearer = seat.replaceAll(".*\"bearer\":\"([^\"]+)\".*", "$1");
            long learner = Long.parseLong(bearer.substring(0, bearer.indexOf('.')));

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger next = new AtomicInteger();
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread sender =
                        new Thread(
                                () -> {
                                    while (true) {
                                        String check = "c-" + next.incrementAndGet();
                                        String body =
                                                "{\"requestId\":\""
                                                        + check
                                                        + "\",\"experiment\":\""
                                                        + check
                                                        + "\",\"passed\":true,\"os\":\"linux\",\"numbers\":{}}";
                                        try {
                                            if (client.post("/room/api/verdicts", bearer, body)
                                                            .status()
                                                    == 201) {
                                                acknowledged.add(check);
                                            }
                                        } catch (java.io.IOException gone) {
                                            return;
                                        }
                                    }
                                });
                sender.start();
                senders.add(sender);
            }
            Wait.until("300 checks acknowledged", () -> acknowledged.size() >= 300);
            teacher.destroyForcibly().waitFor(); // SIGKILL, in the middle of the burst
            for (Thread sender : senders) {
                sender.join();
            }
            try (RoomStore again = RoomStore.open(dir)) {
                Set<String> stored =
                        again.board().learners().stream()
                                .filter(l -> l.id() == learner)
                                .findFirst()
                                .orElseThrow()
                                .checks()
                                .keySet();
                List<String> lost = acknowledged.stream().filter(c -> !stored.contains(c)).toList();
                assertTrue(lost.isEmpty(), "acknowledged but lost: " + lost);
            }
        } finally {
            teacher.destroyForcibly();
        }
    }
}
