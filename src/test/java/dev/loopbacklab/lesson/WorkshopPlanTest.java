package dev.loopbacklab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkshopPlanTest {
    private static final LessonCatalog FIXTURES =
            LessonCatalog.load(ContentCheckerTest.fixture("good"));
    private static final LessonCatalog COURSE = LessonCatalog.load(Path.of("lessons"));

    @Test
    void readsLessonsAndBreaksFromAStartTime() {
        WorkshopPlan plan = WorkshopPlan.parse("first, break-10,second", "13:30", FIXTURES);
        assertEquals(LocalTime.of(13, 30), plan.start());
        assertEquals(5 + 10 + 7, plan.minutes());
        assertEquals(LocalTime.of(13, 52), plan.end());
        assertEquals("first,break-10,second", plan.spec());
        assertEquals(List.of("first", "second"), plan.lessons().stream().map(Lesson::id).toList());
    }

    @Test
    void theDefaultIsTheWholeCourseWithABreakAfterEverySeventyFiveMinutesOrMore() {
        WorkshopPlan plan = WorkshopPlan.parse("", null, COURSE);
        assertEquals(WorkshopPlan.DEFAULT_START, plan.start());
        assertEquals(COURSE.lessons(), plan.lessons());
        int sinceBreak = 0;
        for (int i = 0; i < plan.items().size(); i++) {
            WorkshopPlan.Item item = plan.items().get(i);
            if (item instanceof WorkshopPlan.Break) {
                assertTrue(sinceBreak >= WorkshopPlan.BREAK_AFTER, "break after " + sinceBreak);
                sinceBreak = 0;
            } else {
                boolean nextIsBreak =
                        i + 1 < plan.items().size()
                                && plan.items().get(i + 1) instanceof WorkshopPlan.Break;
                sinceBreak += item.minutes();
                boolean last = i == plan.items().size() - 1;
                assertTrue(
                        nextIsBreak || last || sinceBreak < WorkshopPlan.BREAK_AFTER,
                        "a break is due after " + sinceBreak + " minutes");
            }
        }
        int lessons = COURSE.lessons().stream().mapToInt(Lesson::minutes).sum();
        assertTrue(plan.minutes() > lessons, "the course has breaks");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "first,nope",
                "first,break-0",
                "first,break-121",
                "first,,second",
                "break-x",
                "<script>"
            })
    void refusesAPlanItCannotReadWithAMessage(String spec) {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> WorkshopPlan.parse(spec, "09:00", FIXTURES));
        assertTrue(e.getMessage().contains("lesson") || e.getMessage().contains("break"));
        assertTrue(!e.getMessage().contains("<"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9:00", "24:00", "09:60", "noon", "09:00:00"})
    void refusesAStartThatIsNotHhMm(String start) {
        assertThrows(
                IllegalArgumentException.class, () -> WorkshopPlan.parse("first", start, FIXTURES));
    }
}
