package dev.loopbacklab.room;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request ids a room remembers, per learner, so that a learner lab's retry of a verdict the
 * room already stored (its answer was lost) is stored once. Only the latest {@link #PER_LEARNER}
 * ids of each learner are kept: remembering every id grew the room by ~1.5 MB per 10,000 verdicts.
 *
 * <p>Why the latest few are enough: a learner's lab sends its summaries one at a time on one thread
 * ({@link Membership#finished}), and retries a summary before it sends the next one, so a retry
 * always names one of that learner's newest ids. A restarted lab takes a new id prefix, so its ids
 * never meet the old ones. Not thread-safe: the room's writer thread owns it.
 */
final class RecentRequests {
    /** Ids kept per learner; a lab has one summary in flight, so this leaves a wide margin. */
    static final int PER_LEARNER = 32;

    private final Map<Long, Map<String, Long>> byLearner = new HashMap<>();

    /**
     * The number the room gave {@code requestId} of {@code learner}, or null if not among the
     * latest.
     */
    Long seqOf(long learner, String requestId) {
        Map<String, Long> seen = byLearner.get(learner);
        return seen == null ? null : seen.get(requestId);
    }

    /** Remembers that {@code requestId} of {@code learner} was stored as {@code seq}. */
    void remember(long learner, String requestId, long seq) {
        byLearner.computeIfAbsent(learner, k -> latest()).put(requestId, seq);
    }

    /** How many ids are kept for {@code learner} (for tests). */
    int count(long learner) {
        Map<String, Long> seen = byLearner.get(learner);
        return seen == null ? 0 : seen.size();
    }

    /** Forgets every learner (the room was cleared). */
    void clear() {
        byLearner.clear();
    }

    private static Map<String, Long> latest() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > PER_LEARNER;
            }
        };
    }
}
