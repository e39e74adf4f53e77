package de.ozgsdk.forms.rules;

import java.util.List;

/**
 * What a rule sees of the form data: the validation layer implements this for the group instance a rule is
 * evaluated in, so that the same rule applies to each instance of a repeated Datenfeldgruppe.
 *
 * <p>Element ids resolve to the nearest occurrence: the same group instance first, then the enclosing group
 * instances outwards, then the whole form. Values are {@link String} (text and codes), {@link java.math.BigDecimal}
 * (or another {@link Number}), {@link Boolean}, {@link java.time.LocalDate}, {@link java.time.LocalTime} or
 * {@link java.time.LocalDateTime}; blank texts and {@code null} count as not filled.
 */
public interface RuleScope {

    /**
     * The values of a Datenfeld, as resolved from the current group instance: empty when the field is not filled
     * or unknown, one value normally, several for a field that repeats (or a multiple choice).
     */
    List<?> values(String elementId);

    /** Whether a Datenfeld has a value, or a Datenfeldgruppe has at least one filled field in some instance. */
    boolean isFilled(String elementId);

    /** The number of instances of a Datenfeldgruppe (or of values of a repeated Datenfeld), 0 when there is none. */
    int count(String elementId);

    /**
     * The ids of the Datenfeldgruppen that enclose the element, nearest first, so that an element inside a hidden
     * group counts as hidden too. The default knows no nesting, which is right for flat forms.
     */
    default List<String> enclosingGroups(String elementId) {
        return List.of();
    }
}
