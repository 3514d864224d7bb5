package dev.loopbacklab.cli;

import dev.loopbacklab.LabVersion;
import dev.loopbacklab.experiments.Experiments;
import dev.loopbacklab.lesson.ContentRoot;
import dev.loopbacklab.lesson.LessonFormatException;
import dev.loopbacklab.net.BindFailure;
import dev.loopbacklab.net.ExcludedPorts;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.net.LoopbackTarget;
import dev.loopbacklab.net.Platform;
import dev.loopbacklab.room.JoinLink;
import dev.loopbacklab.room.RoomException;
import dev.loopbacklab.web.LabConfig;
import dev.loopbacklab.web.LabServer;
import dev.loopbacklab.web.room.WorkshopConfig;
import dev.loopbacklab.web.security.RoomToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: the lessons in a browser, on 127.0.0.1:62893 unless told otherwise. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serve the lessons in your browser (the default command).")
public final class ServeCommand implements Callable<Integer> {
    /** Returned by {@link #call} when the server is up and {@code main} must not exit. */
    static final int KEEP_RUNNING = -1;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description =
                    "Address to listen on, as an IP literal (default ${DEFAULT-VALUE}: this machine "
                            + "only). Anything but loopback, e.g. 0.0.0.0, serves a room: every request then needs "
                            + "the access token.")
    String host = "127.0.0.1";

    @Option(
            names = "--port",
            paramLabel = "PORT",
            converter = PortConverter.class,
            description =
                    "Port to listen on, 0 for any free port (default 62893; if that is busy, a free "
                            + "port the OS picks).")
    Integer port;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description =
                    "The access token when serving a "
                            + "room (default: a new random one, printed in the link to share). At least 22 characters "
                            + "of A-Z a-z 0-9 - _, or 32 hex digits, and not guessable (judged by zxcvbn).")
    String token;

    @Option(
            names = "--allow-host",
            paramLabel = "NAME",
            description =
                    "Also answer requests "
                            + "addressed to NAME (a name or address learners type); repeat for more.")
    List<String> allowHosts = List.of();

    @Option(
            names = "--max-runs",
            paramLabel = "N",
            defaultValue = "8",
            description =
                    "Run at most N "
                            + "experiments at once, from everyone (1-256, default ${DEFAULT-VALUE}); more get a polite "
                            + "'busy'. Raise it for a large room.")
    int maxRuns = 8;

    @Option(
            names = "--run-starts",
            paramLabel = "N",
            defaultValue = "30",
            description =
                    "Let one "
                            + "browser start at most N runs per 10 seconds (1-10000, default ${DEFAULT-VALUE}).")
    int runStarts = 30;

    @Option(
            names = "--dev",
            description =
                    "Read lessons/ and site/ from the working directory, so "
                            + "edits show on reload.")
    boolean dev;

    @Option(
            names = "--open-room",
            description =
                    "Open a workshop room on this lab (the teacher's): learners' own labs join it"
                            + " with the printed link, and the printed board link shows the room"
                            + " live. A room kept in --room-dir reopens with everything it stored.")
    boolean openRoom;

    @Option(
            names = "--room-dir",
            paramLabel = "DIR",
            description = "Where the room's file is kept (default: ~/.loopback-lab/room).")
    Path roomDir;

    @Option(
            names = "--join",
            paramLabel = "LINK",
            description =
                    "Join a teacher's room with its link (http://…/join?code=…); this lab then"
                            + " sends the room a summary of each check it runs. Needs --nickname.")
    String join;

    @Option(
            names = "--nickname",
            paramLabel = "NAME",
            description = "Your name on the room's board (1 to 24 characters).")
    String nickname;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** The port used when {@code --port} is not given; tests point it at a port they hold. */
    int defaultPort = LabConfig.DEFAULT_PORT;

    /** Whether {@link #call} waits for the server to be stopped; tests turn it off. */
    boolean block = true;

    /** Stands for the working directory; tests point it at a folder of their own. */
    Path workingDir = Path.of("").toAbsolutePath();

    /** The server started by the last {@link #call}, for tests. */
    LabServer server;

    @Override
    public Integer call() throws Exception {
        PrintWriter out =
                spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
        PrintWriter err =
                spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
        if (maxRuns < 1 || maxRuns > 256 || runStarts < 1 || runStarts > 10_000) {
            err.println("--max-runs takes 1 to 256 and --run-starts 1 to 10000.");
            return 2;
        }
        InetAddress bind = bindAddress(host);
        if (bind == null) {
            err.println(
                    "--host \""
                            + clip(host)
                            + "\" is not an IP address (names are not looked up). "
                            + "Use 127.0.0.1 (the default: this machine only), or 0.0.0.0, :: or one of this "
                            + "machine's addresses to serve a room.");
            return 2;
        }
        if (!isOwnAddress(bind)) {
            err.println(notOwnAddress(bind));
            return 2;
        }
        for (String name : allowHosts) {
            if (!name.matches("[A-Za-z0-9.-]{1,253}|\\[?[0-9A-Fa-f:.]{2,45}]?")) {
                err.println("--allow-host \"" + clip(name) + "\" is not a host name or address.");
                return 2;
            }
        }
        boolean room = !bind.isLoopbackAddress();
        JoinLink joinLink = null;
        if (join != null) {
            try {
                joinLink = JoinLink.parse(join);
            } catch (IllegalArgumentException e) {
                err.println("--join: " + e.getMessage() + ".");
                return 2;
            }
            if (nickname == null || nickname.isBlank()) {
                err.println("--join needs --nickname: the name the room's board shows for you.");
                return 2;
            }
        }
        WorkshopConfig workshop =
                new WorkshopConfig(
                        roomDir == null ? WorkshopConfig.defaultRoomFolder() : roomDir,
                        openRoom,
                        joinLink,
                        nickname,
                        null);
        if (token != null && RoomToken.weakness(token) != null) {
            err.println(
                    "--token is refused: "
                            + RoomToken.weakness(token)
                            + ". Leave --token out to "
                            + "get a random one.");
            return 2;
        }
        String access = token == null && room ? RoomToken.generate() : token;
        ContentRoot content;
        try {
            content = ContentRoot.locate(dev, workingDir);
            if (content.fromDisk() && !Files.isDirectory(content.lessons())) {
                err.println(
                        "Cannot load the lessons: "
                                + content.lessons()
                                + " is missing. --dev reads "
                                + "lessons/ and site/ from the working directory: run it in the repository folder.");
                return 1;
            }
            if (dev && LessonProblems.report(content, workingDir, err)) {
                return 1;
            }
            Experiments.registry();
        } catch (LessonFormatException e) {
            err.println("Cannot load the lessons: " + e.getMessage());
            return 1;
        }
        String bindHost = IpLiteral.format(bind);
        Set<String> names = new LinkedHashSet<>(allowHosts);
        LabConfig.Limits defaults = LabConfig.Limits.defaults();
        LabConfig config =
                new LabConfig(
                        bindHost,
                        port == null ? defaultPort : port,
                        content,
                        names,
                        access,
                        new LabConfig.Limits(
                                maxRuns,
                                defaults.runLifetime(),
                                runStarts,
                                defaults.startWindow(),
                                defaults.idleTimeout()));
        if (port == null && isBusy(bind, defaultPort)) {
            // Found before Javalin tries (and logs "Failed to start Javalin" as it fails).
            Platform platform = Platform.current();
            out.printf(
                    "%s Using a free port picked by the OS instead.%n",
                    BindTrouble.cause(
                            platform,
                            defaultPort,
                            bindHost,
                            BindFailure.IN_USE,
                            platform.hasExcludedRanges()
                                    ? ExcludedPorts.detect()
                                    : ExcludedPorts.none(),
                            false));
            config = config.withPort(0);
        }
        try {
            server = LabServer.start(config, workshop, Experiments.registry(), LabVersion.get());
        } catch (LessonFormatException e) {
            err.println("Cannot load the lessons: " + e.getMessage());
            return 1;
        } catch (RoomException e) {
            err.println("Cannot join the room: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            if (!isBindFailure(e)) {
                throw e;
            }
            if (BindFailure.of(rootCause(e)) == BindFailure.CANNOT_ASSIGN) {
                err.println(notOwnAddress(bind));
                return 2;
            }
            Platform platform = Platform.current();
            int wanted = port != null ? port : defaultPort;
            String cause =
                    BindTrouble.cause(
                            platform,
                            wanted,
                            bindHost,
                            BindTrouble.kind(e),
                            platform.hasExcludedRanges()
                                    ? ExcludedPorts.detect()
                                    : ExcludedPorts.none(),
                            port != null);
            if (port != null) {
                err.printf(
                        "%s Choose another with --port, or --port 0 to let the OS pick a free"
                                + " one.%n",
                        cause);
                return 2;
            }
            out.printf("%s Using a free port picked by the OS instead.%n", cause);
            server =
                    LabServer.start(
                            config.withPort(0), workshop, Experiments.registry(), LabVersion.get());
        }
        if (room) {
            RoomNotice.print(out, bindHost, server.port());
        }
        String url =
                access == null
                        ? server.notebookUrl()
                        : RoomNotice.shareUrl(bind, allowHosts, server.port(), access);
        out.println(
                (room ? "Loopback Lab is serving a room at " : "Loopback Lab is running at ")
                        + url);
        if (!room) {
            // like Jupyter's token: the link lets that browser run JShell from the lesson pages
            out.println(
                    "The ?jshell= part lets the browser that opens it run JShell cells on this "
                            + "machine: keep it to yourself. The address without it shows all the "
                            + "rest.");
        }
        if (server.workshop().room() != null) {
            out.println("Workshop room open (kept in " + server.workshop().room().folder() + ").");
            out.println("  Learners join with:  " + server.workshop().joinLink());
            out.println("  Your board (keep it to yourself):  " + server.workshop().boardLink());
            if (!room) {
                out.println(
                        "  This lab listens on loopback only: learners on other machines need"
                                + " serve --host 0.0.0.0 --open-room.");
            }
        }
        if (server.workshop().membership().joined()) {
            out.println(
                    "Joined the room at "
                            + server.workshop().membership().status().room()
                            + " as "
                            + nickname
                            + "; what is sent is listed at "
                            + server.url()
                            + "workshop");
        }
        out.println(
                "Press Ctrl+C to stop."
                        + (content.fromDisk()
                                ? " Reading lessons/ and site/ from "
                                        + "disk: edits show on reload."
                                : ""));
        out.flush();
        if (!block) {
            return 0;
        }
        LabServer running = server;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    running.close();
                                    stopped.countDown();
                                },
                                "lab-shutdown"));
        stopped.await();
        return 0;
    }

    /** The address {@code --host} names, read without DNS; null if it is not an address. */
    static InetAddress bindAddress(String text) {
        try {
            return LoopbackTarget.parse(text).address();
        } catch (IllegalArgumentException notLoopback) {
            try {
                return IpLiteral.parse(text);
            } catch (IllegalArgumentException notAnAddress) {
                return null;
            }
        }
    }

    private static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /**
     * True if {@code address} is loopback, the wildcard or one of this machine's interface
     * addresses; read from the OS, nothing is sent.
     */
    static boolean isOwnAddress(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return true; // cannot tell: let the bind itself say
        }
    }

    private static String notOwnAddress(InetAddress address) {
        return "--host "
                + IpLiteral.format(address)
                + " is not an address of this machine, so the lab cannot listen on it. Use"
                + " 127.0.0.1 (this machine only), or 0.0.0.0 or :: (every address of this"
                + " machine), or one of its own addresses to serve a room.";
    }

    /** True if another socket holds {@code address}:{@code port} now (a bind that is let go). */
    static boolean isBusy(InetAddress address, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, port));
            return false;
        } catch (IOException e) {
            return BindFailure.of(e) == BindFailure.IN_USE;
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException
                    || String.valueOf(t.getMessage()).contains("Failed to bind")) {
                return true;
            }
        }
        return false;
    }
}
