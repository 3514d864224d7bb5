package dev.loopbacklab.web.security;

/**
 * Decides whether a request that starts work comes from the lab's own pages. Browsers send {@code
 * Sec-Fetch-Site} and {@code Origin}; a cross-site page cannot forge them. Scripts and curl send
 * neither, and are let through only while the lab listens on loopback alone.
 */
public final class OriginGuard {
    private final boolean roomMode;

    public OriginGuard(boolean roomMode) {
        this.roomMode = roomMode;
    }

    /** Null when allowed, else the reason for refusing. */
    public String refusal(String secFetchSite, String origin, String hostHeader) {
        if (secFetchSite != null) {
            return secFetchSite.equals("same-origin") || secFetchSite.equals("none")
                    ? null
                    : "cross-site requests may not start runs (Sec-Fetch-Site: "
                            + clip(secFetchSite)
                            + ")";
        }
        if (origin != null) {
            return origin.equals("http://" + hostHeader)
                    ? null
                    : "requests from another origin may not start runs (Origin: "
                            + clip(origin)
                            + ")";
        }
        return roomMode
                ? "requests without an Origin header may not start runs in room mode"
                : null;
    }

    private static String clip(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
