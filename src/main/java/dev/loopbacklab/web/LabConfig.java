package dev.loopbacklab.web;

import dev.loopbacklab.lesson.ContentRoot;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.web.security.RoomToken;
import java.time.Duration;
import java.util.Set;

/**
 * How a lab server runs: where it binds, where its content comes from and its limits.
 *
 * @param host the address to bind, an IP literal (never a name to look up); anything but loopback
 *     turns on room mode
 * @param port the port, 0 for one the OS picks
 * @param content lessons and assets
 * @param extraHosts names added to the Host allow-list (room mode)
 * @param token the access token every request must carry, else null; required in room mode
 * @param limits how much the lab does at once, and for how long
 */
public record LabConfig(
        String host,
        int port,
        ContentRoot content,
        Set<String> extraHosts,
        String token,
        Limits limits) {

    /**
     * The default port: 62893, the port the web's "what is 127.0.0.1:62893?" articles ask about.
     */
    public static final int DEFAULT_PORT = 62893;

    /**
     * The lab's bounds.
     *
     * @param maxRuns the most runs at once, from everyone
     * @param runLifetime the longest a run may take
     * @param runStartsPerClient the most runs one client may start per {@code startWindow}
     * @param startWindow the window {@code runStartsPerClient} counts in
     * @param idleTimeout how long a connection may stay silent (half-sent requests included); keep
     *     it over 1 s, the gap between keep-alive comments on a quiet event stream
     * @param streamsPerRun the most event streams open on one run (more are 429)
     * @param streams the most event streams open at once, from everyone (more are 503)
     * @param connections the most connections open at once; more wait in the kernel's queue
     * @param minRequestRate the fewest bytes per second a request must arrive at (headers and body)
     */
    public record Limits(
            int maxRuns,
            Duration runLifetime,
            int runStartsPerClient,
            Duration startWindow,
            Duration idleTimeout,
            int streamsPerRun,
            int streams,
            int connections,
            int minRequestRate) {
        /** The run limits given, and the default limits on streams and connections. */
        public Limits(
                int maxRuns,
                Duration runLifetime,
                int runStartsPerClient,
                Duration startWindow,
                Duration idleTimeout) {
            this(
                    maxRuns,
                    runLifetime,
                    runStartsPerClient,
                    startWindow,
                    idleTimeout,
                    STREAMS_PER_RUN,
                    STREAMS,
                    CONNECTIONS,
                    MIN_REQUEST_RATE);
        }

        private static final int STREAMS_PER_RUN = 4;
        private static final int STREAMS = 1_000;
        private static final int CONNECTIONS = 2_000;
        private static final int MIN_REQUEST_RATE = 256;

        /**
         * 8 runs at once, 30 s each, 30 starts per client per 10 s, 30 s idle; 4 event streams per
         * run and 1,000 in all; 2,000 connections; requests arriving at 256 bytes/s or faster.
         */
        public static Limits defaults() {
            return new Limits(
                    8, Duration.ofSeconds(30), 30, Duration.ofSeconds(10), Duration.ofSeconds(30));
        }

        public Limits withRunStarts(int perClient, Duration window) {
            return new Limits(
                    maxRuns,
                    runLifetime,
                    perClient,
                    window,
                    idleTimeout,
                    streamsPerRun,
                    streams,
                    connections,
                    minRequestRate);
        }

        public Limits withIdleTimeout(Duration timeout) {
            return new Limits(
                    maxRuns,
                    runLifetime,
                    runStartsPerClient,
                    startWindow,
                    timeout,
                    streamsPerRun,
                    streams,
                    connections,
                    minRequestRate);
        }

        /** The same limits with other caps on event streams. */
        public Limits withStreams(int perRun, int total) {
            return new Limits(
                    maxRuns,
                    runLifetime,
                    runStartsPerClient,
                    startWindow,
                    idleTimeout,
                    perRun,
                    total,
                    connections,
                    minRequestRate);
        }

        /** The same limits with another connection cap and minimum request rate (bytes/s). */
        public Limits withConnections(int max, int minBytesPerSecond) {
            return new Limits(
                    maxRuns,
                    runLifetime,
                    runStartsPerClient,
                    startWindow,
                    idleTimeout,
                    streamsPerRun,
                    streams,
                    max,
                    minBytesPerSecond);
        }
    }

    /**
     * Checks the address is a literal and that room mode has a strong token.
     *
     * @throws IllegalArgumentException if not
     */
    public LabConfig {
        extraHosts = Set.copyOf(extraHosts);
        IpLiteral.parse(host);
        if (token != null && RoomToken.weakness(token) != null) {
            throw new IllegalArgumentException(RoomToken.weakness(token));
        }
        if (token == null && !IpLiteral.parse(host).isLoopbackAddress()) {
            throw new IllegalArgumentException(
                    "serving a room (listening on " + host + ") needs an " + "access token");
        }
    }

    /** A loopback lab on {@code port} reading {@code content}, with the default limits. */
    public static LabConfig local(int port, ContentRoot content) {
        return new LabConfig("127.0.0.1", port, content, Set.of(), null, Limits.defaults());
    }

    /** A lab serving a room from {@code host}, where every request needs {@code token}. */
    public static LabConfig room(
            String host, int port, ContentRoot content, Set<String> extraHosts, String token) {
        return new LabConfig(host, port, content, extraHosts, token, Limits.defaults());
    }

    public LabConfig withPort(int newPort) {
        return new LabConfig(host, newPort, content, extraHosts, token, limits);
    }

    /** The same lab with other run limits (the rest of the limits stay). */
    public LabConfig withLimits(int newMaxRuns, Duration newLifetime) {
        return withLimits(
                new Limits(
                        newMaxRuns,
                        newLifetime,
                        limits.runStartsPerClient(),
                        limits.startWindow(),
                        limits.idleTimeout(),
                        limits.streamsPerRun(),
                        limits.streams(),
                        limits.connections(),
                        limits.minRequestRate()));
    }

    public LabConfig withLimits(Limits newLimits) {
        return new LabConfig(host, port, content, extraHosts, token, newLimits);
    }

    /** True when the lab binds something other than a loopback address. */
    public boolean roomMode() {
        return !IpLiteral.parse(host).isLoopbackAddress();
    }
}
