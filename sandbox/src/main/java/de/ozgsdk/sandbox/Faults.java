package de.ozgsdk.sandbox;

import de.ozgsdk.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The faults a mock server currently applies, set by a test per call ({@code Fault.status(503).once()}) or per
 * scenario (a latency until cleared), in Java or through the mock's admin endpoint; thread-safe.
 *
 * <p>A request gets the first fault, in the order they were added, whose method and path pattern match it; a fault
 * with a count is used up by as many matching requests and then disappears. Requests to the admin endpoint
 * ({@code /__admin/…}) never get a fault.
 */
public final class Faults {

    private final String mockName;
    private final Set<Fault.Kind> kinds;
    private final List<String> systemErrors;
    private final List<Active> active = new ArrayList<>();

    Faults(String mockName, Set<Fault.Kind> kinds, List<String> systemErrors) {
        this.mockName = mockName;
        EnumSet<Fault.Kind> applicable = EnumSet.noneOf(Fault.Kind.class);
        applicable.addAll(kinds);
        this.kinds = Collections.unmodifiableSet(applicable); // in declaration order, for messages
        this.systemErrors = List.copyOf(systemErrors);
    }

    /**
     * Adds {@code fault} behind the faults already set.
     *
     * @throws InvalidInputException if this mock cannot apply the fault's kind ({@code OZG-SANDBOX-105}) or knows no
     *     such system error ({@code OZG-SANDBOX-106})
     */
    public Faults add(Fault fault) {
        requireApplicable(fault);
        synchronized (active) {
            active.add(new Active(fault));
        }
        return this;
    }

    void requireApplicable(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (!kinds.contains(fault.kind())) {
            throw new InvalidInputException(SandboxError.FAULT_KIND_NOT_APPLICABLE, mockName, fault.kind(), kinds);
        }
        if (fault.kind() == Fault.Kind.SYSTEM_ERROR && !systemErrors.contains(fault.systemError())) {
            throw new InvalidInputException(SandboxError.SYSTEM_ERROR_UNKNOWN, mockName, fault.systemError(),
                    systemErrors);
        }
    }

    /** Removes every fault: the mock behaves correctly again. */
    public void clear() {
        synchronized (active) {
            active.clear();
        }
    }

    /** The faults still set, each with the count it has left. */
    public List<Fault> active() {
        synchronized (active) {
            return active.stream().map(Active::remaining).toList();
        }
    }

    /** The fault kinds this mock applies. */
    public Set<Fault.Kind> kinds() {
        return kinds;
    }

    /** The names of this mock's own errors, usable with {@link Fault#systemError(String)}. */
    public List<String> systemErrors() {
        return systemErrors;
    }

    /** Takes the fault for one request (using up one of its count), if any matches. */
    Optional<Fault> take(String method, String path) {
        synchronized (active) {
            for (Iterator<Active> it = active.iterator(); it.hasNext(); ) {
                Active candidate = it.next();
                if (candidate.fault.matches(method, path)) {
                    if (candidate.left != Fault.UNLIMITED && --candidate.left == 0) {
                        it.remove();
                    }
                    return Optional.of(candidate.fault);
                }
            }
            return Optional.empty();
        }
    }

    private static final class Active {
        private final Fault fault;
        private int left;

        Active(Fault fault) {
            this.fault = fault;
            this.left = fault.times().orElse(Fault.UNLIMITED);
        }

        Fault remaining() {
            return left == Fault.UNLIMITED ? fault : fault.times(left);
        }
    }
}
