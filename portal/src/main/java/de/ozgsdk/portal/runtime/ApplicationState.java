package de.ozgsdk.portal.runtime;

import de.ozgsdk.core.Money;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.payment.PaymentState;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * An application as it is stored after the last transition: its reference and version (pass the version back with
 * the next change, so that a change made meanwhile in another tab or on another node is reported instead of lost),
 * the stage and step, the language, the data entered so far and which values came from the Servicekonto.
 *
 * @param ref            the application
 * @param serviceId      the online service
 * @param version        the stored version, for optimistic locking
 * @param stage          where the application stands
 * @param step           the current step (0-based) in {@link Stage#STEP}; empty otherwise
 * @param furthestStep   the furthest step the citizen reached (0-based); steps up to it may be shown again
 * @param locale         the language the application was started in
 * @param data           the data entered so far
 * @param prefilled      the fields filled from the Servicekonto (data paths with indexes)
 * @param readOnly       the prefilled fields the citizen may not change
 * @param trustLevel     the trust level of the owner's login; empty for an anonymous owner
 * @param fee            the fee, once the answers are confirmed and a fee applies
 * @param paymentState   the state of the latest payment attempt, if one was started
 * @param expiresAt      when the stored application is purged unless saved again; empty once submitted
 * @param submission     the receipt, in {@link Stage#SUBMITTED}
 */
public record ApplicationState(ApplicationRef ref, String serviceId, long version, Stage stage, OptionalInt step,
        int furthestStep, Locale locale, FormData data, Set<DataPath> prefilled, Set<DataPath> readOnly,
        Optional<TrustLevel> trustLevel, Optional<Money> fee, Optional<PaymentState> paymentState,
        Optional<Instant> expiresAt, Optional<SubmissionReceipt> submission) {

    /** Checks that every part is present and copies the sets. */
    public ApplicationState {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(data, "data");
        prefilled = Set.copyOf(prefilled);
        readOnly = Set.copyOf(readOnly);
        Objects.requireNonNull(trustLevel, "trustLevel");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(paymentState, "paymentState");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(submission, "submission");
    }

    /** Whether the value at {@code path} came from the Servicekonto (to mark it on the page). */
    public boolean isPrefilled(DataPath path) {
        return prefilled.contains(path);
    }

    /** Ids, stage and version only: the data are personal. */
    @Override
    public String toString() {
        return "ApplicationState[" + ref + ", service=" + serviceId + ", version=" + version + ", stage=" + stage
                + (step.isPresent() ? ", step=" + step.getAsInt() : "") + "]";
    }
}
