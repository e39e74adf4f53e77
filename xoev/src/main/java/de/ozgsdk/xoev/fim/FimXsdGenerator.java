package de.ozgsdk.xoev.fim;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.validation.CodeValues;
import de.ozgsdk.xoev.internal.fim.XsdWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Generates an XML Schema (XSD) for the form data of a FIM schema: elements named by the FIM ids, types and facets
 * from Datentyp and Präzisierung, {@code minOccurs}/{@code maxOccurs} from the Multiplizität, codes as enumerations
 * where they are known. The same schema and options always give the same text (see {@code xoev/FIMXML.md}).
 *
 * <pre>{@code
 * FormSchema schema = FimImporter.builder().build().importSchema(fimFile);
 * GeneratedXsd xsd = FimXsdGenerator.builder()
 *         .codeValues(CodeValues.of(registry))
 *         .build()
 *         .generate(schema);
 * Files.writeString(xsdFile, xsd.text());
 * xsd.notes().forEach(note -> log.info("{}", note)); // what the XSD cannot state
 * }</pre>
 *
 * <p>Thread-safe; create once.
 */
public final class FimXsdGenerator {

    /** The namespace base unless {@link Builder#namespaceBase} says otherwise (as the JSON Schema's {@code $id}). */
    public static final String DEFAULT_NAMESPACE_BASE = "urn:ozgsdk:fim:";

    private final String namespaceBase;
    private final CodeValues codeValues;
    private final Locale locale;

    private FimXsdGenerator(Builder b) {
        this.namespaceBase = b.namespaceBase;
        this.codeValues = b.codeValues;
        this.locale = b.locale;
    }

    /** A generator with the defaults of {@link Builder}. */
    public static FimXsdGenerator of() {
        return builder().build();
    }

    /** Starts a generator: namespace base {@value #DEFAULT_NAMESPACE_BASE}, no code lists, German documentation. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Generates the XSD of the schema.
     *
     * @throws InvalidInputException ({@link FimXmlError#ID_NOT_XML_NAME}) when an element id cannot be an XML name
     */
    public GeneratedXsd generate(FormSchema schema) {
        Objects.requireNonNull(schema, "schema");
        String namespace = namespaceBase + schema.id();
        XsdWriter writer = new XsdWriter(locale, codeValues);
        String text = writer.write(schema, namespace);
        return new GeneratedXsd(schema.id().toString(), text, namespace, schema.id().id(), writer.notes());
    }

    /** Builds a {@link FimXsdGenerator}. */
    public static final class Builder {
        private String namespaceBase = DEFAULT_NAMESPACE_BASE;
        private CodeValues codeValues = CodeValues.none();
        private Locale locale = Locale.GERMAN;

        private Builder() {
        }

        /**
         * The base of the target namespace, to which the schema's id and version are appended
         * ({@code urn:ozgsdk:fim:S60000011V1.2}): an absolute URI without query and fragment ending with {@code :}
         * or {@code /}. Default {@value #DEFAULT_NAMESPACE_BASE}.
         *
         * @throws InvalidInputException ({@link FimXmlError#NAMESPACE_INVALID}) for anything else
         */
        public Builder namespaceBase(String namespaceBase) {
            Objects.requireNonNull(namespaceBase, "namespaceBase");
            this.namespaceBase = checkedBase(namespaceBase);
            return this;
        }

        /**
         * Where the codes of code lists come from (use the validator's, so both agree); default
         * {@link CodeValues#none()}: code list fields are {@code xs:token} and each is listed in the notes.
         */
        public Builder codeValues(CodeValues codeValues) {
            this.codeValues = Objects.requireNonNull(codeValues, "codeValues");
            return this;
        }

        /** The language of the {@code xs:documentation} (labels, notes); default German. */
        public Builder locale(Locale locale) {
            this.locale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        public FimXsdGenerator build() {
            return new FimXsdGenerator(this);
        }

        private static String checkedBase(String base) {
            URI uri;
            try {
                uri = new URI(base);
            } catch (URISyntaxException e) {
                throw new InvalidInputException(FimXmlError.NAMESPACE_INVALID, base, e.getReason());
            }
            String problem = !uri.isAbsolute() ? "not absolute"
                    : uri.getRawQuery() != null || uri.getRawFragment() != null ? "has a query or fragment"
                    : !(base.endsWith("/") || base.endsWith(":")) ? "does not end with / or :"
                    : base.chars().anyMatch(c -> c == '"' || c == '<' || c == '&' || c <= ' ') ? "bad character"
                    : null;
            if (problem != null) {
                throw new InvalidInputException(FimXmlError.NAMESPACE_INVALID, base, problem);
            }
            return base;
        }
    }
}
