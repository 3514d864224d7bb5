// Lesson 05 by hand: what localhost means here, and an IPv4-only server meeting an IPv6 client.
// Run: jshell --class-path target/loopback-lab.jar lessons/05-localhost-names/names.jsh
import dev.loopbacklab.net.*;
import java.net.*;
import java.time.Duration;
import java.util.Arrays;

// 1. Ask the system what "localhost" means, in Java's order (IPv4 first unless told otherwise).
//    localhost is the only name the lab ever resolves; everything below uses address literals.
var answer = InetAddress.getAllByName("localhost");
System.out.println(Arrays.toString(answer));        // e.g. [localhost/127.0.0.1, localhost/0:0:0:0:0:0:0:1]
System.out.println(answer[0].isLoopbackAddress());  // prints: true

// 2. The hosts-file lines behind it, read as text: nothing is looked up.
var hosts = HostsFile.read(HostsFile.systemPath());
hosts.naming("localhost").forEach(System.out::println);   // e.g. 1: 127.0.0.1 localhost
// The same parser on Debian's default lines: two addresses, comments ignored.
var debian = HostsFile.parse("127.0.0.1 localhost\n::1 localhost ip6-localhost # IPv6\n");
System.out.println(debian.addressesOf("localhost").size());   // prints: 2

// 3. The two properties that change Java's order; null means "not set": IPv4 first.
System.out.println(System.getProperty("java.net.preferIPv6Addresses"));
System.out.println(System.getProperty("java.net.preferIPv4Stack"));

// 4. A server on 127.0.0.1 only, and a client that tries ::1 first, as an IPv6-first one does.
var v4 = LoopbackTarget.parse("127.0.0.1").address();
var v6 = LoopbackTarget.parse("::1").address();
var timeout = Duration.ofMillis(500);
var ipv4Only = new ServerSocket(0, 50, v4);   // port 0: the OS picks a free one
System.out.println(Probe.connect(v6, ipv4Only.getLocalPort(), timeout).detail());   // prints: Connection refused
// A client that falls back tries the next address, and gets in:
System.out.println(Probe.connect(v4, ipv4Only.getLocalPort(), timeout).outcome());  // prints: CONNECTED
ipv4Only.close();

// 5. The safe answer for the challenge: two listeners, one per loopback address, same port.
//    (In the lesson you use port 7009: EchoServer.start("127.0.0.1", 7009) and ("::1", 7009).)
var four = EchoServer.start("127.0.0.1", 0);
var six = EchoServer.start("::1", four.port());   // same number, other address: allowed
System.out.println(Probe.connect(v4, four.port(), timeout).outcome());   // prints: CONNECTED
System.out.println(Probe.connect(v6, four.port(), timeout).outcome());   // prints: CONNECTED
four.close();
six.close();
/exit
