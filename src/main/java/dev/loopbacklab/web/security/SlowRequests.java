package dev.loopbacklab.web.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

/**
 * Closes connections that send a request too slowly. Jetty's idle timeout only catches silent
 * connections: one that sends a header byte a second is never idle, and a thousand of them held
 * every connection the lab could take (slowloris). Once a second this looks at every connection
 * that is in the middle of a request (bytes arrived since the last look, no request finished): if
 * for longer than the grace period its bytes came slower than {@code minBytesPerSecond}, it is
 * closed. Silent connections are left to the idle timeout, and a stream's connection, which sends
 * nothing after its request, is never slow. Added to the connector as a bean, so Jetty tells it of
 * every connection.
 */
public final class SlowRequests extends AbstractLifeCycle implements Connection.Listener {
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final int minBytesPerSecond;
    private final Map<Connection, Window> open = new ConcurrentHashMap<>();
    private ScheduledExecutorService sweeper;

    /** A request in progress since {@code startNanos}, with the counts seen then and last. */
    private static final class Window {
        long startNanos;
        long startBytes;
        long messages;
        long lastBytes;

        Window(long now, long bytes, long messages) {
            reset(now, bytes, messages);
        }

        void reset(long now, long bytes, long messages) {
            this.startNanos = now;
            this.startBytes = bytes;
            this.lastBytes = bytes;
            this.messages = messages;
        }
    }

    /** Closes connections whose request arrives slower than {@code minBytesPerSecond}. */
    public SlowRequests(int minBytesPerSecond) {
        this.minBytesPerSecond = minBytesPerSecond;
    }

    @Override
    protected void doStart() {
        sweeper =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread thread = new Thread(r, "lab-slow-requests");
                            thread.setDaemon(true);
                            return thread;
                        });
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    protected void doStop() {
        sweeper.shutdownNow();
        open.clear();
    }

    @Override
    public void onOpened(Connection connection) {
        open.put(
                connection,
                new Window(System.nanoTime(), connection.getBytesIn(), connection.getMessagesIn()));
    }

    @Override
    public void onClosed(Connection connection) {
        open.remove(connection);
    }

    /** How many connections it watches now. */
    public int watched() {
        return open.size();
    }

    private void sweep() {
        long now = System.nanoTime();
        open.forEach(
                (connection, window) -> {
                    long bytes = connection.getBytesIn();
                    long messages = connection.getMessagesIn();
                    if (messages != window.messages || bytes == window.lastBytes) {
                        // a request finished, or nothing is arriving: not slow, maybe idle
                        window.reset(now, bytes, messages);
                        return;
                    }
                    window.lastBytes = bytes;
                    long elapsed = now - window.startNanos;
                    if (elapsed > GRACE_NANOS
                            && (bytes - window.startBytes) * 1_000_000_000L
                                    < minBytesPerSecond * elapsed) {
                        connection.getEndPoint().close();
                    }
                });
    }
}
