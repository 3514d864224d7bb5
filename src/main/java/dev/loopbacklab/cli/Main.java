package dev.loopbacklab.cli;

import dev.loopbacklab.LabVersion;
import dev.loopbacklab.experiments.db.H2Bind;
import dev.loopbacklab.net.RunFolders;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code loopback-lab}: with no subcommand it serves the site, as {@code serve} does. */
@Command(
        name = "loopback-lab",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description =
                "Learn how programs talk to themselves over 127.0.0.1, with live results from "
                        + "your own machine. With no command, serves the lessons at http://127.0.0.1:62893/.",
        subcommands = {
            ServeCommand.class,
            ListCommand.class,
            RunCommand.class,
            CheckCommand.class,
            JShellCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        H2Bind.loopbackOnly(); // before anything loads H2, or its servers listen everywhere
        RunFolders.sweepInBackground(); // folders a lab killed with kill -9 left behind
        ServePrefetch.startFor(args);
        int status = commandLine().execute(args);
        if (status != ServeCommand.KEEP_RUNNING) {
            System.exit(status);
        }
    }

    /** The configured command line, for {@link #main} and for tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** No subcommand: serve, with serve's defaults. */
    @Override
    public Integer call() {
        return spec.subcommands().get("serve").execute();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "Loopback Lab " + LabVersion.get(),
                "Java " + Runtime.version() + " on " + System.getProperty("os.name")
            };
        }
    }
}
