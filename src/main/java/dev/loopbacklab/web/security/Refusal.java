package dev.loopbacklab.web.security;

import io.javalin.http.Context;

/** A guard's "no": a short plain-text reason, and no handler after it runs. */
final class Refusal {
    private Refusal() {}

    static void send(Context ctx, int status, String message) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result(message + "\n");
        ctx.skipRemainingHandlers();
    }
}
