package de.ozgsdk.portal.runtime;

import de.ozgsdk.core.Money;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.validation.Violation;
import java.util.List;
import java.util.Objects;

/**
 * What an adapter needs to render the check-answers page: the application, the data that will be submitted (hidden
 * answers already dropped), the fee that will be due (zero: none) and the violations of the whole form, which are
 * empty unless a rule spanning several steps fails (then paying and submitting are refused until corrected).
 *
 * @param state      the application
 * @param data       the data that will be submitted
 * @param fee        the fee for these data; zero when the service is free or the rule yields zero
 * @param violations the violations of the whole data, for the review page's summary
 */
public record ReviewPage(ApplicationState state, FormData data, Money fee, List<Violation> violations) {

    /** Checks that every part is present and copies the violations. */
    public ReviewPage {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(fee, "fee");
        violations = List.copyOf(violations);
    }
}
