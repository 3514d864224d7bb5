package dev.loopbacklab.cli;

import dev.loopbacklab.lesson.ContentRoot;
import dev.loopbacklab.notebook.Toolkit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
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
            description =
                    "A .jsh script to open. A lesson's script (lessons/NN-name/x.jsh) runs from"
                            + " the lab's own copy when there is none in this folder.")
    Path file;

    @Option(
            names = "--exit",
            description = "Leave JShell once the script has run, instead of staying in it.")
    boolean exit;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** Stands for the working directory; tests point it at a folder of their own. */
    Path workingDir = Path.of("").toAbsolutePath();

    @Override
    public Integer call() throws Exception {
        Path script = null;
        if (file != null) {
            script = script(file, workingDir, ContentRoot::packed);
            if (script == null) {
                spec.commandLine().getErr().println("No such file: " + file);
                return 2;
            }
            if (!script.equals(workingDir.resolve(file))) {
                spec.commandLine()
                        .getOut()
                        .println(
                                "No "
                                        + file
                                        + " in this folder: running the copy the lab carries.");
                spec.commandLine().getOut().flush();
            }
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
        if (script != null) {
            args.add(script.toString());
            args.add(afterScript(file.getFileName().toString(), exit).toString());
        }
        return JavaShellToolBuilder.builder().start(args.toArray(String[]::new));
    }

    /**
     * The script to run for {@code file}: the file itself when it is on disk, else, when it names a
     * lesson script the lab carries ({@code lessons/NN-slug/name.jsh}), that script copied to a
     * temporary file, so a learner with only the jar can run what the pages tell them to.
     *
     * @return the script's path, or null when {@code file} is neither
     */
    static Path script(Path file, Path workingDir, Supplier<ContentRoot> packed)
            throws IOException {
        Path onDisk = workingDir.resolve(file);
        if (Files.isRegularFile(onDisk)) {
            return onDisk;
        }
        Path name = file.normalize();
        if (name.isAbsolute()
                || name.getNameCount() < 2
                || !name.getName(0).toString().equals("lessons")
                || !name.getFileName().toString().endsWith(".jsh")) {
            return null;
        }
        Path packedScript = packed.get().lessons();
        for (Path part : name.subpath(1, name.getNameCount())) {
            packedScript = packedScript.resolve(part.toString());
        }
        if (!Files.isRegularFile(packedScript)) {
            return null;
        }
        Path copy = Files.createTempFile("loopback-lab-", "-" + name.getFileName());
        copy.toFile().deleteOnExit();
        Files.copy(packedScript, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
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
