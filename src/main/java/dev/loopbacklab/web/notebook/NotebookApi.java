package dev.loopbacklab.web.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopbacklab.LabCommand;
import dev.loopbacklab.lesson.EventJson;
import dev.loopbacklab.notebook.EventLog;
import dev.loopbacklab.notebook.NotebookLimits;
import dev.loopbacklab.notebook.NotebookSession;
import dev.loopbacklab.notebook.Notebooks;
import dev.loopbacklab.web.ThreadedEventStream;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code /api/jshell/…}: the capability's status, and a page's session: open it, stream it, run a
 * cell, stop, reset, close. The page's stream is the session's lifeline: when it goes (the tab
 * closed), the session ends.
 */
final class NotebookApi {
    static final int MAX_CODE = 32 * 1024;
    static final String TERMINAL = LabCommand.with("jshell");

    private final Capability capability;
    private final Supplier<Notebooks> notebooks;
    private final NotebookLimits limits;
    private final Function<String, List<String>> importsOf;

    NotebookApi(
            Capability capability,
            Supplier<Notebooks> notebooks,
            NotebookLimits limits,
            Function<String, List<String>> importsOf) {
        this.capability = capability;
        this.notebooks = notebooks;
        this.limits = limits;
        this.importsOf = importsOf;
    }

    /** Before every {@code /api/jshell/sessions…} route: refuses unless code may run. */
    void guard(Context ctx) {
        Capability.Verdict verdict = capability.of(ctx);
        if (verdict != Capability.Verdict.ALLOWED) {
            error(ctx, verdict == Capability.Verdict.MISSING ? 401 : 403, message(verdict));
            ctx.skipRemainingHandlers();
            return;
        }
        if (ctx.method().name().equals("POST") && !isJson(ctx)) {
            error(ctx, 415, "send JSON (Content-Type: application/json)");
            ctx.skipRemainingHandlers();
        }
    }

