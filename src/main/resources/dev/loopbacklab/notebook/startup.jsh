import dev.loopbacklab.Lab;
import dev.loopbacklab.net.*;
import java.net.*;
import java.time.Duration;
System.out.println("Loopback Lab toolkit loaded: EchoServer, Ports, EphemeralRange, Probe, SocketTable and more.");
System.out.println("Type Lab.help() for a list, or Lab.run(\"echo-hello\") to try an experiment. /exit leaves.");
