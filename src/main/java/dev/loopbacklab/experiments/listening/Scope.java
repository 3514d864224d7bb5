package dev.loopbacklab.experiments.listening;

import java.net.InetAddress;

/** Who can reach a listening socket, judged by the address it is bound to. */
enum Scope {
    /** 127.0.0.0/8 or ::1. */
    LOOPBACK("loopback only", "only programs on this machine can connect"),
    /** 0.0.0.0 or ::. */
    WILDCARD(
            "all interfaces (wildcard)",
            "every address of this machine answers, so other machines can connect unless a firewall"
                    + " stops them"),
    /** Any other address of this machine, such as its Wi-Fi address. */
    SPECIFIC("a specific address", "machines on that address's network can connect");

    private final String label;
    private final String meaning;

    Scope(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    /** The scope of a socket bound to {@code address}. */
    static Scope of(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return LOOPBACK;
        }
        return address.isAnyLocalAddress() ? WILDCARD : SPECIFIC;
    }

    /** Short text for a table cell, such as "loopback only". */
    String label() {
        return label;
    }

    /** Who can connect, as half a sentence. */
    String meaning() {
        return meaning;
    }
}
