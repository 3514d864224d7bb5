package dev.loopbacklab.testing;

import dev.loopbacklab.net.ProbeResult;
import java.time.Duration;

/** Probe outcomes for tests of the pure verdicts: what a connection attempt can come back with. */
public final class Probes {
    /** Something accepted the connection. */
    public static final ProbeResult ANSWERS =
            new ProbeResult(ProbeResult.Outcome.CONNECTED, "", Duration.ZERO, 50000);

    /** Nothing listens: the OS answered with a reset. */
    public static final ProbeResult REFUSED =
            new ProbeResult(ProbeResult.Outcome.REFUSED, "Connection refused", Duration.ZERO, -1);

    /** No answer at all within the probe's time. */
    public static final ProbeResult SILENT =
            new ProbeResult(ProbeResult.Outcome.TIMED_OUT, "Connect timed out", Duration.ZERO, -1);

    private Probes() {}
}
