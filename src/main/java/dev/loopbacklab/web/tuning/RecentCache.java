package dev.loopbacklab.web.tuning;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values computed for recently seen keys, at most {@code capacity} of them: when full it is
 * cleared, not trimmed. That is the cheapest bound there is, and right where the same few keys come
 * back again and again (a browser's reloads on a kept-alive connection have the very same
 * connection facts) and a miss costs only a recomputation.
 */
public final class RecentCache<K, V> {
    private final int capacity;
    private final Map<K, V> values = new ConcurrentHashMap<>();

    /** A cache of at most {@code capacity} values. */
    public RecentCache(int capacity) {
        this.capacity = capacity;
    }

    /** The value for {@code key}, computed by {@code compute} when it is not kept. */
    public V get(K key, Function<K, V> compute) {
        V value = values.get(key);
        if (value == null) {
            if (values.size() >= capacity) {
                values.clear();
            }
            value = compute.apply(key);
            values.put(key, value);
        }
        return value;
    }

    /** How many values it keeps now. */
    public int size() {
        return values.size();
    }
}
