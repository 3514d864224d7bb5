package dev.loopbacklab.web;

import dev.loopbacklab.lesson.ContentRoot;
import java.time.Duration;
import java.util.Set;

/**
 * How a lab server runs: where it binds, where its content comes from and its limits.
 *
 * @param host the address to bind; anything but loopback turns on room mode
 * @param port the port, 0 for one the OS picks
 * @param content lessons and assets
 * @param extraHosts names added to the Host allow-list (room mode)
 * @param token the access token required in room mode, else null
 * @param maxRuns the most runs at once
 * @param runLifetime the longest a run may take
 */
public record LabConfig(
    String host,
    int port,
    ContentRoot content,
    Set<String> extraHosts,
    String token,
    int maxRuns,
    Duration runLifetime) {

  /** The default port: 62893, the port the web's "what is 127.0.0.1:62893?" articles ask about. */
  public static final int DEFAULT_PORT = 62893;

  public LabConfig {
    extraHosts = Set.copyOf(extraHosts);
  }

  /** A loopback lab on {@code port} reading {@code content}, with the default limits. */
  public static LabConfig local(int port, ContentRoot content) {
    return new LabConfig("127.0.0.1", port, content, Set.of(), null, 8, Duration.ofSeconds(30));
  }

  public LabConfig withPort(int newPort) {
    return new LabConfig(host, newPort, content, extraHosts, token, maxRuns, runLifetime);
  }

  public LabConfig withLimits(int newMaxRuns, Duration newLifetime) {
    return new LabConfig(host, port, content, extraHosts, token, newMaxRuns, newLifetime);
  }

  /** True when the lab binds something other than a loopback address. */
  public boolean roomMode() {
    return !(host.equals("127.0.0.1") || host.startsWith("127.") || host.equals("::1")
        || host.equals("localhost"));
  }
}
