package dev.loopbacklab.web.notebook;

import dev.loopbacklab.web.security.SameLabAddress;
import dev.loopbacklab.web.view.EnterPage;
import io.javalin.http.Context;

/**
 * Opening the printed link ({@code …/?jshell=<secret>}): the secret goes into the cookie and the
 * page moves on to the same address without it, so it does not stay in the address bar. A wrong
 * secret is refused with a word on where the right one is.
 */
final class Enter {
    private Enter() {}

    /** True if the request was answered here. */
    static boolean handle(Context ctx, Capability capability) {
        if (!capability.exists() || !ctx.method().name().equals("GET")) {
            return false; // in room mode the parameter means nothing
        }
        String presented;
        try {
            presented = ctx.queryParam(Capability.PARAM);
        } catch (RuntimeException malformedQuery) {
            // Javalin's query parser throws on some malformed query strings (found by the fuzz
            // test): such a request carries no secret, and the routes after this answer it.
            return false;
        }
        if (presented == null) {
            return false;
        }
        ctx.header("Cache-Control", "no-store");
        if (!capability.matches(presented)) {
            ctx.status(403)
                    .contentType("text/plain; charset=utf-8")
                    .result(
                            "This ?jshell= link is not this lab's. The lab makes a new one each time"
                                    + " it starts and prints it in its terminal: open that one to"
                                    + " run JShell from the lesson pages. The same address without"
                                    + " ?jshell= shows everything else.\n");
            return true;
        }
        ctx.header("Set-Cookie", capability.cookieHeader());
        ctx.contentType("text/html; charset=utf-8")
                .result(EnterPage.render(SameLabAddress.without(ctx, Capability.PARAM)));
        return true;
    }
}
