// Lesson 04: the same server is private or public depending on the address it binds.
// Run: jshell --class-path target/loopback-lab.jar lessons/04-exposure/exposure.jsh
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
System.out.println(tutorial.getInetAddress().getHostAddress());
// prints: 0.0.0.0

// It answers through any address of this machine, here another loopback one...
System.out.println(Probe.connect(viaTwo, tutorial.getLocalPort(), timeout).outcome());
// prints: CONNECTED
// ...and through IPv6 too: Java made a dual-stack socket.
System.out.println(Probe.connect(viaSix, tutorial.getLocalPort(), timeout).outcome());
// prints: CONNECTED

// 2. The fix: one more argument, the address to bind.
var fixed = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
System.out.println(fixed.getInetAddress().getHostAddress());
// prints: 127.0.0.1
System.out.println(Probe.connect(viaOne, fixed.getLocalPort(), timeout).outcome());
// prints: CONNECTED
System.out.println(Probe.connect(viaTwo, fixed.getLocalPort(), timeout).detail());
// prints: Connection refused

// 3. The OS's own list (Linux): how does it show each server? (Elsewhere: "not listed".)
String shown(ServerSocket s) {
  return SocketTable.listening().stream().filter(e -> e.localPort() == s.getLocalPort())
      .map(e -> e.localAddress().isLoopbackAddress() ? "loopback only" : "every interface")
      .findFirst().orElse("not listed");
}
System.out.println(shown(tutorial));
// prints: every interface
System.out.println(shown(fixed));
// prints: loopback only

tutorial.close();
fixed.close();
/exit
