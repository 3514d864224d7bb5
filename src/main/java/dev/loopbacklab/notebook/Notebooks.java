package dev.loopbacklab.notebook;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The lab's JShell sessions: at most {@link NotebookLimits#maxSessions} at once, each ended after
 * {@link NotebookLimits#idleTime} without a Run, and all ended when the lab closes (a shutdown hook
 * covers Ctrl+C; the children themselves notice a lab killed outright, see {@link ChildAgent}).
 */
public final class Notebooks implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NotebookLimits limits;
    private final String classPath;
    private final Map<String, NotebookSession> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread thread = new Thread(r, "jshell-timers");
                        thread.setDaemon(true);
                        return thread;
                    });
    private final Thread shutdownHook = new Thread(this::closeAll, "jshell-shutdown");
    private volatile boolean closed;

    /** Sessions with {@code limits}, their children on {@code classPath}. */
    public Notebooks(NotebookLimits limits, String classPath) {
        this.limits = limits;
        this.classPath = classPath;
        long sweep = Math.max(1000, Math.min(limits.idleTime().toMillis() / 4, 30_000));
        timers.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** With the default limits and the lab's own class path. */
    public static Notebooks withDefaults() {
        return new Notebooks(NotebookLimits.defaults(), Toolkit.classPath());
    }

    public NotebookLimits limits() {
        return limits;
    }

    /**
     * Opens a session and starts its child JVM at once; {@code imports} are made before any cell
     * runs (the toolkit's, see {@link Toolkit#imports()}, and the lesson's own).
     *
     * @throws IllegalStateException if {@link NotebookLimits#maxSessions} are open
     */
    public synchronized NotebookSession open(List<String> imports) {
        if (closed) {
            throw new IllegalStateException("the lab is stopping");
        }
        sessions.values().removeIf(NotebookSession::isClosed);
        if (sessions.size() >= limits.maxSessions()) {
            throw new IllegalStateException(
                    limits.maxSessions()
                            + " JShell sessions are open, the most this lab runs at once. Close "
                            + "another lesson tab, or wait: a session ends after "
                            + limits.idleTime().toMinutes()
                            + " min without a Run.");
        }
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        NotebookSession session = new NotebookSession(id, imports, limits, classPath, timers);
        sessions.put(id, session);
        session.start();
        return session;
    }

    public Optional<NotebookSession> find(String id) {
        return Optional.ofNullable(sessions.get(id)).filter(s -> !s.isClosed());
    }

    /** Ends session {@code id}, saying {@code why} on its stream. */
    public void close(String id, String why) {
        NotebookSession session = sessions.remove(id);
        if (session != null) {
            session.close(why);
        }
    }

    /** The sessions open now. */
    public int open() {
        return (int) sessions.values().stream().filter(s -> !s.isClosed()).count();
    }

    private void sweep() {
        long idle = limits.idleTime().toNanos();
        for (NotebookSession session : new ArrayList<>(sessions.values())) {
            if (session.idleNanos() > idle) {
                close(session.id(), "no cell ran for " + limits.idleTime().toMinutes() + " min");
            }
        }
    }

    private void closeAll() {
        closed = true;
        for (String id : new ArrayList<>(sessions.keySet())) {
            close(id, "the lab stopped");
        }
    }

    /** Ends every session (and its child JVM). */
    @Override
    public void close() {
        closeAll();
        timers.shutdownNow();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs, or ran
        }
    }
}
