package dev.loopbacklab.notebook;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.execution.RemoteExecutionControl;
import jdk.jshell.execution.Util;

/**
 * The main class of a session's child JVM: JShell's own remote agent ({@link
 * RemoteExecutionControl}), with two differences. It watches the lab and exits when the lab is gone
 * ({@link ParentWatch}), so no child outlives a lab killed with {@code kill -9}; and its command
 * socket has TCP_NODELAY: JShell's agent leaves Nagle's algorithm on, and its small request-reply
 * writes then wait for delayed ACKs, ~200 ms per trivial snippet here instead of tens.
 */
public final class ChildAgent {
    private ChildAgent() {}

    /**
     * Connects to the lab on loopback port {@code args[0]}, serves JShell's commands until the lab
     * closes the connection, then exits (threads a snippet left running included).
     */
    public static void main(String[] args) throws Exception {
        ParentWatch.start();
        try (Socket socket =
                new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]))) {
            socket.setTcpNoDelay(true);
            Map<String, Consumer<OutputStream>> outputs = new HashMap<>();
            outputs.put(
                    "out", s -> System.setOut(new PrintStream(s, true, StandardCharsets.UTF_8)));
            outputs.put(
                    "err", s -> System.setErr(new PrintStream(s, true, StandardCharsets.UTF_8)));
            Map<String, Consumer<InputStream>> inputs = new HashMap<>();
            inputs.put("in", System::setIn);
            Util.forwardExecutionControlAndIO(
                    new RemoteExecutionControl(),
                    socket.getInputStream(),
                    socket.getOutputStream(),
                    outputs,
                    inputs);
        } finally {
            ParentWatch.exit();
        }
    }
}
