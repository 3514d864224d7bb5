// Lesson 08 by hand: a database server on loopback, reached through JDBC.
// Run: java -jar target/loopback-lab.jar jshell lessons/08-database-on-localhost/db.jsh
// It prints what each step shows, then leaves you in JShell with the toolkit imported.
import dev.loopbacklab.net.*;
import java.sql.*;
import org.h2.tools.Server;

// 1. An H2 TCP server; port 0 asks the OS for a free port. No -tcpAllowOthers.
var h2 = Server.createTcpServer("-tcpPort", "0").start();
System.out.println("H2 says: " + h2.getStatus());   // prints: H2 says: TCP server running at tcp://<address>:<port> (only local connections)

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
System.out.println("read back over TCP: " + rows.getString(1));   // prints: read back over TCP: hello over loopback

// 4. The server saw the client coming from an ephemeral source port.
var me = sql.executeQuery("SELECT CLIENT_ADDR FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()");
me.next();
System.out.println("H2 saw the client at: " + me.getString(1));   // prints: H2 saw the client at: 127.0.0.1:<source port>
db.close();

// 5. Where does H2 listen? On Linux the socket table shows the wildcard [::], every address
//    of this machine, although H2 says "only local connections".
var port = h2.getPort();
// (A line that ends with "." goes on: JShell runs a line as soon as it is complete.)
SocketTable.listening().stream().filter(e -> e.localPort() == port).
    forEach(e -> System.out.println("H2 listens on: " + e.localEndpoint() + (e.isLoopbackOnly() ? ", loopback only" : ", every address")));
// shows on Linux: H2 listens on: [::]:<port>, every address

// 6. 127.0.0.2 is loopback too; H2 lets it in. (On Linux the client even comes from 127.0.0.1.)
try (var other = DriverManager.getConnection("jdbc:h2:tcp://127.0.0.2:" + port + "/mem:lab", "sa", "")) {
  System.out.println("connected via 127.0.0.2: " + other.isValid(1));   // prints: connected via 127.0.0.2: true
}

// 7. Stop the server and drop the database: the port is free again.
keep.close();
h2.stop();
System.out.println("H2 running: " + h2.isRunning(false));   // prints: H2 running: false

// 8. For the db-yours check, start your own server on 9092 and leave it running:
//      var mine = Server.createTcpServer("-tcpPort", "9092", "-ifNotExists").start();
//    check it (the lesson's Check button, or Lab.check("db-yours", "port=9092")), then: mine.stop();
