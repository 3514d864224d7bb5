package dev.loopbacklab.web.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.loopbacklab.testing.Wait;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class FirstRunWarmUpTest {
    @Test
    void walksTheSharedPathOnceAndEachLessonOnceOffTheCallersThread() throws Exception {
        List<String> walked = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        try (FirstRunWarmUp warmUp =
                new FirstRunWarmUp(
                        () -> {
                            threads.add(Thread.currentThread().getName());
                            await(release);
                            walked.add("shared");
                        },
                        lesson -> walked.add(lesson))) {
            // the caller returns at once, though the shared walk is held
            warmUp.pageServed(null);
            warmUp.pageServed("loopback-echo");
            warmUp.pageServed(null);
            warmUp.pageServed("loopback-echo");
            warmUp.pageServed("exposure");
            assertEquals(List.of(), walked);
            release.countDown();
            Wait.until("three walks", () -> walked.size() == 3);
            assertEquals(List.of("shared", "loopback-echo", "exposure"), walked);
            assertNotEquals(Thread.currentThread().getName(), threads.get(0));
            warmUp.pageServed("exposure");
            warmUp.pageServed("you-are-here");
            Wait.until("the fourth walk", () -> walked.size() == 4);
            assertEquals("you-are-here", walked.get(3));
        }
    }

    @Test
    void aFailingWalkStopsNeitherTheCallerNorTheWalksAfterIt() throws Exception {
        List<String> walked = new CopyOnWriteArrayList<>();
        try (FirstRunWarmUp warmUp =
                new FirstRunWarmUp(
                        () -> {
                            throw new IllegalStateException("no engine here");
                        },
                        walked::add)) {
            warmUp.pageServed("db");
            Wait.until("the lesson's walk", () -> walked.equals(List.of("db")));
        }
    }

    @Test
    void aClosedWarmUpIgnoresPages() {
        List<String> walked = new CopyOnWriteArrayList<>();
        FirstRunWarmUp warmUp = new FirstRunWarmUp(() -> walked.add("shared"), walked::add);
        warmUp.close();
        warmUp.pageServed("db");
        assertEquals(List.of(), walked);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
