package dev.loopbacklab.notebook;

import com.sun.jdi.VirtualMachine;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jshell.execution.JdiInitiator;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Starts one session's child JVM the way JShell's default engine does (JDI launches it, and JDI is
 * kept to stop a running snippet), with {@link ChildAgent} as its main class: the lab's class path,
 * a capped heap, and the lab's pid for the child to watch. One engine starts one child.
 */
final class ChildEngine implements ExecutionControlProvider {
    private final List<String> vmOptions;
    private final Duration startTimeout;
    private volatile Process process;

    /**
     * @param heapMegabytes the child's {@code -Xmx}
     * @param classPath the child's class path (the lab's own)
     * @param startTimeout how long the child may take to start and connect
     */
    ChildEngine(int heapMegabytes, String classPath, Duration startTimeout) {
        this.vmOptions =
                List.of(
                        "-Xmx" + heapMegabytes + "m",
                        // small and quick to start; a snippet is not a server under load
                        "-XX:+UseSerialGC",
                        "-XX:MaxMetaspaceSize=128m",
                        "-D" + ParentWatch.PARENT_PID + "=" + ProcessHandle.current().pid(),
                        "-cp",
                        classPath);
        this.startTimeout = startTimeout;
    }

    @Override
    public String name() {
        return "loopbacklab-child";
    }

    /** The child process once started, else null. */
    Process process() {
        return process;
    }

    /** Ends the child at once, whatever it is doing; JShell then reports its engine ended. */
    void kill() {
        Process child = process;
        if (child != null) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        }
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters)
            throws Throwable {
        int timeout = (int) startTimeout.toMillis();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(timeout);
            List<String> options = new ArrayList<>(env.extraRemoteVMOptions());
            options.addAll(vmOptions);
            JdiInitiator jdi =
                    new JdiInitiator(
                            listener.getLocalPort(),
                            options,
                            ChildAgent.class.getName(),
                            true,
                            null,
                            timeout,
                            Map.of());
            VirtualMachine vm = jdi.vm();
            process = jdi.process();
            drain(process.getInputStream(), "out");
            drain(process.getErrorStream(), "err");
            // JDI starts the child suspended; this handler resumes it, and reports its death
            Util.detectJdiExitEvent(vm, reason -> env.closeDown());
            Socket socket = listener.accept();
            socket.setTcpNoDelay(true);
            Map<String, OutputStream> outputs = new HashMap<>();
            outputs.put("out", env.userOut());
            outputs.put("err", env.userErr());
            Map<String, InputStream> inputs = new HashMap<>();
            inputs.put("in", env.userIn());
            Process child = process;
            return Util.remoteInputOutput(
                    socket.getInputStream(),
                    socket.getOutputStream(),
                    outputs,
                    inputs,
                    (in, out) -> new ChildControl(out, in, vm, child));
        }
    }

    /**
     * Reads what the child writes to its own standard streams (the JVM's own messages; snippets'
     * output goes over the socket), so a full pipe can never block it.
     */
    private static void drain(InputStream stream, String name) {
        Thread thread =
                new Thread(
                        () -> {
                            try (stream) {
                                stream.transferTo(OutputStream.nullOutputStream());
                            } catch (java.io.IOException e) {
                                // the child is gone
                            }
                        },
                        "jshell-child-" + name);
        thread.setDaemon(true);
        thread.start();
    }
}
