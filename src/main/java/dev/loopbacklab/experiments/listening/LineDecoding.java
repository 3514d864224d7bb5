package dev.loopbacklab.experiments.listening;

import dev.loopbacklab.net.SocketTable;
import dev.loopbacklab.net.TcpState;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Explains one {@code /proc/net/tcp*} line field by field, as rows of a teaching table: the raw
 * text, what it decodes to and what it means. The decoding is spelled out step by step on purpose.
 */
final class LineDecoding {
    static final List<String> HEADERS = List.of("field", "raw", "decoded", "meaning");

    private LineDecoding() {}

    /**
     * @param line the raw line
     * @param entry the same line as {@code SocketTable.parse} reads it, to name the address
     * @param order this CPU's byte order, which decides how the kernel printed the words
     * @param fdLink the process's file descriptor for the socket, if found
     */
    static List<List<String>> rows(
            RawLine line, SocketTable.Entry entry, ByteOrder order, Optional<String> fdLink) {
        List<List<String>> rows = new ArrayList<>();
        String local = line.fields().get(RawLine.LOCAL);
        String hex = local.substring(0, local.indexOf(':'));
        String port = local.substring(local.indexOf(':') + 1);
        rows.add(
                List.of(
                        "local_address",
                        local,
                        "address " + hex + ", port " + port,
                        "this side of the socket: address and port in hex, separated by a colon"));
        List<String> words = words(hex);
        rows.add(
                List.of(
                        "… the address",
                        hex,
                        String.join(" ", words),
                        words.size()
                                + (words.size() == 1 ? " word" : " words")
                                + " of 32 bits: "
                                + (words.size() * 4)
                                + " bytes, an "
                                + (words.size() == 1 ? "IPv4" : "IPv6")
                                + " address"));
        boolean little = order == ByteOrder.LITTLE_ENDIAN;
        List<String> turned =
                little ? words.stream().map(LineDecoding::reverseBytes).toList() : words;
        rows.add(
                List.of(
                        "… each word turned round",
                        String.join(" ", words),
                        String.join(" ", turned),
                        little
                                ? "this CPU is little-endian: the kernel prints each word's bytes last first, so"
                                        + " they are read back to front"
                                : "this CPU is big-endian: the words are already in"
                                        + " network order"));
        rows.add(
                List.of(
                        "… as an address",
                        String.join("", turned),
                        addressText(turned, entry),
                        meaning(turned, entry)));
        rows.add(
                List.of(
                        "… the port",
                        port,
                        arithmetic(port),
                        "plain hex, not turned round: the kernel prints the number, not its bytes"));
        rows.add(
                List.of(
                        "rem_address",
                        line.fields().get(RawLine.REMOTE),
                        host(entry.remoteEndpoint()) + " port " + entry.remotePort(),
                        "the other side; all zeros because a listener is not connected to anyone"));
        String st = line.fields().get(RawLine.STATE);
        TcpState state = TcpState.fromHex(st);
        rows.add(
                List.of(
                        "st",
                        st,
                        state.code() + " = " + state,
                        "TCP_"
                                + state
                                + " in the kernel's"
                                + " include/net/tcp_states.h; 01 would be ESTABLISHED, 06 TIME_WAIT"));
        String queues = line.fields().get(RawLine.QUEUES);
        rows.add(
                List.of(
                        "tx_queue:rx_queue",
                        queues,
                        Long.parseLong(queues.substring(0, 8), 16)
                                + " : "
                                + Long.parseLong(queues.substring(9), 16),
                        "for a listener, rx_queue counts the"
                                + " connections waiting for accept()"));
        String uid = line.fields().get(RawLine.UID);
        rows.add(
                List.of(
                        "uid",
                        uid,
                        Listener.uid(entry.uid()),
                        "the user who opened the socket, in" + " decimal"));
        String inode = line.fields().get(RawLine.INODE);
        rows.add(
                List.of(
                        "inode",
                        inode,
                        fdLink.orElse("socket:[" + inode + "]"),
                        "the socket's number; the process holding it has a file in /proc/<pid>/fd linking to"
                                + " socket:[inode]: that is how ss -p and lsof find the owner"));
        return rows;
    }

    /** Cuts the hex address into 8-digit words. */
    static List<String> words(String hex) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i + 8 <= hex.length(); i += 8) {
            words.add(hex.substring(i, i + 8));
        }
        return words;
    }

    /** "0100007F" becomes "7F000001": the four bytes (two hex digits each) in reverse order. */
    static String reverseBytes(String word) {
        StringBuilder reversed = new StringBuilder();
        for (int i = word.length() - 2; i >= 0; i -= 2) {
            reversed.append(word, i, i + 2);
        }
        return reversed.toString();
    }

    /** "B4C7" becomes "11×4096 + 4×256 + 12×16 + 7 = 46279". */
    static String arithmetic(String hex) {
        List<String> terms = new ArrayList<>();
        long value = 0;
        for (int i = 0; i < hex.length(); i++) {
            int digit = Character.digit(hex.charAt(i), 16);
            long weight = 1L << (4 * (hex.length() - 1 - i));
            value = value * 16 + digit;
            if (digit != 0) {
                terms.add(weight == 1 ? Integer.toString(digit) : digit + "×" + weight);
            }
        }
        return (terms.isEmpty() ? "0" : String.join(" + ", terms)) + " = " + value;
    }

    private static String addressText(List<String> turned, SocketTable.Entry entry) {
        String text = host(entry.localEndpoint());
        return mapped(turned) ? "::ffff:" + text + ", that is " + text : text;
    }

    private static String meaning(List<String> turned, SocketTable.Entry entry) {
        String scope = Scope.of(entry.localAddress()).label();
        if (mapped(turned)) {
            return "an IPv4 address inside IPv6 (::ffff:0:0/96, RFC 4291): a dual-stack socket, as"
                    + " Java opens them, bound to an IPv4 address; "
                    + scope;
        }
        return scope;
    }

    /** True for ::ffff:a.b.c.d, an IPv4-mapped IPv6 address. */
    private static boolean mapped(List<String> turned) {
        return turned.size() == 4
                && turned.get(0).equals("00000000")
                && turned.get(1).equals("00000000")
                && turned.get(2).equalsIgnoreCase("0000FFFF");
    }

    /** The address of an endpoint such as [::1]:80, without brackets or port. */
    private static String host(String endpoint) {
        String host = endpoint.substring(0, endpoint.lastIndexOf(':'));
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }
}
