package dev.loopbacklab.web.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Host allow-list, checked before any handler runs (static files and streams included). A page
 * on {@code evil.example} that rebinds its name to 127.0.0.1 still sends {@code Host:
 * evil.example}, so refusing foreign Host headers defeats DNS rebinding.
 *
 * <p>Decisions pinned by tests: names are compared case-insensitively; a trailing dot ({@code
 * localhost.}) is refused, since browsers treat it as a different origin; {@code ::ffff:127.0.0.1}
 * is refused (only {@code [::1]} is accepted for IPv6); ports must be plain digits up to 65535.
 */
public final class HostGuard {
    private static final Pattern HOST =
            Pattern.compile("(\\[[0-9a-f:.]+]|[a-z0-9.-]+)(?::([0-9]{1,5}))?");
    private final Set<String> names;

    /**
     * Allows localhost, 127.0.0.1 and [::1], plus {@code extraNames}: names or address literals,
     * compared case-insensitively (IPv6 literals with or without brackets).
     */
    public HostGuard(Set<String> extraNames) {
        this.names = Set.copyOf(extraNames.stream().map(HostGuard::normalise).toList());
    }

    private static String normalise(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains(":") && !lower.startsWith("[") ? "[" + lower + "]" : lower;
    }

    /** True when exactly one Host header was sent and it names this lab. */
    public boolean allows(List<String> hostHeaders) {
        return hostHeaders.size() == 1 && allows(hostHeaders.get(0));
    }

    /** True when {@code host} (a Host header value) names this lab. */
    public boolean allows(String host) {
        if (host == null || host.isEmpty() || host.length() > 260) {
            return false;
        }
        Matcher m = HOST.matcher(host.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return false;
        }
        String port = m.group(2);
        if (port != null && Integer.parseInt(port) > 65535) {
            return false;
        }
        String name = m.group(1);
        return name.equals("localhost")
                || name.equals("127.0.0.1")
                || name.equals("[::1]")
                || names.contains(name);
    }
}
