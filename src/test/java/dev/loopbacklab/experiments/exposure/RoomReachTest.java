package dev.loopbacklab.experiments.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.lesson.RoomLink;
import dev.loopbacklab.lesson.Runner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The check's words for each answer of the room; the real connection back is in RoomLabsTest. */
class RoomReachTest {
    private record Result(Outcome outcome, Event.Verdict verdict) {}

    private static Result check(RoomLink room) {
        List<Event> events = new ArrayList<>();
        Report report =
                new Report() {
                    @Override
                    public void emit(Event event) {
                        events.add(event);
                    }

                    @Override
                    public boolean cancelled() {
                        return false;
                    }

                    @Override
                    public <T> Optional<T> capability(Class<T> type) {
                        return type == RoomLink.class && room != null
                                ? Optional.of(type.cast(room))
                                : Optional.empty();
                    }
                };
        RoomReach check = new RoomReach();
        Outcome outcome =
                Runner.run(check, Params.parse(check.params(), Map.of("port", "7009")), report);
        Event.Verdict verdict =
                events.stream()
                        .filter(e -> e instanceof Event.Verdict)
                        .map(e -> (Event.Verdict) e)
                        .findFirst()
                        .orElseThrow();
        return new Result(outcome, verdict);
    }

    private static RoomLink answering(String answer) {
        return new RoomLink() {
            @Override
            public boolean joined() {
                return true;
            }

            @Override
            public String reach(int port) {
                assertEquals(7009, port);
                return answer;
            }
        };
    }

    @Test
    void passesWhenTheRoomReachesTheServer() {
        Result result = check(answering("reachable"));
        assertEquals(Outcome.PASSED, result.outcome());
        assertTrue(result.verdict().details().toString().contains("127.0.0.1"));
    }

    @Test
    void failsWithTheReasonWhenRefusedOrUnanswered() {
        Result refused = check(answering("refused"));
        assertEquals(Outcome.NOT_PASSED, refused.outcome());
        assertTrue(refused.verdict().summary().contains("refused"));
        Result silent = check(answering("no_answer"));
        assertEquals(Outcome.NOT_PASSED, silent.outcome());
        assertTrue(silent.verdict().details().toString().contains("firewall"));
    }

    @Test
    void saysHowToJoinWhenThisLabIsInNoRoom() {
        Result alone = check(null);
        assertEquals(Outcome.NOT_PASSED, alone.outcome());
        assertTrue(alone.verdict().summary().contains("not in a workshop room"));
    }
}
