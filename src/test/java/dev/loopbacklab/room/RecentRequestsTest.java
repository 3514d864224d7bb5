package dev.loopbacklab.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RecentRequestsTest {
    @Test
    void keepsOnlyEachLearnersLatestIds() {
        RecentRequests requests = new RecentRequests();
        for (int i = 0; i < 10_000; i++) {
            requests.remember(1, "ada-" + i, i);
            requests.remember(2, "bob-" + i, 10_000 + i);
        }
        assertEquals(RecentRequests.PER_LEARNER, requests.count(1));
        assertEquals(RecentRequests.PER_LEARNER, requests.count(2));
        assertEquals(9_999L, requests.seqOf(1, "ada-9999"));
        int oldestKept = 10_000 - RecentRequests.PER_LEARNER;
        assertEquals((long) oldestKept, requests.seqOf(1, "ada-" + oldestKept));
        assertNull(requests.seqOf(1, "ada-" + (oldestKept - 1)));
        // One learner's ids never push out another's, nor answer for them.
        assertEquals(19_999L, requests.seqOf(2, "bob-9999"));
        assertNull(requests.seqOf(2, "ada-9999"));
    }

    @Test
    void aRepeatDoesNotMakeAnIdLookNewer() {
        RecentRequests requests = new RecentRequests();
        requests.remember(1, "first", 1);
        requests.remember(1, "first", 1);
        for (int i = 0; i < RecentRequests.PER_LEARNER - 1; i++) {
            requests.remember(1, "r" + i, 2 + i);
        }
        assertEquals(1L, requests.seqOf(1, "first"));
        requests.remember(1, "one-more", 100);
        assertNull(requests.seqOf(1, "first"));
        requests.clear();
        assertEquals(0, requests.count(1));
    }
}
