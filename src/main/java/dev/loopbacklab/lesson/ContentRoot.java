package dev.loopbacklab.lesson;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where lessons and site assets are read from: the repository's {@code lessons/} and {@code site/}
 * folders (development: edits show on reload), or the copies packed inside the jar, with the index
 * of those lessons built beside them ({@code builtIndex}; empty where there is none).
 */
public record ContentRoot(
        Path lessons, Path site, boolean fromDisk, Optional<LessonIndex> builtIndex) {

    /** Lessons and assets with no built index: every lesson is read to list them. */
    public ContentRoot(Path lessons, Path site, boolean fromDisk) {
        this(lessons, site, fromDisk, Optional.empty());
    }

    /** Inside the jar (and in {@code target/classes}), content lives under this resource folder. */
    static final String PACKED = "/lab";

    /** The repository folder {@code dir}, which must hold {@code lessons/} and {@code site/}. */
    public static ContentRoot disk(Path dir) {
        return new ContentRoot(dir.resolve("lessons"), dir.resolve("site"), true);
    }

    /**
     * The repository in the working directory when it looks like one (or when {@code dev} asks for
     * it), else the packed copy.
     */
    public static ContentRoot locate(boolean dev) {
        return locate(dev, Path.of("").toAbsolutePath());
    }

    /** As {@link #locate(boolean)}, with {@code here} standing for the working directory. */
    public static ContentRoot locate(boolean dev, Path here) {
        boolean repo =
                Files.isDirectory(here.resolve("lessons"))
                        && Files.isDirectory(here.resolve("site"))
                        && Files.isRegularFile(here.resolve("pom.xml"));
        if (dev || repo) {
            return disk(here);
        }
        return packed();
    }

    /** The lessons and assets packed into the class path at build time. */
    public static ContentRoot packed() {
        URL url = ContentRoot.class.getResource(PACKED + "/lessons");
        if (url == null) {
            throw new LessonFormatException(
                    "the lessons are missing from the class path (" + PACKED + ")");
        }
        try {
            URI uri = url.toURI();
            Path lessons;
            if (uri.getScheme().equals("jar")) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    // another caller opened the jar already; Path.of below reuses it
                }
                lessons = Path.of(uri);
            } else {
                lessons = Path.of(uri);
            }
            return new ContentRoot(
                    lessons, lessons.resolveSibling("site"), false, LessonIndex.packed());
        } catch (URISyntaxException | IOException e) {
            throw new LessonFormatException("cannot open the packed lessons: " + e.getMessage());
        }
    }
}
