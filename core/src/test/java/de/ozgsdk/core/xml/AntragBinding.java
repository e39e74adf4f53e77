package de.ozgsdk.core.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.math.BigDecimal;

/** JAXB binding of {@link TestDocuments#ANTRAG}, as the xoev module would generate it. */
@XmlRootElement(name = "antrag", namespace = TestDocuments.NAMESPACE)
@XmlAccessorType(XmlAccessType.FIELD)
public class AntragBinding {

    @XmlElement(namespace = TestDocuments.NAMESPACE)
    String aktenzeichen;

    @XmlElement(namespace = TestDocuments.NAMESPACE)
    BigDecimal betrag;

    @XmlElement(namespace = "urn:ozg-sdk:test:meta")
    String quelle;
}
