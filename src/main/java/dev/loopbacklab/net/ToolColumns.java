package dev.loopbacklab.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code address:port} words that {@code lsof} and Windows' {@code netstat} print: {@code
 * 127.0.0.1:8080}, {@code [::1]:8080}, {@code [fe80::1%5]:8080}, and lsof's {@code *:8080} for a
 * wildcard; and the {@code address.port} words of macOS's (BSD) {@code netstat}: {@code
 * 127.0.0.1.8080}, {@code ::1.8080}, {@code *.8080}, {@code *.*}. Shared by {@link LsofParser},
 * {@link NetstatParser} and {@link BsdNetstatParser}.
 */
final class ToolColumns {
    private ToolColumns() {}

    /**
     * The sockets a tool's listing names: each line cut into its words and read by {@code line},
     * which answers null for a heading, a blank line or anything that is not a socket.
     */
    static List<ListedSocket> rows(String text, Function<String[], ListedSocket> line) {
        List<ListedSocket> sockets = new ArrayList<>();
        for (String row : text.split("\r?\n")) {
            ListedSocket socket = line.apply(row.strip().split("\\s+"));
            if (socket != null) {
                sockets.add(socket);
            }
        }
        return sockets;
    }

    /**
     * The endpoint in {@code word}, or null if it is not one; {@code *} is the wildcard of the
     * family {@code ipv6} names.
     */
    static Endpoint endpoint(String word, boolean ipv6) {
        int colon = word.lastIndexOf(':');
        if (colon <= 0 || colon == word.length() - 1) {
            return null;
        }
        int port = port(word.substring(colon + 1));
        InetAddress address = address(word.substring(0, colon), ipv6);
        return port < 0 || address == null ? null : new Endpoint(address, port);
    }

    /**
     * The endpoint in a BSD {@code netstat} word, or null if it is not one: the port follows the
     * last dot ({@code ::1.8080}, {@code 127.0.0.1.8080}); {@code *} is the wildcard address of the
     * family {@code ipv6} names, and a {@code *} port (in {@code *.*}, no peer) is 0. A long IPv6
     * address that netstat cut short to fit its column does not parse, and gives null.
     */
    static Endpoint bsdEndpoint(String word, boolean ipv6) {
        int dot = word.lastIndexOf('.');
        if (dot <= 0 || dot == word.length() - 1) {
            return null;
        }
        String portText = word.substring(dot + 1);
        int port = portText.equals("*") ? 0 : port(portText);
        InetAddress address = address(word.substring(0, dot), ipv6);
        return port < 0 || address == null ? null : new Endpoint(address, port);
    }

    /** A decimal port of at most 5 ASCII digits up to 65535, or -1 (a service name, "*"). */
    static int port(String text) {
        if (text.isEmpty() || text.length() > 5) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 0xFFFF ? value : -1;
    }

    /** A decimal number of at most 18 ASCII digits, or -1. */
    static long number(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static InetAddress address(String text, boolean ipv6) {
        if (text.equalsIgnoreCase("localhost")) {
            return null; // a name, not a number: a run without -n, which the lab never makes
        }
        if (text.equals("*")) {
            return ipv6 ? AddressText.parse("::") : AddressText.parse("0.0.0.0");
        }
        String host = text;
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int zone = host.indexOf('%');
        if (zone >= 0) {
            host = host.substring(0, zone); // the interface of a link-local address
        }
        try {
            return AddressText.parse(host);
        } catch (IllegalArgumentException e) {
            return null; // a host name: the lab runs the tools with -n, so this is not a row of
            // ours
        }
    }

    /**
     * A socket table row from a tool's columns: tools name no uid or inode, so those are -1 and 0.
     */
    static SocketTable.Entry entry(
            String protocol, Endpoint local, Endpoint remote, TcpState state) {
        return new SocketTable.Entry(
                protocol,
                local.address(),
                local.port(),
                remote.address(),
                remote.port(),
                state,
                -1,
                0);
    }

    /** "tcp6" for an IPv6 socket, "tcp" otherwise, as the Linux reader names its files. */
    static String protocol(String base, boolean ipv6) {
        return ipv6 ? base + "6" : base;
    }
}
