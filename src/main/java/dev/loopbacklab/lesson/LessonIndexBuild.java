package dev.loopbacklab.lesson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the {@link LessonIndex} of a lessons folder; the build runs it on the copy of {@code
 * lessons/} it packs (pom.xml, exec-maven-plugin in {@code process-classes}), so the index and the
 * lessons in a jar always come from the same files. A broken lesson fails the build with its
 * problems, one line each.
 */
public final class LessonIndexBuild {
    private LessonIndexBuild() {}

    /**
     * {@code LessonIndexBuild LESSONS_FOLDER OUTPUT_FILE}.
     *
     * @throws IOException if the index cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException(
                    "usage: LessonIndexBuild LESSONS_FOLDER OUTPUT_FILE");
        }
        LessonIndex index = LessonIndex.of(LessonCatalog.load(Path.of(args[0])).lessons());
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, index.write(), StandardCharsets.UTF_8);
    }
}
