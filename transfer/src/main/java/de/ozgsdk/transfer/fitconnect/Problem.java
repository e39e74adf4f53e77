package de.ozgsdk.transfer.fitconnect;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem of a rejected submission, as carried by the {@code problems} of a {@code reject-submission} Security
 * Event Token (RFC 7807 shape: {@code type}, {@code title}, {@code detail}, {@code instance}).
 *
 * @param type a URI naming the kind of problem
 * @param title a short summary
 * @param detail what exactly is wrong in this submission (never personal data)
 * @param instance the part of the submission concerned, e.g. {@code metadata} or {@code attachment:<id>}, if any
 */
public record Problem(String type, String title, String detail, Optional<String> instance) {

    /** The type URI prefix of the problems the subscriber reports itself. */
    public static final String TYPE_PREFIX = "https://schema.fitko.de/fit-connect/events/problems/";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(instance, "instance");
    }

    /** A problem of type {@code TYPE_PREFIX + name}. */
    public static Problem of(String name, String title, String detail, String instance) {
        return new Problem(TYPE_PREFIX + name, title, detail, Optional.ofNullable(instance));
    }

    @Override
    public String toString() {
        return title + " (" + detail + instance.map(part -> ", " + part).orElse("") + ")";
    }
}
