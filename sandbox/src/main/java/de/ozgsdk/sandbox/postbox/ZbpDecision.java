package de.ozgsdk.sandbox.postbox;

import java.util.List;
import java.util.UUID;

/**
 * What the ZBP mock decided about one submission: accepted, or rejected with FIT-Connect problems.
 *
 * @param submissionId the FIT-Connect submission
 * @param accepted whether it was accepted
 * @param problems the problem types (last path segment, e.g. {@code unknown-mailbox}) and details, when rejected
 */
public record ZbpDecision(UUID submissionId, boolean accepted, List<String> problems) {

    /** Copies the list. */
    public ZbpDecision {
        problems = List.copyOf(problems);
    }
}
