package de.ozgsdk.portal.web;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * One citizen's session of an online service flow: a few short values (draft id, current step, login state) under
 * string keys, valid until it is idle too long or reaches its absolute deadline. Form content belongs in the draft,
 * not here. Changes are stored at once, so the next request may reach another portal node.
 */
public interface FlowSession {

    /**
     * The session's secret id, which the cookie carries; only for binding other secrets to the session (the CSRF
     * token). Never log it or put it into a page.
     */
    String id();

    /** The value under {@code key}. */
    Optional<String> get(String key);

    /** Stores {@code value} under {@code key} (keys up to 100 characters; all values together up to 16 KiB). */
    void put(String key, String value);

    /** Removes the value under {@code key}, if any. */
    void remove(String key);

    /**
     * Removes the values under {@code remove}, then stores {@code put}, as {@link #remove} and {@link #put} one by one
     * would; a session kept in a database writes its row once for all of them.
     */
    default void update(Map<String, String> put, Collection<String> remove) {
        remove.forEach(this::remove);
        put.forEach(this::put);
    }

    /** All values, by key. */
    Map<String, String> values();

    /** The absolute end of the session: after it the session is gone, however active. */
    Instant deadline();

    /**
     * When the session ends if nothing more happens: the earlier of its idle end and its {@link #deadline()}, as the
     * store holds it after this request (what the pages state as "your session ends at").
     */
    default Instant end() {
        return deadline();
    }
}
