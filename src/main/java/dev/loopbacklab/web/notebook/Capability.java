package dev.loopbacklab.web.notebook;

import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.web.security.RoomToken;
import io.javalin.http.Context;

/**
 * Who may run code from a page. Like Jupyter's token: a secret made when the lab starts and printed
 * in the link the lab shows ({@code ?jshell=…}); a browser that opens that link keeps it in an
 * {@code HttpOnly; SameSite=Strict} cookie sent only to {@code /api/jshell/}. Without it the pages
 * work as before, without Run on the JShell cells. A lab serving a room has no secret at all.
 */
final class Capability {
    static final String PARAM = "jshell";
    static final String COOKIE = "loopback_lab_jshell";
    static final String COOKIE_PATH = "/api/jshell";

    /** Whether this request may run code, and if not, why. */
    enum Verdict {
        ALLOWED,
        ROOM,
        MISSING,
        WRONG,
        NOT_LOOPBACK
    }

    private final String secret;
    private final RoomToken check;

    /** {@code secret} null: code never runs (room mode). */
    private Capability(String secret, RoomToken check) {
        this.secret = secret;
        this.check = check;
    }

    /** A lab on loopback: a fresh secret of 192 random bits. */
    static Capability generate() {
        RoomToken.Generated secret = RoomToken.random();
        return new Capability(secret.text(), secret.check());
    }

    /** A lab serving a room: code never runs from its pages. */
    static Capability none() {
        return new Capability(null, null);
    }

    boolean exists() {
        return secret != null;
    }

    String secret() {
        return secret;
    }

    boolean matches(String presented) {
        return check != null && check.matches(presented);
    }

    Verdict of(Context ctx) {
        if (check == null) {
            return Verdict.ROOM;
        }
        if (!fromLoopback(ctx.req().getRemoteAddr())) {
            return Verdict.NOT_LOOPBACK;
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null) {
            return Verdict.MISSING;
        }
        return check.matches(cookie) ? Verdict.ALLOWED : Verdict.WRONG;
    }

    /** The cookie that carries the secret, for the page that a {@code ?jshell=} link opens. */
    String cookieHeader() {
        return COOKIE + "=" + secret + "; Path=" + COOKIE_PATH + "; HttpOnly; SameSite=Strict";
    }

    /**
     * A lab on loopback only ever sees loopback peers; anything else (a proxy or tunnel someone set
     * up in front of it) does not get to run code, secret or not.
     */
    static boolean fromLoopback(String address) {
        if (address == null) {
            return false;
        }
        try {
            // read as a literal, never looked up
            return IpLiteral.parse(address.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
