// Lesson 04: the same server is private or public depending on the address it binds.
// Run: java -jar target/loopback-lab.jar jshell lessons/04-exposure/exposure.jsh
// It prints what each step shows, then leaves you in JShell with both servers closed.
// The "prints" comments are what Linux shows; on macOS 127.0.0.2 is not configured by default.
import java.net.*;
import java.time.Duration;
import dev.loopbacklab.net.*;

var timeout = Duration.ofMillis(500);
var viaOne = LoopbackTarget.parse("127.0.0.1").address();
var viaTwo = LoopbackTarget.parse("127.0.0.2").address(); // another loopback address
var viaSix = LoopbackTarget.parse("::1").address();

// 1. The tutorial way: no address given, so Java binds the wildcard.
var tutorial = new ServerSocket(0); // port 0: the OS picks a free one
System.out.println("new ServerSocket(0) listens on: " + tutorial.getInetAddress().getHostAddress());
// prints: new ServerSocket(0) listens on: 0.0.0.0

// It answers through any address of this machine, here another loopback one...
System.out.println("via 127.0.0.2: " + Probe.connect(viaTwo, tutorial.getLocalPort(), timeout).outcome());
// prints: via 127.0.0.2: CONNECTED
// ...and through IPv6 too: Java made a dual-stack socket.
System.out.println("via ::1: " + Probe.connect(viaSix, tutorial.getLocalPort(), timeout).outcome());
// prints: via ::1: CONNECTED

// 2. The fix: one more argument, the address to bind.
var fixed = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
System.out.println("with the address given, it listens on: " + fixed.getInetAddress().getHostAddress());
// prints: with the address given, it listens on: 127.0.0.1
System.out.println("via 127.0.0.1: " + Probe.connect(viaOne, fixed.getLocalPort(), timeout).outcome());
// prints: via 127.0.0.1: CONNECTED
System.out.println("via 127.0.0.2: " + Probe.connect(viaTwo, fixed.getLocalPort(), timeout).detail());
// prints: via 127.0.0.2: Connection refused

// 3. The OS's own list (Linux): how does it show each server? (Elsewhere: "not listed".)
String shown(ServerSocket s) {
  return SocketTable.listening().stream().filter(e -> e.localPort() == s.getLocalPort())
      .map(e -> e.localAddress().isLoopbackAddress() ? "loopback only" : "every interface")
      .findFirst().orElse("not listed");
}
System.out.println("the socket table shows new ServerSocket(0) as: " + shown(tutorial));
// prints: the socket table shows new ServerSocket(0) as: every interface
System.out.println("and the fixed one as: " + shown(fixed));
// prints: and the fixed one as: loopback only

tutorial.close();
fixed.close();
