// Lesson 06 by hand: read a line of /proc/net/tcp, then find your own server and its owner.
// Run: jshell --class-path target/loopback-lab.jar lessons/06-who-is-listening/listening.jsh
import dev.loopbacklab.net.*;
import java.net.*;
import java.util.HexFormat;

// 1. One line of /proc/net/tcp, as the kernel writes it (a real one looks just like this).
var line = "   0: 0100007F:1B9E 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 12345";
var fields = line.strip().split(" +");
System.out.println(fields[1]);                              // prints: 0100007F:1B9E

// 2. The port is plain hex.
System.out.println(Integer.parseInt("1B9E", 16));           // prints: 7070

// 3. The address is one 32-bit word whose bytes come out back to front on x86 and ARM.
var b = HexFormat.of().parseHex("0100007F");                // 01 00 00 7F
var address = InetAddress.getByAddress(new byte[] {b[3], b[2], b[1], b[0]});
System.out.println(address.getHostAddress());               // prints: 127.0.0.1

// 4. The state 0A is 10: LISTEN. The last field, 12345, is the socket's inode.
System.out.println(TcpState.fromHex(fields[3]));            // prints: LISTEN

// 5. The lab's parser reads the same line the same way.
var header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
System.out.println(SocketTable.parse(header + line, "tcp").get(0));   // prints: tcp LISTEN 127.0.0.1:7070 -> 0.0.0.0:0 uid=1000 inode=12345

// 6. Now for real: a server of your own, found in this machine's table (Linux only; elsewhere
//    the table is empty: use lsof -nP -iTCP -sTCP:LISTEN or Get-NetTCPConnection -State Listen).
var server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
var mine = SocketTable.listening().stream().filter(e -> e.localPort() == server.getLocalPort()).findFirst();
System.out.println(mine);                                   // Optional[tcp6 LISTEN 127.0.0.1:<port> -> ...]

// 7. Its owner: the process whose /proc/<pid>/fd has a link to socket:[inode]. That is this JShell.
var owner = mine.flatMap(e -> SocketTable.owner(e.inode()));
System.out.println(owner);                                  // Optional[java (pid <this JShell's pid>)]
System.out.println(owner.map(o -> o.pid() == ProcessHandle.current().pid()).orElse(false));   // true on Linux

// 8. Close it: run step 6 again and the list is empty.
server.close();
System.out.println(server.isClosed());                      // prints: true
/exit
