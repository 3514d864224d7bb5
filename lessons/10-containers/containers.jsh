// Lesson 10: a network namespace has its own 127.0.0.1, and a published port crosses the line.
// Run: jshell --class-path target/loopback-lab.jar lessons/10-containers/containers.jsh
// Linux with unprivileged user namespaces runs it all; elsewhere it prints why not.
import java.net.*;
import dev.loopbacklab.experiments.containers.*;
import dev.loopbacklab.net.*;

var availability = Namespace.availability();
System.out.println(availability.works() ? "namespaces: allowed" : "namespaces: " + availability.reason());
// shows on most Linux machines: namespaces: allowed

String where(int port) {
  return SocketTable.listening().stream().filter(e -> e.localPort() == port)
      .map(e -> e.localEndpoint()).findFirst().orElse("not listed");
}

if (availability.works()) {
  var host = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  try (var ns = Namespace.start(host.getLocalPort())) {
    // 1. Inside: only lo, and this machine's server is not there.
    System.out.println(ns.interfaces());   // [lo up 0:0:0:0:0:0:0:1,127.0.0.1]
    System.out.println(ns.hostAttempt());  // ConnectException Connection refused
    // 2. Outside: the namespace's server is not on this machine's 127.0.0.1.
    System.out.println(Probe.connect(InetAddress.getLoopbackAddress(), ns.innerPort(),
        java.time.Duration.ofMillis(500)).outcome());   // REFUSED (or, rarely, another program)
    // 3. Publish it as -p 127.0.0.1:…:… does, then as -p …:… does, and ask the socket table.
    try (var mine = Publish.start("127.0.0.1", 0, ns.socket());
         var everyone = Publish.start("0.0.0.0", 0, ns.socket())) {
      System.out.println(where(mine.port()));       // 127.0.0.1:<port>: this machine only
      System.out.println(where(everyone.port()));   // 0.0.0.0:<port>: every interface
      try (var s = new Socket(InetAddress.getLoopbackAddress(), mine.port())) {
        System.out.println(new String(s.getInputStream().readAllBytes()).strip());
        // hello from inside the network namespace
      }
    }
  }
  host.close();
}
/exit
