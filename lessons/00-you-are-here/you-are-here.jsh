// You are here, by hand: an address and a port make an endpoint.
// Run it with:  java -jar target/loopback-lab.jar jshell lessons/00-you-are-here/you-are-here.jsh
// It prints what each step shows, then leaves you in JShell with the toolkit imported.
import dev.loopbacklab.Lab;
import dev.loopbacklab.net.*;
import java.net.*;
import java.time.Duration;

// 127.0.0.1 is the loopback address: "this machine".
var loopback = InetAddress.getLoopbackAddress();
System.out.println("loopback address: " + loopback.getHostAddress()); // prints: loopback address: 127.0.0.1

// IANA's category for the lab's default port, and for a web server's.
System.out.println("port 62893, IANA category: " + Ports.classify(62893).category().label()); // prints: port 62893, IANA category: dynamic/private
System.out.println("port 80, IANA category: " + Ports.classify(80).category().label()); // prints: port 80, IANA category: well-known

// Where your OS draws client source ports from (on Linux, usually 32768-60999).
var range = EphemeralRange.detect();
System.out.println("this OS's ephemeral range: " + range.first() + "-" + range.last() + " (" + range.source() + ")");
System.out.println("is 62893 ephemeral here? " + range.contains(62893));

// A connection has two endpoints. Open one to an echo server and look at both.
try (var echo = EchoServer.start("127.0.0.1", 0);
     var client = EchoClient.connect(echo.address(), echo.port(), Duration.ofSeconds(2))) {
    System.out.println("client side (source): " + client.localAddress()); // prints: client side (source): /127.0.0.1:<port>
    System.out.println("server side:          " + client.remoteAddress()); // prints: server side:          /127.0.0.1:<port>
}

// Many connections, one server port: two clients connect to one little server.
var server = new ServerSocket(0, 8, loopback);
var a = new Socket(loopback, server.getLocalPort());
var b = new Socket(loopback, server.getLocalPort());
var aSeenByServer = server.accept(); // connections wait in line, so the first one is a's
System.out.println("a: source port " + a.getLocalPort() + " -> server port " + a.getPort());
System.out.println("b: source port " + b.getLocalPort() + " -> server port " + b.getPort());
System.out.println("same server port: " + (a.getPort() == b.getPort())); // prints: same server port: true
System.out.println("different source ports: " + (a.getLocalPort() != b.getLocalPort())); // prints: different source ports: true
// The server's socket for a reports a's source port as its remote port: one connection, two views.
System.out.println("ends agree: " + (aSeenByServer.getPort() == a.getLocalPort())); // prints: ends agree: true
aSeenByServer.close();
a.close();
b.close();
server.close();

// The same, with more connections, as the lab's experiment (it closes everything it opens):
Lab.run("here-connections", "connections=3"); // prints: distinct 4-tuples: 3 of 3
