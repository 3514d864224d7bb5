package dev.loopbacklab.web.notebook;

import dev.loopbacklab.lesson.Lesson;
import dev.loopbacklab.lesson.LessonCatalog;
import dev.loopbacklab.notebook.NotebookLimits;
import dev.loopbacklab.notebook.Notebooks;
import dev.loopbacklab.notebook.Toolkit;
import dev.loopbacklab.web.ThreadedEventStream;
import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The JShell cells' part of the site: its capability, its routes and its sessions. {@code
 * LabServer} makes one, registers its routes after the Host, token and Origin checks, prints {@link
 * #link} and closes it when the lab stops.
 */
public final class NotebookWeb implements AutoCloseable {
    private final Capability capability;
    private final NotebookLimits limits;
    private final Supplier<LessonCatalog> catalog;
    private Notebooks notebooks;
    private boolean closed;

    private NotebookWeb(
            Capability capability, NotebookLimits limits, Supplier<LessonCatalog> catalog) {
        this.capability = capability;
        this.limits = limits;
        this.catalog = catalog;
    }

    /**
     * For a lab serving {@code roomMode} or not: on loopback a fresh secret; in room mode none, and
     * no code runs from a page.
     */
    public static NotebookWeb create(
            boolean roomMode, NotebookLimits limits, Supplier<LessonCatalog> catalog) {
        return new NotebookWeb(
                roomMode ? Capability.none() : Capability.generate(), limits, catalog);
    }

    /**
     * {@code url} with the secret ({@code ?jshell=…}): the link that lets a browser run code;
     * {@code url} itself in room mode.
     */
    public String link(String url) {
        return capability.exists() ? url + "?" + Capability.PARAM + "=" + capability.secret() : url;
    }

    /** Adds the routes; call after the checks every request passes. */
    public void register(RoutesConfig routes) {
        NotebookApi api = new NotebookApi(capability, this::notebooks, limits, this::importsOf);
        routes.before(
                ctx -> {
                    if (Enter.handle(ctx, capability)) {
                        ctx.skipRemainingHandlers();
                    }
                });
        routes.before("/api/jshell/sessions", api::guard);
        routes.before("/api/jshell/sessions/*", api::guard);
        routes.get("/api/jshell/status", api::status);
        routes.post("/api/jshell/sessions", api::open);
        routes.get("/api/jshell/sessions/{id}/events", ThreadedEventStream.handler(api::events));
        routes.post("/api/jshell/sessions/{id}/cells", api::run);
        routes.post("/api/jshell/sessions/{id}/stop", api::stop);
        routes.post("/api/jshell/sessions/{id}/reset", api::reset);
        routes.post("/api/jshell/sessions/{id}/close", api::close);
    }

    /** The sessions, made on first use: a lab whose pages never run code starts no JShell. */
    synchronized Notebooks notebooks() {
        if (closed) {
            throw new IllegalStateException("the lab is stopping");
        }
        if (notebooks == null) {
            notebooks = new Notebooks(limits, Toolkit.classPath());
        }
        return notebooks;
    }

    /** The sessions open now. */
    public synchronized int openSessions() {
        return notebooks == null ? 0 : notebooks.open();
    }

    /** The toolkit's imports, then every import line in the lesson's JShell blocks. */
    List<String> importsOf(String lessonId) {
        Set<String> imports = new LinkedHashSet<>(Toolkit.imports());
        if (!lessonId.isEmpty()) {
            catalog.get()
                    .find(lessonId)
                    .ifPresent(
                            lesson -> {
                                for (Lesson.Embed embed : lesson.embeds()) {
                                    if (embed.kind() == Lesson.Embed.Kind.JSHELL) {
                                        embed.body()
                                                .lines()
                                                .map(String::strip)
                                                .filter(l -> l.matches("import [\\w.*]+;"))
                                                .forEach(imports::add);
                                    }
                                }
                            });
        }
        return new ArrayList<>(imports);
    }

    /** Ends every session and its child JVM. */
    @Override
    public synchronized void close() {
        closed = true;
        if (notebooks != null) {
            notebooks.close();
        }
    }
}
