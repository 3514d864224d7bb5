// Ephemeral ports by hand. Run with:
//   java -jar target/loopback-lab.jar jshell lessons/03-ephemeral-ports/ephemeral.jsh
// It prints what each step shows, then leaves you in JShell with range, ports and the toolkit.
import dev.loopbacklab.net.*;
import java.net.*;
import java.util.*;

// IANA's suggestion, the same on every machine:
System.out.println("IANA's suggested range: " + EphemeralRange.iana().first() + "–" + EphemeralRange.iana().last());
// prints: IANA's suggested range: 49152–65535

// Your OS's own range, and where the lab read it from:
var range = EphemeralRange.detect();
System.out.println("this OS's range: " + range.first() + "–" + range.last() + " (" + range.source() + ")");
// on a default Linux: this OS's range: 32768–60999; on Windows and macOS: 49152–65535

// Is 62893 a port your OS would hand out on its own?
System.out.println("62893 ephemeral here? " + range.contains(62893));

// Ask the OS for a port 20 times: bind to port 0, read the port back, close at once.
var loopback = InetAddress.getByName("127.0.0.1");   // a literal: no DNS lookup
var ports = new ArrayList<Integer>();
for (int i = 0; i < 20; i++) {
    try (var server = new ServerSocket(0, 50, loopback)) {
        ports.add(server.getLocalPort());
    }
}
System.out.println("20 ports the OS picked: " + ports);
// true wherever the OS range could be read (elsewhere the lab falls back to IANA's suggestion)
System.out.println("all inside your range: " + ports.stream().allMatch(range::contains));
// prints: all inside your range: true
System.out.println("odd ones: " + ports.stream().filter(p -> p % 2 == 1).count() + " of 20");
// on Linux 4.6 and later usually 20 of 20

// A client's source port: the OS picks it when the client connects.
try (var server = new ServerSocket(0, 50, loopback);
     var client = new Socket(loopback, server.getLocalPort())) {
    System.out.println("server port " + server.getLocalPort() + ", client source port " + client.getLocalPort());
}
// on Linux the client's port is usually even
