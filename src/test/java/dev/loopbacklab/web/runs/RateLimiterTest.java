package dev.loopbacklab.web.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.web.LabConfig;
import dev.loopbacklab.web.LabServer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One client may not start runs faster than the limit; others are not held up by it. */
class RateLimiterTest {
    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(10), now::get);

    @Test
    void allowsTheLimitPerWindowThenRefuses() {
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("a"));
        }
        assertFalse(limiter.tryAcquire("a"));
        assertTrue(limiter.tryAcquire("b"), "another client has its own count");
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(limiter.tryAcquire("a"), "a new window");
    }

    @Test
    void forgetsClientsWhoseWindowHasPassed() {
        for (int i = 0; i < 1_500; i++) {
            limiter.tryAcquire("client-" + i);
        }
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        limiter.tryAcquire("late");
        assertEquals(1, limiter.clients());
    }

    @Test
    void theApiAnswers429WhenOneClientStartsTooManyRuns() throws Exception {
        LabConfig config =
                LabConfig.local(0, TestLab.fixtureContent())
                        .withLimits(
                                LabConfig.Limits.defaults()
                                        .withRunStarts(3, Duration.ofMinutes(1)));
        try (LabServer lab = TestLab.start(config)) {
            String json = "{\"experiment\":\"test-judge\"}";
            for (int i = 0; i < 3; i++) {
                assertEquals(201, RawHttp.postJson(lab.port(), "/api/runs", "", json).status());
            }
            RawHttp.Response refused = RawHttp.postJson(lab.port(), "/api/runs", "", json);
            assertEquals(429, refused.status());
            assertTrue(
                    new ObjectMapper()
                            .readTree(refused.body())
                            .get("error")
                            .asText()
                            .contains("too quickly"),
                    refused.body());
            assertEquals(
                    200, RawHttp.get(lab.port(), "/", "localhost").status(), "pages still load");
        }
    }
}
