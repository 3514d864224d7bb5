package dev.loopbacklab.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    /**
     * The class path the lab itself runs with: the jar when run with {@code java -jar}, or every
     * entry of Maven's class loader when run through {@code exec:java}.
     */
    public static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader loader = JShellCommand.class.getClassLoader();
                loader != null;
                loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a local file; JShell cannot use it anyway
                    }
                }
            }
        }
        if (entries.isEmpty() || !containsLab(entries)) {
            entries.addAll(
                    List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        }
        return String.join(File.pathSeparator, entries);
    }

    private static boolean containsLab(Set<String> entries) {
        return entries.stream()
                .anyMatch(
                        e ->
                                Files.exists(Path.of(e, "dev/loopbacklab/Lab.class"))
                                        || e.endsWith(".jar") && e.contains("loopback-lab"));
    }

    /** Writes the startup script to a temporary file, since JShell takes startup files by path. */
    static Path startupScript() throws IOException {
        Path startup = Files.createTempFile("loopback-lab-startup", ".jsh");
        startup.toFile().deleteOnExit();
        try (InputStream in = JShellCommand.class.getResourceAsStream("startup.jsh")) {
            Files.write(startup, in.readAllBytes());
        }
        return startup;
    }
}
