package dev.loopbacklab.web;

import dev.loopbacklab.net.EphemeralRange;
import dev.loopbacklab.net.PortCategory;
import dev.loopbacklab.web.view.Models.ConnectionFact;
import io.javalin.http.Context;
import java.util.List;

/** Facts about the TCP connection that carried the current request: its 4-tuple, classified. */
final class Connection {
  // The range is re-read from the OS at most once a second: reading /proc on every request cost
  // the lesson page a large share of its throughput (bench/README.md), and a sysctl change still
  // shows on the next reload.
  private static final long RANGE_MAX_AGE_NANOS = 1_000_000_000L;
  private static volatile Timed<EphemeralRange> range;

  private record Timed<T>(T value, long readAtNanos) {}

  private Connection() {}

  static EphemeralRange ephemeralRange() {
    Timed<EphemeralRange> known = range;
    long now = System.nanoTime();
    if (known == null || now - known.readAtNanos() > RANGE_MAX_AGE_NANOS) {
      known = new Timed<>(EphemeralRange.detect(), now);
      range = known;
    }
    return known.value();
  }

  static List<ConnectionFact> facts(Context ctx) {
    var request = ctx.req();
    EphemeralRange range = ephemeralRange();
    int serverPort = request.getLocalPort();
    int clientPort = request.getRemotePort();
    return List.of(
        new ConnectionFact("Server address (this lab)", request.getLocalAddr(), "a loopback address"),
        new ConnectionFact("Server port", Integer.toString(serverPort), describe(serverPort, range)),
        new ConnectionFact("Browser address", request.getRemoteAddr(), "the same machine"),
        new ConnectionFact("Browser source port", Integer.toString(clientPort),
            describe(clientPort, range) + "; picked by your OS for this connection, not a service"),
        new ConnectionFact("The 4-tuple", request.getRemoteAddr() + ":" + clientPort + " → "
            + request.getLocalAddr() + ":" + serverPort, "unique among this machine's TCP connections"));
  }

  private static String describe(int port, EphemeralRange range) {
    String category = PortCategory.of(port).label();
    String ephemeral = range.contains(port)
        ? "inside this OS's ephemeral range " + range.first() + "–" + range.last()
        : "outside this OS's ephemeral range " + range.first() + "–" + range.last();
    return "IANA " + category + "; " + ephemeral + (range.fallback() ? " (assumed)" : "");
  }
}
