package dev.loopbacklab.web;

import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.ExperimentRegistry;
import dev.loopbacklab.lesson.LabCopy;
import dev.loopbacklab.lesson.LessonFormatException;
import dev.loopbacklab.lesson.RoomLink;
import dev.loopbacklab.net.Endpoint;
import dev.loopbacklab.notebook.NotebookLimits;
import dev.loopbacklab.web.metrics.LabMetrics;
import dev.loopbacklab.web.notebook.NotebookWeb;
import dev.loopbacklab.web.pages.ErrorPages;
import dev.loopbacklab.web.pages.Pages;
import dev.loopbacklab.web.room.RoomApi;
import dev.loopbacklab.web.room.SharedLab;
import dev.loopbacklab.web.room.Workshop;
import dev.loopbacklab.web.room.WorkshopConfig;
import dev.loopbacklab.web.runs.RunApi;
import dev.loopbacklab.web.runs.RunRegistry;
import dev.loopbacklab.web.runs.RunWarmUp;
import dev.loopbacklab.web.security.Guards;
import dev.loopbacklab.web.security.PlainErrors;
import dev.loopbacklab.web.security.SecurityHeaders;
import dev.loopbacklab.web.security.SlowRequests;
import dev.loopbacklab.web.tuning.FirstRunWarmUp;
import dev.loopbacklab.web.tuning.JettyTuning;
import dev.loopbacklab.web.view.Layout;
import io.javalin.Javalin;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The lab's web site, assembled from its features: the guards (every request passes them first),
 * the metrics, the runs, the pages and the error pages, each registering its own routes. Binds the
 * configured address (127.0.0.1 by default).
 */
public final class LabServer implements LabCopy {
    static final String CSP = SecurityHeaders.CSP;

    /** Shown on every page, and printed at start, while the lab serves a room. */
    public static final String ROOM_BANNER = SharedLab.BANNER;

    private final LabConfig config;
    private final Javalin app;
    private final RunRegistry runs;
    private final RunApi api;
    private final NotebookWeb notebook;
    private final FirstRunWarmUp firstRuns;

    private final Workshop workshop;

    private LabServer(
            LabConfig config,
            Javalin app,
            RunRegistry runs,
            RunApi api,
            Workshop workshop,
            NotebookWeb notebook,
            FirstRunWarmUp firstRuns) {
        this.config = config;
        this.app = app;
        this.runs = runs;
        this.api = api;
        this.workshop = workshop;
        this.notebook = notebook;
        this.firstRuns = firstRuns;
    }

    /**
     * Starts a lab. Throws if the port cannot be bound; the cause chain then holds the JDK's {@link
     * java.net.BindException}. Throws {@link LessonFormatException} if the lessons cannot be read.
     */
    public static LabServer start(LabConfig config, ExperimentRegistry registry, String version) {
        return start(config, WorkshopConfig.none(), registry, version);
    }

