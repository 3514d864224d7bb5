package dev.loopbacklab.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One end of a connection: an address and a port, written the way people write them, {@code
 * 127.0.0.1:8080} or {@code [::1]:8080} (brackets so the port stands out from an IPv6 address).
 * Nothing here looks a name up.
 *
 * <pre>{@code
 * Endpoint.loopback(8080);                    // 127.0.0.1:8080
 * Endpoint.of(socket.getLocalSocketAddress()) // [::1]:41234
 * }</pre>
 *
 * @param address the IP address
 * @param port the port, 0–65535
 */
public record Endpoint(InetAddress address, int port) {

    /**
     * Checks the port.
     *
     * @param address the IP address
     * @param port the port, 0–65535
     * @throws IllegalArgumentException if the port is out of range
     */
    public Endpoint {
        Objects.requireNonNull(address, "address");
        Ports.requireValid(port);
    }

    /**
     * The endpoint of a socket address that is already resolved (as every socket's own are).
     *
     * @param socketAddress such as {@code socket.getLocalSocketAddress()}
     * @return the same address and port
     * @throws IllegalArgumentException if the address was never resolved
     */
    public static Endpoint of(java.net.SocketAddress socketAddress) {
        InetSocketAddress inet = (InetSocketAddress) socketAddress;
        if (inet.isUnresolved()) {
            throw new IllegalArgumentException("an unresolved address has no endpoint: " + inet);
        }
        return new Endpoint(inet.getAddress(), inet.getPort());
    }

    /**
     * {@code 127.0.0.1} and a port.
     *
     * @param port the port
     * @return {@code 127.0.0.1:port}
     */
    public static Endpoint loopback(int port) {
        return new Endpoint(IpLiteral.loopbackV4(), port);
    }

    /**
     * The address the JDK's socket calls take.
     *
     * @return an already resolved socket address
     */
    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    /**
     * An {@code http://} address of this endpoint.
     *
     * @param path starting with {@code /}
     * @return such as {@code http://[::1]:8080/hello}
     */
    public String url(String path) {
        return "http://" + this + path;
    }

    /**
     * Puts an IPv6 address's text in brackets, as a URL or {@code host:port} needs; IPv4 text and
     * names stay as they are.
     *
     * @param host such as {@code ::1}, {@code [::1]}, {@code 127.0.0.1} or {@code localhost}
     * @return such as {@code [::1]}
     */
    public static String bracketed(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /**
     * Such as {@code 127.0.0.1:8080} or {@code [::1]:8080}.
     *
     * @return the endpoint's text
     */
    @Override
    public String toString() {
        String text = IpLiteral.format(address);
        return (address instanceof Inet6Address ? "[" + text + "]" : text) + ":" + port;
    }
}
