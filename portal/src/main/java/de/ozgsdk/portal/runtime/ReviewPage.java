package de.ozgsdk.portal.runtime;

import de.ozgsdk.core.Money;
import de.ozgsdk.forms.data.FormData;
import java.util.Objects;

/**
 * What an adapter needs to render the check-answers page: the application, the data to submit (hidden answers
 * already dropped) and the fee that will be due (zero: none).
 *
 * @param state the application
 * @param data  the data that will be submitted
 * @param fee   the fee for these data; zero when the service is free or the rule yields zero
 */
public record ReviewPage(ApplicationState state, FormData data, Money fee) {

    /** Checks that every part is present. */
    public ReviewPage {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(fee, "fee");
    }
}
