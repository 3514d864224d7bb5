package dev.loopbacklab.web.runs;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RunWarmUpTest {
    /** Every kind of event, blank, renders and frames: a kind that cannot would fail here first. */
    @Test
    void walksTheRunPathWithEveryKindOfEvent() {
        assertEquals(EventTypes.all().size(), EventTypes.blanks().size());
        assertDoesNotThrow(RunWarmUp::sharedPath);
    }
}
