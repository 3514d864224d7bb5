package dev.loopbacklab.web.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopbacklab.lesson.LessonFormatException;
import dev.loopbacklab.web.Incident;
import dev.loopbacklab.web.view.Layout;
import dev.loopbacklab.web.view.MessagePage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a learner sees when something is missing or goes wrong: a page in the lab's frame (JSON
 * under {@code /api/}), never a stack trace nor an exception's message; the details go to the
 * terminal that runs the lab, under an {@link Incident}'s number the page shows.
 */
public final class ErrorPages {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Layout.Chrome chrome;

    /** Error pages in {@code chrome}. */
    public ErrorPages(Layout.Chrome chrome) {
        this.chrome = chrome;
    }

    /** Registers the 404 page and the exception handlers. */
    public void register(RoutesConfig routes) {
        routes.error(404, this::onNotFound);
        routes.exception(HttpResponseException.class, this::onHttpResponse);
        routes.exception(LessonFormatException.class, this::onBrokenLesson);
        routes.exception(Exception.class, this::onException);
    }

    void onNotFound(Context ctx) {
        quietly(() -> onNotFoundOn(ctx));
    }

    private void onNotFoundOn(Context ctx) {
        if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().equals("Not Found")) {
            notFound(ctx, chrome);
        }
    }

    void onHttpResponse(HttpResponseException e, Context ctx) {
        quietly(() -> onHttpResponseOn(e, ctx));
    }

    private void onHttpResponseOn(HttpResponseException e, Context ctx) {
        if (e.getStatus() == 404) {
            notFound(ctx, chrome);
        } else {
            ctx.status(e.getStatus())
                    .contentType("text/plain; charset=utf-8")
                    .result(e.getMessage());
        }
    }

    void onBrokenLesson(LessonFormatException e, Context ctx) {
        quietly(() -> onBrokenLessonOn(e, ctx));
    }

    private void onBrokenLessonOn(LessonFormatException e, Context ctx) {
        // Only in development mode, where lessons are re-read on every request.
        LOG.error("a lesson is broken: {}", e.getMessage());
        page(
                ctx,
                500,
                "A lesson is broken",
                "The lab could not read its lessons: "
                        + e.getMessage()
                        + " Fix the file and reload this page.");
    }

    void onException(Exception e, Context ctx) {
        quietly(() -> onExceptionOn(e, ctx));
    }

    private void onExceptionOn(Exception e, Context ctx) {
        // The page may be a room visitor's or a learner's lab's: never the message, a number.
        String said =
                Incident.log("request " + ctx.method() + " " + ctx.path(), e).sentence("The lab");
        if (ctx.path().startsWith("/api/") || ctx.path().startsWith("/room/api/")) {
            // JSON, as the API's other errors: a page shows "error", a learner's lab relays it.
            ctx.status(500).contentType("application/json").result(json("error", said));
        } else {
            page(ctx, 500, "Something went wrong", said);
        }
    }

    /**
     * Runs a handler that must never throw: Javalin answers a throwing exception handler by
     * queueing the exception handler again, so a handler that fails on every call (as all do once
     * Jetty has recycled the request under an asynchronous one) would loop for ever on a worker
     * thread.
     */
    private static void quietly(Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException gone) {
            LOG.debug(
                    "an error page could not be sent (the response is gone): {}", gone.toString());
        }
    }

    private static String json(String field, String text) {
        try {
            return JSON.writeValueAsString(Map.of(field, text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a map of two strings always writes
        }
    }

    private void page(Context ctx, int status, String title, String message) {
        ctx.status(status)
                .contentType("text/html; charset=utf-8")
                .result(MessagePage.render(status, title, message, chrome));
    }

    /** Answers 404: a page, or under {@code /api/} the API's JSON error. */
    static void notFound(Context ctx, Layout.Chrome chrome) {
        if (ctx.path().startsWith("/api/")) {
            ctx.status(404).contentType("application/json").result("{\"error\":\"not found\"}");
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
}
