package dev.loopbacklab.web.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopbacklab.lesson.EventJson;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.ExperimentRegistry;
import dev.loopbacklab.lesson.ParamException;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.web.security.TokenGate;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/runs} starts a run, {@code GET /api/runs/<id>/events} streams it as Server-Sent
 * Events (one per report event, carrying the HTML fragment and the JSON, then {@code done}), and
 * {@code POST /api/runs/<id>/cancel} stops it. When the stream's client goes away, the run stops.
 */
public final class RunApi implements AutoCloseable {
    /** The largest run request, in bytes. */
    public static final int MAX_BODY = 64 * 1024;

    private final ExperimentRegistry registry;
    private final RunRegistry runs;
    private final StartLimits starts;
    private final EventStreams streams;

    /**
     * Runs {@code registry}'s experiments in {@code runs}, letting one client start at most {@code
     * startsPerClient} of them per {@code startWindow}.
     */
    public RunApi(
            ExperimentRegistry registry,
            RunRegistry runs,
            int startsPerClient,
            Duration startWindow,
            int streamsPerRun,
            int streams) {
        this.registry = registry;
        this.runs = runs;
        this.starts = new StartLimits(startsPerClient, startWindow);
        this.streams = new EventStreams(streamsPerRun, streams);
    }

    /** Ends every open event stream. */
    @Override
    public void close() {
        streams.close();
    }

    /** Registers the run routes. */
    public void register(RoutesConfig routes) {
        routes.post("/api/runs", this::start);
        routes.post("/api/runs/{id}/cancel", this::cancel);
        routes.before(
                "/api/runs/{id}/events",
                ctx -> {
                    if (runs.find(ctx.pathParam("id")).isEmpty()) {
                        throw new NotFoundResponse();
                    }
                });
        routes.get(
                "/api/runs/{id}/events",
                ctx ->
                        streams.open(
                                ctx,
                                runs.find(ctx.pathParam("id")).orElseThrow(NotFoundResponse::new)));
    }

    private void start(Context ctx) {
        // The raw header: the servlet API's getContentType() throws on a bad charset parameter.
        String type = ctx.header("Content-Type") == null ? "" : ctx.header("Content-Type");
        if (!type.split(";", 2)[0]
                .strip()
                .toLowerCase(java.util.Locale.ROOT)
                .equals("application/json")) {
            error(ctx, 415, "send the run request as JSON (Content-Type: application/json)", null);
            return;
        }
        if (ctx.req().getContentLengthLong() > MAX_BODY) {
            error(ctx, 413, "the request is larger than " + MAX_BODY + " bytes", null);
            return;
        }
        byte[] body;
        try {
            body = ctx.bodyAsBytes();
        } catch (Exception e) {
            // Javalin stops reading at MAX_BODY (chunked bodies have no length to check first); a
            // body
            // that ends before its Content-Length is the client's fault too, not a server error.
            boolean tooLarge =
                    e instanceof io.javalin.http.HttpResponseException r && r.getStatus() == 413;
            error(
                    ctx,
                    tooLarge ? 413 : 400,
                    tooLarge
                            ? "the request is larger than " + MAX_BODY + " bytes"
                            : "the request body could not be read",
                    null);
            return;
        }
        JsonNode request;
        try {
            request = EventJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            error(ctx, 400, "the request is not valid JSON", null);
            return;
        } catch (java.io.IOException e) {
            error(ctx, 400, "the request could not be read", null);
            return;
        }
        if (request == null || !request.isObject() || !request.path("experiment").isTextual()) {
            error(ctx, 400, "expected {\"experiment\": \"<id>\", \"params\": {…}}", "experiment");
            return;
        }
        String id = request.get("experiment").asText();
        Experiment experiment = registry.find(id).orElse(null);
        if (experiment == null) {
            error(
                    ctx,
                    404,
                    "there is no experiment or check named \"" + clip(id) + "\"",
                    "experiment");
            return;
        }
        Params params;
        try {
            params = Params.parse(experiment.params(), raw(request.path("params")));
        } catch (ParamException e) {
            error(ctx, 400, e.getMessage(), e.field());
            return;
        }
        if (!starts.tryStart(ctx.req().getRemoteAddr(), TokenGate.visitor(ctx))) {
            error(
                    ctx,
                    429,
                    "you have started runs too quickly; wait a few seconds and try again",
                    null);
            return;
        }
        Run run;
        try {
            run = runs.start(experiment, params);
        } catch (RunRegistry.BusyException e) {
            error(ctx, 429, e.getMessage(), null);
            return;
        }
        ObjectNode created = EventJson.mapper().createObjectNode();
        created.put("id", run.id());
        created.put("experiment", id);
        created.put("events", "/api/runs/" + run.id() + "/events");
        created.put("cancel", "/api/runs/" + run.id() + "/cancel");
        EventTypes.all().forEach(created.putArray("types")::add);
        ctx.status(201).contentType("application/json").result(created.toString());
    }

    static Map<String, String> raw(JsonNode params) {
        Map<String, String> raw = new LinkedHashMap<>();
        if (params.isMissingNode() || params.isNull()) {
            return raw;
        }
        if (!params.isObject()) {
            throw new ParamException(null, "params must be an object of name: value pairs");
        }
        for (Map.Entry<String, JsonNode> field : params.properties()) {
            JsonNode value = field.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw new ParamException(field.getKey(), field.getKey() + " must be a plain value");
            }
            raw.put(field.getKey(), value.asText());
        }
        return raw;
    }

    private void cancel(Context ctx) {
        Run run = runs.find(ctx.pathParam("id")).orElse(null);
        if (run == null) {
            error(ctx, 404, "no such run", null);
            return;
        }
        run.cancel("you pressed Stop");
        ctx.status(202).contentType("application/json").result("{\"cancelled\":true}");
    }

    /** Answers a run request with {@code {"error": message, "field": field}}. */
    public static void error(Context ctx, int status, String message, String field) {
        ObjectNode node = EventJson.mapper().createObjectNode();
        node.put("error", message);
        if (field != null) {
            node.put("field", field);
        }
        ctx.status(status).contentType("application/json").result(node.toString());
    }

    private static String clip(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
