package dev.loopbacklab.web.security;

import dev.loopbacklab.web.view.EnterPage;
import io.javalin.http.Context;

/**
 * Room mode's door: every request must carry the access token, first as {@code ?token=} in the link
 * the teacher shared, then in an HttpOnly, SameSite=Strict cookie so it leaves the address bar.
 * Missing is 401, wrong is 403.
 */
public final class TokenGate {
    /** The cookie that carries the token once the link has been opened. */
    public static final String COOKIE = "loopback_lab_token";

    /**
     * The cookie that tells one room visitor's browser from another's (random, given with the
     * token), so that the run-start limit can count visitors behind one address apart.
     */
    public static final String VISITOR_COOKIE = "loopback_lab_visitor";

    private final RoomToken token;

    /** The visitor identity this request carries, or null (none, or not one the lab gives). */
    public static String visitor(Context ctx) {
        String id = ctx.cookie(VISITOR_COOKIE);
        return id != null && id.matches("[A-Za-z0-9_-]{32}") ? id : null;
    }

    TokenGate(RoomToken token) {
        this.token = token;
    }

    /** True when the request may go on; otherwise the response is already written. */
    boolean admit(Context ctx) {
        String fromLink = ctx.queryParam("token");
        if (fromLink != null) {
            if (!token.matches(fromLink)) {
                Refusal.send(
                        ctx,
                        403,
                        "This access token is not the one for this lab. Ask for the link "
                                + "again.");
                return false;
            }
            ctx.res()
                    .addHeader(
                            "Set-Cookie",
                            COOKIE + "=" + fromLink + "; Path=/; HttpOnly; SameSite=Strict");
            if (visitor(ctx) == null) {
                ctx.res()
                        .addHeader(
                                "Set-Cookie",
                                VISITOR_COOKIE
                                        + "="
                                        + RoomToken.generate()
                                        + "; Path=/; HttpOnly; SameSite=Strict");
            }
            if (ctx.method().name().equals("GET")) {
                ctx.header("Cache-Control", "no-store");
                ctx.contentType("text/html; charset=utf-8")
                        .result(EnterPage.render(SameLabAddress.without(ctx, "token")));
                ctx.skipRemainingHandlers();
                return false;
            }
            return true;
        }
        String fromCookie = ctx.cookie(COOKIE);
        if (fromCookie == null) {
            Refusal.send(
                    ctx,
                    401,
                    "This lab is serving a room and needs its access token: open the "
                            + "link you were given, the one that ends in ?token=…");
            return false;
        }
        if (!token.matches(fromCookie)) {
            Refusal.send(
                    ctx,
                    403,
                    "The access token saved in this browser is not the one for this "
                            + "lab. Open the link you were given again.");
            return false;
        }
        return true;
    }
}
