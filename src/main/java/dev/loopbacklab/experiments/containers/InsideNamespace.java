package dev.loopbacklab.experiments.containers;

import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.SocketTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.stream.Collectors;

/**
 * The program {@link Namespace} runs inside a new network namespace. It reports, one line each,
 * what the namespace looks like from inside, serves a greeting on its own 127.0.0.1, and bridges a
 * Unix socket (file paths are not namespaced) to that server, the way a container runtime's proxy
 * reaches a container. It exits when its standard input closes.
 *
 * <p>Lines: {@code IFACE name up|down addresses}, {@code HOST outcome detail}, {@code LISTEN port},
 * {@code TABLE endpoint}, then {@code READY}.
 */
public final class InsideNamespace {
    /** What the server inside answers to every connection, so the host can tell it apart. */
    public static final String GREETING = "hello from inside the network namespace";

    private InsideNamespace() {}

    /**
     * Runs inside the namespace.
     *
     * @param args the host's port to try, and the Unix socket path to serve
     */
    public static void main(String[] args) throws Exception {
        int hostPort = Integer.parseInt(args[0]);
        Path unix = Path.of(args[1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            String addresses =
                    nif.inetAddresses()
                            .map(InetAddress::getHostAddress)
                            .map(InsideNamespace::plain)
                            .collect(Collectors.joining(","));
            out.println(
                    "IFACE "
                            + nif.getName()
                            + " "
                            + (nif.isUp() ? "up" : "down")
                            + " "
                            + (addresses.isEmpty() ? "-" : addresses));
        }
        InetAddress loopback = IpLiteral.loopbackV4();
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(loopback, hostPort), 1000);
            out.println("HOST connected");
        } catch (IOException e) {
            out.println("HOST " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        ServerSocket server = new ServerSocket(0, 50, loopback);
        int port = server.getLocalPort();
        out.println("LISTEN " + port);
        daemon(() -> serve(server));
        ServerSocketChannel bridge = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        bridge.bind(UnixDomainSocketAddress.of(unix));
        daemon(() -> bridge(bridge, loopback, port));
        for (SocketTable.Entry entry : SocketTable.listening()) {
            out.println("TABLE " + entry.localEndpoint());
        }
        out.println("READY");
        InputStream in = System.in;
        while (in.read() != -1) {
            // The host holds our standard input open for as long as it wants the namespace.
        }
        System.exit(0);
    }

    private static String plain(String address) {
        int scope = address.indexOf('%');
        return scope < 0 ? address : address.substring(0, scope);
    }

    private static void serve(ServerSocket server) {
        while (true) {
            try (Socket client = server.accept()) {
                client.getOutputStream()
                        .write((GREETING + "\n").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Every connection on the Unix socket is joined to the server on this namespace's loopback. */
    private static void bridge(ServerSocketChannel bridge, InetAddress loopback, int port) {
        while (true) {
            SocketChannel outside;
            try {
                outside = bridge.accept();
            } catch (IOException e) {
                return;
            }
            daemon(
                    () -> {
                        try (SocketChannel o = outside;
                                SocketChannel inside =
                                        SocketChannel.open(new InetSocketAddress(loopback, port))) {
                            Pipes.join(o, inside);
                        } catch (IOException e) {
                            // the connection ended; nothing to tell anyone
                        }
                    });
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "inside-namespace");
        thread.setDaemon(true);
        thread.start();
    }
}
