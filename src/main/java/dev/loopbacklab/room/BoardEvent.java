package dev.loopbacklab.room;

import java.util.Map;

/**
 * One change to the room, sent on the board's event stream once it is durable.
 *
 * @param type {@code join}, {@code verdict}, {@code flag}, {@code leave} or {@code clear}
 * @param seq the change's number in the room's database (verdicts) or 0
 * @param learner the learner's number in this room
 * @param nickname the learner's nickname (text, never markup)
 * @param os the learner's OS family
 * @param experiment the experiment or check id of a verdict, else null
 * @param passed a check's verdict, else null
 * @param flag the learner's flag after the change
 * @param numbers the numbers sent with a verdict
 * @param atMillis when the teacher's lab stored it
 * @param sentAtMicros when the learner's lab says it sent it (for the benchmark), or 0
 * @param requestId the learner lab's id of the request, or null
 */
public record BoardEvent(
        String type,
        long seq,
        long learner,
        String nickname,
        String os,
        String experiment,
        Boolean passed,
        String flag,
        Map<String, String> numbers,
        long atMillis,
        long sentAtMicros,
        String requestId) {

    /** This change as JSON, as the board's stream sends it (and the journal keeps it). */
    public String json() {
        return ChangeJson.event(this);
    }

    static BoardEvent cleared(long atMillis) {
        return new BoardEvent(
                "clear", 0, 0, null, null, null, null, null, Map.of(), atMillis, 0, null);
    }
}
