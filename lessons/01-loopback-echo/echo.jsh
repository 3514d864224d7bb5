// Lesson 01 by hand: an echo server on loopback, a client, and the ports they use.
// Run: jshell --class-path target/loopback-lab.jar lessons/01-loopback-echo/echo.jsh
import dev.loopbacklab.net.*;
import java.time.Duration;

// 1. A server on 127.0.0.1; port 0 asks the operating system for any free port.
var server = EchoServer.start("127.0.0.1", 0);
System.out.println(server.port() > 0);                       // prints: true

// 2. A client connects; the OS gives it an ephemeral source port of its own.
var client = EchoClient.connect(server.address(), server.port(), Duration.ofSeconds(2));
System.out.println(client.roundTrip("hello"));               // prints: hello
System.out.println(client.localPort() != server.port());     // prints: true

// 3. Classify both ports: IANA's category, and the range your OS really uses.
var range = EphemeralRange.detect();
System.out.println("source port " + client.localPort() + ": " + Ports.classify(client.localPort()).category()
    + ", in the OS's ephemeral range " + range.first() + "-" + range.last() + ": " + range.contains(client.localPort()));
System.out.println("server port " + server.port() + ": " + Ports.classify(server.port()).category());

// 4. Close both: the port is free again.
client.close();
server.close();
// The server now reads EchoServer[127.0.0.1:<port>, closed].
System.out.println(server.toString().endsWith(", closed]"));  // prints: true

// 5. For the echo-yours check you need a server on a port you choose, such as 7007:
//      var mine = EchoServer.start("127.0.0.1", 7007);
//    leave it running, press Check in the lesson (port 7007), then:
//      mine.close();
//    Here we do the same on a free port and check it ourselves, so the script runs anywhere.
var mine = EchoServer.start("127.0.0.1", 0);
try (var me = EchoClient.connect(mine.address(), mine.port(), Duration.ofSeconds(2))) {
  System.out.println(me.roundTrip("loopback-lab-check\n").equals("loopback-lab-check\n"));   // prints: true
}
mine.close();
/exit
