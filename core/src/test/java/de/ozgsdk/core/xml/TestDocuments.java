package de.ozgsdk.core.xml;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Small XML documents written for these tests, good and hostile. */
final class TestDocuments {

    static final String NAMESPACE = "urn:ozg-sdk:test:antrag";

    /** A normal application with a default and a prefixed namespace. */
    static final String ANTRAG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <antrag xmlns="urn:ozg-sdk:test:antrag" xmlns:m="urn:ozg-sdk:test:meta" m:version="2">
              <aktenzeichen>AZ-4711</aktenzeichen>
              <betrag>12.50</betrag>
              <m:quelle>Portal Müllheim</m:quelle>
            </antrag>
            """;

    /** A self-contained schema for {@link #ANTRAG} without the meta elements. */
    static final String ANTRAG_SCHEMA = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:ozg-sdk:test:antrag"
                       xmlns="urn:ozg-sdk:test:antrag" elementFormDefault="qualified">
              <xs:element name="antrag">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="aktenzeichen">
                      <xs:simpleType>
                        <xs:restriction base="xs:string"><xs:pattern value="AZ-[0-9]{4}"/></xs:restriction>
                      </xs:simpleType>
                    </xs:element>
                    <xs:element name="betrag" type="xs:decimal"/>
                    <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
                  </xs:sequence>
                  <xs:anyAttribute namespace="##other" processContents="lax"/>
                </xs:complexType>
              </xs:element>
            </xs:schema>
            """;

    private TestDocuments() {
    }

    static InputStream in(String document) {
        return new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8));
    }

    /** An application whose {@code aktenzeichen} is an external entity pointing at {@code url}. */
    static String withExternalEntity(String url) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE antrag [ <!ENTITY xxe SYSTEM "%s"> ]>
                <antrag xmlns="urn:ozg-sdk:test:antrag"><aktenzeichen>&xxe;</aktenzeichen><betrag>1</betrag></antrag>
                """.formatted(url);
    }

    /** An application with an external DTD and an external parameter entity, both at {@code baseUrl}. */
    static String withExternalDtd(String baseUrl) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE antrag SYSTEM "%santrag.dtd" [ <!ENTITY %% remote SYSTEM "%sremote.dtd"> %%remote; ]>
                <antrag xmlns="urn:ozg-sdk:test:antrag"><aktenzeichen>AZ-0001</aktenzeichen><betrag>1</betrag></antrag>
                """.formatted(baseUrl, baseUrl);
    }

    /** The classic "billion laughs": ten levels of ten-fold entity expansion, 10^9 "lol"s. */
    static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int level = 1; level <= 9; level++) {
            dtd.append("<!ENTITY lol").append(level).append(" \"");
            dtd.append(("&lol" + (level - 1) + ";").repeat(10));
            dtd.append("\">");
        }
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [" + dtd + "]>\n<lolz>&lol9;</lolz>";
    }

    /** A document nested {@code depth} elements deep. */
    static String nested(int depth) {
        return "<e>".repeat(depth) + "</e>".repeat(depth);
    }
}
