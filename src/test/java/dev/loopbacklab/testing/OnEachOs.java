package dev.loopbacklab.testing;

import dev.loopbacklab.net.Platform;
import dev.loopbacklab.net.ProbeResult;
import java.time.Duration;

/**
 * What the per-OS tests of a check's reading share: the three platforms they judge on, and the
 * probe results a check meets there. Each test still brings its OS's own recorded evidence
 * (src/test/resources/platform/).
 */
public final class OnEachOs {
    private OnEachOs() {}

    public static final Platform MAC = Platform.of("Mac OS X", "14.5");
    public static final Platform WINDOWS = Platform.of("Windows 11", "10.0");
    public static final Platform LINUX = Platform.of("Linux", "6.1");

    /** A connection that opened, from source port 50000. */
    public static final ProbeResult ANSWERS =
            new ProbeResult(ProbeResult.Outcome.CONNECTED, "", Duration.ZERO, 50000);

    /** A connection the OS refused, in the JDK's words. */
    public static final ProbeResult REFUSED =
            new ProbeResult(ProbeResult.Outcome.REFUSED, "Connection refused", Duration.ZERO, -1);
}
