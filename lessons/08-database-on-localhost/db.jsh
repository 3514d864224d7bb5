// Lesson 08 by hand: a database server on loopback, reached through JDBC.
// Run: jshell --class-path target/loopback-lab.jar lessons/08-database-on-localhost/db.jsh
import dev.loopbacklab.net.*;
import java.sql.*;
import org.h2.tools.Server;

// 1. An H2 TCP server; port 0 asks the OS for a free port. No -tcpAllowOthers.
var h2 = Server.createTcpServer("-tcpPort", "0").start();
System.out.println(h2.getStatus().endsWith("(only local connections)"));   // prints: true

// 2. H2 will not let a TCP client create a database, so create it here, in the server's own JVM,
//    and keep this connection open: the in-memory database lives as long as it does.
var keep = DriverManager.getConnection("jdbc:h2:mem:lab", "sa", "");

// 3. A client connects through TCP, creates a table, stores a row and reads it back.
var url = "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/mem:lab";
var db = DriverManager.getConnection(url, "sa", "");
var sql = db.createStatement();
sql.execute("CREATE TABLE greeting (id INT PRIMARY KEY, text VARCHAR(100))");
sql.execute("INSERT INTO greeting VALUES (1, 'hello over loopback')");
var rows = sql.executeQuery("SELECT text FROM greeting");
rows.next();
System.out.println(rows.getString(1));   // prints: hello over loopback

// 4. The server saw the client coming from an ephemeral source port.
var me = sql.executeQuery("SELECT CLIENT_ADDR FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()");
me.next();
System.out.println(me.getString(1).startsWith("127.0.0.1:"));   // prints: true
db.close();

// 5. Where does H2 listen? On Linux the socket table shows the wildcard [::], every address
//    of this machine, although H2 says "only local connections".
var port = h2.getPort();
System.out.println(SocketTable.listening().stream().anyMatch(e -> e.localPort() == port && !e.isLoopbackOnly()));   // prints: true

// 6. 127.0.0.2 is loopback too; H2 lets it in. (On Linux the client even comes from 127.0.0.1.)
try (var other = DriverManager.getConnection("jdbc:h2:tcp://127.0.0.2:" + port + "/mem:lab", "sa", "")) {
  System.out.println(other.isValid(1));   // prints: true
}

// 7. Stop the server and drop the database: the port is free again.
keep.close();
h2.stop();
System.out.println(h2.isRunning(false));   // prints: false

// 8. For the db-yours check, start your own server on 9092 and leave it running:
//      var mine = Server.createTcpServer("-tcpPort", "9092", "-ifNotExists").start();
//    press Check in the lesson, then: mine.stop();
/exit
