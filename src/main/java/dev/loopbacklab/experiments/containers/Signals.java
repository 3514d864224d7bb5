package dev.loopbacklab.experiments.containers;

import dev.loopbacklab.net.OperatingSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What this machine shows about where the lab runs: WSL, a container, Docker on the host. Each
 * signal is evidence, read from files, never proof; the files are read under a root so that tests
 * can lay out a fake machine.
 *
 * @param rows one per signal: what was looked at, what was found, what that suggests
 * @param wsl {@code /proc/version} names Microsoft's kernel
 * @param container a container file or a container cgroup was found
 */
public record Signals(List<List<String>> rows, boolean wsl, boolean container) {

    /**
     * Reads the signals.
     *
     * @param root {@code /} on a real machine
     * @param home the user's home folder
     * @param os the {@code os.name} property
     */
    public static Signals read(Path root, Path home, String os) {
        List<List<String>> rows = new ArrayList<>();
        boolean linux = os.startsWith("Linux");
        boolean wsl = false;
        boolean container = false;
        if (linux) {
            String version = text(root.resolve("proc/version"));
            wsl = version.toLowerCase(Locale.ROOT).contains("microsoft");
            rows.add(
                    List.of(
                            "/proc/version",
                            version.isEmpty() ? "unreadable" : clip(version),
                            wsl
                                    ? "Microsoft's kernel: this is WSL"
                                            + (version.contains("WSL2") ? "2" : "")
                                            + ", a Linux VM (WSL2) on Windows"
                                    : "not WSL"));
            boolean dockerenv = Files.exists(root.resolve(".dockerenv"));
            rows.add(
                    List.of(
                            "/.dockerenv",
                            dockerenv ? "present" : "absent",
                            dockerenv
                                    ? "Docker (or a runtime copying it) made this file: the lab runs"
                                            + " in a container"
                                    : "no Docker container marker"));
            boolean podman = Files.exists(root.resolve("run/.containerenv"));
            rows.add(
                    List.of(
                            "/run/.containerenv",
                            podman ? "present" : "absent",
                            podman ? "Podman's container marker" : "no Podman container marker"));
            String cgroup = text(root.resolve("proc/1/cgroup"));
            boolean cgroupSays = cgroup.matches("(?s).*(docker|kubepods|containerd|libpod|lxc).*");
            rows.add(
                    List.of(
                            "/proc/1/cgroup",
                            cgroup.isEmpty() ? "unreadable" : clip(cgroup.replace('\n', ' ')),
                            cgroupSays
                                    ? "a container runtime's cgroup"
                                    : "names no container runtime (with cgroup v2 inside a"
                                            + " container it often shows just 0::/)"));
            String init = text(root.resolve("proc/1/comm"));
            boolean usualInit = init.equals("systemd") || init.equals("init");
            rows.add(
                    List.of(
                            "/proc/1/comm",
                            init.isEmpty() ? "unreadable" : init,
                            usualInit
                                    ? "the usual first process of a whole system"
                                    : "process 1 is not systemd or init: typical of a container,"
                                            + " whose first process is its own program"));
            boolean dockerDesktopWsl = Files.isDirectory(root.resolve("mnt/wsl/docker-desktop"));
            if (wsl) {
                rows.add(
                        List.of(
                                "/mnt/wsl/docker-desktop",
                                dockerDesktopWsl ? "present" : "absent",
                                dockerDesktopWsl
                                        ? "Docker Desktop's WSL integration"
                                        : "no Docker Desktop integration in this WSL"));
            }
            boolean bridge = Files.exists(root.resolve("sys/class/net/docker0"));
            rows.add(
                    List.of(
                            "docker0 interface",
                            bridge ? "present" : "absent",
                            bridge
                                    ? "Docker Engine runs on this Linux: containers sit behind this"
                                            + " bridge, each with its own loopback"
                                    : "no Docker bridge in this network namespace"));
            container = dockerenv || podman || cgroupSays;
        }
        boolean desktop = Files.isDirectory(home.resolve(".docker/desktop"));
        rows.add(
                List.of(
                        "~/.docker/desktop",
                        desktop ? "present" : "absent",
                        desktop
                                ? "Docker Desktop has been set up for this user: "
                                        + desktopVm(OperatingSystem.of(os))
                                        + ", and published ports are forwarded from it"
                                : "no sign of Docker Desktop for this user"));
        return new Signals(rows, wsl, container);
    }

    /** One sentence on what the signals mean for 127.0.0.1 here. */
    public String meaning(String os) {
        if (container) {
            return "This lab appears to run inside a container: its 127.0.0.1 is the container's"
                    + " own. A browser on the machine around it reaches the lab only through a"
                    + " published port (docker run -p 127.0.0.1:62893:62893 …).";
        }
        if (wsl) {
            return "This lab runs in WSL, a Linux VM: Windows reaches its 127.0.0.1 listeners"
                    + " through WSL's localhost forwarding (the default NAT mode) or directly in"
                    + " mirrored mode.";
        }
        OperatingSystem system = OperatingSystem.of(os);
        if (system == OperatingSystem.WINDOWS) {
            return "On Windows, "
                    + desktopVm(system)
                    + "; Windows containers, its other mode, run on this Windows kernel as isolated"
                    + " processes or each in a small Hyper-V VM. Either way 127.0.0.1 here is"
                    + " Windows', and a container's port reaches it only when published.";
        }
        if (system == OperatingSystem.MAC) {
            return "On macOS, "
                    + desktopVm(system)
                    + ": 127.0.0.1 here is this OS's, and a container's port reaches it only when"
                    + " published.";
        }
        if (system != OperatingSystem.LINUX) {
            return "On "
                    + os
                    + " the lab knows no container signals: 127.0.0.1 here is this OS's, and a"
                    + " container's port, wherever it runs, reaches it only when published.";
        }
        return "No sign of a container or VM: 127.0.0.1 here is this Linux machine's own"
                + " (the namespace the lab's process runs in).";
    }

    /**
     * Where Docker Desktop runs containers on {@code os}. On Windows its Linux containers run in a
     * utility VM, its WSL 2 distribution or a Hyper-V VM (docs.docker.com/desktop/features/wsl/);
     * Windows containers are another mode, without Linux (Microsoft Learn, "Isolation modes").
     */
    static String desktopVm(OperatingSystem os) {
        return os == OperatingSystem.WINDOWS
                ? "Docker Desktop runs Linux containers in a Linux VM (its WSL 2 distribution,"
                        + " or Hyper-V with the older backend)"
                : "Docker Desktop runs its containers in a Linux VM";
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String clip(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "…";
    }
}
