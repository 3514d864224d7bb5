package dev.loopbacklab.web;

import dev.loopbacklab.lesson.ExperimentRegistry;
import dev.loopbacklab.lesson.LessonCatalog;
import dev.loopbacklab.lesson.LessonFormatException;
import dev.loopbacklab.notebook.NotebookLimits;
import dev.loopbacklab.web.notebook.NotebookWeb;
import dev.loopbacklab.web.view.Layout;
import dev.loopbacklab.web.view.MessagePage;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab's web site. Binds the configured address (127.0.0.1 by default), checks the Host header
 * of every request before any handler runs (then, when serving a room, the access token), and sets
 * strict security headers on every response.
 */
public final class LabServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LabServer.class);
    static final String CSP = SecurityHeaders.CSP;

    /** Shown on every page, and printed at start, while the lab serves a room. */
    public static final String ROOM_BANNER =
            "This lab is serving a room: anyone on the network "
                    + "with the link (it carries the access token) can use it. Experiments still only touch the "
                    + "loopback of the machine that runs the lab.";

    private final LabConfig config;
    private final Javalin app;
    private final RunRegistry runs;
    private final NotebookWeb notebook;

    private LabServer(LabConfig config, Javalin app, RunRegistry runs, NotebookWeb notebook) {
        this.config = config;
        this.app = app;
        this.runs = runs;
        this.notebook = notebook;
    }

    /**
     * Starts a lab. Throws if the port cannot be bound; the cause chain then holds the JDK's {@link
     * java.net.BindException}. Throws {@link LessonFormatException} if the lessons cannot be read.
     */
    public static LabServer start(LabConfig config, ExperimentRegistry registry, String version) {
        skipJettyMemoryProbe();
        Layout.Chrome chrome =
                config.roomMode()
                        ? new Layout.Chrome(version, ROOM_BANNER)
                        : Layout.Chrome.local(version);
        // Read the lessons and render the index on another thread while Jetty starts, then the
        // lesson
        // pages once the first page is out (PageService.warm); a broken lesson still fails the
        // start.
        PageService pages =
                new PageService(
                        () -> LessonCatalog.load(config.content().lessons()),
                        config.content().fromDisk(),
                        registry,
                        chrome);
        Thread warm = new Thread(pages::warm, "lab-load-lessons");
        warm.setDaemon(true);
        warm.start();
        Assets assets = new Assets(config.content().site(), config.content().fromDisk());
        LabConfig.Limits limits = config.limits();
        RunRegistry runs = new RunRegistry(limits.maxRuns(), limits.runLifetime());
        RunApi api =
                new RunApi(
                        registry,
                        runs,
                        new RateLimiter(limits.runStartsPerClient(), limits.startWindow()));
        HostGuard hosts = new HostGuard(RoomHosts.allowed(config));
        OriginGuard origins = new OriginGuard(config.roomMode());
        TokenGate gate =
                config.token() == null ? null : new TokenGate(RoomToken.of(config.token()));
        LabMetrics metrics = new LabMetrics(runs::active);
        NotebookWeb notebook =
                NotebookWeb.create(config.roomMode(), NotebookLimits.defaults(), pages::catalog);
        Javalin app =
                Javalin.create(
                        cfg -> {
                            cfg.startup.showJavalinBanner = false;
                            cfg.startup.showOldJavalinVersionWarning = false;
                            cfg.jetty.host = config.host();
                            cfg.jetty.port = config.port();
                            cfg.http.maxRequestSize = RunApi.MAX_BODY;
                            cfg.jetty.modifyServer(
                                    server -> {
                                        // No graceful stop: it waited for every kept-alive
                                        // connection (a browser always holds
                                        // one), timed out, and printed a stack trace at Ctrl+C.
                                        // Runs are cancelled before this.
                                        server.setStopTimeout(0);
                                        server.setErrorHandler(new PlainErrors());
                                    });
                            cfg.jetty.addConnector(
                                    (server, http) -> connector(server, http, config));
                            cfg.jetty.modifyServletContextHandler(
                                    context -> context.setErrorHandler(new PlainErrors()));
                            cfg.routes.before(
                                    ctx -> {
                                        SecurityHeaders.apply(ctx::header);
                                        if (!hosts.allows(
                                                Collections.list(ctx.req().getHeaders("Host")))) {
                                            refuse(
                                                    ctx,
                                                    403,
                                                    config.roomMode()
                                                            ? "This lab only answers requests addressed to one of its own names."
                                                            : "This lab only answers requests addressed to localhost, 127.0.0.1 or [::1].");
                                            metrics.count(ctx.path(), 403);
                                        } else if (gate != null && !gate.admit(ctx)) {
                                            metrics.count(ctx.path(), ctx.statusCode());
                                        } else if (ctx.path().equals("/metrics")
                                                && !ctx.method().name().equals("GET")) {
                                            ctx.header("Allow", "GET");
                                            refuse(ctx, 405, "/metrics is only read: GET.");
                                            metrics.count(ctx.path(), 405);
                                        }
                                    });
                            // A request stopped in a before handler skips the after handlers: those
                            // count themselves.
                            cfg.routes.after(ctx -> metrics.count(ctx.path(), ctx.statusCode()));
                            cfg.routes.before(
                                    "/api/*",
                                    ctx -> {
                                        if (ctx.method().name().equals("POST")) {
                                            String reason =
                                                    origins.refusal(
                                                            ctx.header("Sec-Fetch-Site"),
                                                            ctx.header("Origin"),
                                                            ctx.header("Host"));
                                            if (reason != null) {
                                                refuse(ctx, 403, reason);
                                                metrics.count(ctx.path(), 403);
                                            }
                                        }
                                    });
                            notebook.register(cfg.routes);
                            cfg.routes.before(
                                    "/api/runs/{id}/events",
                                    ctx -> {
                                        if (runs.find(ctx.pathParam("id")).isEmpty()) {
                                            throw new NotFoundResponse();
                                        }
                                    });
                            Handler index =
                                    ctx -> {
                                        html(ctx, pages.index());
                                        pages.pageServed();
                                    };
                            Handler lesson =
                                    ctx -> {
                                        LivePage page =
                                                pages.lesson(ctx.pathParam("id")).orElse(null);
                                        if (page == null) {
                                            notFound(ctx, pages.chrome());
                                            return;
                                        }
                                        html(
                                                ctx,
                                                page.render(
                                                        page.isLive()
                                                                ? Connection.renderedFacts(ctx)
                                                                : new byte[0]));
                                        pages.pageServed();
                                    };
                            Handler asset = ctx -> assets.serve(ctx, ctx.pathParam("path"));
                            Handler favicon = ctx -> assets.serve(ctx, "favicon.svg");
                            // HEAD runs the GET handler (Jetty sends no body): on its own, Javalin
                            // answered 200 and an
                            // empty text/plain to a HEAD of any path a GET route matches, a missing
                            // lesson included.
                            cfg.routes.get("/", index).head("/", index);
                            cfg.routes.get("/lessons/{id}", lesson).head("/lessons/{id}", lesson);
                            cfg.routes.get("/assets/<path>", asset).head("/assets/<path>", asset);
                            cfg.routes.get("/favicon.ico", favicon).head("/favicon.ico", favicon);
                            cfg.routes.get(
                                    "/metrics",
                                    ctx ->
                                            ctx.contentType(LabPrometheus.CONTENT_TYPE)
                                                    .result(metrics.scrape()));
                            cfg.routes.post("/api/runs", api::start);
                            cfg.routes.post("/api/runs/{id}/cancel", api::cancel);
                            cfg.routes.sse("/api/runs/{id}/events", api::stream);
                            cfg.routes.error(
                                    404,
                                    ctx -> {
                                        if (ctx.result() == null
                                                || ctx.result().isEmpty()
                                                || ctx.result().equals("Not Found")) {
                                            notFound(ctx, pages.chrome());
                                        }
                                    });
                            cfg.routes.exception(
                                    HttpResponseException.class,
                                    (e, ctx) -> {
                                        if (e.getStatus() == 404) {
                                            notFound(ctx, pages.chrome());
                                        } else {
                                            ctx.status(e.getStatus())
                                                    .contentType("text/plain; charset=utf-8")
                                                    .result(e.getMessage());
                                        }
                                    });
                            cfg.routes.exception(
                                    LessonFormatException.class,
                                    (e, ctx) -> {
                                        // Only in development mode, where lessons are re-read on
                                        // every request.
                                        LOG.error("a lesson is broken: {}", e.getMessage());
                                        ctx.status(500)
                                                .contentType("text/html; charset=utf-8")
                                                .result(
                                                        MessagePage.render(
                                                                500,
                                                                "A lesson is broken",
                                                                "The lab could not read its lessons: "
                                                                        + e.getMessage()
                                                                        + " Fix the file and reload this page.",
                                                                pages.chrome()));
                                    });
                            cfg.routes.exception(
                                    Exception.class,
                                    (e, ctx) -> {
                                        LOG.error(
                                                "request {} {} failed",
                                                ctx.method(),
                                                ctx.path(),
                                                e);
                                        ctx.status(500)
                                                .contentType("text/html; charset=utf-8")
                                                .result(
                                                        MessagePage.render(
                                                                500,
                                                                "Something went wrong",
                                                                "The lab hit an error it did not expect; the details are in "
                                                                        + "the terminal that runs it.",
                                                                pages.chrome()));
                                    });
                        });
        try {
            app.start(config.host(), config.port());
            pages.catalog();
        } catch (RuntimeException e) {
            runs.close();
            notebook.close();
            app.stop();
            throw e;
        }
        return new LabServer(config, app, runs, notebook);
    }

    /**
     * Loads and initialises the classes that {@link #start} needs from Javalin and Jetty, by
     * building (not starting) a Javalin app and the Jetty objects it is made of: no thread, socket
     * or file is opened. {@code serve} calls it on another thread while picocli parses the command
     * line, so the start finds the classes ready (bench/README.md).
     */
    public static void warmClasses() {
        skipJettyMemoryProbe();
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

    /** Connections wait for the acceptor in a queue this long; beyond it the kernel drops SYNs. */
    static final int ACCEPT_QUEUE = 1024;

    /**
     * The one listening connector, on the configured address and port. Jetty's default accept queue
     * is the JDK's 50: a room of browsers (or the bench's 100 runs) connecting at one moment
     * overflowed it, and each dropped SYN cost its client a 1 s retransmit (bench/README.md).
     */
    private static ServerConnector connector(
            Server server, HttpConfiguration http, LabConfig config) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        connector.setIdleTimeout(config.limits().idleTimeout().toMillis());
        return connector;
    }

    /** The listening connector (for tests). */
    ServerConnector connector() {
        return (ServerConnector) app.jettyServer().server().getConnectors()[0];
    }

    /**
     * Jetty sizes its padding against false sharing by asking the HotSpot diagnostic MXBean whether
     * oops are compressed, which starts the platform MBean server: ~200 JMX classes and a good
     * share of the start-up time (bench/README.md). Its own system property answers the question
     * instead; the JVM compresses oops by default for heaps under 32 GB. A value set by the user
     * wins.
     */
    private static void skipJettyMemoryProbe() {
        String key = "org.eclipse.jetty.util.referencesPerCacheLine";
        if (System.getProperty(key) == null) {
            boolean compressedOops = Runtime.getRuntime().maxMemory() < 32L * 1024 * 1024 * 1024;
            System.setProperty(key, compressedOops ? "16" : "8");
        }
    }

    static void refuse(Context ctx, int status, String message) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result(message + "\n");
        ctx.skipRemainingHandlers();
    }

    private static void html(Context ctx, String page) throws IOException {
        html(ctx, page.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends a page. A client that asks for no encoding gets the bytes written straight to Jetty
     * with their length, in one piece; Javalin's result path (the bytes as a stream, copied through
     * its compression wrapper, the length left for Jetty to work out) cost the lesson page a good
     * share of its throughput (bench/README.md). A client that accepts encodings goes through
     * Javalin, which compresses.
     */
    private static void html(Context ctx, byte[] page) throws IOException {
        ctx.contentType("text/html; charset=utf-8");
        if (ctx.header("Accept-Encoding") != null) {
            ctx.result(page);
            return;
        }
        ctx.res().setContentLength(page.length);
        ctx.res().getOutputStream().write(page);
    }

    private static void notFound(Context ctx, Layout.Chrome chrome) {
        if (ctx.path().startsWith("/api/")) {
            RunApi.error(ctx, 404, "not found", null);
            return;
        }
        ctx.status(404)
                .contentType("text/html; charset=utf-8")
                .result(
                        MessagePage.render(
                                404,
                                "No such page",
                                "There is nothing at " + clip(ctx.path()) + " in this lab.",
                                chrome));
    }

    private static String clip(String path) {
        return path.length() <= 80 ? path : path.substring(0, 80) + "…";
    }

    /** The port it listens on (the real one when 0 was asked for). */
    public int port() {
        return app.port();
    }

    /** The address to open in a browser, e.g. {@code http://127.0.0.1:62893/}. */
    public String url() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + host + ":" + port() + "/";
    }

    /**
     * The address with the secret that lets a browser run JShell from the pages ({@code
     * ?jshell=…}); the plain {@link #url} in room mode, where no code runs from a page.
     */
    public String notebookUrl() {
        return notebook.link(url());
    }

    /** The JShell cells' sessions and routes. */
    public NotebookWeb notebook() {
        return notebook;
    }

    /** What it was started with. */
    public LabConfig config() {
        return config;
    }

    public RunRegistry runs() {
        return runs;
    }

    /** Stops every run and the server. */
    @Override
    public void close() {
        runs.close();
        notebook.close();
        app.stop();
    }
}
