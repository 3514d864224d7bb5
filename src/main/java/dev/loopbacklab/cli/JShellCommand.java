package dev.loopbacklab.cli;

import dev.loopbacklab.notebook.Toolkit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code jshell [FILE]}: the JDK's interactive JShell with the lab's toolkit on the class path and
 * imported, from the jar and from Maven alike.
 */
@Command(
        name = "jshell",
        mixinStandardHelpOptions = true,
        description =
                "Open JShell with the lab's toolkit imported (Lab.help() lists it). Give a .jsh "
                        + "file to run it first, e.g. lessons/01-loopback-echo/echo.jsh.")
public final class JShellCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "FILE",
            description = "A .jsh script to open.")
    Path file;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (file != null && !Files.isRegularFile(file)) {
            spec.commandLine().getErr().println("No such file: " + file);
            return 2;
        }
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--class-path",
                                classPath(),
                                "--startup",
                                "DEFAULT",
                                "--startup",
                                startupScript().toString()));
        if (file != null) {
            args.add(file.toString());
        }
        return JavaShellToolBuilder.builder().start(args.toArray(String[]::new));
    }

    /** The lab's class path (see {@link Toolkit#classPath()}). */
    public static String classPath() {
        return Toolkit.classPath();
    }

    /** Writes the startup script to a temporary file, since JShell takes startup files by path. */
    static Path startupScript() throws IOException {
        Path startup = Files.createTempFile("loopback-lab-startup", ".jsh");
        startup.toFile().deleteOnExit();
        Files.writeString(startup, Toolkit.startupScript());
        return startup;
    }
}
