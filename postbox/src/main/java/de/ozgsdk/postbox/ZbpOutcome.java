package de.ozgsdk.postbox;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a message or status update to the BundID postbox stands, as the FIT-Connect event log shows it.
 *
 * @param state the state
 * @param reason the ZBP's problems when {@link State#REJECTED}
 */
public record ZbpOutcome(State state, Optional<String> reason) {

    /** The states. */
    public enum State {
        /** Still in the outbox: no FIT-Connect submission yet. */
        NOT_SENT,
        /** Submitted; the ZBP has not answered yet. */
        PENDING,
        /** The ZBP accepted it (its {@code accept-submission} carries the authentication tags sent). */
        ACCEPTED,
        /** The ZBP rejected it; {@link #reason()} says why. */
        REJECTED
    }

    /** Checks the parts. */
    public ZbpOutcome {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether the ZBP has decided (accepted or rejected). */
    public boolean decided() {
        return state == State.ACCEPTED || state == State.REJECTED;
    }
}
