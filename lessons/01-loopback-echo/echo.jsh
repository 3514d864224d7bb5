// Lesson 01 by hand: an echo server on loopback, a client, and the ports they use.
// Run: java -jar target/loopback-lab.jar jshell lessons/01-loopback-echo/echo.jsh
// It prints what each step shows, then leaves you in JShell with server, client and the rest.
import dev.loopbacklab.Lab;
import dev.loopbacklab.net.*;
import java.time.Duration;

// 1. A server on 127.0.0.1; port 0 asks the operating system for any free port.
var server = EchoServer.start("127.0.0.1", 0);
System.out.println("server: " + server);                  // prints: server: EchoServer[127.0.0.1:<port>, 0 clients]

// 2. A client connects; the OS gives it an ephemeral source port of its own.
var client = EchoClient.connect(server.address(), server.port(), Duration.ofSeconds(2));
System.out.println("sent hello, got back: " + client.roundTrip("hello"));   // prints: sent hello, got back: hello
System.out.println("client: " + client);                  // prints: client: EchoClient[127.0.0.1:<source port> -> 127.0.0.1:<server port>]
System.out.println("source port differs from the server's: " + (client.localPort() != server.port()));   // prints: source port differs from the server's: true

// 3. Classify both ports: IANA's category, and the range your OS really uses.
var range = EphemeralRange.detect();
System.out.println("source port " + client.localPort() + ": IANA " + Ports.classify(client.localPort()).category().label()
    + "; in this OS's ephemeral range " + range.first() + "-" + range.last() + ": " + range.contains(client.localPort()));
System.out.println("server port " + server.port() + ": IANA " + Ports.classify(server.port()).category().label());

// 4. Close both: the port is free again.
client.close();
server.close();
System.out.println("server after close: " + server);      // prints: server after close: EchoServer[127.0.0.1:<port>, closed]

// 5. For the echo-yours check you need a server on a port you choose, such as 7007:
//      var mine = EchoServer.start("127.0.0.1", 7007);
//    leave it running, check it (the lesson's Check button, or Lab.check("echo-yours", "port=7007")), then:
//      mine.close();
//    Here the same on a free port, checked by the lab's own check, so the script runs anywhere.
var mine = EchoServer.start("127.0.0.1", 0);
var verdict = Lab.check("echo-yours", "port=" + mine.port());
System.out.println("echo-yours on your server: " + verdict);   // prints: echo-yours on your server: PASSED
mine.close();
