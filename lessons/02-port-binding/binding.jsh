// Lesson 02, port binding: the lesson's steps by hand.
// Run it:  java -jar target/loopback-lab.jar jshell lessons/02-port-binding/binding.jsh
// Every socket is bound to loopback and closed again at the end; then you stay in JShell.

import java.net.*;
import dev.loopbacklab.net.*;

// 1. What a port number means. The IANA category is bookkeeping (RFC 6335, section 6).
System.out.println("62893 is " + Ports.classify(62893).category().label());
// prints: 62893 is dynamic/private
System.out.println("5432 is " + Ports.classify(5432).category().label());
// prints: 5432 is registered (user)
System.out.println("port " + Ports.classify(80).describe());
// shows e.g. port 80 — well-known (system) (IANA 0–1023); usually http; privileged on this machine

// 2. Bad port numbers. The lab's parser says what is wrong...
try { Ports.parse("70000"); } catch (PortFormatException e) { System.out.println("the lab says: " + e.getMessage()); }
// prints: the lab says: port must be a port number from 0 to 65,535, digits 0-9 only; got "70000", which is above 65,535, the largest port number (ports are 16-bit)
// ...and the JDK refuses too, in its own words.
try { new ServerSocket(70000); } catch (IllegalArgumentException e) { System.out.println("the JDK says: " + e.getMessage()); }
// prints: the JDK says: Port value out of range: 70000

// 3. Hold a port on 127.0.0.1. Port 0 means "OS, pick a free one"; read the real port back.
//    new ServerSocket() + bind(address) listens on 127.0.0.1 only (new ServerSocket(port) would listen everywhere).
var held = new ServerSocket();
held.bind(new InetSocketAddress("127.0.0.1", 0));
int port = held.getLocalPort();
System.out.println("holding 127.0.0.1:" + port + ", SO_REUSEADDR: " + held.getReuseAddress());
// shows on Linux: holding 127.0.0.1:<port>, SO_REUSEADDR: true (Java's default for server sockets)

// 4. The same address and port again: the OS says no.
try (var again = new ServerSocket()) {
  again.bind(new InetSocketAddress("127.0.0.1", port));
} catch (BindException e) {
  System.out.println("127.0.0.1 again: " + e.getMessage());
}
// prints: 127.0.0.1 again: Address already in use

// 5. The wildcard 0.0.0.0 covers 127.0.0.1 too.
try (var everywhere = new ServerSocket()) {
  everywhere.bind(new InetSocketAddress("0.0.0.0", port));
  System.out.println("0.0.0.0 on the same port: bound");
} catch (BindException e) {
  System.out.println("0.0.0.0 on the same port: " + e.getMessage());
}
// shows on Linux: 0.0.0.0 on the same port: Address already in use

// 6. Another loopback address is another endpoint (Linux and Windows have all of 127.0.0.0/8).
try (var other = new ServerSocket()) {
  other.bind(new InetSocketAddress("127.0.0.2", port));
  System.out.println("127.0.0.2 on the same port: bound");
} catch (BindException e) {
  System.out.println("127.0.0.2 on the same port: " + e.getMessage());
}
// shows on Linux: 127.0.0.2 on the same port: bound

// 7. UDP has its own ports: the same number is free there.
try (var udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
  System.out.println("UDP on the same port: bound");
}
// prints: UDP on the same port: bound
held.close();

// 8. Privileged ports: the OS's rule, and who we are.
System.out.println("privileged-port rule: " + PrivilegedPorts.current());
// shows e.g. privileged-port rule: PrivilegedPorts[unprivilegedStart=1024, source=Linux net.ipv4.ip_unprivileged_port_start, known=true]
System.out.println("root: " + PrivilegedPorts.runningAsRoot());
// shows root: false for most learners; ports below 1024 then say "Permission denied"

// 9. TIME_WAIT: the server closes first, so the server's port is left in TIME_WAIT.
var server = new ServerSocket();
server.bind(new InetSocketAddress("127.0.0.1", 0));
int serverPort = server.getLocalPort();
var client = new Socket("127.0.0.1", serverPort);
var served = server.accept();
server.close();
served.close();
System.out.println("the client reads: " + client.getInputStream().read() + " (end of stream: the server closed)");
// prints: the client reads: -1 (end of stream: the server closed)
client.close();
Thread.sleep(100);
System.out.println("sockets in TIME_WAIT on port " + serverPort + ": " + SocketTable.count(TcpState.TIME_WAIT, serverPort));
// shows: sockets in TIME_WAIT on port <port>: 1 (read from /proc on Linux, from netstat on macOS and Windows: SocketTable.connectionsSource())

// 10. Listening there again: refused without SO_REUSEADDR, fine with it.
try (var noReuse = new ServerSocket()) {
  noReuse.setReuseAddress(false);
  noReuse.bind(new InetSocketAddress("127.0.0.1", serverPort));
  System.out.println("without SO_REUSEADDR: bound");
} catch (BindException e) {
  System.out.println("without SO_REUSEADDR: " + e.getMessage());
}
// shows on Linux: without SO_REUSEADDR: Address already in use
try (var reuse = new ServerSocket()) {
  reuse.setReuseAddress(true);
  reuse.bind(new InetSocketAddress("127.0.0.1", serverPort));
  System.out.println("with SO_REUSEADDR: bound");
}
// prints: with SO_REUSEADDR: bound

// 11. SO_REUSEPORT (Linux, macOS): two listeners on one port, when both ask for it.
import java.nio.channels.*;
var shareA = ServerSocketChannel.open();
if (shareA.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
  shareA.setOption(StandardSocketOptions.SO_REUSEPORT, true);
  shareA.bind(new InetSocketAddress("127.0.0.1", 0));
  try (var shareB = ServerSocketChannel.open()) {
    shareB.setOption(StandardSocketOptions.SO_REUSEPORT, true);
    shareB.bind(new InetSocketAddress("127.0.0.1", shareA.socket().getLocalPort()));
    System.out.println("SO_REUSEPORT: two listeners on port " + shareB.socket().getLocalPort());
  }
} else {
  System.out.println("SO_REUSEPORT: not offered here");
}
// shows on Linux: SO_REUSEPORT: two listeners on port 4xxxx (Windows: SO_REUSEPORT: not offered here)
shareA.close();
