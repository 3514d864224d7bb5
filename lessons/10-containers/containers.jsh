// Lesson 10: a network namespace has its own 127.0.0.1, and a published port crosses the line.
// Run: java -jar target/loopback-lab.jar jshell lessons/10-containers/containers.jsh
// It prints what each step shows, then leaves you in JShell with the toolkit imported.
// Linux with unprivileged user namespaces runs it all; elsewhere it prints why not.
import java.net.*;
import dev.loopbacklab.experiments.containers.*;
import dev.loopbacklab.net.*;

var availability = Namespace.availability();
System.out.println("namespaces: " + (availability.works() ? "allowed" : availability.reason()));
// shows on most Linux machines: namespaces: allowed

String where(int port) {
  return SocketTable.listening().stream().filter(e -> e.localPort() == port)
      .map(e -> e.localEndpoint()).findFirst().orElse("not listed");
}

if (availability.works()) {
  var host = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  try (var ns = Namespace.start(host.getLocalPort())) {
    // 1. Inside: only lo, and this machine's server is not there.
    System.out.println("inside, the interfaces: " + ns.interfaces());   // inside, the interfaces: [lo up 0:0:0:0:0:0:0:1,127.0.0.1]
    System.out.println("inside, this machine's server: " + ns.hostAttempt());  // inside, this machine's server: ConnectException Connection refused
    // 2. Outside: the namespace's server is not on this machine's 127.0.0.1.
    System.out.println("outside, the namespace's server: " + Probe.connect(InetAddress.getLoopbackAddress(), ns.innerPort(),
        java.time.Duration.ofMillis(500)).outcome());   // outside, the namespace's server: REFUSED (or, rarely, another program)
    // 3. Publish it as -p 127.0.0.1:…:… does, then as -p …:… does, and ask the socket table.
    try (var mine = Publish.start("127.0.0.1", 0, ns.socket());
         var everyone = Publish.start("0.0.0.0", 0, ns.socket())) {
      System.out.println("-p 127.0.0.1:…:… listens on: " + where(mine.port()));   // 127.0.0.1:<port>: this machine only
      System.out.println("-p …:… listens on: " + where(everyone.port()));         // 0.0.0.0:<port>: every interface
      try (var s = new Socket(InetAddress.getLoopbackAddress(), mine.port())) {
        System.out.println("through the published port: " + new String(s.getInputStream().readAllBytes()).strip());
        // through the published port: hello from inside the network namespace
      }
    }
  }
  host.close();
}
