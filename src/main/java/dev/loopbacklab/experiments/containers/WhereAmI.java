package dev.loopbacklab.experiments.containers;

import dev.loopbacklab.lesson.AbstractExperiment;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code containers-where}: what can honestly be told about where the lab runs (WSL, a container,
 * Docker on the host), with the file each signal comes from.
 */
public final class WhereAmI extends AbstractExperiment {
    private final Path root;
    private final Path home;
    private final String os;

    /** Reads the real machine. */
    public WhereAmI() {
        this(Path.of("/"), Path.of(System.getProperty("user.home")), System.getProperty("os.name"));
    }

    /** Reads a machine laid out under {@code root} (for tests). */
    WhereAmI(Path root, Path home, String os) {
        super(
                "containers-where",
                "Where does this lab run?",
                "Reads the files that tell WSL, a container and Docker apart, and says what each"
                        + " one suggests about whose 127.0.0.1 this lab is using.");
        this.root = root;
        this.home = home;
        this.os = os;
    }

    @Override
    public void run(Params params, Report report) {
        report.fact("operating system", os);
        Signals signals = Signals.read(root, home, os);
        report.table(
                "What this machine shows",
                List.of("looked at", "found", "suggests"),
                signals.rows());
        report.say(signals.meaning(os));
    }
}
