package de.ozgsdk.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The bounded record of what a mock received (oldest entries are dropped beyond the limit), for assertions and the
 * overview page; thread-safe.
 */
public final class Records {

    private final int limit;
    private final Deque<RecordedExchange> entries = new ArrayDeque<>();
    private long total;

    Records(int limit) {
        this.limit = limit;
    }

    void add(RecordedExchange exchange) {
        synchronized (entries) {
            if (entries.size() == limit) {
                entries.removeFirst();
            }
            entries.addLast(exchange);
            total++;
        }
    }

    /** The entries kept, oldest first. */
    public List<RecordedExchange> all() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** The entries kept whose method is {@code method} (case-insensitive) and path is {@code path}. */
    public List<RecordedExchange> of(String method, String path) {
        return matching(e -> e.method().equalsIgnoreCase(method) && e.path().equals(path));
    }

    /** The entries kept that {@code filter} accepts, oldest first. */
    public List<RecordedExchange> matching(Predicate<RecordedExchange> filter) {
        synchronized (entries) {
            return entries.stream().filter(filter).toList();
        }
    }

    /** The newest entry. */
    public Optional<RecordedExchange> last() {
        synchronized (entries) {
            return Optional.ofNullable(entries.peekLast());
        }
    }

    /** How many exchanges were recorded since start or {@link #clear()}, including those dropped by the limit. */
    public long total() {
        synchronized (entries) {
            return total;
        }
    }

    /** How many entries are kept at most. */
    public int limit() {
        return limit;
    }

    /** Forgets every entry. */
    public void clear() {
        synchronized (entries) {
            entries.clear();
            total = 0;
        }
    }
}
