package dev.loopbacklab.testing;

import dev.loopbacklab.net.Platform;
import java.util.List;

/**
 * The three systems a learner brings, as {@code os.name} and {@code os.version} report them, for
 * tests that check each one's words against the evidence under {@code platform/}.
 */
public final class Systems {
    /** A current Linux. */
    public static final Platform LINUX = Platform.of("Linux", "6.1");

    /** A current Mac (Sonoma). */
    public static final Platform MAC = Platform.of("Mac OS X", "14.5");

    /** Windows 11, which reports version 10.0. */
    public static final Platform WINDOWS = Platform.of("Windows 11", "10.0");

    /** All three, Linux first. */
    public static final List<Platform> ALL = List.of(LINUX, MAC, WINDOWS);

    private Systems() {}
}
