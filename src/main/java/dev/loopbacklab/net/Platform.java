package dev.loopbacklab.net;

import java.util.Objects;

/**
 * What the operating system the lab runs on does differently, so experiments ask here instead of
 * assuming Linux: the privileged-port rule, loopback aliases, TIME_WAIT, bind-reuse semantics,
 * where the ephemeral range and the name-sorting rules come from. The facts are data; reading them
 * from the live system is left to {@link PrivilegedPorts#current()}, {@link
 * EphemeralRange#detect()}, {@link TimeWait#current()} and {@link ExcludedPorts#detect()}, so an
 * experiment's words can be tested for Linux, macOS and Windows on any machine.
 *
 * <p>Try in JShell: {@code Platform.current()} and {@code Platform.current().notes()}.
 *
 * @param os the family
 * @param version the {@code os.version} property, e.g. {@code "14.5"} or {@code "10.0"}
 */
public record Platform(OperatingSystem os, String version) {
    /**
     * Checks the parts.
     *
     * @param os the family
     * @param version the version text; may be empty
     */
    public Platform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(version, "version");
    }

    /**
     * The system the JVM runs on.
     *
     * @return its family and version
     */
    public static Platform current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.version", ""));
    }

    /**
     * A system from its {@code os.name} and {@code os.version} values.
     *
     * @param osName e.g. {@code "Mac OS X"}
     * @param osVersion e.g. {@code "14.5"}
     * @return the platform
     */
    public static Platform of(String osName, String osVersion) {
        return new Platform(OperatingSystem.of(osName), osVersion == null ? "" : osVersion);
    }

    /**
     * The everyday name, e.g. {@code "macOS"}.
     *
     * @return the family's name
     */
    public String name() {
        return os.displayName();
    }

    /**
     * Tells whether this is macOS at least {@code major.minor} (Mojave is 10.14; Big Sur reports 11
     * or, to old programs, 10.16).
     *
     * @param major the major version
     * @param minor the minor version
     * @return false on other systems or an unreadable version
     */
    public boolean macAtLeast(int major, int minor) {
        if (os != OperatingSystem.MAC) {
            return false;
        }
        String[] parts = version.split("\\.");
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return ma > major || (ma == major && mi >= minor);
        } catch (NumberFormatException e) {
            // An unreadable version: assume a current Mac, as nearly every Mac in a room is.
            return true;
        }
    }

    /**
     * Tells whether every address of 127.0.0.0/8 reaches this machine without setup. Linux routes
     * the whole block to {@code lo}; Windows answers on all of it; macOS configures only 127.0.0.1
     * on {@code lo0}, so 127.0.0.2 fails with "Can't assign requested address" until aliased.
     *
     * @return true on Linux and Windows
     */
    public boolean wholeLoopbackBlock() {
        return os == OperatingSystem.LINUX || os == OperatingSystem.WINDOWS;
    }

    /**
     * Says how to use another loopback address here.
     *
     * @return a sentence for a learner
     */
    public String loopbackAliasNote() {
        switch (os) {
            case MAC:
                return "On macOS only 127.0.0.1 is configured on lo0: 127.0.0.2 is refused"
                        + " (\"Can't assign requested address\") until you add it with"
                        + " sudo ifconfig lo0 alias 127.0.0.2 up.";
            case LINUX:
                return "On Linux all of 127.0.0.0/8 reaches this machine through lo.";
            case WINDOWS:
                return "On Windows all of 127.0.0.0/8 reaches this machine.";
            default:
                return "On " + name() + " other loopback addresses may need to be configured.";
        }
    }

    /**
     * Tells whether the JDK offers SO_REUSEPORT here (Linux 3.9 and later, macOS and the BSDs; not
     * Windows, where the JDK's {@code reuseport_supported} answers false).
     *
     * @return true where two sockets may share a port on purpose
     */
    public boolean hasReusePort() {
        return os == OperatingSystem.LINUX || os == OperatingSystem.MAC;
    }

    /**
     * Tells whether the JDK binds with SO_EXCLUSIVEADDRUSE here and only emulates {@code
     * getReuseAddress()} (Windows): then {@code setReuseAddress(true)} changes what the socket
     * reports, not what Windows does.
     *
     * @return true on Windows
     */
    public boolean exclusiveBind() {
        return os == OperatingSystem.WINDOWS;
    }

    /**
     * Says what SO_REUSEADDR means here, in one sentence.
     *
     * @return a sentence for a learner
     */
    public String reuseAddressNote() {
        switch (os) {
            case WINDOWS:
                return "On Windows the JDK binds with SO_EXCLUSIVEADDRUSE and only emulates"
                        + " SO_REUSEADDR (getReuseAddress() reports what was set); Windows' own"
                        + " SO_REUSEADDR, used by other programs, would let them bind over a live"
                        + " socket.";
            case MAC:
                return "On macOS SO_REUSEADDR lets a new listener bind over TIME_WAIT leftovers,"
                        + " and lets a specific address such as 127.0.0.1 bind beside a wildcard"
                        + " listener on the same port; SO_REUSEPORT shares a port on purpose.";
            case LINUX:
                return "On Linux SO_REUSEADDR lets a new listener bind over TIME_WAIT leftovers;"
                        + " it never lets two listeners share a port (SO_REUSEPORT does).";
            default:
                return "On " + name() + " SO_REUSEADDR's meaning was not checked by the lab.";
        }
    }

    /**
     * Tells whether a refused TCP connection on loopback takes seconds here for most programs:
     * Windows answers the reset by sending the SYN again (about 2 s in all) unless the program sets
     * {@code SIO_TCP_INITIAL_RTO}, as the JDK does for loopback since JDK 16 (JDK-8250521) and
     * libuv (Node) does too. Linux and macOS fail such a connect at once.
     *
     * @return true on Windows
     */
    public boolean slowRefusal() {
        return os == OperatingSystem.WINDOWS;
    }

    /**
     * Says how long "Connection refused" takes on loopback here, for Java and for other programs.
     *
     * @return a sentence for a learner
     */
    public String refusalNote() {
        switch (os) {
            case WINDOWS:
                return "On Windows a refused connection takes about 2 s for most programs (Python,"
                        + " curl, telnet): Windows sends the SYN again after the reset. Java (JDK 16"
                        + " and later) and Node ask Windows not to on loopback, so they are refused"
                        + " at once.";
            case LINUX:
            case MAC:
                return "On "
                        + name()
                        + " a refused connection on loopback fails at once: nothing listens, so the"
                        + " kernel answers the SYN with a reset.";
            default:
                return "On " + name() + " how long a refusal takes was not checked by the lab.";
        }
    }

    /**
     * Tells whether IPv6 sockets here hear IPv6 only unless told otherwise (IPV6_V6ONLY on by
     * default): Windows. Linux ({@code net.ipv6.bindv6only} 0) and macOS ({@code
     * net.inet6.ip6.v6only} 0) default to dual-stack. The JDK turns the option off on every IPv6
     * socket it opens on all three, so a Java {@code ::} listener hears IPv4 everywhere.
     *
     * @return true on Windows
     */
    public boolean v6OnlyByDefault() {
        return os == OperatingSystem.WINDOWS;
    }

    /**
     * Says why a Java listener on {@code ::} (or on 0.0.0.0 through {@code new ServerSocket()})
     * hears IPv4 clients too, and whether programs in other languages do the same here.
     *
     * @return a sentence for a learner
     */
    public String dualStackNote() {
        String java = "the JDK turns IPV6_V6ONLY off on every IPv6 socket it opens";
        switch (os) {
            case WINDOWS:
                return "On Windows IPv6 sockets hear IPv6 only by default (IPV6_V6ONLY on), but "
                        + java
                        + ": a Java :: listener hears IPv4 too, while a C, Python or .NET one"
                        + " bound to :: without clearing the option does not.";
            case LINUX:
                return "On Linux IPv6 sockets are dual-stack by default (net.ipv6.bindv6only = 0),"
                        + " and "
                        + java
                        + " anyway: a :: listener hears IPv4 too.";
            case MAC:
                return "On macOS IPv6 sockets are dual-stack by default (net.inet6.ip6.v6only ="
                        + " 0), and "
                        + java
                        + " anyway: a :: listener hears IPv4 too.";
            default:
                return "On " + name() + ", " + java + ": a Java :: listener hears IPv4 too.";
        }
    }

    /**
     * Tells whether Windows-style excluded port ranges exist here.
     *
     * @return true on Windows
     */
    public boolean hasExcludedRanges() {
        return os == OperatingSystem.WINDOWS;
    }

    /**
     * Tells whether {@code getaddrinfo} here is glibc's, which sorts addresses by {@code
     * /etc/gai.conf} (RFC 3484's table by default).
     *
     * @return true on Linux
     */
    public boolean sortsWithGaiConf() {
        return os == OperatingSystem.LINUX;
    }

    /**
     * Says where the ephemeral range comes from here.
     *
     * @return the command or file a learner can check
     */
    public String ephemeralRangeSource() {
        switch (os) {
            case LINUX:
                return "sysctl net.ipv4.ip_local_port_range (32768–60999 by default)";
            case MAC:
                return "sysctl net.inet.ip.portrange.first and .last (49152–65535 by default)";
            case WINDOWS:
                return "netsh int ipv4 show dynamicport tcp (49152, 16,384 ports by default)";
            default:
                return "this system's documentation";
        }
    }

    /**
     * Says where UDP's ephemeral ports come from here. Linux's {@code ip_local_port_range} serves
     * every socket bound to port 0, UDP too (ip(7)); macOS's {@code net.inet.ip.portrange.first}
     * and {@code .last} serve both transports (xnu's {@code in_pcbbind()}); Windows sets a dynamic
     * range per transport ("The range is set separately for each transport": Microsoft KB 929851).
     *
     * @return a sentence for a learner
     */
    public String udpRangeNote() {
        switch (os) {
            case LINUX:
                return "On Linux UDP draws from the same range as TCP:"
                        + " net.ipv4.ip_local_port_range serves every socket bound to port 0.";
            case MAC:
                return "On macOS UDP draws from the same range as TCP:"
                        + " net.inet.ip.portrange.first to .last.";
            case WINDOWS:
                return "On Windows UDP has a range of its own, set apart from TCP's:"
                        + " netsh int ipv4 show dynamicport udp shows it (49152, 16,384 ports by"
                        + " default, as for TCP, but either can be changed alone).";
            default:
                return "On " + name() + " the UDP range is this system's own business.";
        }
    }

    /**
     * A curl command for {@code url} that runs as curl in this system's usual shells. Windows 10
     * (1803) and later ship curl.exe, but in Windows PowerShell 5.1, the PowerShell Windows still
     * ships, {@code curl} is an alias of {@code Invoke-WebRequest} with other options (PowerShell 6
     * dropped the alias: PowerShell/PowerShell#1901); {@code curl.exe} is curl in PowerShell and
     * cmd.exe alike.
     *
     * @param url the address to fetch
     * @return e.g. {@code "curl http://127.0.0.1:50123/hello"}
     */
    public String curlCommand(String url) {
        return (os == OperatingSystem.WINDOWS ? "curl.exe " : "curl ") + url;
    }

    /**
     * The command that lists listening TCP sockets with their programs here.
     *
     * @return e.g. {@code "ss -ltnp"}
     */
    public String listenersCommand() {
        switch (os) {
            case LINUX:
                return "ss -ltnp";
            case MAC:
                return "lsof -nP -iTCP -sTCP:LISTEN";
            case WINDOWS:
                return "netstat -ano -p tcp (LISTENING rows; the last column is the PID)";
            default:
                return "netstat -an";
        }
    }

    /**
     * A command-line tool that echoes back what it receives on a TCP port, or where there is none
     * built in, says so (the JShell way, {@code EchoServer.start}, works everywhere).
     *
     * @param host the address to listen on, as text
     * @param port the port to listen on
     * @return a hint that is true on this system
     */
    public String echoToolHint(String host, int port) {
        String ncat = "ncat -l -k -e /bin/cat " + host + " " + port;
        switch (os) {
            case WINDOWS:
                return "Windows has no echo tool built in (no nc, no ncat): use JShell, as above";
            case MAC:
                return "or with ncat from Homebrew's nmap: "
                        + ncat
                        + " (macOS's own nc is BSD netcat and has no -e)";
            default:
                return "or with ncat (from nmap): "
                        + ncat
                        + " (Debian's netcat-openbsd nc has no -e)";
        }
    }

    /**
     * Everything above, one line each, for {@code Lab.help()} and the CLI.
     *
     * @return the notes
     */
    public String notes() {
        return String.join(
                "\n",
                name() + " " + version,
                "privileged ports: " + PrivilegedPorts.of(this).source(),
                "ephemeral range: " + ephemeralRangeSource(),
                "UDP ports: " + udpRangeNote(),
                "TIME_WAIT: " + TimeWait.of(os).describe(),
                "loopback: " + loopbackAliasNote(),
                "SO_REUSEADDR: " + reuseAddressNote(),
                "IPv6 sockets: " + dualStackNote(),
                "refused connects: " + refusalNote(),
                "listeners: " + listenersCommand());
    }
}
