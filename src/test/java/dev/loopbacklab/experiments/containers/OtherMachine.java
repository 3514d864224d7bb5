package dev.loopbacklab.experiments.containers;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * "Another machine" the test makes itself (root only): a network namespace joined to this one by a
 * veth pair on a /30 of its own. Connecting from it to this side's veth address is what a neighbour
 * on the network would do, without touching any real network.
 */
final class OtherMachine implements AutoCloseable {
    private final String name;
    private final String hostAddress;

    private OtherMachine(String name, String hostAddress) {
        this.name = name;
        this.hostAddress = hostAddress;
    }

    /** True when this test may make namespaces and veth pairs (root on Linux, with ip). */
    static boolean possible() {
        try {
            return System.getProperty("os.name").startsWith("Linux")
                    && run(List.of("ip", "netns", "list")) == 0
                    && "root".equals(System.getProperty("user.name"));
        } catch (IOException e) {
            return false;
        }
    }

    static OtherMachine create() throws IOException {
        int tag = ThreadLocalRandom.current().nextInt(0x10000);
        String name = String.format("ll-other-%04x", tag);
        String hostSide = String.format("llh%04x", tag);
        String otherSide = String.format("llo%04x", tag);
        String net = "10.213." + (tag % 250) + "." + (4 * ThreadLocalRandom.current().nextInt(60));
        String prefix = net.substring(0, net.lastIndexOf('.') + 1);
        int base = Integer.parseInt(net.substring(net.lastIndexOf('.') + 1));
        String host = prefix + (base + 1);
        String other = prefix + (base + 2);
        OtherMachine machine = new OtherMachine(name, host);
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
        } catch (IOException | RuntimeException e) {
            machine.close();
            throw e;
        }
        return machine;
    }

    /** Whether a connection from the other machine to this side's veth address and port opens. */
    boolean reaches(int port) throws IOException {
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

    String hostAddress() {
        return hostAddress;
    }

    @Override
    public void close() throws IOException {
        run(List.of("ip", "netns", "del", name)); // takes the veth pair with it
    }

    private static void must(List<String> command) throws IOException {
        if (run(command) != 0) {
            throw new IOException("failed: " + String.join(" ", command));
        }
    }

    private static int run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            process.getInputStream().readAllBytes();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
