package dev.loopbacklab.experiments.listening;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The commands that list listening sockets on each operating system, for the learner's terminal.
 */
final class OsCommands {
    /** Linux: TCP listeners (-l -t), numbers not names (-n), with their processes (-p). */
    static final String SS = "ss -ltnp";

    /** macOS (and the BSDs): network files (-i) of TCP in state LISTEN, numeric (-n -P). */
    static final String LSOF = "lsof -nP -iTCP -sTCP:LISTEN";

    /** Windows, cmd.exe: every connection with its process id (-o), numeric (-n). */
    static final String NETSTAT = "netstat -ano | findstr LISTENING";

    /** Windows, PowerShell. */
    static final String POWERSHELL = "Get-NetTCPConnection -State Listen";

    static final List<String> HEADERS = List.of("system", "command", "what it shows");

    /** The three families the lesson names commands for; anything else is treated like macOS. */
    enum Family {
        LINUX,
        MAC,
        WINDOWS
    }

    private OsCommands() {}

    /** The family of the OS named {@code osName} (an {@code os.name} value). */
    static Family family(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            return Family.LINUX;
        }
        // macOS and the BSDs alike have lsof (on the BSDs a package away).
        return os.startsWith("windows") ? Family.WINDOWS : Family.MAC;
    }

    /** The command for the OS named {@code osName}. */
    static String forOs(String osName) {
        return switch (family(osName)) {
            case LINUX -> SS;
            case WINDOWS -> POWERSHELL + " (or in cmd.exe: " + NETSTAT + ")";
            case MAC -> LSOF;
        };
    }

    /** What to say where the lab cannot read the socket table itself. */
    static String unavailable(String osName) {
        return "This machine runs "
                + osName
                + ": the lab reads the socket table on Linux (/proc/net), macOS (lsof) and"
                + " Windows (netstat) only. Run this in a terminal instead: "
                + forOs(osName);
    }

    /** Why the table could not be read although the system's tool should be there. */
    static String failed(String from, RuntimeException e, String osName) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return "The lab could not read the socket table from "
                + from
                + " ("
                + cause.getMessage()
                + "). Run this in a terminal instead: "
                + forOs(osName);
    }

    /** What an owner hidden from this user means, and how to see it, on {@code osName}. */
    static String hidden(String osName) {
        return switch (family(osName)) {
            case LINUX ->
                    "other users' processes (sudo ss -ltnp shows them), or processes outside this"
                            + " container's view";
            case WINDOWS -> "netstat -ano named no process (pid 0)";
            case MAC -> "lsof named no process";
        };
    }

    /**
     * Where the list leaves out other users' sockets altogether: macOS's lsof, run without sudo,
     * lists only your own processes' files (Linux's /proc and Windows' netstat list every socket).
     */
    static Optional<String> onlyYours(String osName) {
        if (family(osName) != Family.MAC) {
            return Optional.empty();
        }
        return Optional.of(
                "On macOS lsof without sudo lists only your own processes' sockets: servers of"
                        + " other users (root's daemons included) are missing here. sudo "
                        + LSOF
                        + " lists them all.");
    }

    /** Where the table has no UDP rows, what to run instead (lsof was asked for TCP only). */
    static Optional<String> udpElsewhere(String osName) {
        if (family(osName) != Family.MAC) {
            return Optional.empty();
        }
        return Optional.of(
                "On macOS the lab asks lsof for TCP listeners only; the bound UDP sockets are"
                        + " listed by lsof -nP -iUDP.");
    }

    /** One row per command, the ones for {@code osName}'s family marked "(this machine)". */
    static List<List<String>> rows(String osName) {
        Family here = family(osName);
        return List.of(
                row(
                        here,
                        Family.LINUX,
                        "Linux",
                        SS,
                        "TCP listeners (-l, -t), numeric (-n), with their"
                                + " process (-p); prefix sudo to see other users' processes"),
                row(
                        here,
                        Family.LINUX,
                        "Linux",
                        "ss -lunp",
                        "the same for UDP: bound sockets, state UNCONN"),
                row(
                        here,
                        null,
                        "Linux, before ss",
                        "netstat -ltnp",
                        "obsolete: net-tools is deprecated"
                                + " and often not installed; its own manual page names ss as the replacement"),
                row(
                        here,
                        Family.MAC,
                        "macOS",
                        LSOF,
                        "TCP sockets in state LISTEN (-sTCP:LISTEN), numeric"
                                + " (-n, -P), with command and pid; sudo to see other users'"),
                row(
                        here,
                        Family.WINDOWS,
                        "Windows (cmd)",
                        NETSTAT,
                        "listeners with the owning process id"
                                + " (-o); name it with tasklist /fi \"pid eq <pid>\""),
                row(
                        here,
                        Family.WINDOWS,
                        "Windows (PowerShell)",
                        POWERSHELL,
                        "listeners as objects; the" + " OwningProcess property is the pid"));
    }

    /** A row, marked when {@code family} is this machine's; a null family is never marked. */
    private static List<String> row(
            Family here, Family family, String system, String command, String shows) {
        return List.of(here == family ? system + " (this machine)" : system, command, shows);
    }
}
