package dev.loopbacklab.net;

/**
 * A run of ports from {@code first} to {@code last}, both included; one port is a span of size 1.
 *
 * @param first the lowest port in the span
 * @param last the highest port in the span, not below {@code first}
 */
public record PortSpan(int first, int last) {
    /**
     * Checks that both ends are ports and in order.
     *
     * @param first the lowest port
     * @param last the highest port, not below {@code first}
     * @throws IllegalArgumentException if an end is not a port or the ends are out of order
     */
    public PortSpan {
        Ports.requireValid(first);
        Ports.requireValid(last);
        if (last < first) {
            throw new IllegalArgumentException(
                    "a port span must not end (" + last + ") before it starts (" + first + ")");
        }
    }

    /**
     * Counts the ports in the span.
     *
     * @return {@code last - first + 1}
     */
    public int size() {
        return last - first + 1;
    }

    /**
     * Tells whether {@code port} lies in the span.
     *
     * @param port any number
     * @return true if {@code first <= port <= last}
     */
    public boolean contains(int port) {
        return first <= port && port <= last;
    }

    /** Written as Linux writes it: {@code "8080"} for one port, {@code "9000-9010"} for more. */
    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
