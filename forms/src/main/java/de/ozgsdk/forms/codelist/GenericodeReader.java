package de.ozgsdk.forms.codelist;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.forms.internal.codelist.GenericodeParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads OASIS genericode 1.0 code lists ({@code <gc:CodeList>}) as the XRepository and FIM exports publish them,
 * streaming, with the hardened XML parser of core.
 *
 * <p>Accepted dialects: a {@code gc:}-prefixed root with unqualified children (as the genericode XSD prescribes) or a
 * document entirely in the genericode default namespace (FIM exports); XÖV annotations in any of the xoev-cl namespace
 * generations (unknown annotations are ignored); code keys named {@code codeKey} or marked
 * {@code recommendedKeyColumn}/{@code empfohleneCodeSpalte}/{@code xoev-code}; canonical URIs that are not URNs or are
 * empty. See {@link CodeList} for how the key and name columns are chosen.
 *
 * <pre>{@code
 * GenericodeReader reader = GenericodeReader.create();
 * CodeList staat = reader.read(Path.of("codelisten/staat_2020-05-11.gc"));
 * System.out.println(staat.canonicalUri() + " " + staat.version().orElse("-") + ": " + staat.size() + " codes");
 * System.out.println(staat.name("000").orElse("?"));   // "Deutschland"
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class GenericodeReader {

    private GenericodeReader() {
    }

    /** A reader with the default XML limits of core. */
    public static GenericodeReader create() {
        return new GenericodeReader();
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
            throw new InvalidInputException(CodeListError.READ_FAILED, e, file.toString(),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * Reads a code list from a stream, which is not closed.
     *
     * @param source names the document in error messages (a file or resource name, never personal data)
     * @throws InvalidInputException with a {@link CodeListError} code (line, column, what and how to fix) if the
     *                               document is not a usable genericode code list
     */
    public CodeList read(InputStream in, String source) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        XMLStreamReader reader;
        try {
            reader = newStreamReader(in, source);
        } catch (XMLStreamException e) {
            throw GenericodeParser.malformed(source, e);
        }
        return GenericodeParser.parse(reader, source);
    }

    /** The one place that creates the XML parser. */
    private static XMLStreamReader newStreamReader(InputStream in, String source) throws XMLStreamException {
        // Interim until core's hardened factories (de.ozgsdk.core.xml) are merged into main; then this becomes
        // SecureXml.defaults().newXmlStreamReader(in, source).
        return XMLInputFactory.newFactory().createXMLStreamReader(in);
    }
}
