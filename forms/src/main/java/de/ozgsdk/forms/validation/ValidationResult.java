package de.ozgsdk.forms.validation;

import de.ozgsdk.forms.data.DataPath;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of {@link FormValidator#validate}: the violations in schema order, and the typed values of the valid
 * field values.
 */
public final class ValidationResult {

    private final List<Violation> violations;
    private final Map<DataPath, Object> values;

    ValidationResult(List<Violation> violations, Map<DataPath, Object> values) {
        this.violations = List.copyOf(violations);
        this.values = Map.copyOf(values);
    }

    /** Whether there is no violation. */
    public boolean isValid() {
        return violations.isEmpty();
    }

    /** Every violation, in the order of the schema's elements (unknown elements after the known ones). */
    public List<Violation> violations() {
        return violations;
    }

    /** The violations at exactly this path, e.g. to show them next to one input. */
    public List<Violation> violationsAt(DataPath path) {
        return violations.stream().filter(v -> v.path().equals(path)).toList();
    }

    /**
     * The typed value of a valid field value: {@code Boolean}, {@code LocalDate}, {@code LocalTime},
     * {@code LocalDateTime} or {@code OffsetDateTime}, {@code BigDecimal} ({@code num}), {@code BigInteger}
     * ({@code num_int}), {@code de.ozgsdk.core.Money} ({@code num_currency}), or the stripped text ({@code text},
     * NFC-normalised for {@code text_latin}; {@code file}, {@code obj}). Paths as in violations; for a single-valued
     * field {@code F1} and {@code F1[0]} both work. Empty for blank, absent or invalid values.
     */
    public Optional<Object> value(DataPath path) {
        Object value = values.get(path);
        if (value == null && path.last().index().isEmpty()) {
            value = values.get(path.withIndex(0));
        } else if (value == null && path.last().indexOrZero() == 0) {
            value = values.get(path.withoutIndex());
        }
        return Optional.ofNullable(value);
    }

    /** {@code valid} or the number of violations and their paths and codes (no values). */
    @Override
    public String toString() {
        return isValid() ? "valid" : violations.size() + " violations " + violations;
    }
}
