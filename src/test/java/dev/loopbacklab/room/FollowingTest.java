package dev.loopbacklab.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * A learner's lab takes the teacher's step only whole and valid: anything at the room's address
 * could answer, and the step ends up in the learner's pages.
 */
class FollowingTest {
    @Test
    void readsAWholeStep() {
        StepBoard.Step step =
                Following.read(
                        "{\"version\":4,\"lesson\":\"port-binding\",\"step\":2,\"steps\":7,"
                                + "\"title\":\"Two servers, one port\"}");
        assertEquals(4, step.version());
        assertEquals("port-binding", step.lesson());
        assertEquals(2, step.step());
        assertEquals("Two servers, one port", step.title());
    }

    @Test
    void nothingShownYetIsAStepWithoutALesson() {
        assertFalse(Following.read("{\"version\":0}").shown());
    }

    @Test
    void refusesWhatIsNotAStep() {
        for (String bad :
                new String[] {
                    "",
                    "not json",
                    "[]",
                    "{}",
                    "{\"version\":\"x\"}",
                    "{\"version\":1,\"lesson\":\"../../etc\",\"step\":0,\"steps\":1,\"title\":\"t\"}",
                    "{\"version\":1,\"lesson\":\"javascript:alert(1)\",\"step\":0,\"steps\":1,\"title\":\"t\"}",
                    "{\"version\":1,\"lesson\":\"first\",\"step\":3,\"steps\":3,\"title\":\"t\"}",
                    "{\"version\":1,\"lesson\":\"first\",\"step\":-1,\"steps\":3,\"title\":\"t\"}",
                    "{\"version\":1,\"lesson\":\"first\",\"step\":\"1\",\"steps\":3,\"title\":\"t\"}",
                    "{\"version\":1,\"lesson\":\"first\",\"step\":0,\"steps\":3}",
                    "{\"version\":1,\"lesson\":\"first\",\"step\":0,\"steps\":3,\"title\":\""
                            + "x".repeat(201)
                            + "\"}"
                }) {
            assertThrows(IllegalArgumentException.class, () -> Following.read(bad), bad);
        }
    }
}