    /**
     * Starts a lab that also takes part in a workshop: opens the teacher's room, or joins one, as
     * {@code workshop} says. A room that cannot be opened or joined fails the start.
     */
    public static LabServer start(
            LabConfig config,
            WorkshopConfig workshopConfig,
            ExperimentRegistry registry,
            String version) {
        JettyTuning.skipMemoryProbe();
        Layout.Chrome chrome =
                config.roomMode()
                        ? new Layout.Chrome(version, ROOM_BANNER)
                        : Layout.Chrome.local(version);
        // The pages are rendered on another thread while Jetty starts. Lessons on disk are read
        // whole, so a broken one still fails the start (pages.catalog() below); packed ones were
        // checked when the jar was built and are read as their pages are first asked for.
        Pages pages = Pages.of(config.content(), registry, chrome);
        FirstRunWarmUp firstRuns =
                new FirstRunWarmUp(
                        RunWarmUp::sharedPath,
                        lessonId ->
                                registry.lessons().stream()
                                        .filter(lesson -> lesson.lessonId().equals(lessonId))
                                        .flatMap(lesson -> lesson.experiments().stream())
                                        .forEach(Experiment::warmUp));
        pages.onPageServed(firstRuns::pageServed);
        LabConfig.Limits limits = config.limits();
        RunRegistry runs = new RunRegistry(limits.maxRuns(), limits.runLifetime());
        Guards guards =
                new Guards(config.host(), config.extraHosts(), config.roomMode(), config.token());
        LabMetrics metrics = new LabMetrics(runs::active);
        NotebookWeb notebook =
                NotebookWeb.create(config.roomMode(), NotebookLimits.defaults(), pages::catalog);
        RunApi api =
                new RunApi(
                        registry,
                        runs,
                        limits.runStartsPerClient(),
                        limits.startWindow(),
                        limits.streamsPerRun(),
                        limits.streams());
        ErrorPages errors = new ErrorPages(chrome);
        AtomicReference<Javalin> started = new AtomicReference<>();
        Workshop workshop =
                new Workshop(
                        workshopConfig,
                        config.host(),
                        () -> started.get().port(),
                        pages::catalog,
                        chrome);
        runs.onFinished(workshop::finished);
        runs.provide(RoomLink.class, workshop.membership());
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
                                        // connection (a browser always holds one), timed out,
                                        // and printed a stack trace at Ctrl+C. Runs are
                                        // cancelled before this.
                                        server.setStopTimeout(0);
                                        server.setErrorHandler(new PlainErrors());
                                        // The room's API for learners' labs answers first,
                                        // ahead of the servlet context and Javalin (Javalin
                                        // puts its context inside it); every other path goes
                                        // on to them.
                                        server.insertHandler(
                                                new RoomApi(
                                                        workshop::room, guards, metrics::count));
                                    });
                            cfg.jetty.addConnector(
                                    (server, http) -> {
                                        ServerConnector connector =
                                                JettyTuning.connector(
                                                        server,
                                                        http,
                                                        config.host(),
                                                        config.port(),
                                                        limits.idleTimeout());
                                        // Slowloris: slow requests are closed, and a cap on
                                        // connections keeps the lab under its file limit.
                                        connector.addBean(
                                                new SlowRequests(limits.minRequestRate()));
                                        server.addBean(
                                                new NetworkConnectionLimit(
                                                        limits.connections(), connector));
                                        return connector;
                                    });
                            cfg.jetty.modifyServletContextHandler(
                                    context -> context.setErrorHandler(new PlainErrors()));
                            guards.register(cfg.routes);
                            notebook.register(cfg.routes);
                            metrics.register(cfg.routes, cfg.requestLogger);
                            pages.register(cfg.routes);
                            api.register(cfg.routes);
                            workshop.register(cfg.routes);
                            if (config.roomMode()) {
                                SharedLab.register(cfg.routes, registry);
                            }
                            errors.register(cfg.routes);
                        });
        started.set(app);
        LabServer lab = new LabServer(config, app, runs, api, workshop, notebook, firstRuns);
        try {
            app.start(config.host(), config.port());
            pages.catalog();
            workshop.start();
        } catch (RuntimeException | IOException | SQLException e) {
            lab.close(); // what did start is stopped in the one order close() keeps
            throw e instanceof RuntimeException r
                    ? r
                    : new IllegalStateException(
                            "the workshop room could not be opened: " + e.getMessage(), e);
        }
        return lab;
    }

    /** The Jetty server under it (for tests). */
    public org.eclipse.jetty.server.Server jettyServer() {
        return app.jettyServer().server();
    }

    /** The listening connector (for tests). */
    ServerConnector connector() {
        return (ServerConnector) app.jettyServer().server().getConnectors()[0];
    }

    /** The port it listens on (the real one when 0 was asked for). */
    @Override
    public int port() {
        return app.port();
    }

    /** The address to open in a browser, e.g. {@code http://127.0.0.1:62893/}. */
    @Override
    public String url() {
        return "http://" + Endpoint.bracketed(config.host()) + ":" + port() + "/";
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

    /** The runs going and recently finished. */
    public RunRegistry runs() {
        return runs;
    }

    @Override
    public int activeRuns() {
        return runs.active();
    }

    /** Its part in a workshop: the room it opened, or the one it joined. */
    public Workshop workshop() {
        return workshop;
    }

    /** Stops every run, the room (its file is closed cleanly) and the server. */
    @Override
    public void close() {
        firstRuns.close();
        runs.close();
        api.close();
        notebook.close();
        workshop.close();
        app.stop();
    }
}
