package de.ozgsdk.forms;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LocalizedText;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every FIM element (Stammdatenschema, Datenfeldgruppe, Datenfeld) says about itself: identification, name,
 * the Bezeichnung and Hilfetext for input and output, Beschreibung, Definition, Bezug, status and validity.
 *
 * <p>Labels and help texts are {@link LocalizedText} holding the German text of the file; translations can be added
 * with {@link #toBuilder()} (for instance from an XDatenfelder 3 Übersetzung). Description and definition address
 * schema authors and stay plain German strings. Empty elements in the file are absent here.
 */
public final class ElementMetadata {

    private final FimId id;
    private final String name;
    private final Optional<LocalizedText> inputLabel;
    private final Optional<LocalizedText> outputLabel;
    private final Optional<LocalizedText> inputHelp;
    private final Optional<LocalizedText> outputHelp;
    private final Optional<String> description;
    private final Optional<String> definition;
    private final List<String> legalBasis;
    private final Optional<ReleaseStatus> status;
    private final Optional<LocalDate> validFrom;
    private final Optional<LocalDate> validUntil;

    private ElementMetadata(Builder b) {
        this.id = b.id;
        this.name = b.name;
        this.inputLabel = b.inputLabel;
        this.outputLabel = b.outputLabel;
        this.inputHelp = b.inputHelp;
        this.outputHelp = b.outputHelp;
        this.description = b.description;
        this.definition = b.definition;
        this.legalBasis = List.copyOf(b.legalBasis);
        this.status = b.status;
        this.validFrom = b.validFrom;
        this.validUntil = b.validUntil;
    }

    /** Starts the metadata of the element with this id and (non-blank) name. */
    public static Builder builder(FimId id, String name) {
        return new Builder(id, name);
    }

    /** A builder seeded with these metadata. */
    public Builder toBuilder() {
        Builder b = new Builder(id, name);
        b.inputLabel = inputLabel;
        b.outputLabel = outputLabel;
        b.inputHelp = inputHelp;
        b.outputHelp = outputHelp;
        b.description = description;
        b.definition = definition;
        b.legalBasis = legalBasis;
        b.status = status;
        b.validFrom = validFrom;
        b.validUntil = validUntil;
        return b;
    }

    /** Id and version ({@code <xdf:identifikation>}). */
    public FimId id() {
        return id;
    }

    /** The name ({@code <xdf:name>}), meant for schema authors. */
    public String name() {
        return name;
    }

    /** The label on input ({@code <xdf:bezeichnungEingabe>}; XDatenfelder 3 schema: {@code <xdf:bezeichnung>}). */
    public Optional<LocalizedText> inputLabel() {
        return inputLabel;
    }

    /** The label on output, e.g. in a receipt ({@code <xdf:bezeichnungAusgabe>}). */
    public Optional<LocalizedText> outputLabel() {
        return outputLabel;
    }

    /** The help text on input ({@code <xdf:hilfetextEingabe>}; XDatenfelder 3 schema: {@code <xdf:hilfetext>}). */
    public Optional<LocalizedText> inputHelp() {
        return inputHelp;
    }

    /** The help text on output ({@code <xdf:hilfetextAusgabe>}). */
    public Optional<LocalizedText> outputHelp() {
        return outputHelp;
    }

    /** The label to show on input: the input label, else the name. */
    public LocalizedText label() {
        return inputLabel.orElseGet(() -> LocalizedText.of(name));
    }

    /** {@code <xdf:beschreibung>}. */
    public Optional<String> description() {
        return description;
    }

    /** {@code <xdf:definition>}. */
    public Optional<String> definition() {
        return definition;
    }

    /** The legal references ({@code <xdf:bezug>}), in file order. */
    public List<String> legalBasis() {
        return legalBasis;
    }

    /** {@code <xdf:status>} (XDatenfelder 2) or {@code <xdf:freigabestatus>} (XDatenfelder 3). */
    public Optional<ReleaseStatus> status() {
        return status;
    }

    /** {@code <xdf:gueltigAb>}. */
    public Optional<LocalDate> validFrom() {
        return validFrom;
    }

    /** {@code <xdf:gueltigBis>}. */
    public Optional<LocalDate> validUntil() {
        return validUntil;
    }

    /** Whether the element is valid on the given day according to its validity dates (no dates: always). */
    public boolean isValidOn(LocalDate day) {
        return validFrom.map(from -> !day.isBefore(from)).orElse(true)
                && validUntil.map(until -> !day.isAfter(until)).orElse(true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ElementMetadata m && id.equals(m.id) && name.equals(m.name)
                && inputLabel.equals(m.inputLabel) && outputLabel.equals(m.outputLabel)
                && inputHelp.equals(m.inputHelp) && outputHelp.equals(m.outputHelp)
                && description.equals(m.description) && definition.equals(m.definition)
                && legalBasis.equals(m.legalBasis) && status.equals(m.status)
                && validFrom.equals(m.validFrom) && validUntil.equals(m.validUntil);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, inputLabel, outputLabel, inputHelp, description, status);
    }

    @Override
    public String toString() {
        return id + " " + name;
    }

    /** Builds {@link ElementMetadata}; all parts but id and name are absent by default. */
    public static final class Builder {
        private final FimId id;
        private final String name;
        private Optional<LocalizedText> inputLabel = Optional.empty();
        private Optional<LocalizedText> outputLabel = Optional.empty();
        private Optional<LocalizedText> inputHelp = Optional.empty();
        private Optional<LocalizedText> outputHelp = Optional.empty();
        private Optional<String> description = Optional.empty();
        private Optional<String> definition = Optional.empty();
        private List<String> legalBasis = List.of();
        private Optional<ReleaseStatus> status = Optional.empty();
        private Optional<LocalDate> validFrom = Optional.empty();
        private Optional<LocalDate> validUntil = Optional.empty();

        private Builder(FimId id, String name) {
            this.id = Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new InvalidInputException(FimError.MODEL_VALUE_INVALID, "name", id);
            }
            this.name = name;
        }

        public Builder inputLabel(LocalizedText inputLabel) {
            this.inputLabel = Optional.of(inputLabel);
            return this;
        }

        public Builder outputLabel(LocalizedText outputLabel) {
            this.outputLabel = Optional.of(outputLabel);
            return this;
        }

        public Builder inputHelp(LocalizedText inputHelp) {
            this.inputHelp = Optional.of(inputHelp);
            return this;
        }

        public Builder outputHelp(LocalizedText outputHelp) {
            this.outputHelp = Optional.of(outputHelp);
            return this;
        }

        public Builder description(String description) {
            this.description = Optional.of(description);
            return this;
        }

        public Builder definition(String definition) {
            this.definition = Optional.of(definition);
            return this;
        }

        public Builder legalBasis(List<String> legalBasis) {
            this.legalBasis = List.copyOf(legalBasis);
            return this;
        }

        public Builder status(ReleaseStatus status) {
            this.status = Optional.of(status);
            return this;
        }

        public Builder validFrom(LocalDate validFrom) {
            this.validFrom = Optional.of(validFrom);
            return this;
        }

        public Builder validUntil(LocalDate validUntil) {
            this.validUntil = Optional.of(validUntil);
            return this;
        }

        public ElementMetadata build() {
            return new ElementMetadata(this);
        }
    }
}
