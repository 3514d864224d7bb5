package dev.loopbacklab.experiments.db;

/**
 * Makes every H2 server in this JVM listen on 127.0.0.1. Left to itself H2 opens its server socket
 * without naming an address, which is every address of the machine; the only setting that changes
 * that is the system property {@code h2.bindAddress}, read once when H2 first loads.
 */
public final class H2Bind {
    /** The property H2 reads (one of its {@code SysProperties}). */
    static final String PROPERTY = "h2.bindAddress";

    private H2Bind() {}

    /**
     * Sets {@code h2.bindAddress} to 127.0.0.1 unless it names an address already. Call it before
     * anything loads H2: the lab's entry points and its database experiments do.
     */
    public static void loopbackOnly() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "127.0.0.1");
        }
    }
}
