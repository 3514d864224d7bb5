// Lesson 05 by hand: what localhost means here, and an IPv4-only server meeting an IPv6 client.
// Run: java -jar target/loopback-lab.jar jshell lessons/05-localhost-names/names.jsh
// It prints what each step shows, then leaves you in JShell with the toolkit imported.
import dev.loopbacklab.net.*;
import java.net.*;
import java.time.Duration;
import java.util.Arrays;

// 1. Ask the system what "localhost" means, in Java's order (IPv4 first unless told otherwise).
//    localhost is the only name the lab ever resolves; everything below uses address literals.
var answer = InetAddress.getAllByName("localhost");
System.out.println("localhost is: " + Arrays.toString(answer));        // e.g. localhost is: [localhost/127.0.0.1, localhost/0:0:0:0:0:0:0:1]
System.out.println("the first is loopback: " + answer[0].isLoopbackAddress());  // prints: the first is loopback: true

// 2. The hosts-file lines behind it, read as text: nothing is looked up.
var hosts = HostsFile.read(HostsFile.systemPath());
hosts.naming("localhost").forEach(line -> System.out.println("hosts file line " + line));   // e.g. hosts file line 1: 127.0.0.1 localhost
// The same parser on Debian's default lines: two addresses, comments ignored.
var debian = HostsFile.parse("127.0.0.1 localhost\n::1 localhost ip6-localhost # IPv6\n");
System.out.println("addresses of localhost in Debian's lines: " + debian.addressesOf("localhost").size());   // prints: addresses of localhost in Debian's lines: 2

// 3. The two properties that change Java's order; null means "not set": IPv4 first.
System.out.println("java.net.preferIPv6Addresses: " + System.getProperty("java.net.preferIPv6Addresses"));
System.out.println("java.net.preferIPv4Stack: " + System.getProperty("java.net.preferIPv4Stack"));

// 4. A server on 127.0.0.1 only, and a client that tries ::1 first, as an IPv6-first one does.
var v4 = LoopbackTarget.parse("127.0.0.1").address();
var v6 = LoopbackTarget.parse("::1").address();
var timeout = Duration.ofMillis(500);
var ipv4Only = new ServerSocket(0, 50, v4);   // port 0: the OS picks a free one
System.out.println("IPv4-only server via ::1: " + Probe.connect(v6, ipv4Only.getLocalPort(), timeout).detail());   // prints: IPv4-only server via ::1: Connection refused
// A client that falls back tries the next address, and gets in:
System.out.println("then via 127.0.0.1: " + Probe.connect(v4, ipv4Only.getLocalPort(), timeout).outcome());  // prints: then via 127.0.0.1: CONNECTED
ipv4Only.close();

// 5. The safe answer for the challenge: two listeners, one per loopback address, same port.
//    (In the lesson you use port 7009: EchoServer.start("127.0.0.1", 7009) and ("::1", 7009).)
var four = EchoServer.start("127.0.0.1", 0);
var six = EchoServer.start("::1", four.port());   // same number, other address: allowed
System.out.println("two listeners, via 127.0.0.1: " + Probe.connect(v4, four.port(), timeout).outcome());   // prints: two listeners, via 127.0.0.1: CONNECTED
System.out.println("two listeners, via ::1: " + Probe.connect(v6, four.port(), timeout).outcome());   // prints: two listeners, via ::1: CONNECTED
four.close();
six.close();
