package dev.loopbacklab.experiments.containers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace of its own on Linux, made with {@code unshare -rn} (a user namespace too, so
 * no root is needed where the kernel allows it), with {@link InsideNamespace} running in it. From
 * JShell:
 *
 * <pre>{@code
 * try (var ns = Namespace.start(0)) { ns.interfaces(); ns.innerPort(); }
 * }</pre>
 *
 * <p>Closing it ends the program inside, and with it the namespace.
 */
public final class Namespace implements AutoCloseable {
    /** How long the program inside may take to report; a JVM start is ~0.5 s on a quiet machine. */
    private static final long READY_SECONDS = 30;

    private final Process process;
    private final Path folder;
    private final List<String> lines;

    private Namespace(Process process, Path folder, List<String> lines) {
        this.process = process;
        this.folder = folder;
        this.lines = List.copyOf(lines);
    }

    /**
     * Starts a namespace. Inside, {@code lo} is shown as it comes (down), brought up with {@code ip
     * link set lo up}, and the program inside tries the host's {@code 127.0.0.1:hostPort}.
     *
     * @param hostPort a port to try from inside; 0 tries nothing useful but is allowed
     * @throws IOException if the namespace cannot be made; the message says what the OS answered
     */
    public static Namespace start(int hostPort) throws IOException {
        Path folder = Files.createTempDirectory("loopback-lab-ns");
        Path socket = folder.resolve("bridge.sock");
        String java = ProcessHandle.current().info().command().orElse("java");
        String script =
                "ip -o link show lo 2>&1 | sed 's/^/LO_BEFORE /'; ip link set lo up 2>&1 | sed"
                        + " 's/^/LO_UP_ERROR /'; exec \"$0\" -cp \"$1\" "
                        + InsideNamespace.class.getName()
                        + " \"$2\" \"$3\"";
        ProcessBuilder builder =
                new ProcessBuilder(
                                "unshare",
                                "-rn",
                                "sh",
                                "-c",
                                script,
                                java,
                                ownClassPath(),
                                Integer.toString(hostPort),
                                socket.toString())
                        .redirectErrorStream(true);
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try {
            BufferedReader reader =
                    new BufferedReader(
                            new InputStreamReader(
                                    process.getInputStream(), StandardCharsets.UTF_8));
            Thread watchdog = watchdog(process);
            String line;
            while ((line = reader.readLine()) != null && !line.equals("READY")) {
                lines.add(line);
            }
            watchdog.interrupt();
            if (line == null) {
                throw new IOException(
                        "the namespace did not start: "
                                + (lines.isEmpty() ? "no output" : String.join("; ", lines)));
            }
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            deleteQuietly(folder, socket);
            throw e;
        }
        return new Namespace(process, folder, lines);
    }

    /**
     * Where this class was loaded from (target/classes or the lab's jar): the program inside needs
     * nothing else. Not {@code java.class.path}, which in JShell's agent names JShell's own jars.
     */
    private static String ownClassPath() throws IOException {
        Path classes = dev.loopbacklab.LabCommand.runsFrom();
        if (classes == null) {
            throw new IOException("cannot tell where the lab's classes are (the JVM does not say)");
        }
        return classes.toString();
    }

    /** Ends a start that hangs, so {@link #start} cannot block its caller for ever. */
    private static Thread watchdog(Process process) {
        Thread thread =
                new Thread(
                        () -> {
                            try {
                                if (!process.waitFor(READY_SECONDS, TimeUnit.SECONDS)) {
                                    process.destroyForcibly();
                                }
                            } catch (InterruptedException e) {
                                // started in time
                            }
                        },
                        "namespace-watchdog");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** {@code lo} as {@code ip link} showed it before it was brought up, e.g. "state DOWN". */
    public String loBefore() {
        return lines.stream()
                .filter(l -> l.startsWith("LO_BEFORE "))
                .map(l -> l.contains("state DOWN") ? "DOWN" : l.contains("UP") ? "UP" : l)
                .findFirst()
                .orElse("not shown (no ip command)");
    }

    /** The interfaces inside, one "name up|down addresses" each, e.g. "lo up 127.0.0.1,::1". */
    public List<String> interfaces() {
        return values("IFACE ");
    }

    /** What connecting from inside to 127.0.0.1:hostPort gave, e.g. "ConnectException ...". */
    public String hostAttempt() {
        return values("HOST ").stream().findFirst().orElse("not tried");
    }

    /** The port of the greeting server on the namespace's own 127.0.0.1. */
    public int innerPort() {
        return Integer.parseInt(values("LISTEN ").get(0));
    }

    /** The listening sockets the namespace's own /proc/net/tcp* shows. */
    public List<String> listening() {
        return values("TABLE ");
    }

    /** The Unix socket that reaches the server inside (paths are not namespaced; ports are). */
    public Path socket() {
        return folder.resolve("bridge.sock");
    }

    /** The process id of the program inside, as the host sees it. */
    public long pid() {
        return process.pid();
    }

    private List<String> values(String prefix) {
        return lines.stream()
                .filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()))
                .toList();
    }

    /** Whether {@code unshare -rn} works here, and if not, the OS's own words. */
    public record Availability(boolean works, String reason) {}

    /** Tries {@code unshare -rn true}; quick (a few ms) and leaves nothing behind. */
    public static Availability availability() {
        if (!System.getProperty("os.name").startsWith("Linux")) {
            return new Availability(
                    false,
                    "network namespaces are a Linux kernel feature; this is "
                            + System.getProperty("os.name"));
        }
        try {
            Process p =
                    new ProcessBuilder("unshare", "-rn", "true").redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                // before any read: reading a hung command's output would wait for it for ever
                p.destroyForcibly();
                return new Availability(false, "unshare -rn did not finish within 10 s");
            }
            // it has ended; what it printed is an error line at most
            String output =
                    new String(p.getInputStream().readNBytes(4096), StandardCharsets.UTF_8).strip();
            return p.exitValue() == 0
                    ? new Availability(true, "")
                    : new Availability(false, output.isEmpty() ? "exit " + p.exitValue() : output);
        } catch (IOException e) {
            return new Availability(false, "no unshare command: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Availability(false, "interrupted");
        }
    }

    /** Ends the program inside (it exits when its input closes), and so the namespace. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            deleteQuietly(folder, socket());
        }
    }

    private static void deleteQuietly(Path folder, Path socket) {
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
