package de.ozgsdk.forms.codelist;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.forms.internal.codelist.GenericodeParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads OASIS genericode 1.0 code lists ({@code <gc:CodeList>}) as the XRepository and FIM exports publish them,
 * streaming, with the hardened XML parser of core (no DTDs, no external entities, size and depth limits).
 *
 * <p>Accepted dialects: a {@code gc:}-prefixed root with unqualified children (as the genericode XSD prescribes) or a
 * document entirely in the genericode default namespace (FIM exports); XÖV annotations in any of the xoev-cl namespace
 * generations (unknown annotations are ignored); code keys named {@code codeKey} or marked
 * {@code recommendedKeyColumn}/{@code empfohleneCodeSpalte}/{@code xoev-code}; canonical URIs that are not URNs or are
 * empty. See {@link CodeList} for how the key and name columns are chosen.
 *
 * <pre>{@code
 * GenericodeReader reader = GenericodeReader.create();
 * CodeList staat = reader.read(fim.resolve("codelists/C60000016_genericode.gc"));
 * System.out.println(staat.canonicalUri() + " " + staat.version().orElse("-") + ": " + staat.size() + " codes");
 * System.out.println(staat.name("000").orElse("?"));   // "Deutschland"
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class GenericodeReader {

    private final SecureXml xml;

    private GenericodeReader(SecureXml xml) {
        this.xml = xml;
    }

    /** A reader with the default XML limits of core ({@link SecureXml#defaults()}). */
    public static GenericodeReader create() {
        return new GenericodeReader(SecureXml.defaults());
    }

    /** A reader with other XML limits, e.g. a larger {@link SecureXml.Builder#maxDocumentBytes(long)}. */
    public static GenericodeReader create(SecureXml xml) {
        return new GenericodeReader(Objects.requireNonNull(xml, "xml"));
    }

    /**
     * Reads a code list file.
     *
     * @throws InvalidInputException with a {@link CodeListError} code (line, column, what and how to fix) if the file
     *                               cannot be read or is not a usable genericode code list
     */
    public CodeList read(Path file) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, file.toString());
        } catch (IOException e) {
            // The kind of failure only: the JDK's text is English and would be the only English in a German message.
            throw new InvalidInputException(CodeListError.READ_FAILED, e, file.toString(),
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Reads a code list from a stream, which is not closed.
     *
     * @param source names the document in error messages (a file or resource name, never personal data)
     * @throws InvalidInputException with a {@link CodeListError} code (line, column, what and how to fix) if the
     *                               document is not a usable genericode code list, or with a
     *                               {@link de.ozgsdk.core.xml.XmlError} code if it is not well-formed, too large or
     *                               has a DOCTYPE
     */
    public CodeList read(InputStream in, String source) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        return GenericodeParser.parse(xml.newXmlStreamReader(in, source), source);
    }
}
