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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jshell [--exit] [FILE]}: the JDK's interactive JShell with the lab's toolkit on the class
 * path and imported, from the jar and from Maven alike. A script given runs first; then the learner
 * stays in JShell with what it made, unless {@code --exit} asks to leave (for a run in a script or
 * CI; JShell also leaves when its input ends).
 */
@Command(
        name = "jshell",
        mixinStandardHelpOptions = true,
        description =
                "Open JShell with the lab's toolkit imported (Lab.help() lists it). Give a .jsh "
                        + "file to run it first, e.g. lessons/01-loopback-echo/echo.jsh; you stay "
                        + "in JShell with what it made (/exit leaves).")
public final class JShellCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "FILE",
            description = "A .jsh script to open.")
    Path file;

    @Option(
            names = "--exit",
            description = "Leave JShell once the script has run, instead of staying in it.")
    boolean exit;

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
            args.add(afterScript(file.getFileName().toString(), exit).toString());
        }
        return JavaShellToolBuilder.builder().start(args.toArray(String[]::new));
    }

    /** The lab's class path (see {@link Toolkit#classPath()}). */
    public static String classPath() {
        return Toolkit.classPath();
    }

    /**
     * What runs after the script: {@code /exit}, or a line that says where the learner is now.
     * JShell takes files by path, so it is a temporary file.
     */
    static Path afterScript(String scriptName, boolean exit) throws IOException {
        Path after = Files.createTempFile("loopback-lab-after", ".jsh");
        after.toFile().deleteOnExit();
        Files.writeString(after, exit ? "/exit\n" : afterScriptText(scriptName));
        return after;
    }

    /** The line printed when a script has run and the learner stays in JShell. */
    static String afterScriptText(String scriptName) {
        String name =
                scriptName.replaceAll("[\\r\\n]", " ").replace("\\", "\\\\").replace("\"", "\\\"");
        return "System.out.println(\""
                + name
                + " has run. You are in JShell with the toolkit imported and the script's variables"
                + " (/vars lists them); Lab.help() lists the toolkit, /exit leaves.\");\n";
    }

    /** Writes the startup script to a temporary file, since JShell takes startup files by path. */
    static Path startupScript() throws IOException {
        Path startup = Files.createTempFile("loopback-lab-startup", ".jsh");
        startup.toFile().deleteOnExit();
        Files.writeString(startup, Toolkit.startupScript());
        return startup;
    }
}
