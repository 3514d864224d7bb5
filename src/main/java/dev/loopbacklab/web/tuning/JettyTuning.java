package dev.loopbacklab.web.tuning;

import io.javalin.Javalin;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Where the lab reaches into Jetty for speed. Each method names Jetty internals; after a Javalin or
 * Jetty upgrade, check these against {@code bench/run startup runs}.
 */
public final class JettyTuning {
    /** Connections wait for the acceptor in a queue this long; beyond it the kernel drops SYNs. */
    public static final int ACCEPT_QUEUE = 1024;

    private static final String REFERENCES_PER_CACHE_LINE =
            "org.eclipse.jetty.util.referencesPerCacheLine";

    private JettyTuning() {}

    /**
     * Jetty sizes its padding against false sharing by asking the HotSpot diagnostic MXBean whether
     * oops are compressed, which starts the platform MBean server: ~200 JMX classes and a good
     * share of the start-up time (bench/README.md). Jetty's own system property answers the
     * question instead (JVM-wide, as Jetty reads it); the JVM compresses oops by default for heaps
     * under 32 GB. A value set by the user wins.
     */
    public static void skipMemoryProbe() {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            boolean compressedOops = Runtime.getRuntime().maxMemory() < 32L * 1024 * 1024 * 1024;
            System.setProperty(REFERENCES_PER_CACHE_LINE, compressedOops ? "16" : "8");
        }
    }

    /**
     * The one listening connector. Jetty's default accept queue is the JDK's 50: a room of browsers
     * (or the bench's 100 runs) connecting at one moment overflowed it, and each dropped SYN cost
     * its client a 1 s retransmit (bench/README.md).
     */
    public static ServerConnector connector(
            Server server, HttpConfiguration http, String host, int port, Duration idleTimeout) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        connector.setIdleTimeout(idleTimeout.toMillis());
        return connector;
    }

    /**
     * Loads and initialises the classes that a lab's start needs from Javalin and Jetty, by
     * building (not starting) a Javalin app and the Jetty objects it is made of: no thread, socket
     * or file is opened. {@code serve} calls it on another thread while picocli parses the command
     * line, so the start finds the classes ready (bench/README.md).
     */
    public static void warmClasses() {
        skipMemoryProbe();
        Javalin.create(
                cfg -> {
                    cfg.startup.showJavalinBanner = false;
                    cfg.routes.get("/", ctx -> ctx.result(""));
                });
        Server server = new Server(new QueuedThreadPool());
        server.addConnector(
                new ServerConnector(server, new HttpConnectionFactory(new HttpConfiguration())));
        server.setHandler(new ServletContextHandler());
    }
}
