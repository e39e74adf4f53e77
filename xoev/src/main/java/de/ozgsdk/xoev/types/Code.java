package de.ozgsdk.xoev.types;

import de.ozgsdk.xoev.internal.serial.Arguments;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A value from a code list, the XÖV code type ({@code basis:Code}): the {@code <code>} element, optionally its
 * {@code <name>}, and the attributes {@code listURI} and {@code listVersionID} naming the code list as published in
 * the XRepository.
 *
 * <pre>{@code
 * Code staat = Code.of("000", "urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staat", "2020-05-11")
 *         .withName("Deutschland");
 * }</pre>
 */
@XmlType(name = "Code", propOrder = {"code", "name"})
public final class Code {

    private static final String OWNER = "Code";
    /** xs:token in collapsed form: no leading, trailing or repeated whitespace, no tab or line break. */
    private static final Pattern TOKEN = Pattern.compile("\\S+( \\S+)*");
    private static final Pattern NO_WHITESPACE = Pattern.compile("\\S+");
    private static final Pattern NO_LINE_BREAKS = Pattern.compile("[^\\t\\n\\r]+");

    @XmlElement(required = true)
    private String code;
    @XmlElement
    private String name;
    @XmlAttribute(name = "listURI", required = true)
    private String listUri;
    @XmlAttribute(name = "listVersionID", required = true)
    private String listVersionId;

    private Code() {
        // for JAXB
    }

    private Code(String code, String name, String listUri, String listVersionId) {
        this.code = code;
        this.name = name;
        this.listUri = listUri;
        this.listVersionId = listVersionId;
    }

    /**
     * A code without a name.
     *
     * @param code          the code, e.g. {@code 000}; a token (no leading, trailing or repeated blanks)
     * @param listUri       the code list's URI, e.g. {@code urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staat}
     * @param listVersionId the code list's version, e.g. {@code 2024-02-01}
     * @throws de.ozgsdk.core.InvalidInputException naming the argument that is missing or malformed
     */
    public static Code of(String code, String listUri, String listVersionId) {
        return new Code(
                Arguments.matching(code, TOKEN, "xs:token", "code", OWNER),
                null,
                absoluteUri(listUri),
                Arguments.matching(listVersionId, NO_LINE_BREAKS, "xs:normalizedString", "listVersionID", OWNER));
    }

    /** This code with the given name (the code list's text for it, e.g. "Deutschland"). */
    public Code withName(String name) {
        return new Code(code, Arguments.text(name, "name", OWNER), listUri, listVersionId);
    }

    /** The code. */
    public String code() {
        return code;
    }

    /** The code list's text for the code, if given. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The URI of the code list ({@code listURI}). */
    public String listUri() {
        return listUri;
    }

    /** The version of the code list ({@code listVersionID}). */
    public String listVersionId() {
        return listVersionId;
    }

    private static String absoluteUri(String value) {
        String checked = Arguments.matching(value, NO_WHITESPACE, "absolute URI", "listURI", OWNER);
        try {
            if (new URI(checked).isAbsolute()) {
                return checked;
            }
        } catch (URISyntaxException e) {
            // reported below, like a relative URI
        }
        throw Arguments.malformed("listURI", OWNER, "absolute URI");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Code other && Objects.equals(code, other.code) && Objects.equals(name, other.name)
                && Objects.equals(listUri, other.listUri) && Objects.equals(listVersionId, other.listVersionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, name, listUri, listVersionId);
    }

    @Override
    public String toString() {
        return "Code[" + code + (name == null ? "" : " \"" + name + "\"") + ", " + listUri + ", " + listVersionId + "]";
    }
}
