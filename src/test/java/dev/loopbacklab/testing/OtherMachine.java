package dev.loopbacklab.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * "Another machine" the test makes itself (root only): a network namespace joined to this one by a
 * veth pair on a /30 of its own, taken from 198.18.0.0/15 (RFC 2544's benchmarking range, never
 * routed, so it cannot collide with a real network the machine is on). Connecting from it to this
 * side's veth address is what a neighbour on the network would do, without touching any real
 * network. Where it cannot be made, tests skip, or fail under {@code LAB_REQUIRE_NETNS=1}.
 *
 * <p>For a whole test class: {@code @RegisterExtension static final OtherMachine other =
 * OtherMachine.forTheClass();} makes it before the first test (or skips the class) and always
 * removes it after the last. For one test: {@code try (OtherMachine other =
 * OtherMachine.create())}.
 */
public final class OtherMachine implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    /** The switch that turns "no namespaces here" skips into failures. */
    public static final String REQUIRE = "LAB_REQUIRE_NETNS";

    private String name;
    private String hostAddress;
    private String otherAddress;

    private OtherMachine() {}

    /** The machine of a test class, made and removed by JUnit (see the class comment). */
    public static OtherMachine forTheClass() {
        return new OtherMachine();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        needed();
        make();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    /** True when this test may make namespaces and veth pairs (root on Linux, with ip). */
    public static boolean possible() {
        try {
            return System.getProperty("os.name").startsWith("Linux")
                    && run(List.of("ip", "netns", "list")) == 0
                    && "root".equals(System.getProperty("user.name"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Skips the calling test when no namespace can be made here, or fails it under {@code
     * LAB_REQUIRE_NETNS=1}.
     */
    public static void needed() {
        Needs.that(
                possible(),
                "cannot make a network namespace here (needs Linux, root and ip netns)",
                REQUIRE);
    }

    /** Makes the namespace and its veth pair; close it to remove both. */
    public static OtherMachine create() throws IOException {
        OtherMachine machine = new OtherMachine();
        machine.make();
        return machine;
    }

    private void make() throws IOException {
        int tag = ThreadLocalRandom.current().nextInt(0x10000);
        String namespace = String.format("ll-other-%04x", tag);
        String hostSide = String.format("llh%04x", tag);
        String otherSide = String.format("llo%04x", tag);
        // 198.18.0.0/15: 198.18.x.y or 198.19.x.y, a /30 at a random multiple of 4
        String net =
                "198."
                        + (18 + (tag & 1))
                        + "."
                        + ((tag >> 1) & 0xff)
                        + "."
                        + (4 * ThreadLocalRandom.current().nextInt(64));
        String prefix = net.substring(0, net.lastIndexOf('.') + 1);
        int base = Integer.parseInt(net.substring(net.lastIndexOf('.') + 1));
        String host = prefix + (base + 1);
        String other = prefix + (base + 2);
        this.name = namespace;
        this.hostAddress = host;
        this.otherAddress = other;
        try {
            must(List.of("ip", "netns", "add", name));
            must(List.of("ip", "link", "add", hostSide, "type", "veth", "peer", "name", otherSide));
            must(List.of("ip", "link", "set", otherSide, "netns", name));
            must(List.of("ip", "addr", "add", host + "/30", "dev", hostSide));
            must(List.of("ip", "link", "set", hostSide, "up"));
            must(
                    List.of(
                            "ip",
                            "netns",
                            "exec",
                            name,
                            "ip",
                            "addr",
                            "add",
                            other + "/30",
                            "dev",
                            otherSide));
            must(List.of("ip", "netns", "exec", name, "ip", "link", "set", otherSide, "up"));
            // A veth pair carries packets once both ends are up; before that a connection from
            // the other side fails, and a test expecting "not reachable" would pass for the
            // wrong reason.
            Wait.until(
                    "both ends of " + hostSide + "/" + otherSide + " are up",
                    () ->
                            up(List.of(), hostSide)
                                    && up(List.of("ip", "netns", "exec", name), otherSide));
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Whether a connection from the other machine to this side's veth address and port opens. */
    public boolean reaches(int port) throws IOException {
        return run(
                        List.of(
                                "ip",
                                "netns",
                                "exec",
                                name,
                                "timeout",
                                "5",
                                "bash",
                                "-c",
                                "exec 3<>/dev/tcp/" + hostAddress + "/" + port))
                == 0;
    }

    /** This side's veth address: where the other machine connects to. */
    public String hostAddress() {
        return hostAddress;
    }

    /** The other machine's own address: the peer this side sees. */
    public String otherAddress() {
        return otherAddress;
    }

    /**
     * Connects from the other machine to this side's veth address and {@code port}, sends a request
     * and waits (5 s at most) for one byte back.
     *
     * @return {@code "refused"}, {@code "closed unread"} (the connection opened, and ended, reset
     *     or closed, with no byte sent back), {@code "answered"} or {@code "no answer"} (still open
     *     after 5 s: held, as a listener nobody accepts from holds it)
     */
    public String knock(int port) throws IOException {
        // bash's /dev/tcp, so the other machine needs nothing installed; head's status tells a
        // closed or reset connection (1 or 0, no byte) from one still held after 5 s (124); a
        // write to a connection already reset is an error, not a SIGPIPE that ends the shell
        String script =
                """
                trap '' PIPE
                exec 3<>/dev/tcp/%s/%d || exit 3
                printf 'GET /secrets HTTP/1.0\\r\\n\\r\\n' >&3 2>/dev/null
                got=$(timeout 5 head -c 1 <&3 2>/dev/null | od -An -c; exit ${PIPESTATUS[0]})
                [ $? -eq 124 ] && exit 5
                [ -n "$got" ] && exit 0
                exit 4
                """
                        .formatted(hostAddress, port);
        Ran ran = ran(List.of("ip", "netns", "exec", name, "bash", "-c", script));
        return switch (ran.status()) {
            case 0 -> "answered";
            case 3 -> "refused (" + ran.output().strip() + ")";
            case 4 -> "closed unread";
            case 5 -> "no answer";
            default -> "status " + ran.status() + " (" + ran.output().strip() + ")";
        };
    }

    @Override
    public void close() throws IOException {
        if (name != null) {
            run(List.of("ip", "netns", "del", name)); // takes the veth pair with it
            name = null;
        }
    }

    private static void must(List<String> command) throws IOException {
        if (run(command) != 0) {
            throw new IOException("failed: " + String.join(" ", command));
        }
    }

    private static int run(List<String> command) throws IOException {
        return ran(command).status();
    }

    /** A command's exit status (-1: it did not end in 20 s) and what it printed. */
    private record Ran(int status, String output) {}

    private static Ran ran(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), UTF_8);
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Ran(-1, output);
            }
            return new Ran(process.exitValue(), output);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Ran(-1, "interrupted");
        }
    }

    /** Whether the link {@code device} is up, as {@code ip} (run after {@code prefix}) shows it. */
    private static boolean up(List<String> prefix, String device) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("ip", "-o", "link", "show", "dev", device));
        try {
            Ran ran = ran(command);
            return ran.status() == 0 && ran.output().contains("state UP");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
