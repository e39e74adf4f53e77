package de.ozgsdk.portal.runtime;

import de.ozgsdk.core.Money;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormData;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the runtime stores in a draft (sealed by the DraftStore): everything the next request needs, on any node.
 * Mutable working copy; {@link PayloadCodec} writes and reads it.
 */
final class DraftPayload {

    String serviceVersion;
    Stage stage;
    int step;
    int furthestStep;
    /** The step whose violations are shown (the last "next" on it failed), or -1. */
    int errorsAt = -1;
    Locale locale;
    FormData data;
    final Set<DataPath> prefilled = new LinkedHashSet<>();
    /** The read-only prefilled values, restored after every post. */
    final Map<DataPath, String> locked = new LinkedHashMap<>();
    Optional<TrustLevel> trustLevel = Optional.empty();
    Optional<String> postboxReference = Optional.empty();
    /** The fee fixed when the payment was started. */
    Optional<Money> fee = Optional.empty();

    DraftPayload(String serviceVersion, Stage stage, Locale locale, FormData data) {
        this.serviceVersion = serviceVersion;
        this.stage = stage;
        this.locale = locale;
        this.data = data;
    }
}
