package dev.loopbacklab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OsNotesTest {

    private static List<ContentChecker.Problem> check(String markdown) {
        return OsNotes.check("03-x/lesson.md", markdown);
    }

    @Test
    void failsAnOsNoteWithoutASource() {
        List<ContentChecker.Problem> problems =
                check("Intro.\n\n**On macOS** TIME_WAIT lasts\n30 s by default.\n");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("03-x/lesson.md:3", problems.get(0).file());
        assertTrue(problems.get(0).message().contains("without a source"), problems.toString());
        assertEquals(1, check("It is different *on Windows*, where netstat is used.\n").size());
    }

    @Test
    void passesAnOsNoteThatLinksItsSource() {
        assertEquals(
                List.of(),
                check(
                        "**On Windows** the range starts at 49152"
                                + " ([KB 929851](https://support.microsoft.com/kb/929851)).\n"));
    }

    @Test
    void theLinkCoversItsParagraphOnly() {
        List<ContentChecker.Problem> problems =
                check(
                        "On Windows it is so ([doc](https://example.org/a)).\n\n"
                                + "On macOS it is not.\n");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("03-x/lesson.md:3", problems.get(0).file());
    }

    @Test
    void skipsCodeHeadingsTablesAndFrontMatter() {
        assertEquals(
                List.of(),
                check(
                        "---\nsummary: what happens on macOS\n---\n\n"
                                + "## Docker Desktop on macOS and Windows\n\n"
                                + "```\n# on Windows: netstat -ano\n```\n\n"
                                + "| on macOS | lsof |\n\n"
                                + "Type `on windows` as code.\n"));
    }
}
