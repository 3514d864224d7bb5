// Lesson 06 by hand: read a line of /proc/net/tcp, then find your own server and its owner.
// Run: java -jar target/loopback-lab.jar jshell lessons/06-who-is-listening/listening.jsh
// It prints what each step shows, then leaves you in JShell with the toolkit imported.
import dev.loopbacklab.net.*;
import java.net.*;
import java.util.HexFormat;

// 1. One line of /proc/net/tcp, as the kernel writes it (a real one looks just like this).
var line = "   0: 0100007F:1B9E 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 12345";
var fields = line.strip().split(" +");
System.out.println("local address field: " + fields[1]);   // prints: local address field: 0100007F:1B9E

// 2. The port is plain hex.
System.out.println("port 1B9E in decimal: " + Integer.parseInt("1B9E", 16));   // prints: port 1B9E in decimal: 7070

// 3. The address is one 32-bit word whose bytes come out back to front on x86 and ARM.
var b = HexFormat.of().parseHex("0100007F");                // 01 00 00 7F
var address = InetAddress.getByAddress(new byte[] {b[3], b[2], b[1], b[0]});
System.out.println("address 0100007F: " + address.getHostAddress());   // prints: address 0100007F: 127.0.0.1

// 4. The state 0A is 10: LISTEN. The last field, 12345, is the socket's inode.
System.out.println("state 0A: " + TcpState.fromHex(fields[3]));   // prints: state 0A: LISTEN

// 5. The lab's parser reads the same line the same way.
var header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
System.out.println("the lab's parser: " + SocketTable.parse(header + line, "tcp").get(0));   // prints: the lab's parser: tcp LISTEN 127.0.0.1:7070 -> 0.0.0.0:0 uid=1000 inode=12345

// 6. Now for real: a server of your own, found in this machine's table: /proc on Linux, lsof on
//    macOS, netstat -ano on Windows (SocketTable.listingSource() says which).
var server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
var mine = SocketTable.listeners().stream().filter(s -> s.entry().localPort() == server.getLocalPort()).findFirst();
System.out.println("your server in the table: " + mine.map(ListedSocket::entry));   // your server in the table: Optional[tcp6 LISTEN 127.0.0.1:<port> -> ...]

// 7. Its owner: on Linux the process whose /proc/<pid>/fd has a link to socket:[inode]; lsof and
//    netstat name it themselves. That is this JShell.
var owner = mine.flatMap(ListedSocket::owner);
System.out.println("its owner: " + owner);   // its owner: Optional[java (pid <this JShell's pid>)]
System.out.println("owned by this JShell: " + owner.map(o -> o.pid() == ProcessHandle.current().pid()).orElse(false));   // true

// 8. Close it: run step 6 again and the list is empty.
server.close();
System.out.println("server closed: " + server.isClosed());   // prints: server closed: true
