package dev.loopbacklab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.FakeExperiments;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentCheckerTest {
    private final ContentChecker checker = FakeExperiments.registry().contentChecker();

    static Path fixture(String name) {
        try {
            return Path.of(ContentCheckerTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void acceptsSoundLessons() {
        assertEquals(List.of(), checker.check(fixture("good")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "missing-field      | 00-first/lesson.md:2 | front matter lacks summary",
                "wrong-id           | 00-first/lesson.md | id \"second\" does not match the folder name 00-first",
                "gap                | 02-third/lesson.md | lesson number 02 breaks the sequence: expected 01",
                "unknown-experiment | 00-first/lesson.md:10 | no experiment named \"no-such-thing\"",
                "unknown-experiment | 00-first/lesson.md:13 | no check named \"test-count\"",
                "duplicate-id       | 01-first/lesson.md | id \"first\" is already used by 00-first",
                "bad-yaml           | 00-first/lesson.md:4 | front matter is not valid YAML",
                "not-kebab          | 00-bad--id/lesson.md | id \"bad--id\" is not kebab-case",
                "no-front-matter    | 00-first/lesson.md:1 | must start with front matter between --- lines",
                "unknown-field      | 00-first/lesson.md:7 | unknown front matter field \"author\"",
                "nested-embeds      | 00-first/lesson.md:19 | no check named \"no-such-check\"",
                "nested-embeds      | 00-first/lesson.md:31 | no experiment named \"no-such-quoted-thing\"",
                "timing             | 00-first/notes.md:6 | section \"Alpha\" comes before the previous step's section",
                "timing             | 00-first/notes.md:9 | section \"Gamma\" is not a ## heading of lesson.md; its headings are: Alpha",
                "timing             | 00-first/lesson.md | minutes is 10, but the steps in notes.md add up to 9",
                "timing             | 01-second/notes.md:1 | no timing steps: start notes.md with front matter listing the steps",
                "timing             | 00-first/notes.md:13 | question's section \"Nowhere\" is not a ## heading of lesson.md",
                "bad-steps          | 00-first/notes.md:11 | unknown front matter field \"timing\"",
                "bad-steps          | 00-first/notes.md:3 | step 1 minutes must be a whole number of at least 1",
                "bad-steps          | 00-first/notes.md:8 | step 2 what must be plain text, but YAML reads it as true or false",
                "bad-steps          | 00-first/notes.md:9 | step 3 must have minutes, section and what",
                "map-objective      | 00-first/lesson.md:8 | objective 2 must be plain text, but YAML reads it as a map",
                "map-objective      | 00-first/lesson.md:9 | objective 3 must be plain text, but YAML reads it as true or false",
            })
    void reportsEachBrokenLessonWithItsFileAndProblem(String folder, String file, String message) {
        List<ContentChecker.Problem> problems = checker.check(fixture(folder));
        assertTrue(
                problems.stream()
                        .anyMatch(p -> p.file().equals(file) && p.message().contains(message)),
                () -> "expected " + file + ": " + message + " in " + problems);
    }

    @Test
    void reportsAMissingLessonsFolder() {
        List<ContentChecker.Problem> problems = checker.check(Path.of("no-such-folder-here"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().contains("missing"), problems::toString);
    }

    @Test
    void readsFrontMatterEmbedsNotesAndScripts() {
        Lesson lesson = LessonParser.read(fixture("good").resolve("00-first"));
        assertEquals("first", lesson.id());
        assertEquals(0, lesson.number());
        assertEquals(5, lesson.minutes());
        assertEquals(List.of("Test things."), lesson.objectives());
        assertEquals(List.of("test-count"), lesson.experimentIds());
        assertEquals(List.of("test-judge"), lesson.checkIds());
        assertEquals(
                List.of("first.jsh"),
                lesson.scripts().stream().map(Lesson.Script::fileName).toList());
        Lesson.Notes notes = lesson.notes().orElseThrow();
        assertTrue(notes.markdown().startsWith("# Notes"), notes::markdown);
        assertEquals(
                List.of(
                        new Lesson.Step(3, "Counting", "Run the counter.", 3),
                        new Lesson.Step(2, "Judging", "The judge.", 6)),
                notes.steps());
        assertEquals(5, notes.minutes());
        assertEquals(
                "Run `test-count` once on the projector machine.", notes.prepare().orElseThrow());
        assertEquals(List.of("Counting", "Judging"), lesson.sections());
        assertEquals(
                List.of(
                        new Lesson.Question(
                                "Counting",
                                "How far does it count?",
                                "To `count`, one by one.",
                                11)),
                notes.questions());
        assertTrue(
                lesson.embeds().stream()
                        .anyMatch(
                                e ->
                                        e.kind() == Lesson.Embed.Kind.JSHELL
                                                && e.body().equals("int x = 1 + 1;\n")));
    }

    @Test
    void readsEmbedsNestedInListItemsAndQuotesFromTheTreeThePageRenders() {
        // The blind spot of a column-0 fence regex: the page renders these blocks, so the checker
        // and the snippet tests must see them, with the line of their opening fence.
        Lesson lesson = LessonParser.read(fixture("nested-embeds").resolve("00-first"));
        assertEquals(List.of("test-count", "no-such-quoted-thing"), lesson.experimentIds());
        assertEquals(List.of("no-such-check"), lesson.checkIds());
        Lesson.Embed jshell =
                lesson.embeds().stream()
                        .filter(e -> e.kind() == Lesson.Embed.Kind.JSHELL)
                        .findFirst()
                        .orElseThrow();
        assertEquals(24, jshell.line());
        assertEquals(
                "int answer = 40 + 2;\nSystem.out.println(\"answer: \" + answer); // prints: answer:"
                        + " 42\n",
                jshell.body());
    }

    @Test
    void reportsEveryFrontMatterProblemOfALessonNotOnlyTheFirst() {
        List<ContentChecker.Problem> problems = checker.check(fixture("map-objective"));
        assertEquals(2, problems.size(), problems::toString);
    }
}
