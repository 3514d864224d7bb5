package dev.loopbacklab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.experiments.Experiments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The real lessons/ folder passes the content checker, and every lesson is complete. */
class LessonContentTest {
    private static final Path LESSONS = Path.of("lessons");

    @Test
    void everyLessonPassesTheContentChecker() {
        assertEquals(List.of(), Experiments.registry().contentChecker().check(LESSONS));
    }

    @Test
    void everyLessonHasAnExperimentACheckAScriptAndNotes() {
        for (Lesson lesson : LessonCatalog.load(LESSONS).lessons()) {
            assertTrue(lesson.notes().isPresent(), lesson.folderName() + " has no notes.md");
            assertFalse(
                    lesson.experimentIds().isEmpty(),
                    lesson.folderName() + " embeds no experiment");
            assertFalse(lesson.checkIds().isEmpty(), lesson.folderName() + " embeds no check");
            assertFalse(lesson.scripts().isEmpty(), lesson.folderName() + " has no .jsh script");
        }
    }

    @Test
    void everyExperimentAndCheckAppearsInSomeLesson() {
        Set<String> embedded = new HashSet<>();
        LessonCatalog.load(LESSONS)
                .lessons()
                .forEach(
                        l -> {
                            embedded.addAll(l.experimentIds());
                            embedded.addAll(l.checkIds());
                        });
        for (Experiment experiment : Experiments.registry().all()) {
            assertTrue(embedded.contains(experiment.id()), experiment.id() + " is in no lesson");
        }
    }

    @Test
    void theFirstLessonIsYouAreHere() {
        assertTrue(Files.isRegularFile(LESSONS.resolve("00-you-are-here/lesson.md")));
    }

    @Test
    void everyLinkInALessonGoesSomewhereTheBrowserCanFollow() {
        // A relative link such as (db.jsh) resolves to /lessons/db.jsh on the site, which is not
        // served: links go to the web (https), to the lab's own pages (/...) or within the page
        // (#...).
        for (Lesson lesson : LessonCatalog.load(LESSONS).lessons()) {
            List<String> texts = new java.util.ArrayList<>(List.of(lesson.markdown()));
            lesson.notes().ifPresent(n -> texts.add(n.markdown()));
            for (String text : texts) {
                for (String target : linkTargets(text)) {
                    assertTrue(
                            target.startsWith("https://")
                                    || target.startsWith("http://")
                                    || target.startsWith("/")
                                    || target.startsWith("#")
                                    || target.startsWith("mailto:"),
                            lesson.folderName()
                                    + " links to \""
                                    + target
                                    + "\", which the site does not serve");
                }
            }
        }
    }

    @Test
    void theLinkFinderSeesRelativeLinks() {
        assertEquals(
                List.of("db.jsh", "https://example.org/", "#top"),
                linkTargets("See [`db.jsh`](db.jsh), [a](https://example.org/) and [b](#top)."));
    }

    private static List<String> linkTargets(String markdown) {
        List<String> targets = new java.util.ArrayList<>();
        org.commonmark.parser.Parser.builder()
                .build()
                .parse(markdown)
                .accept(
                        new org.commonmark.node.AbstractVisitor() {
                            @Override
                            public void visit(org.commonmark.node.Link link) {
                                targets.add(link.getDestination());
                                visitChildren(link);
                            }
                        });
        return targets;
    }
}
