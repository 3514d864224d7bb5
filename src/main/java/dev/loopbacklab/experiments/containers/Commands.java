package dev.loopbacklab.experiments.containers;

import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.OperatingSystem;
import dev.loopbacklab.net.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What to say, and which commands to show, where the lab cannot make a namespace itself. */
final class Commands {
    /** Kernel settings that decide whether an unprivileged user may make a user namespace. */
    static final List<String> SETTINGS =
            List.of(
                    "/proc/sys/user/max_user_namespaces",
                    "/proc/sys/kernel/unprivileged_userns_clone",
                    "/proc/sys/kernel/apparmor_restrict_unprivileged_userns");

    private Commands() {}

    static void explainUnavailable(
            Report report, Platform platform, Namespace.Availability availability) {
        report.fact("a namespace of our own", "not possible here", "", availability.reason());
        if (platform.os() == OperatingSystem.LINUX) {
            List<List<String>> rows = new ArrayList<>();
            for (String setting : SETTINGS) {
                rows.add(List.of(setting, read(Path.of(setting))));
            }
            report.table(
                    "Kernel settings that allow or forbid it",
                    List.of("setting", "value here"),
                    rows);
            report.say(
                    "unshare -rn needs user namespaces: max_user_namespaces above 0;"
                            + " unprivileged_userns_clone 1 where it exists (older Debian kernels);"
                            + " apparmor_restrict_unprivileged_userns 0 where it exists (Ubuntu 23.10"
                            + " and later restrict it by default). Inside a container, the runtime's"
                            + " seccomp profile usually forbids unshare too.");
        } else {
            report.say(
                    "On "
                            + platform.name()
                            + ", "
                            + Signals.desktopVm(platform.os())
                            + ": the namespaces are in that VM, not on this OS.");
        }
        report.table(
                "Try it by hand where you can",
                List.of("where", "command"),
                List.of(
                        List.of(
                                "Linux, as yourself",
                                "unshare -rn sh -c 'ip link; ip link set lo up; ip addr'"),
                        List.of("Linux, as root", "ip netns add demo; ip netns exec demo ip addr"),
                        List.of(
                                "any OS with Docker",
                                "docker run --rm busybox ip addr   # only lo and eth0: its own")));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "absent";
        }
    }
}
