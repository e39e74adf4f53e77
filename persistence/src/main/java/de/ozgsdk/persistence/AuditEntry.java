package de.ozgsdk.persistence;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.TenantId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to record in the {@link AuditLog}: who (a pseudonymous actor id), did what (an action code) to which object
 * (subject type and id) of which tenant, with what outcome. Every field is an id or code of restricted characters, so
 * that names, e-mail addresses or form values cannot slip in.
 *
 * @param tenantId the tenant
 * @param actor a pseudonymous id of who acted (never a name or e-mail), 1 to 128 characters of
 *     {@code A-Za-z0-9._:-}
 * @param action what was done, a code such as {@code draft.delete}, 1 to 64 characters of {@code a-z0-9._-}
 * @param subjectType the kind of object acted on, such as {@code draft}, 1 to 64 characters of {@code a-z0-9._-}
 * @param subjectId the id of that object, 1 to 128 characters of {@code A-Za-z0-9._:-}
 * @param outcome how it ended
 */
public record AuditEntry(TenantId tenantId, String actor, String action, String subjectType, String subjectId,
        AuditOutcome outcome) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern CODE = Pattern.compile("[a-z0-9._-]{1,64}");

    /** Validates every field. */
    public AuditEntry {
        Objects.requireNonNull(tenantId, "tenantId");
        check("actor", actor, ID, 128);
        check("action", action, CODE, 64);
        check("subjectType", subjectType, CODE, 64);
        check("subjectId", subjectId, ID, 128);
        Objects.requireNonNull(outcome, "outcome");
    }

    /** Shorthand for the constructor. */
    public static AuditEntry of(TenantId tenantId, String actor, String action, String subjectType, String subjectId,
            AuditOutcome outcome) {
        return new AuditEntry(tenantId, actor, action, subjectType, subjectId, outcome);
    }

    /** Shorthand with the tenant id given as text, parsed by {@link TenantId#parse(String)}. */
    public static AuditEntry of(String tenantId, String actor, String action, String subjectType, String subjectId,
            AuditOutcome outcome) {
        return new AuditEntry(TenantId.parse(tenantId), actor, action, subjectType, subjectId, outcome);
    }

    private static void check(String field, String value, Pattern pattern, int maxLength) {
        Objects.requireNonNull(value, field);
        if (value.length() > maxLength || !pattern.matcher(value).matches()) {
            // The rejected value itself stays out of the message: it may be the personal data we keep out.
            throw new InvalidInputException(PersistenceError.AUDIT_EVENT_INVALID, field,
                    pattern == CODE ? "1 to " + maxLength + " characters of a-z, 0-9, . _ -"
                            : "1 to " + maxLength + " characters of A-Z, a-z, 0-9, . _ : -");
        }
    }
}