    void status(Context ctx) {
        Capability.Verdict verdict = capability.of(ctx);
        ObjectNode node = EventJson.mapper().createObjectNode();
        node.put("state", verdict.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        node.put("allowed", verdict == Capability.Verdict.ALLOWED);
        node.put("message", message(verdict));
        node.put("terminal", TERMINAL);
        node.put("maxSessions", limits.maxSessions());
        node.put("snippetSeconds", limits.snippetTime().toSeconds());
        node.put("idleMinutes", limits.idleTime().toMinutes());
        node.put("outputKiB", limits.outputCap() / 1024);
        node.put("heapMiB", limits.heapMegabytes());
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json").result(node.toString());
    }

    void open(Context ctx) {
        JsonNode body = body(ctx);
        if (body == null) {
            return;
        }
        String lesson = body.path("lesson").asText("");
        if (!lesson.matches("[a-z0-9-]{0,64}")) {
            error(ctx, 400, "lesson must be a lesson id");
            return;
        }
        NotebookSession session;
        try {
            session = notebooks.get().open(importsOf.apply(lesson));
        } catch (IllegalStateException full) {
            error(ctx, 429, full.getMessage());
            return;
        }
        String base = "/api/jshell/sessions/" + session.id();
        ObjectNode node = EventJson.mapper().createObjectNode();
        node.put("id", session.id());
        node.put("events", base + "/events");
        node.put("cells", base + "/cells");
        node.put("stop", base + "/stop");
        node.put("reset", base + "/reset");
        node.put("close", base + "/close");
        ctx.status(201).contentType("application/json").result(node.toString());
    }

    void run(Context ctx) {
        NotebookSession session = session(ctx);
        JsonNode body = session == null ? null : body(ctx);
        if (body == null) {
            return;
        }
        JsonNode code = body.path("code");
        if (!code.isTextual()) {
            error(ctx, 400, "code must be text");
            return;
        }
        try {
            int run = session.run(code.asText());
            ctx.status(202).contentType("application/json").result("{\"run\":" + run + "}");
        } catch (IllegalStateException e) {
            error(ctx, 429, e.getMessage());
        }
    }

    void stop(Context ctx) {
        NotebookSession session = session(ctx);
        if (session != null) {
            session.stop("you pressed Stop");
            ctx.status(202).contentType("application/json").result("{}");
        }
    }

    void reset(Context ctx) {
        NotebookSession session = session(ctx);
        if (session != null) {
            session.reset();
            ctx.status(202).contentType("application/json").result("{}");
        }
    }

    void close(Context ctx) {
        NotebookSession session = session(ctx);
        if (session != null) {
            notebooks.get().close(session.id(), "the page was closed");
            ctx.status(202).contentType("application/json").result("{}");
        }
    }

    /** Streams the session's events until it ends or the page goes; then the session ends. */
    void events(Context ctx, ThreadedEventStream.Events events) {
        NotebookSession session = notebooks.get().find(ctx.pathParam("id")).orElse(null);
        try {
            OutputStream out = events.open();
            if (session == null) {
                frame(out, "gone", "{\"text\":\"This JShell session has ended.\"}");
                return;
            }
            long next = 0;
            while (!events.gone()) {
                List<EventLog.Entry> entries = session.events(next, 1000);
                if (entries.isEmpty()) {
                    if (session.isClosed()) {
                        break;
                    }
                    out.write(": waiting\n\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                for (EventLog.Entry entry : entries) {
                    frame(out, entry.event().type(), CellJson.of(entry));
                    next = entry.seq() + 1;
                }
            }
        } catch (IOException e) {
            // the page went away: its session ends below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (session != null) {
                notebooks.get().close(session.id(), "the page was closed");
            }
        }
    }

    private static void frame(OutputStream out, String type, String json) throws IOException {
        out.write(("event: " + type + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private NotebookSession session(Context ctx) {
        NotebookSession session = notebooks.get().find(ctx.pathParam("id")).orElse(null);
        if (session == null) {
            error(ctx, 404, "This JShell session has ended; reload the page to start a new one.");
        }
        return session;
    }

    private static JsonNode body(Context ctx) {
        if (ctx.req().getContentLengthLong() > MAX_CODE) {
            error(ctx, 413, "a cell may hold up to " + MAX_CODE / 1024 + " KiB of code");
            return null;
        }
        try {
            byte[] bytes = ctx.bodyAsBytes();
            if (bytes.length > MAX_CODE) {
                error(ctx, 413, "a cell may hold up to " + MAX_CODE / 1024 + " KiB of code");
                return null;
            }
            JsonNode node = EventJson.mapper().readTree(bytes);
            if (node == null || !node.isObject()) {
                error(ctx, 400, "send a JSON object");
                return null;
            }
            return node;
        } catch (IOException e) {
            error(ctx, 400, "the request is not valid JSON");
            return null;
        }
    }

    private static boolean isJson(Context ctx) {
        String type = ctx.header("Content-Type") == null ? "" : ctx.header("Content-Type");
        return type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals("application/json");
    }

    static String message(Capability.Verdict verdict) {
        return switch (verdict) {
            case ALLOWED -> "Run the cells here: they share one JShell, like a notebook.";
            case ROOM ->
                    "Running JShell from the page is off while this lab serves a room: the code"
                            + " would run on the machine that serves it, not yours. Run it on your"
                            + " own machine instead: "
                            + TERMINAL;
            case MISSING ->
                    "To run these cells here, open the link the lab printed when it started (it"
                            + " ends in ?jshell=…) once in this browser. Or paste them into JShell"
                            + " in a terminal: "
                            + TERMINAL;
            case WRONG ->
                    "This browser holds a JShell link from an earlier start of the lab; it makes a"
                            + " new one each time. Open the link it printed this time, or use a"
                            + " terminal: "
                            + TERMINAL;
            case NOT_LOOPBACK ->
                    "Only a browser on the lab's own machine may run JShell from the page.";
        };
    }

    static void error(Context ctx, int status, String message) {
        ObjectNode node = EventJson.mapper().createObjectNode();
        node.put("error", message);
        ctx.status(status).contentType("application/json").result(node.toString());
    }
}
