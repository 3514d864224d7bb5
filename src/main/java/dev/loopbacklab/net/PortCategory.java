package dev.loopbacklab.net;

/**
 * The three port ranges IANA defines (RFC 6335, section 6). They are a naming convention for
 * assigning numbers to services; they do not say what the operating system allows (see {@link
 * PrivilegedPorts}) or which ports it hands out on its own (see {@link EphemeralRange}).
 */
public enum PortCategory {
    /** 0–1023: assigned to long-established services such as ssh (22) and http (80). */
    WELL_KNOWN(0, 1023, "well-known (system)"),
    /** 1024–49151: registered with IANA by applications such as postgresql (5432). */
    REGISTERED(1024, 49151, "registered (user)"),
    /** 49152–65535: never assigned to services; IANA suggests them for temporary use. */
    DYNAMIC(49152, 65535, "dynamic/private");

    private final int first;
    private final int last;
    private final String label;

    PortCategory(int first, int last, String label) {
        this.first = first;
        this.last = last;
        this.label = label;
    }

    /**
     * Returns the lowest port in this category.
     *
     * @return the first port, inclusive
     */
    public int first() {
        return first;
    }

    /**
     * Returns the highest port in this category.
     *
     * @return the last port, inclusive
     */
    public int last() {
        return last;
    }

    /**
     * Returns the name a lesson shows, e.g. {@code "dynamic/private"}.
     *
     * @return a short human label
     */
    public String label() {
        return label;
    }

    /**
     * Finds the category a port belongs to.
     *
     * @param port a port from 0 to 65535
     * @return its IANA category
     * @throws PortFormatException if the port is outside 0–65535
     */
    public static PortCategory of(int port) {
        Ports.requireValid(port);
        for (PortCategory category : values()) {
            if (port <= category.last) {
                return category;
            }
        }
        throw new AssertionError("unreachable: " + port);
    }
}
