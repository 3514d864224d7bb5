package dev.loopbacklab.notebook;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What every JShell of the lab starts with, in the terminal ({@code lab jshell}) and in the page's
 * cells alike: the lab's class path and the toolkit's imports, both read from one place.
 */
public final class Toolkit {
    private Toolkit() {}

    /** The startup script {@code lab jshell} runs: the imports, then a greeting. */
    public static String startupScript() {
        try (InputStream in = Toolkit.class.getResourceAsStream("startup.jsh")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The startup script's {@code import} lines, e.g. {@code import dev.loopbacklab.net.*;}. */
    public static List<String> imports() {
        return startupScript().lines().filter(l -> l.startsWith("import ")).toList();
    }

    /**
     * The class path the lab itself runs with: the jar when run with {@code java -jar}, or every
     * entry of Maven's class loader when run through {@code exec:java}.
     */
    public static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader loader = Toolkit.class.getClassLoader();
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
}
