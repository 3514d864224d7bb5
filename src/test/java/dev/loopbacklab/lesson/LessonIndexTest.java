package dev.loopbacklab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lesson index built with the jar: never stale, read back as written, and a catalog built on it
 * reads a lesson only when that lesson is asked for.
 */
class LessonIndexTest {

    @Test
    void theBuiltIndexIsTheLessonsAsTheyAreNow() {
        // The build writes it in process-classes; an edit to lessons/ without a build fails here.
        LessonIndex built =
                LessonIndex.packed().orElseThrow(() -> new AssertionError("no built index"));
        assertEquals(LessonCatalog.load(Path.of("lessons")).index(), built);
    }

    @Test
    void theBuildWritesTheIndexOfTheLessonsItIsGiven(@TempDir Path dir) throws IOException {
        Path lessons = ContentCheckerTest.fixture("good");
        Path out = dir.resolve("lab/lesson-index.properties");
        LessonIndexBuild.main(new String[] {lessons.toString(), out.toString()});
        String written = Files.readString(out);
        assertEquals(LessonCatalog.load(lessons).index(), LessonIndex.read(written));
        assertFalse(written.contains("#"), "no date line, so a rebuild writes the same bytes");
        assertEquals(written, LessonCatalog.load(lessons).index().write());
    }

    @Test
    void aBrokenLessonFailsTheBuildNamingItsFileAndLine(@TempDir Path dir) {
        LessonFormatException e =
                assertThrows(
                        LessonFormatException.class,
                        () ->
                                LessonIndexBuild.main(
                                        new String[] {
                                            ContentCheckerTest.fixture("map-objective").toString(),
                                            dir.resolve("index.properties").toString()
                                        }));
        assertTrue(e.getMessage().matches("(?s).*lesson\\.md:\\d+.*"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("index.properties")));
    }

    @Test
    void readsBackEveryCharacterItWrote() {
        LessonIndex index =
                new LessonIndex(
                        List.of(
                                new LessonIndex.Entry(
                                        0,
                                        "you-are-here",
                                        "You are reading {address}",
                                        10,
                                        " = key: value # not a comment ! \\ \"quoted\" — ünïcödé 😀",
                                        List.of("a-one", "a-two"),
                                        List.of()),
                                new LessonIndex.Entry(
                                        1,
                                        "next",
                                        "two\nlines\tand a tab",
                                        5,
                                        "",
                                        List.of(),
                                        List.of("c-one"))));
        assertEquals(index, LessonIndex.read(index.write()));
    }

    @Test
    void anIndexedCatalogReadsALessonOnlyWhenItIsAskedFor(@TempDir Path dir) throws IOException {
        Path lessons = copy(ContentCheckerTest.fixture("good"), dir.resolve("lessons"));
        LessonIndex index = LessonCatalog.load(lessons).index();
        Files.writeString(lessons.resolve("01-second/lesson.md"), "broken: no front matter\n");

        LessonCatalog catalog = LessonCatalog.indexed(lessons, index);
        assertEquals(index, catalog.index(), "the index needs no lesson read");
        assertEquals("first", catalog.find("first").orElseThrow().id());
        assertEquals(
                "first", catalog.lessonOf(index.lessons().get(0).checkIds().get(0)).get().id());
        assertTrue(catalog.find("no-such-lesson").isEmpty());
        assertThrows(LessonFormatException.class, () -> catalog.find("second"));
        assertThrows(LessonFormatException.class, catalog::lessons);
    }

    @Test
    void anIndexedCatalogHasTheLessonsALoadedOneHas() {
        Path lessons = ContentCheckerTest.fixture("good");
        LessonCatalog loaded = LessonCatalog.load(lessons);
        LessonCatalog indexed = LessonCatalog.indexed(lessons, loaded.index());
        List<String> ids = loaded.lessons().stream().map(Lesson::id).toList();
        assertEquals(ids, indexed.lessons().stream().map(Lesson::id).toList());
        for (String id : ids) {
            assertEquals(
                    loaded.find(id).orElseThrow().markdown(),
                    indexed.find(id).orElseThrow().markdown());
        }
        assertEquals(
                List.of(ids.get(0)),
                loaded.index().previous(ids.get(1)).stream().map(e -> e.id()).toList());
        assertTrue(loaded.index().next(ids.get(ids.size() - 1)).isEmpty());
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
        return to;
    }
}
