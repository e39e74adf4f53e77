package de.ozgsdk.forms.data;

import de.ozgsdk.core.InvalidInputException;

/**
 * Limits on untrusted form data read by {@link FormBinder} and {@link FormDataJson}, so that a crafted request cannot
 * exhaust memory or CPU: how many values, how long one value, how many repetitions of one group or field.
 *
 * <pre>{@code
 * DataLimits limits = DataLimits.builder().maxValues(500).build();
 * }</pre>
 *
 * @param maxValues      the most values (form parameters, JSON scalars) in one input; default 5,000
 * @param maxValueLength the most characters of one value or parameter name; default 10,000
 * @param maxRepetitions the most instances of one group or values of one field, and so the highest index + 1;
 *                       default 1,000
 */
public record DataLimits(int maxValues, int maxValueLength, int maxRepetitions) {

    /** 5,000 values, 10,000 characters, 1,000 repetitions. */
    public static final DataLimits DEFAULT = new DataLimits(5_000, 10_000, 1_000);

    /** Validates that every limit is at least 1 and the repetitions at most {@link DataPath#MAX_INDEX} + 1. */
    public DataLimits {
        positive("maxValues", maxValues);
        positive("maxValueLength", maxValueLength);
        positive("maxRepetitions", maxRepetitions);
        if (maxRepetitions > DataPath.MAX_INDEX + 1) {
            throw new InvalidInputException(DataError.LIMIT_INVALID, "maxRepetitions", maxRepetitions);
        }
    }

    /** A builder starting from {@link #DEFAULT}. */
    public static Builder builder() {
        return new Builder();
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new InvalidInputException(DataError.LIMIT_INVALID, name, value);
        }
    }

    /** Builds {@link DataLimits}; each setter checks its argument. */
    public static final class Builder {
        private int maxValues = DEFAULT.maxValues;
        private int maxValueLength = DEFAULT.maxValueLength;
        private int maxRepetitions = DEFAULT.maxRepetitions;

        private Builder() {
        }

        /** The most values in one input, at least 1; default 5,000. */
        public Builder maxValues(int maxValues) {
            positive("maxValues", maxValues);
            this.maxValues = maxValues;
            return this;
        }

        /** The most characters of one value or name, at least 1; default 10,000. */
        public Builder maxValueLength(int maxValueLength) {
            positive("maxValueLength", maxValueLength);
            this.maxValueLength = maxValueLength;
            return this;
        }

        /** The most repetitions of one group or field, 1 to 1,000,000; default 1,000. */
        public Builder maxRepetitions(int maxRepetitions) {
            positive("maxRepetitions", maxRepetitions);
            this.maxRepetitions = maxRepetitions;
            return this;
        }

        public DataLimits build() {
            return new DataLimits(maxValues, maxValueLength, maxRepetitions);
        }
    }
}
