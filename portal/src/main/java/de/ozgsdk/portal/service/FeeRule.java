package de.ozgsdk.portal.service;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.Money;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.portal.PortalError;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * How much an application of a service costs, computed from its form data when the citizen reaches the payment
 * step: a fixed fee, a fee per instance of a repeated group, a fee chosen by a field's value, or (Java services only)
 * any function of the data. A fee of zero skips the payment step.
 */
public sealed interface FeeRule {

    /** The fee for an application with this data; never negative. */
    Money amount(FormData data);

    /** The data paths of fields and groups the rule reads, for the check against the form; empty if none. */
    Set<DataPath> references();

    /** The same fee for every application. */
    static FeeRule fixed(Money amount) {
        return new Fixed(amount);
    }

    /** {@code base} plus {@code each} per instance of the repeated group at {@code group}. */
    static FeeRule perInstance(String group, Money base, Money each) {
        return new PerInstance(DataPath.parse(group), base, each);
    }

    /** The amount listed for the field's value, {@code otherwise} when it is empty or not listed. */
    static FeeRule byValue(String field, Map<String, Money> amounts, Money otherwise) {
        return new ByValue(DataPath.parse(field), amounts, otherwise);
    }

    /** Any computation in Java; a service with it cannot be written as a package descriptor. */
    static FeeRule computed(Function<FormData, Money> computation) {
        return new Computed(computation);
    }

    /**
     * A fixed fee.
     *
     * @param fee the fee, at least zero
     */
    record Fixed(Money fee) implements FeeRule {
        /** Checks that the fee is not negative. */
        public Fixed {
            requireNotNegative(fee);
        }

        @Override
        public Money amount(FormData data) {
            return fee;
        }

        @Override
        public Set<DataPath> references() {
            return Set.of();
        }
    }

    /**
     * A base fee plus a fee per instance of a repeated group (e.g. per dog).
     *
     * @param group the repeated group
     * @param base  the fee for the application itself
     * @param each  the fee per instance
     */
    record PerInstance(DataPath group, Money base, Money each) implements FeeRule {
        /** Checks that no amount is negative. */
        public PerInstance {
            Objects.requireNonNull(group, "group");
            requireNotNegative(base);
            requireNotNegative(each);
        }

        @Override
        public Money amount(FormData data) {
            DataPath parent = group.depth() == 1 ? null : DataPath.of(group.segments().subList(0, group.depth() - 1));
            FormData holder = parent == null ? data : data.group(parent).orElse(FormData.empty());
            int count = (int) holder.groups(group.elementId()).stream().filter(g -> !g.isBlank()).count();
            return base.plus(each.times(count));
        }

        @Override
        public Set<DataPath> references() {
            return Set.of(group);
        }
    }

    /**
     * A fee chosen by the value of one field (e.g. a code of the kind of permit).
     *
     * @param field     the field whose value selects the fee
     * @param amounts   the fee per value
     * @param otherwise the fee when the field is empty or has a value not listed
     */
    record ByValue(DataPath field, Map<String, Money> amounts, Money otherwise) implements FeeRule {
        /** Checks that no amount is negative. */
        public ByValue {
            Objects.requireNonNull(field, "field");
            amounts = Map.copyOf(amounts);
            amounts.values().forEach(FeeRule::requireNotNegative);
            requireNotNegative(otherwise);
        }

        @Override
        public Money amount(FormData data) {
            return data.value(field).map(amounts::get).orElse(otherwise);
        }

        @Override
        public Set<DataPath> references() {
            return Set.of(field);
        }
    }

    /**
     * A fee computed by Java code.
     *
     * @param computation the computation; it must not return a negative amount
     */
    record Computed(Function<FormData, Money> computation) implements FeeRule {
        /** Checks that the computation is present. */
        public Computed {
            Objects.requireNonNull(computation, "computation");
        }

        @Override
        public Money amount(FormData data) {
            Money fee = computation.apply(data);
            requireNotNegative(fee);
            return fee;
        }

        @Override
        public Set<DataPath> references() {
            return Set.of();
        }
    }

    private static void requireNotNegative(Money amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new InvalidInputException(PortalError.SERVICE_FEE_RULE_INVALID, "(fee rule)",
                    "a fee must not be negative, but is " + amount.toPlainString() + " EUR");
        }
    }
}
