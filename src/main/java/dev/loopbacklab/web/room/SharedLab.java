package dev.loopbacklab.web.room;

import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.ExperimentRegistry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;

/**
 * The shared lab (the teacher's lab used by visitors' browsers, for learners who cannot run Java)
 * is honest about where runs happen: on the teacher's machine. What cannot work for a visitor, or
 * would expose the teacher or the room, runs for the teacher only, and the page says why.
 */
public final class SharedLab {
    /** Shown on every page of a shared lab. */
    public static final String BANNER =
            "This is the teacher's shared lab: every Run here happens on the teacher's machine, not"
                    + " yours, and anyone on the network with the link can use it. To see your own"
                    + " machine, run your own lab and join the room.";

    static final String CHECK =
            "A check proves something about your own machine; here it would run on the teacher's."
                    + " Run your own lab and join the room to do it.";

    static final String WILDCARD =
            "It opens a server on every address of the teacher's machine for a moment: in a shared"
                    + " lab anyone in the room could connect to it, so it runs for the teacher only.";

    static final String PRIVATE =
            "It shows the teacher's processes, user names or paths, so it runs for the teacher only.";

    /** Experiments (not checks) that run for the teacher only, and why. */
    static final Map<String, String> TEACHER_ONLY =
            Map.of(
                    "port-conflict", WILDCARD,
                    "exposure-matrix", WILDCARD,
                    "exposure-default-bind", WILDCARD,
                    "listening-find-me", WILDCARD,
                    "db-tcp", WILDCARD,
                    "db-allow-others", WILDCARD,
                    "listening-table", PRIVATE,
                    "port-privileged", PRIVATE);

    private SharedLab() {}

    /**
     * Refuses a visitor's run of an experiment that runs for the teacher only (403, with the
     * reason); the teacher, at the lab's own machine, runs everything. Registered in a shared lab
     * only, after the guards (Host, token, same-origin POST).
     */
    public static void register(RoutesConfig routes, ExperimentRegistry registry) {
        routes.before(
                "/api/runs",
                ctx -> {
                    if (!ctx.method().name().equals("POST") || fromThisMachine(ctx)) {
                        return;
                    }
                    String id;
                    try {
                        id = Json.MAPPER.readTree(ctx.bodyAsBytes()).path("experiment").asText("");
                    } catch (java.io.IOException e) {
                        return; // the run API answers a bad body itself
                    }
                    Optional<String> reason = registry.find(id).flatMap(SharedLab::teacherOnly);
                    if (reason.isPresent()) {
                        Json.error(ctx, 403, reason.get());
                        ctx.skipRemainingHandlers();
                    }
                });
    }

    private static boolean fromThisMachine(Context ctx) {
        return !visitor(ctx.req().getRemoteAddr());
    }

    /**
     * True for a request from another machine: the teacher uses the lab on its own machine, so
     * through loopback; a room's visitors come over the network. (Read from the socket, never a
     * header.)
     */
    static boolean visitor(String remoteAddress) {
        try {
            return !InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return true;
        }
    }

    /** Why a visitor of a shared lab cannot run {@code experiment}, or empty if they can. */
    public static Optional<String> teacherOnly(Experiment experiment) {
        if (experiment.isCheck()) {
            return Optional.of(CHECK);
        }
        return Optional.ofNullable(TEACHER_ONLY.get(experiment.id()));
    }
}
