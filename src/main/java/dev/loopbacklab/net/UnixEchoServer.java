package dev.loopbacklab.net;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An echo server on a Unix domain socket: a socket that is a file, not an address and port.
 *
 * <pre>{@code
 * var server = UnixEchoServer.start();
 * var channel = SocketChannel.open(UnixDomainSocketAddress.of(server.path()));
 * }</pre>
 *
 * <p>No IP, no port, no network stack: only programs on this machine that may open the file can
 * connect. The socket lives in a fresh temporary folder that {@link #close()} deletes.
 */
public final class UnixEchoServer implements AutoCloseable {

    private final EchoLoop loop;
    private final Path directory;
    private final Path path;

    private UnixEchoServer(EchoLoop loop, Path directory, Path path) {
        this.loop = loop;
        this.directory = directory;
        this.path = path;
    }

    /**
     * True if this JDK and operating system offer Unix domain sockets (Linux, macOS, Windows 10+).
     */
    public static boolean supported() {
        try (ServerSocketChannel probe = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            return probe.isOpen();
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Starts a server on a new socket file in a new temporary folder.
     *
     * @return the running server; {@link #path()} says where
     * @throws IOException if the folder or socket cannot be created
     * @throws UnsupportedOperationException if Unix domain sockets are not {@link #supported()}
     */
    public static UnixEchoServer start() throws IOException {
        // A fresh folder only we can write to: nobody can swap the socket file under us, and the
        // path stays short (the OS allows only ~100 characters for a socket path).
        Path directory = RunFolders.create();
        Path path = directory.resolve("echo.sock");
        try {
            ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.bind(UnixDomainSocketAddress.of(path));
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            return new UnixEchoServer(EchoLoop.start(channel, "unix-echo-server"), directory, path);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(path, directory);
            throw e;
        }
    }

    /** The socket file clients connect to. */
    public Path path() {
        return path;
    }

    /** How many clients are connected right now. */
    public int clients() {
        return loop.clients();
    }

    /** How many bytes the server has sent back so far. */
    public long bytesEchoed() {
        return loop.bytesEchoed();
    }

    /**
     * Stops the server, closes every connection and deletes the socket file and its folder. Calling
     * it twice does no harm.
     */
    @Override
    public void close() {
        loop.close();
        // Closing a Unix socket leaves its file behind; a later bind to the same path would fail.
        deleteQuietly(path, directory);
    }

    private static void deleteQuietly(Path... paths) {
        for (Path p : paths) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // A leftover file in the temp folder is untidy but harmless.
            }
        }
    }

    /** Reads like {@code UnixEchoServer[/tmp/loopback-lab-123/echo.sock, 1 client]}. */
    @Override
    public String toString() {
        return "UnixEchoServer" + loop.describe(path.toString());
    }
}
