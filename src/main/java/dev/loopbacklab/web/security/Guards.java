package dev.loopbacklab.web.security;

import dev.loopbacklab.web.room.Workshop;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What every request passes before any handler runs, static files and streams included: the
 * security headers, the Host allow-list, in a room the access token, and for {@code POST /api/*}
 * the same-origin check.
 */
public final class Guards {
    private final boolean roomMode;
    private final HostGuard hosts;
    private final OriginGuard origins;
    private final TokenGate gate;

    /**
     * Guards for a lab bound to {@code host} (an IP literal; anything but loopback is a room),
     * answering also to {@code extraHosts}, and asking for {@code token} when it is not null.
     */
    public Guards(String host, Set<String> extraHosts, boolean roomMode, String token) {
        this.roomMode = roomMode;
        this.hosts = new HostGuard(RoomHosts.allowed(host, extraHosts));
        this.origins = new OriginGuard(roomMode);
        this.gate = token == null ? null : new TokenGate(RoomToken.of(token));
    }

    /** Registers the guards; call it before any other feature registers its handlers. */
    public void register(RoutesConfig routes) {
        routes.before(this::admit);
        routes.before("/api/*", this::sameOriginPost);
    }

    private void admit(Context ctx) {
        SecurityHeaders.apply(ctx::header);
        String refusal = hostRefusal(Collections.list(ctx.req().getHeaders("Host")));
        if (refusal != null) {
            Refusal.send(ctx, 403, refusal);
        } else if (gate != null && !Workshop.ownCapability(ctx.path())) {
            gate.admit(ctx);
        }
    }

    /**
     * The same admission for a handler that answers ahead of Javalin ({@link
     * dev.loopbacklab.web.room.RoomApi}, whose paths carry their own capability, so the room's
     * access token is not asked for): hands the security headers to {@code header}, and returns the
     * Host allow-list's refusal, or null when the request may go on.
     */
    public String admitAhead(List<String> hostHeaders, BiConsumer<String, String> header) {
        SecurityHeaders.apply(header);
        return hostRefusal(hostHeaders);
    }

    private String hostRefusal(List<String> hostHeaders) {
        if (hosts.allows(hostHeaders)) {
            return null;
        }
        return roomMode
                ? "This lab only answers requests addressed to one of its own names."
                : "This lab only answers requests addressed to localhost, 127.0.0.1 or [::1].";
    }

    private void sameOriginPost(Context ctx) {
        if (ctx.method().name().equals("POST")) {
            String reason =
                    origins.refusal(
                            ctx.header("Sec-Fetch-Site"), ctx.header("Origin"), ctx.header("Host"));
            if (reason != null) {
                Refusal.send(ctx, 403, reason);
            }
        }
    }
}
