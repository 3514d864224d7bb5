package dev.loopbacklab.notebook;

import java.time.Duration;

/**
 * How much running code from the page may take.
 *
 * @param maxSessions the most sessions (child JVMs) at once, from every tab together
 * @param snippetTime the longest one snippet may run before it is stopped
 * @param idleTime a session with no Run for this long ends
 * @param outputCap the most output (bytes of stdout, stderr and values) one cell run shows
 * @param heapMegabytes each child JVM's heap ({@code -Xmx})
 * @param startTime the longest a child JVM may take to start
 */
public record NotebookLimits(
        int maxSessions,
        Duration snippetTime,
        Duration idleTime,
        int outputCap,
        int heapMegabytes,
        Duration startTime) {

    /** 3 sessions, 30 s per snippet, 15 min idle, 64 KiB of output per run, 256 MB heap. */
    public static NotebookLimits defaults() {
        return new NotebookLimits(
                3,
                Duration.ofSeconds(30),
                Duration.ofMinutes(15),
                64 * 1024,
                256,
                Duration.ofSeconds(60));
    }

    public NotebookLimits withSnippetTime(Duration time) {
        return new NotebookLimits(maxSessions, time, idleTime, outputCap, heapMegabytes, startTime);
    }

    public NotebookLimits withIdleTime(Duration time) {
        return new NotebookLimits(
                maxSessions, snippetTime, time, outputCap, heapMegabytes, startTime);
    }

    public NotebookLimits withHeap(int megabytes) {
        return new NotebookLimits(
                maxSessions, snippetTime, idleTime, outputCap, megabytes, startTime);
    }

    public NotebookLimits withMaxSessions(int sessions) {
        return new NotebookLimits(
                sessions, snippetTime, idleTime, outputCap, heapMegabytes, startTime);
    }

    public NotebookLimits withOutputCap(int bytes) {
        return new NotebookLimits(
                maxSessions, snippetTime, idleTime, bytes, heapMegabytes, startTime);
    }
}
