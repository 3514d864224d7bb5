package dev.loopbacklab.lesson;

import dev.loopbacklab.net.Deadline;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A check that opens something on loopback and waits for the learner to reach it with their own
 * tool (curl, a browser, nc, JShell): how long it waits ({@code wait-seconds}), where it says it
 * listens, the deadline, Stop ending the wait at once, and the "closed now, run it again" verdict
 * when nothing came. The check itself starts its server (given to {@link #hold}, so that Stop
 * closes it), hands each arrival to {@link #arrived(Object)} from the server's threads and reads
 * them with {@link #next()} (or, for a plain listening socket, calls {@link
 * #accept(ServerSocket)}), and judges what arrives:
 *
 * <pre>{@code
 * LearnerWait<HelloApi.Request> wait = LearnerWait.start(params, report);
 * try (HelloApi api = wait.hold(HelloApi.start("127.0.0.1", 0, wait::arrived))) {
 *     wait.announce("The API is listening.", "call GET /hello.", "127.0.0.1:" + api.port(), …);
 *     for (var next = wait.next(); next.isPresent(); next = wait.next()) { … }
 *     wait.timedOut(…);
 * }
 * }</pre>
 *
 * @param <T> what the server reports for each arrival, e.g. a request
 */
public final class LearnerWait<T> {
    /** The parameter every waiting check takes. */
    public static final String SECONDS = "wait-seconds";

    /** The label of the fact that says where the learner goes, which tests and pages look up. */
    public static final String LISTENING = "listening on";

    /** Put on the queue when the run is stopped, so that {@link #next()} returns at once. */
    private static final Object WAKE = new Object();

    private final Report report;
    private final int seconds;
    private final Deadline deadline;
    private final BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
    private final List<String> ignored = new ArrayList<>();
    private String where = "";

    private LearnerWait(Report report, int asked) {
        this.report = report;
        // Never past the run's own deadline: a check that waits 120 s in a run limited to 30 s
        // says so, and ends with its "nothing came" verdict instead of being stopped mid-wait.
        this.deadline = report.deadline().within(Duration.ofSeconds(asked));
        this.seconds =
                (int) Math.max(1, Math.min(asked, (deadline.remaining().toMillis() + 500) / 1000));
        report.closeOnCancel(() -> arrivals.add(WAKE));
    }

    /** The {@code wait-seconds} parameter: from 1 to {@code maxSeconds}, for {@code what}. */
    public static ParamSpec seconds(int defaultSeconds, int maxSeconds, String what) {
        return ParamSpec.integer(
                SECONDS, defaultSeconds, 1, maxSeconds, "how long to wait for " + what);
    }

    /** Starts the clock with the run's {@code wait-seconds}; Stop ends the wait from now on. */
    public static <T> LearnerWait<T> start(Params params, Report report) {
        return new LearnerWait<>(report, (int) params.integer(SECONDS));
    }

    /**
     * How long this wait lasts, in whole seconds: {@code wait-seconds}, or less if the run's
     * deadline comes first.
     */
    public int seconds() {
        return seconds;
    }

    /**
     * The server the learner is to reach, closed by Stop as well as by the check's own
     * try-with-resources, so that a wait in it (an accept, a server's threads) ends at once.
     */
    public <S extends AutoCloseable> S hold(S server) {
        report.closeOnCancel(server);
        return server;
    }

    /**
     * Tells the learner where to go, in one line: {@code listening}, then "Within N seconds, " and
     * {@code todo}; then the fact {@link #LISTENING} = {@code endpoint} with the time it waits,
     * then one fact per ready-to-copy command.
     *
     * @param listening what waits for them, e.g. "The API is listening."
     * @param todo what to do, in lower case, e.g. "call GET /hello from a terminal."
     * @param endpoint where it listens, e.g. {@code 127.0.0.1:41234}
     * @param commands label and command, e.g. {@code Map.entry("curl", "curl http://…")}
     */
    @SafeVarargs
    public final void announce(
            String listening, String todo, String endpoint, Map.Entry<String, String>... commands) {
        this.where = endpoint;
        report.say(listening + " Within " + seconds + " seconds, " + todo);
        report.fact(LISTENING, endpoint, "", "waiting " + seconds + " s");
        for (Map.Entry<String, String> command : commands) {
            report.fact(command.getKey(), command.getValue());
        }
    }

    /** Hands one arrival to the check; safe to call from any thread. */
    public void arrived(T arrival) {
        arrivals.add(arrival);
    }

    /**
     * The next arrival, or empty once the time is up.
     *
     * @throws Report.CancelledException when the run was stopped meanwhile
     */
    @SuppressWarnings("unchecked") // only arrived(T) and WAKE ever go on the queue
    public Optional<T> next() throws InterruptedException {
        Object arrival = arrivals.poll(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        report.checkCancelled();
        if (arrival == null || arrival == WAKE) {
            return Optional.empty();
        }
        return Optional.of((T) arrival);
    }

    /**
     * Notes an arrival that does not count (a refused Host, a wrong path), to be listed if the time
     * runs out.
     */
    public void ignored(String line) {
        ignored.add(line);
    }

    /** How many arrivals did not count so far. */
    public int ignoredCount() {
        return ignored.size();
    }

    /**
     * For a check that listens on a plain socket: the next connection to {@code server}, or empty
     * once the time is up. Register {@code server} with {@link Report#closeOnCancel} so that Stop
     * ends the wait.
     */
    public Optional<Socket> accept(ServerSocket server) throws IOException {
        if (deadline.passed()) {
            return Optional.empty();
        }
        server.setSoTimeout(deadline.millis());
        try {
            Socket connection = server.accept();
            report.checkCancelled();
            return Optional.of(connection);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
    }

    /**
     * When the wait ends: the earlier of {@code wait-seconds} and the run's deadline. A check
     * bounds what it does with an arrival by this too.
     */
    public Deadline deadline() {
        return deadline;
    }

    /** The time it waits as a learner reads it in a summary: "within 60 s". */
    public String within() {
        return "within " + seconds + " s";
    }

    /**
     * The verdict when the time ran out: {@code summary} (say {@link #within()}), then that {@code
     * what} on the announced endpoint is closed now and what to do {@code next} time, then {@code
     * details}, then the arrivals that did not count.
     *
     * @param what what was listening, e.g. "The API"
     * @param next what to do while the next run waits, e.g. "call it while it waits: curl …"
     */
    public void timedOut(String summary, String what, String next, List<String> details) {
        List<String> lines = new ArrayList<>();
        lines.add(what + " on " + where + " is closed now; run the check again and " + next);
        lines.addAll(details);
        if (!ignored.isEmpty()) {
            lines.add("Requests that arrived but did not count:");
            lines.addAll(ignored);
        }
        report.verdict(false, summary, lines.toArray(String[]::new));
    }
}
