package dev.loopbacklab.notebook;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;

/**
 * One page's JShell: a child JVM whose state carries from one cell to the next. Cells run one at a
 * time, in the order they were asked for, on the session's own thread; {@link #stop} ends the
 * running snippet, {@link #reset} starts a fresh JShell. Everything shown under a cell goes to the
 * session's {@link EventLog}, tagged with the run.
 */
public final class NotebookSession implements AutoCloseable {
    /** Runs waiting at most, beyond the one going. */
    static final int MAX_QUEUED = 8;

    private static final long STOP_GRACE_MILLIS = 3000;

    private final String id;
    private final List<String> imports;
    private final NotebookLimits limits;
    private final String classPath;
    private final ScheduledExecutorService timers;
    private final ExecutorService worker;
    private final EventLog log = new EventLog();
    private final AtomicInteger generation = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicLong runBytes = new AtomicLong();
    private final PrintStream out = stream("out");
    private final PrintStream err = stream("err");
    private volatile long lastUsed = System.nanoTime();
    private volatile int currentRun;
    private volatile boolean capped;
    private volatile boolean running;
    private volatile String stopReason;
    private volatile boolean closed;
    private volatile ChildEngine engine;
    private volatile JShell shell;

    NotebookSession(
            String id,
            List<String> imports,
            NotebookLimits limits,
            String classPath,
            ScheduledExecutorService timers) {
        this.id = id;
        this.imports = List.copyOf(imports);
        this.limits = limits;
        this.classPath = classPath;
        this.timers = timers;
        this.worker =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread thread = new Thread(r, "jshell-session");
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    /** The session's id, a random string. */
    public String id() {
        return id;
    }

    /** Starts the child JVM now, so the first Run does not wait for it. */
    void start() {
        int gen = generation.get();
        worker.execute(
                () -> {
                    if (gen == generation.get() && shell == null) {
                        open();
                    }
                });
    }

    /**
     * Queues {@code code} to run after the cells asked for before it; returns the run's number,
     * which tags its events.
     *
     * @throws IllegalStateException if {@link #MAX_QUEUED} runs are already waiting, or the session
     *     is closed
     */
    public int run(String code) {
        if (closed) {
            throw new IllegalStateException("this JShell session has ended");
        }
        if (waiting.incrementAndGet() > MAX_QUEUED + 1) {
            waiting.decrementAndGet();
            throw new IllegalStateException(
                    "too many cells are waiting to run in this session; press Stop or wait");
        }
        touch();
        int run = runs.incrementAndGet();
        int gen = generation.get();
        worker.execute(
                () -> {
                    try {
                        runCell(run, code, gen);
                    } finally {
                        waiting.decrementAndGet();
                        touch();
                    }
                });
        return run;
    }

    /** Stops the snippet running now, if any ({@code reason} is shown under its cell). */
    public void stop(String reason) {
        touch();
        if (!running) {
            return;
        }
        int run = currentRun;
        stopReason = reason;
        tryStop(run, reason, System.nanoTime() + STOP_GRACE_MILLIS * 1_000_000);
    }

    /**
     * Asks JShell to stop the snippet, and again every 100 ms while it runs: a stop that comes
     * while the snippet is still being compiled finds no user code to stop. A snippet in a native
     * call, or one that catches what stop throws, does not stop: past the grace time its JVM is
     * ended instead, and the next Run starts a fresh one.
     */
    private void tryStop(int run, String reason, long deadline) {
        if (!running || currentRun != run) {
            return;
        }
        if (System.nanoTime() - deadline > 0) {
            stopReason = reason + "; it did not stop, so its JShell was ended";
            kill();
            return;
        }
        JShell current = shell;
        try {
            if (current != null) {
                current.stop();
            }
        } catch (RuntimeException e) {
            // the engine is going anyway; the grace time ends it
        }
        timers.schedule(() -> tryStop(run, reason, deadline), 100, TimeUnit.MILLISECONDS);
    }

    /**
     * Ends this JShell (a running snippet too) and starts a fresh one; queued cells are dropped.
     */
    public void reset() {
        touch();
        int gen = generation.incrementAndGet();
        if (running) {
            stopReason = "you pressed Reset";
        }
        kill();
        worker.execute(
                () -> {
                    if (gen == generation.get()) {
                        closeShell();
                        open();
                    }
                });
    }

    /**
     * The events from {@code seq} on (waiting up to {@code waitMillis} for one); those before are
     * dropped.
     */
    public List<EventLog.Entry> events(long seq, long waitMillis) throws InterruptedException {
        return log.from(seq, waitMillis);
    }

    /** How long since the last Run, Stop or Reset ended, in nanoseconds; 0 while a cell runs. */
    long idleNanos() {
        return waiting.get() > 0 ? 0 : System.nanoTime() - lastUsed;
    }

    /** True once closed. */
    public boolean isClosed() {
        return closed;
    }

    /** The child JVM, while it runs (for tests). */
    public java.util.Optional<ProcessHandle> child() {
        ChildEngine current = engine;
        return current == null || current.process() == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(current.process().toHandle());
    }

    private void touch() {
        lastUsed = System.nanoTime();
    }

    private void open() {
        if (closed) {
            return;
        }
        log.append(0, new CellEvent.State("starting", "Starting a JShell for this page…"));
        ChildEngine child = new ChildEngine(limits.heapMegabytes(), classPath, limits.startTime());
        engine = child;
        try {
            JShell created =
                    JShell.builder()
                            .in(InputStream.nullInputStream())
                            .out(out)
                            .err(err)
                            .executionEngine(child, Map.of())
                            .build();
            created.addToClasspath(classPath);
            for (String line : imports) {
                created.eval(line);
            }
            shell = created;
            log.append(
                    0,
                    new CellEvent.State(
                            "ready", "JShell is ready, with the lab's toolkit imported."));
        } catch (RuntimeException e) {
            child.kill();
            engine = null;
            log.append(
                    0,
                    new CellEvent.State(
                            "ended", "JShell could not start: " + e.getMessage() + "."));
        }
    }

    private void runCell(int run, String code, int gen) {
        if (gen != generation.get() || closed) {
            log.append(run, new CellEvent.Done("skipped", 0));
            return;
        }
        long started = System.nanoTime();
        currentRun = run;
        runBytes.set(0);
        capped = false;
        stopReason = null;
        if (shell == null || !alive()) {
            closeShell();
            open();
        }
        JShell current = shell;
        if (current == null) {
            log.append(run, new CellEvent.Done("ended", millisSince(started)));
            return;
        }
        String[] cellLines = code.replace("\r\n", "\n").split("\n", -1);
        CellSplitter.Cut cut = CellSplitter.cut(code, current.sourceCodeAnalysis());
        for (int line : cut.commandLines()) {
            log.append(
                    run,
                    new CellEvent.Notice(
                            "line "
                                    + line
                                    + " is a JShell command: those run in the terminal "
                                    + "(lab jshell), not in the page, so it was skipped."));
        }
        String blanked = blankCommands(cellLines, cut.commandLines());
        String outcome = "ok";
        for (CellSplitter.Piece piece : cut.pieces()) {
            List<SnippetEvent> events = eval(current, piece.source());
            boolean failed =
                    SnippetFeedback.report(
                            current, events, piece, cellLines, blanked, event -> emit(run, event));
            if (!alive()) {
                String why = stopReason == null ? "its JVM stopped" : stopReason;
                log.append(
                        run,
                        new CellEvent.Notice(
                                "This page's JShell ended ("
                                        + why
                                        + "). The next Run starts a fresh one; the variables of "
                                        + "earlier cells are gone."));
                closeShell();
                outcome = "ended";
                break;
            }
            if (stopReason != null) {
                log.append(run, new CellEvent.Notice("Stopped: " + stopReason + "."));
                outcome = "stopped";
                break;
            }
            if (failed) {
                outcome = "error";
                break;
            }
        }
        log.append(run, new CellEvent.Done(outcome, millisSince(started)));
    }

    private List<SnippetEvent> eval(JShell current, String source) {
        running = true;
        ScheduledFuture<?> limit =
                timers.schedule(
                        () ->
                                stop(
                                        "it ran longer than "
                                                + limits.snippetTime().toSeconds()
                                                + " s, the time one snippet may take"),
                        limits.snippetTime().toMillis(),
                        TimeUnit.MILLISECONDS);
        try {
            return current.eval(source);
        } catch (IllegalStateException e) {
            return List.of(); // JShell closed itself: its engine died
        } finally {
            limit.cancel(false);
            running = false;
        }
    }

    private boolean alive() {
        ChildEngine current = engine;
        return shell != null
                && current != null
                && current.process() != null
                && current.process().isAlive();
    }

    private static String blankCommands(String[] lines, List<Integer> commandLines) {
        String[] copy = lines.clone();
        for (int line : commandLines) {
            copy[line - 1] = "";
        }
        return String.join("\n", copy);
    }

    private void emit(int run, CellEvent event) {
        String text =
                event instanceof CellEvent.Value value
                        ? value.text()
                        : event instanceof CellEvent.Text t ? t.text() : null;
        if (text == null) {
            log.append(run, event);
            return;
        }
        long before = runBytes.getAndAdd(text.length());
        long room = limits.outputCap() - before;
        if (room >= text.length()) {
            log.append(run, event);
            return;
        }
        if (room > 0) {
            String part = text.substring(0, (int) room);
            log.append(
                    run,
                    event instanceof CellEvent.Value
                            ? new CellEvent.Value(part)
                            : new CellEvent.Text(((CellEvent.Text) event).stream(), part));
        }
        if (!capped) {
            capped = true;
            log.append(
                    run,
                    new CellEvent.Notice(
                            "Output capped: a cell shows at most "
                                    + limits.outputCap() / 1024
                                    + " KiB; the rest was left out."));
        }
    }

    private PrintStream stream(String name) {
        return new PrintStream(
                new TextSink(text -> emit(currentRun, new CellEvent.Text(name, text))),
                true,
                StandardCharsets.UTF_8);
    }

    private void kill() {
        ChildEngine current = engine;
        if (current != null) {
            current.kill();
        }
    }

    private void closeShell() {
        JShell current = shell;
        shell = null;
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException e) {
                // already gone
            }
        }
        kill();
        engine = null;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Ends the session: its JVM at once, then its thread. */
    @Override
    public void close() {
        close("it was closed");
    }

    /** Ends the session, saying why on its stream. */
    public void close(String why) {
        if (closed) {
            return;
        }
        closed = true;
        generation.incrementAndGet();
        kill();
        worker.execute(this::closeShell);
        worker.shutdown();
        log.append(0, new CellEvent.State("ended", "This page's JShell ended: " + why + "."));
    }
}
