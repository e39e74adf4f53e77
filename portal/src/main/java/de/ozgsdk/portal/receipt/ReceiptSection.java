package de.ozgsdk.portal.receipt;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.portal.PortalError;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One part of the submitted data on a receipt: a heading with rows of label and value, and nested sections for groups
 * and for each repetition of a repeated group (the caller names a repetition in its heading, e.g. "Kind 2").
 *
 * @param heading the heading as the citizen saw it in the form, in the receipt's language
 * @param items the rows and nested sections, in form order
 */
public record ReceiptSection(String heading, List<ReceiptItem> items) implements ReceiptItem {

    public ReceiptSection {
        requireText(heading, "heading");
        items = List.copyOf(items);
    }

    /** Starts a section with its heading. */
    public static Builder builder(String heading) {
        return new Builder(heading);
    }

    private static void requireText(String text, String name) {
        Objects.requireNonNull(text, name);
        if (text.isBlank()) {
            throw new InvalidInputException(PortalError.RECEIPT_CONTENT_INVALID, "section " + name,
                    "it is blank; give the text the citizen saw in the form");
        }
    }

    /** Builds a {@link ReceiptSection}; the items are copied on {@link #build()}. */
    public static final class Builder {
        private final String heading;
        private final List<ReceiptItem> items = new ArrayList<>();

        private Builder(String heading) {
            this.heading = heading;
        }

        /** Adds a row; {@code value} may be empty (an empty field), never null. */
        public Builder row(String label, String value) {
            items.add(new ReceiptRow(label, value));
            return this;
        }

        /** Adds a nested section (a sub-group or one repetition of a repeated group). */
        public Builder section(ReceiptSection section) {
            items.add(Objects.requireNonNull(section, "section"));
            return this;
        }

        public ReceiptSection build() {
            return new ReceiptSection(heading, items);
        }
    }
}
