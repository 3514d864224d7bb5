package dev.loopbacklab.room;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.RoomLink;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A learner's lab in a teacher's room: the seat it was given, its flag, and the list of everything
 * it sent, which the learner's page shows word for word. It sends only after the learner joined,
 * only to the room's address from the link, and only summaries ({@link Summary}).
 */
public final class Membership implements AutoCloseable, RoomLink {
    static final int SENT_KEPT = 100;
    static final int TRIES = 4;

    /** Where a following lab asks for the teacher's step. */
    public static final String STEP_PATH = "/room/api/step";

    /** How long a following lab waits for the room's answer (the room holds it up to 15 s). */
    static final int STEP_READ_MILLIS = 25_000;

    // Jackson is loaded on the first message, not when every lab starts (start-up is benchmarked).
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    /** One message the learner's lab sent, as the page lists it. */
    public record Sent(long atMillis, String path, String body, String answer) {}

    /** What the learner's page shows about the room. */
    public record Status(
            boolean joined, String room, String nickname, String flag, List<Sent> sent) {}

    private final InetAddress source;
    private final ExecutorService sender =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "lab-room-sender");
                        t.setDaemon(true);
                        return t;
                    });
    private final Deque<Sent> sent = new ArrayDeque<>();
    private int repeats; // guarded by sent
    private final AtomicLong requests = new AtomicLong();
    // Request ids only need to differ between this lab's runs and its restarts, not to be secret.
    private final String instance =
            Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 1, 36);
    private volatile RoomClient client;
    private volatile String bearer;
    private volatile String nickname;
    private volatile Flag flag = Flag.NONE;

    /** A lab not in any room yet; it sends from the address the OS picks. */
    public Membership() {
        this(null);
    }

    /** For tests: send from {@code source} (e.g. 127.0.0.2, as another machine would). */
    public Membership(InetAddress source) {
        this.source = source;
    }

    /**
     * Joins the room of {@code link} as {@code nickname}. Throws {@link RoomException} with the
     * room's own words if it refuses, or if it cannot be reached.
     */
    public synchronized Status join(JoinLink link, String nickname) {
        String name = RoomStore.nickname(nickname);
        RoomClient candidate = new RoomClient(link.room(), source);
        String body = json(Map.of("code", link.code(), "nickname", name, "os", Summary.thisOs()));
        RoomClient.Answer answer = send(candidate, "/room/api/join", null, body, false);
        JsonNode seat = tree(answer.body());
        this.client = candidate;
        this.bearer = seat.path("bearer").asText();
        this.nickname = name;
        this.flag = Flag.NONE;
        return status();
    }

    /** Leaves the room; the lab sends nothing more. */
    public synchronized Status leave() {
        RoomClient was = client;
        if (was != null) {
            try {
                send(was, "/room/api/leave", bearer, "{}", false);
            } catch (RoomException e) {
                // leaving locally is what matters: nothing more is sent either way
            }
        }
        client = null;
        bearer = null;
        flag = Flag.NONE;
        return status();
    }

    /** Puts up or takes down the learner's flag. */
    public synchronized Status flag(Flag newFlag) {
        requireJoined();
        send(client, "/room/api/flag", bearer, json(Map.of("flag", newFlag.key())), false);
        flag = newFlag;
        return status();
    }

    /** Asks the room to connect back to this machine at {@code port}; the room's answer. */
    @Override
    public String reach(int port) {
        RoomClient room;
        String key;
        synchronized (this) {
            requireJoined();
            room = client;
            key = bearer;
        }
        RoomClient.Answer answer =
                send(room, "/room/api/reach", key, json(Map.of("port", port)), false);
        return tree(answer.body()).path("result").asText();
    }

    /**
     * Asks the room for the teacher's current step, answered when it differs from {@code version}
     * or after a while: the room's answer, as JSON. It says nothing about the learner; the list of
     * what was sent shows it, repeats folded into one line.
     */
    public String teacherStep(long version) {
        RoomClient room;
        String key;
        synchronized (this) {
            requireJoined();
            room = client;
            key = bearer;
        }
        return send(room, STEP_PATH, key, json(Map.of("after", version)), STEP_READ_MILLIS).body();
    }

    /** True once joined (and not left). */
    @Override
    public boolean joined() {
        return client != null;
    }

    /**
     * Tells the room about a finished run, in the background, if it is one the room collects: a
     * check's verdict, or the numbers of {@link RoomNumbers}. Tries a few times; a request id makes
     * a repeat harmless.
     */
    public void finished(String experiment, boolean check, Boolean passed, List<Event> events) {
        RoomClient room = client;
        String key = bearer;
        if (room == null) {
            return;
        }
        Map<String, String> numbers = RoomNumbers.of(experiment, events);
        if (!check && numbers.isEmpty()) {
            return;
        }
        Summary summary =
                new Summary(
                        instance + "-" + requests.incrementAndGet(),
                        experiment,
                        check ? passed : null,
                        Summary.thisOs(),
                        numbers,
                        System.currentTimeMillis() * 1000);
        String body = json(summary);
        sender.execute(
                () -> {
                    for (int attempt = 1; attempt <= TRIES && client == room; attempt++) {
                        try {
                            send(room, "/room/api/verdicts", key, body, true);
                            return;
                        } catch (RoomException e) {
                            if (!e.retry()) {
                                return;
                            }
                            pause(attempt);
                        }
                    }
                });
    }

    /** The room as the learner's page shows it, with everything sent, newest first. */
    public synchronized Status status() {
        List<Sent> list;
        synchronized (sent) {
            list = List.copyOf(sent);
        }
        return new Status(
                client != null,
                client == null ? null : client.room().toString(),
                client == null ? null : nickname,
                flag.key(),
                list);
    }

    private RoomClient.Answer send(
            RoomClient room, String path, String key, String body, boolean quietFailures) {
        return send(room, path, key, body, RoomClient.TIMEOUT_MILLIS);
    }

    private RoomClient.Answer send(
            RoomClient room, String path, String key, String body, int readMillis) {
        RoomClient.Answer answer;
        try {
            answer = room.post(path, key, body, readMillis);
        } catch (IOException e) {
            remember(path, body, "not delivered: " + e.getMessage());
            throw new RoomException(
                    "The room at " + room.room() + " could not be reached: " + e.getMessage(),
                    true);
        }
        // The seat's secret comes back in the join answer: the list shows that it came, not what it
        // is.
        remember(
                path,
                body,
                answer.status()
                        + " "
                        + shortText(answer.body())
                                .replaceAll(
                                        "\"bearer\":\"[^\"]*\"",
                                        "\"bearer\":\"(kept by this lab)\""));
        if (!answer.ok()) {
            String said = tree(answer.body()).path("error").asText(shortText(answer.body()));
            throw new RoomException(
                    "The room said: " + said, answer.status() == 503 || answer.status() == 429);
        }
        return answer;
    }

    private void remember(String path, String body, String answer) {
        // The secret never goes in the list: it is in a header, and the page shows bodies.
        synchronized (sent) {
            // A following lab asks again and again: one line, counting, not a hundred.
            Sent newest = sent.peekFirst();
            if (path.equals(STEP_PATH) && newest != null && newest.path().equals(STEP_PATH)) {
                sent.removeFirst();
                repeats++;
                answer += " (asked " + repeats + " times in a row while following)";
            } else {
                repeats = 1;
            }
            sent.addFirst(new Sent(System.currentTimeMillis(), path, body, answer));
            while (sent.size() > SENT_KEPT) {
                sent.removeLast();
            }
        }
    }

    private void requireJoined() {
        if (client == null) {
            throw new RoomException("Join a room first.", false);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(250L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String shortText(String text) {
        String one = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }

    private static String json(Object value) {
        try {
            return Mapper.JSON.writeValueAsString(
                    value instanceof Map<?, ?> m ? new LinkedHashMap<>(m) : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode tree(String body) {
        try {
            return Mapper.JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JsonProcessingException e) {
            return Mapper.JSON.createObjectNode();
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
